a: b: with a; with b; [ c (let a = 1; in with { }; a) ]
