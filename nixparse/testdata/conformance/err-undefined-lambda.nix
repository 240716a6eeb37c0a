x:
  y
