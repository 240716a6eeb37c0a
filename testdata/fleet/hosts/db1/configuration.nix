{ config, pkgs, ... }:

{
  imports = [ ../web1/hardware.nix ];

  networking.hostName = "db1";
  networking.firewall.enable = false;

  services.postgresql = {
    enable = true;
    package = pkgs.postgresql_16;
    enableTCPIP = true;
  };

  users.users.backup = {
    isNormalUser = true;
    initialPassword = "changeme-backup-2024";
  };

  services.restic.backups.nightly = {
    repository = "sftp:backup@backup.example.org:/srv/restic/db1";
    passwordFile = config.age.secrets.restic.path;
    paths = [ "/var/lib/postgresql" ];
  };

  age.secrets.restic.file = ../../secrets/restic.age;
}
