{ config, lib, ... }:
let
  dbPass = "/run/secrets/db";
in
{
  services.a.password = builtins.readFile config.sops.secrets.db.path; # want "reading the sops secret db at evaluation copies the secret into the world-readable Nix store"
  services.b.password = builtins.readFile "/run/secrets/b"; # want "reading /run/secrets/b at evaluation"
  services.c.password = builtins.readFile ./secrets/c.age; # want "reading ./secrets/c.age at evaluation"
  services.d.password = lib.fileContents dbPass; # want "reading /run/secrets/db at evaluation"
  services.e.password = builtins.readFile (./keys + "/wg-password"); # want "reading ./keys/wg-password at evaluation"
  services.f.passwordFile = config.age.secrets.f.path;
  services.g.config = builtins.readFile ./config.toml;
  services.h.key = builtins.readFile ./secrets/host.pub;
  services.i.password = with builtins; readFile config.age.secrets.i.path; # want "reading the age secret i at evaluation"
}
