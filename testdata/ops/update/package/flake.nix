{
  description = "nixaudit update package test flake";

  outputs = _:
    let
      system = "@SYSTEM@";
      fetchurl = args: import <nix/fetchurl.nix> args;
      # A minimal mkDerivation: enough for a version, a src and the
      # meta.position nixpkgs' stdenv computes from pname.
      mkDerivation = { pname, version, src, ... }@attrs:
        derivation {
          name = "${pname}-${version}";
          inherit system version src;
          builder = "/bin/sh";
          args = [ "-c" "read line < $src; case $line in *broken*) echo broken source >&2; exit 1;; esac; echo $line > $out" ];
        } // {
          inherit version src;
          meta.position =
            let pos = builtins.unsafeGetAttrPos "pname" attrs;
            in "${pos.file}:${toString pos.line}";
        };
    in
    {
      packages.${system}.hello = import ./pkgs/hello.nix { inherit fetchurl mkDerivation; };
    };
}
