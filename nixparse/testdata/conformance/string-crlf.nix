"a
bc
d"
