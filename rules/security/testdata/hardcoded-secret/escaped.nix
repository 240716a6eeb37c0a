# No token is written out in this file: an escape spells one, which Nix
# reads as the key itself.
{
  services.app.environment.AWS_ID = "AK\IAZ7QK3M9XW2RB5TLP"; # want "hardcoded AWS access key \\(AK.A…\\(20 chars\\)\\)"
}
