[
  ({ pkgs, lib, pkgs }: 1) # want "duplicate formal function argument 'pkgs'"
  (args@{ args, ... }: 1) # want "duplicate formal function argument 'args'"
  ({ a, b ? a, ... }@c: c)
  ({ a }: { a }: a)
  (a: { a }: a)
]
