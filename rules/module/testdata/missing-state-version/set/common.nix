{ lib, ... }:
let
  stateVersion = "24.11";
in
{
  system = {
    inherit stateVersion;
  };
  home-manager.users.alice = {
    home.stateVersion = lib.mkDefault "24.11";
  };
}
