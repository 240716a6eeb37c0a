# No config argument to hide.
{ lib, ... }:
let
  config = { a = 1; };
in
{
  environment.etc.x.text = builtins.toJSON config;
}
