# nixaudit: ignore-file[empty-inherit] generated file, cleaned up upstream
{
  inherit;
  # nixaudit: ignore[url-literal] mirrors are listed verbatim
  a = https://example.org/a.tar.gz;
  b = https://example.org/b.tar.gz; # nixaudit: ignore[url-literal]
  c = https://example.org/c.tar.gz;
  d = "quoted"; # nixaudit: ignore[url-literal] stale
  e = [ undefinedName ]; # nixaudit: ignore[syntax,no-such-rule]
}
