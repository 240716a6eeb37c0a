let a = 1; b = 2; s = { c = 3; }; in { inherit a b; inherit (s) c; x = { inherit a; }; }
