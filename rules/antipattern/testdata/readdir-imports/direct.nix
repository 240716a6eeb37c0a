{ lib, ... }:
{
  imports = [ ./hardware.nix ] ++ map (n: ./hosts + "/${n}") (builtins.attrNames (builtins.readDir ./hosts)); # want "imports are discovered"
  config = {
    imports = [ ];
  };
}
