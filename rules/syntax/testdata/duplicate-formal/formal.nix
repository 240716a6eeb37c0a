[
  ({ pkgs, lib, pkgs }: 1) # want "duplicate formal function argument 'pkgs'"
  (args@{ args, ... }: 1) # want "duplicate formal function argument 'args'"
  ({ a, b ? a, ... }@c: c)
  ({ x, y, x, y, x }: x) # want "duplicate formal function argument 'x'" "duplicate formal function argument 'y'"
  ({ a }: { a }: a)
  (a: { a }: a)
]
