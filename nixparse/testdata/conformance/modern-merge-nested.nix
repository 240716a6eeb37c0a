# conformance: modern
# Modern Nix merges nested sets recursively; Nix 2.8 reports 'c' already defined.
{ a = { c.x = 2; }; a = { c.y = 3; }; }
