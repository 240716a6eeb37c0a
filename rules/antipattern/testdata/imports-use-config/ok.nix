{ config, lib, inputs, ... }:
let
  hostDir = ./hosts;
in
{
  imports = [ inputs.home-manager.nixosModules.default ./hw.nix (hostDir + "/x.nix") ]
    ++ lib.optional (builtins.pathExists ./x.nix) ./x.nix;
  networking.hostName = config.networking.hostName;
}
