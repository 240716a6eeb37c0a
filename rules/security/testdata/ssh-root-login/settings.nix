{ lib, ... }:
{
  services.openssh = {
    enable = true;
    settings.PermitRootLogin = "yes"; # want "SSH allows root to log in with a password"
    settings.PasswordAuthentication = false;
  };
}
