{
  a = let in 1; # want "^empty let … in: it binds nothing$"
  b = let # want "^empty let … in"
    # nothing bound here
  in
    2;
  c = let x = 1; in x;
}
