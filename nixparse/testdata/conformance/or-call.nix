f: let or = 1; in f or
