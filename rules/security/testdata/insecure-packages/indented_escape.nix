# An escape of an indented string spells a byte of the name (never
# written out in this file).
{
  nixpkgs.config.${''allowIns''\ecurePredicate''} = p: true; # want "allowIn.ecurePredicate permits every insecure package the predicate accepts"
}
