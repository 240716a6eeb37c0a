{
  outputs = { self, nixpkgs }: { };
}
