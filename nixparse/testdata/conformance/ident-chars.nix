let a' = 1; a-b = 2; _c = 3; A9 = 4; in [ a' a-b _c A9 ]
