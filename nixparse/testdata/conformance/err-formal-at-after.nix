{ a }@a:
  a
