# conformance: modern
# A duplicate inside merged sets: modern Nix reports a.x at the inherited x
# (line 6); Nix 2.8 reports x at the first definition (line 5).
let x = 1; in {
  a = { x = 1; };
  a = { inherit x; };
}
