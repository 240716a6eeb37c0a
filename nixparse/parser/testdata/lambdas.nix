# Every lambda form and binding form.
let
  a = x: x;
  b = x: y: z: x;
  c = { }: 1;
  d = { ... }: 1;
  e = { p, q ? 1, r ? p, ... }: p;
  f = args@{ p, ... }: args;
  g = { p }@args: p;
  h = { p, }: p;
  i = __curPos;
  j = { __curPos }: __curPos;
  legacy = let { body = 1; x = 2; };
  r = rec { p = 1; q = p; };
  dyn = { ${"a"} = 1; "b c" = 2; "${a 1}" = 3; p.${"q"}.r = 4; };
  inh = { inherit a b; inherit ({ z = 1; }) z; inherit "c"; };
  emptyLet = let in 1;
in
  with r;
  assert p == 1;
  if p > q then a else b
