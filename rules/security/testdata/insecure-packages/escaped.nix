# A name spelled with escapes only (never written out in this file) in
# a quoted key: Nix reads it as the name.
{
  nixpkgs.config."allow\Insec\ure" = true; # want "allow.nsecure permits every insecure package"
}
