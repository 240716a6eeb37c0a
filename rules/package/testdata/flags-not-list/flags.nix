{ stdenv, buildGoModule, version }:
{
  a = stdenv.mkDerivation {
    name = "a";
    configureFlags = "--enable-foo --with-bar=baz"; # want "`configureFlags` is a string: write a list with one flag per element"
    makeFlags = "PREFIX=${placeholder "out"}"; # want "`makeFlags` is a string"
  };
  b = buildGoModule {
    pname = "b";
    inherit version;
    src = ./.;
    vendorHash = null;
    ldflags = ''-s -w -X main.version=${version}''; # want "`ldflags` is a string"
  };
  # Negatives: lists, an environment variable that is a string, and a
  # flags attribute outside a package builder.
  c = stdenv.mkDerivation {
    name = "c";
    configureFlags = [ "--enable-foo" "--with-bar=baz" ];
    cmakeFlags = [ "-DFOO=ON" ] ++ [ "-DBAR=OFF" ];
    NIX_CFLAGS_COMPILE = "-O3 -march=native";
    env.NIX_LDFLAGS = "-lm";
  };
  d = { configureFlags = "--a"; };
}
