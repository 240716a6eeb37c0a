# The file's own function is a module or a package: never reported.
{ ... }:
{
  imports = [ ({ ... }: { }) ];
  a = map ({ ... }: 1) [ { } ]; # want "^empty pattern \\{ ... \\}: write _$"
  b = { ... }: let x = 1; in { y = x; };
  c = { ... }: with { }; { };
  d = args@{ ... }: 1;
  e = { a, ... }: a;
  f = { ... }: "text"; # want "^empty pattern"
  home-manager.users.alice = { ... }: { home.stateVersion = "24.05"; };
}
