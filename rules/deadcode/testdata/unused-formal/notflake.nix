# Not a flake.nix: an `outputs` function here is an ordinary function.
{
  outputs = { self, nixpkgs }: nixpkgs; # want "^formal self is never used$"
}
