let
  x = ;
  y = 2;
in 1
