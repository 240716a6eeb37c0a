a: if a then if a then 1 else 2 else 3
