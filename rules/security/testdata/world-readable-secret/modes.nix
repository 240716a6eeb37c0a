{ config, ... }:
let
  cfg = config.services.app;
in
{
  age.secrets.db = { file = ./db.age; mode = "0444"; }; # want "secret db is readable by every user \\(mode 0444\\): use 0400"
  age.secrets.web = { file = ./web.age; mode = "0440"; group = "nginx"; };
  age.secrets.shared = { file = ./s.age; mode = "0440"; group = "users"; }; # want "secret shared is readable by the users group \\(mode 0440\\)"
  age.secrets.nogroup = { file = ./n.age; mode = "0440"; };
  sops.secrets.admins = { mode = "0640"; group = "wheel"; }; # want "secret admins is readable by the wheel group \\(mode 0640\\)"
  sops.secrets.owner-only-group = { mode = "0604"; group = "keys"; }; # want "secret owner-only-group is readable by every user"
  sops.secrets."api/token" = { mode = "0644"; }; # want "secret api/token is readable by every user"
  sops.secrets.private.mode = "0400";
  sops.templates."app.env".mode = "0604"; # want "secret app.env is readable by every user"
  age.secrets.computed.mode = cfg.mode;
  environment.etc."x".mode = "0444";
}
