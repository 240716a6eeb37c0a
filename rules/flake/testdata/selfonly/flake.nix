# Nothing to lock: no inputs, and outputs takes only self.
{
  outputs = { self }: { lib = import ./lib.nix; };
}
