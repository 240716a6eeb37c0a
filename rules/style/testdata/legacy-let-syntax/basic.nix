{
  a = let { # want "^legacy let \\{ … \\} syntax"
    # the name
    x = "hello";
    body = x;
  };
  b = let x = 1; in x;
}
