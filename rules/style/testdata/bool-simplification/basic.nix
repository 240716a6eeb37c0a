{ a, b, c }:
{
  x = !(a == b); # want "^negated comparison: write !=$"
  y = !(a != b) && c; # want "^negated comparison: write ==$"
  z = !(a == b) == c; # want "^negated comparison: write !=$"
  w = !(a < b);
  v = !a;
  u = !( /* keep */ a == b); # want "^negated comparison: write !=$"
}
