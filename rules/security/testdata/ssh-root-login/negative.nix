{ config, ... }:
{
  services.openssh.settings."PermitRootLogin" = "prohibit-password";
  services.openssh.settings.PasswordAuthentication = true;
  services.openssh.extraConfig = "PermitRootLogin yes";
  services.other.settings.PermitRootLogin = "yes";
}
