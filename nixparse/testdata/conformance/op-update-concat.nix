a: b: [ (a // b // a) (a ++ b ++ a) (a // b ++ a) ]
