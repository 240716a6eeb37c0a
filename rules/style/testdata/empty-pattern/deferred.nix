# Shaped like nixpkgs' lib/tests/modules/deferred-module-error.nix: the
# value of a deferredModule option is a module, pattern and all.
{ config, lib, ... }:
{
  options.deferred = lib.mkOption { type = lib.types.deferredModule; };
  config = {
    deferred =
      { ... }:
      true;
    other = lib.mkIf true ({ ... }: { });
  };
}
