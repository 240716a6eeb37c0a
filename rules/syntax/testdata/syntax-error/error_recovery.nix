{
  a = ; # want "syntax error, unexpected ';'"
  b = 1;
  c = [ 1 2 ); # want "syntax error, unexpected '\\)'"
  d = 2;
}
