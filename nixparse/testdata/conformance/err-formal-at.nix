args@{ args, x }:
  x
