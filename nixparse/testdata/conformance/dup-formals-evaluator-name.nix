# `name` is one of the names the evaluator makes before parsing, and
# `map` a global: both come before the file's `b`, `name` before `map`.
{ b, map, name, b, map, name }: b
