let a = { b = 1; c = 2; }; in { inherit (a) "b" ${"c"}; }
