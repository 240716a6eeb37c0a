# Of the names a pattern repeats, Nix reports the one whose symbol it made
# first: `c` is made by the let, before the pattern's `a`.
let c = 1; in { a, c, a, c }: c
