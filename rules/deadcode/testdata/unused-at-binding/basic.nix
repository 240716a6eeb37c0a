{
  a = args@{ pkgs, ... }: pkgs; # want "^@-binding args is never used$"
  b = { pkgs, ... }@args: pkgs; # want "^@-binding args is never used$"
  c = args@{ pkgs, ... }: args.lib;
  d = _args@{ pkgs, ... }: pkgs;
  e = args@{ ... }: let x = args; in 1; # want "^@-binding args is only used by unused bindings$"
  f = args @ { pkgs, ... }: pkgs; # want "^@-binding args is never used$"
}
