let
  a = 1
in a # want "syntax error, unexpected IN, expecting ';'"
