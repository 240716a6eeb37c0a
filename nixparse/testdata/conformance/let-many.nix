let z = 1; y = 2; x = 3; w = 4; v = 5; u = 6; t = 7; in [ z y x w v u t ]
