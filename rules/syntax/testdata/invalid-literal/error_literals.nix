[
  99999999999999999999 # want "invalid integer '99999999999999999999'"
  9223372036854775807
  ./config/ # want "path has a trailing slash"
  ./config
  ~/x/ # want "path has a trailing slash"
  "\q"
  1.5e3
]
