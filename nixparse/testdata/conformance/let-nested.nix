let a = let c = 1; b = c; in b; in let d = a; in d
