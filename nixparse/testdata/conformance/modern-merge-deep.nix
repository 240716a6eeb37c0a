# conformance: modern
# Modern Nix merges nested sets recursively; Nix 2.8 reports 'b' already defined.
{ a.b.c = 1; a = { b = { d = 2; }; }; }
