f: a: [ (f a) (f a a) (f (f a)) (f [ a ]) (f { }) (f a.b) ]
