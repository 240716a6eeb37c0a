x: [ x.or (x.a.or or 1) ({ a = 1; }.a or 2) (x.or or x.or) ]
