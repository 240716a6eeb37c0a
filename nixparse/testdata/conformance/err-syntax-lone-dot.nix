x:
  x.
