let a = 1; in let inherit a; inherit ({ b = 2; }) b; in a
