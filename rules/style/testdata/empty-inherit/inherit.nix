let
  inherit; # want "empty inherit: it binds nothing"
  x = 1;
  inherit (builtins) map;
in
{
  inherit x;
  inherit (x); # want "empty inherit"
  a = { b = 1; inherit; }; # want "empty inherit"
  c = { inherit ({ d = 1; }) d; };
  inherit map;
}
