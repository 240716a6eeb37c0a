# A local mkIf is not lib.mkIf.
{ lib, ... }:
let
  mkIf = cond: value: if cond then value else null;
  true' = true;
in
{
  a = mkIf lib.trivial.inNixShell true;
  b = lib.mkIf lib.trivial.inNixShell true';
  c = lib.mkIf lib.trivial.inNixShell (x: true);
}
