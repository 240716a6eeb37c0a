# A list of paths written out lists nothing.
{
  imports = [ ./a.nix ./b/c.nix ];
}
