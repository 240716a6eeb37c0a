# An element of a list of paths may be a call that lists a directory.
{
  imports = [ ./a.nix (builtins.readDir ./m) ]; # want "imports are discovered"
}
