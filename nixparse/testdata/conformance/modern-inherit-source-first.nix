# conformance: modern
# Modern Nix binds the sources of `inherit (e)` before a set's attributes,
# so the undefined `src` (line 8) is its first error; Nix 2.8 binds the
# attributes in symbol order and reports `early`, where the bindings start.
{
  inherit early;
  a = 1;
  inherit (src) b;
}
