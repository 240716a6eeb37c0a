# Nothing here is unused: every binding is referred to from live code.
let
  key = "k";
  dyn = "d";
  withShadow = 1;
  recUsed = 2;
  fallback = 3;
  withDefault = { dflt ? fallback }: dflt;
  viaInherit = 4;
  legacy = let { x = 5; body = x; };
in
{
  "${key}" = 1;
  ${dyn} = 2;
  # A let binding wins over any with: this uses the let's withShadow.
  w = with { withShadow = 0; }; withShadow;
  r = rec { x = recUsed; y = x; };
  inherit viaInherit legacy withDefault;
}
