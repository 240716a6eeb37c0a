# conformance: modern
# Modern Nix reports an undefined inherited variable at its name (line 5);
# Nix 2.8 where the bindings start, after the "{" (line 4).
{
  inherit nope;
}
