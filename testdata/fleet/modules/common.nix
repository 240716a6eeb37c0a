# Settings every host of the fleet shares.
{ config, lib, pkgs, ... }:

let
  adminKeys = [
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk0wtVtUQ0l1x8+9Kt3b0a2pOeY8sVQY3+7G0mJ2cGd admin@laptop"
  ];
  unusedHelper = name: "host-${name}";
in
{
  time.timeZone = "Europe/Berlin";
  i18n.defaultLocale = "en_US.UTF-8";

  services.openssh = {
    enable = true;
    settings.PermitRootLogin = "yes";
    settings.PasswordAuthentication = false;
  };

  users.users.admin = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    openssh.authorizedKeys.keys = adminKeys;
  };

  nix.settings.experimental-features = [ "nix-command" "flakes" ];

  environment.systemPackages = with pkgs; [ git htop vim ];

  system.stateVersion = "24.11";
}
