# No token is written out in this file: escapes of a first or a last
# byte of a marker spell them, which Nix reads as the tokens.
{
  a = "AKI\AZ7QK3M9XW2RB5TLP"; # want "hardcoded AWS access key \\(AKI.…\\(20 chars\\)\\)"
  b = "\gh\p_R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0"; # want "hardcoded GitHub token"
  c = "xo\xb-2451837465-9Qm3Lz8RtYwPk4Vn"; # want "hardcoded Slack token"
  # Escapes that spell no marker byte: no token.
  d = "ghp\n_R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0 \t \"";
}
