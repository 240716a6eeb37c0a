# Documentation calls and attributes, nested in each other, hide the
# strings and bindings under them; those after them are looked at again.
{ lib, ... }:
{
  a = lib.literalExpression { password = "q8Zr2LmXv9TkW4bN7pCy"; t = "ghp_R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0"; };
  b = (lib.literalMD "ghp_R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0") "ghp_R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0"; # want "hardcoded GitHub token"
  c.example = [ (lib.literalExpression "x") { token = "q8Zr2LmXv9TkW4bN7pCy"; } "ghp_R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0" ];
  d = lib.literalExpression { description = "x"; apiKey = "q8Zr2LmXv9TkW4bN7pCy"; };
  e = lib.mdDoc (lib.literalMD "ghp_R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0");
  apiKey = "q8Zr2LmXv9TkW4bN7pCy"; # want "`apiKey` holds a hardcoded secret"
  f = "AKIAZ7QK3M9XW2RB5TLP"; # want "hardcoded AWS access key"
  g = [ "${lib.literalMD "AKIAZ7QK3M9XW2RB5TLP"}AKIAZ7QK3M9XW2RB5TLQ" ]; # want "hardcoded AWS access key"
}
