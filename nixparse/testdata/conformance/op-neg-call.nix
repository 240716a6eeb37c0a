f: x: [ ((-x) f) ((x - 1) f) ((f x) x) ((x < 1) f) ((x > 1) f) ((<nixpkgs>) x) ]
