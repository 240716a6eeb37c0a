{ fetchurl }:
{
  a = fetchurl { url = https://example.org/a.tar.gz; }; # want "URL literal: quote it"
  b = "https://example.org/b.tar.gz";
  c = ./relative/path.nix;
  d = [ mirror://gnu/hello/hello-2.12.tar.gz git+ssh://host/repo ]; # want "URL literal" "URL literal"
  e = "${"https"}://example.org";
  f = ''
    https://example.org/in-an-indented-string
  '';
  # https://example.org/in-a-comment
  g = <nixpkgs/lib>;
}
