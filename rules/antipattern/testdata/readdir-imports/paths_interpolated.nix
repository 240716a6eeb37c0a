# A path may interpolate a name whose value lists a directory.
let
  first = builtins.head (builtins.attrNames (builtins.readDir ./m));
in
{
  imports = [ ./a.nix ./m/${first} ]; # want "imports are discovered"
}
