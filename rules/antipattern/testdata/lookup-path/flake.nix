{
  outputs = { self }: {
    lib = import <nixpkgs/lib>; # want "<nixpkgs/lib> in a flake depends on NIX_PATH"
  };
}
