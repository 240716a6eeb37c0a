let s = { a = 1; b = 2; }; t = s; in { inherit (s) a; inherit (t) b; inherit (s // t) ; }
