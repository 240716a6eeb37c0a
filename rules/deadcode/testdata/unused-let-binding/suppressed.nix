let
  # Used only by a dead binding whose finding is suppressed: it must stay,
  # or removing it would leave b referring to nothing.
  a = 1;
  # deadnix: skip
  b = a; # want "^let binding b is never used$"
  _c = d;
  d = 2;
in
3
