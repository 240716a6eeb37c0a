{ x, y,
  x }: x
