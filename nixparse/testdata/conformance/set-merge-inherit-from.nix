let s = { x = 1; }; in { a = { inherit (s) x; }; a = { z = 3; }; }
