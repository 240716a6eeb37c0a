# A let or rec binding whose value is a boolean is one too, followed
# through other bindings; function arguments are not.
arg:
let
  x = true;
  y = !arg;
  z = y;
  loop = loop2;
  loop2 = loop;
  n = null;
in
rec {
  a = x == true; # want "^comparison with true: write x$"
  b = true == x; # want "^comparison with true: write x$"
  c = if z == false then 1 else 2; # want "^comparison with false: write !z$"
  d = arg == true;
  e = loop == true;
  f = n == false;
  g = r != true; # want "^comparison with true: write !r$"
  r = arg.enable;
}
