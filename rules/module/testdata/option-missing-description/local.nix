# A local function that happens to be called mkOption is not lib's.
{ lib, ... }:
let
  mkOption = attrs: attrs // { type = lib.types.str; };
in
{
  options.x = mkOption { default = "x"; };
}
