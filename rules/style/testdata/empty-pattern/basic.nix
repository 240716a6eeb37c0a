# The file's own function is a module or a package: never reported.
{ lib, ... }:
let
  text = { ... }: "text"; # want "^empty pattern"
in
{
  imports = [ ({ ... }: { }) ];
  a = map ({ ... }: 1) [ { } ]; # want "^empty pattern \\{ ... \\}: write _$"
  b = { ... }: let x = 1; in { y = x; };
  c = { ... }: with { }; { };
  d = args@{ ... }: 1;
  e = { a, ... }: a;
  # An option's value may be a module (submodule, deferredModule).
  f = { ... }: "text";
  g = lib.mkDefault ({ ... }: true);
  h = text { };
  home-manager.users.alice = { ... }: { home.stateVersion = "24.05"; };
}
