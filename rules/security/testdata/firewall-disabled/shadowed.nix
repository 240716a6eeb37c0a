{ ... }:
let
  false = true;
in
{
  networking.firewall.enable = false;
}
