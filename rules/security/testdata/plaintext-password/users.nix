{ config, ... }:
{
  users.users.alice = {
    isNormalUser = true;
    password = "hunter2"; # want "users.users.alice.password is a plaintext password \\(…\\(7 chars\\)\\) in the world-readable Nix store"
  };
  users.users.root.initialPassword = "nixos-initial-pw"; # want "users.users.root.initialPassword is a plaintext password \\(ni…\\(16 chars\\)\\)"
  users.extraUsers.legacy.password = ""; # want "users.extraUsers.legacy.password is a plaintext password \\(…\\(0 chars\\)\\)"
  users.users.bob.hashedPassword = "$6$abc$def";
  users.users.carol.hashedPasswordFile = config.sops.secrets.carol.path;
  users.users.dave.passwordFile = "/run/secrets/dave";
  users.users.erin.password = config.secrets.erin;
  users.users.frank.initialHashedPassword = "";
}
