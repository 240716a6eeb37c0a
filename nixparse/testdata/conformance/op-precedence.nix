a: b: c: [ (a + b == c) (a ++ b + c) (-a.b) (!a.b or c) (a ? b.c && b) (a b c + a) (-a - -b) (a // b ? c) ]
