let or = 1; f = x: x; in [ (f or) (f (f or)) ]
