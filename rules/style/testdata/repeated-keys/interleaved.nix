# Keys whose bindings interleave, more paths than a message lists,
# dynamic first keys (never grouped), and sets one after another and one
# inside another (each grouped on its own).
{
  b.x = 1; # want "^b is repeated in 4 paths \\(b.x, b.y, b.\"z\", …\\): consider b = \\{ … \\}$"
  a.x = 1; # want "^a is repeated in 3 paths \\(a.x, a.y, a.z\\): consider a = \\{ … \\}$"
  b.y = 1;
  a.y = 1;
  ${k}.x = 1;
  ${k}.y = 1;
  ${k}.z = 1;
  b."z" = 1;
  a.z = 1;
  c = 1;
  b.w = {
    d.x = 1; # want "^d is repeated in 3 paths \\(d.x, d.y, d.z\\): consider d = \\{ … \\}$"
    d.y = 1;
    d.z = 1;
    a.x = 1;
    a.y = 1;
  };
  e = { f.x = 1; f.y = 1; };
}
