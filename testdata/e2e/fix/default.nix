{ fetchurl }:
{
  inherit;
  src = fetchurl {
    urls = [ https://example.org/a.tar.gz mirror://gnu/a.tar.gz ];
    inherit;
  };
  d = "quoted"; # nixaudit: ignore[url-literal]
}
