{ fetchurl, fetchgit, fetchzip, host }:
{
  a = fetchurl { url = "http://example.org/a.tar.gz"; hash = "sha256-AAAA"; }; # want "download over http is not authenticated: anyone on the network path can replace it; use https://"
  b = fetchgit { url = "git://example.org/b.git"; rev = "0123456789abcdef0123456789abcdef01234567"; hash = ""; }; # want "download over git is not authenticated"
  c = fetchzip { urls = [ "https://example.org/c.zip" "http://mirror.example.org/c.zip" ]; hash = ""; }; # want "download over http"
  d = builtins.fetchTarball "http://example.org/d.tar.gz"; # want "download over http"
  e = fetchurl { url = "https://example.org/e"; hash = ""; };
  f = fetchurl { url = "http://localhost:8080/f"; hash = ""; };
  g = fetchurl { url = "mirror://gnu/hello/hello-2.12.tar.gz"; hash = ""; };
  meta.homepage = "http://example.org";
  h = fetchurl { url = "http://${host}/h"; hash = ""; }; # want "download over http"
}
