a: [ (a.b or 1) (a.b.c or a.d or 2) (a.b or (x: x)) ]
