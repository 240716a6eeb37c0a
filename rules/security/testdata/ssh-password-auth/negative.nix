{ config, ... }:
{
  services.openssh.settings.PasswordAuthentication = false;
  services.openssh.settings.PermitRootLogin = "yes";
  services.openssh.settings.UsePAM = true;
}
