# Functions that forward their arguments, or use one to find the
# function they call, through parentheses and selections.
{ lib }:
{
  second = a: b: (b.run) a b;
  first = a: b: ((a)).run.now a b;
  three = a: b: c: (lib.foldl) a b c; # want "`three` only passes its arguments on to lib.foldl"
  swapped = a: b: c: lib.foldl a c b;
  outer = a: (b: lib.f a b); # want "`outer` only passes its arguments on to lib.f"
  inner = a: b: (x: lib.f x) a b;
}
