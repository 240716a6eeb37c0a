# Lists of one package each, which repeat a package only together: the
# unconditional ones are one group, each conditional list a group alone.
{ config, lib, pkgs, ... }:
{
  home.packages = [ pkgs.git ] ++ [ pkgs.git ]; # want "`pkgs.git` is already in this list \\(line 5\\)"
  environment.systemPackages = [ pkgs.vim ]
    ++ lib.optionals config.a [ pkgs.vim ]
    ++ lib.optionals config.b [ pkgs.vim ];
  users.users.dave.packages = [ pkgs.jq ] ++ lib.optionals config.c [ pkgs.fd (pkgs.fd) ]; # want "`pkgs.fd` is already in this list"
}
