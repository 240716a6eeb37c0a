# A let-bound wrapper named mkDerivation, and a builder from an imported
# set bound to a name first.
{ busybox }:
let
  config = import "${builtins.getEnv "TEST_ROOT"}/config.nix";
  mkDerivation = args: config.mkDerivation (args // { shell = busybox; });
in
with config;
{
  a = mkDerivation { name = "a"; };
  b = config.mkDerivation { name = "b"; };
}
