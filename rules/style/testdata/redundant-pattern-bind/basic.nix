{
  a = args@{ ... }: args.pkgs; # want "^the empty pattern binds nothing: write args$"
  b = { ... }@args: args; # want "^the empty pattern binds nothing: write args$"
  c = args@{ pkgs, ... }: args;
  d = args: args;
  e = { ... }: 1;
}
