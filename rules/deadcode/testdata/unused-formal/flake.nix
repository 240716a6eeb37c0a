{
  description = "outputs with `...`: unused inputs are reported, self never is";
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    utils.url = "github:numtide/flake-utils";
  };
  outputs = { self, nixpkgs, utils, ... }: { # want "^formal utils is never used$"
    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;
    lib.helper = { self, x }: x; # want "^formal self is never used$"
  };
}
