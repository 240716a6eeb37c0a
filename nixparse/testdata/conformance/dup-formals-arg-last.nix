# A lambda's argument is made after its body: the outer `a` comes after
# the pattern's `b`, though it is written first.
a: { b, a, b, a }: b
