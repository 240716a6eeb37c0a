let or = x: x; f = a: a; in [ (f or) { or = 1; }.or ]
