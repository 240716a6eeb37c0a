{ lib, ... }:
{
  services.openssh.settings = {
    PasswordAuthentication = true; # want "SSH accepts password logins: use keys"
    KbdInteractiveAuthentication = true;
  };
  services.openssh.passwordAuthentication = lib.mkDefault true; # want "SSH accepts password logins"
}
