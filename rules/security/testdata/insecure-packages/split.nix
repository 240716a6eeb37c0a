# A name spelled across a quoted key's escapes and text (never written
# out in this file); other escapes that spell nothing of it.
{
  description = "a\n\t\"b\"";
  nixpkgs.config."permittedIn\secure\Packages" = [ "openssl-1.1.1w" ]; # want "permittedIn.ecurePackages permits insecure packages \\(openssl-1.1.1w\\)"
}
