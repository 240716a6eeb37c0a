{ config, lib, pkgs, ... }:
{
  environment.systemPackages = with pkgs; [
    git
    vim
    pkgs.git # want "`pkgs.git` is already in this list \\(line 4\\): remove one"
    (python3.withPackages (ps: [ ps.requests ]))
    (python3.withPackages (ps: [ ps.numpy ]))
  ] ++ [ pkgs.vim ] # want "`pkgs.vim` is already in this list \\(line 5\\)"
    ++ lib.optionals config.services.xserver.enable [ git firefox firefox ]; # want "`firefox` is already in this list"
  home-manager.users.alice = { pkgs, ... }: {
    home.packages = [ pkgs.ripgrep pkgs.fd pkgs.ripgrep ]; # want "`pkgs.ripgrep` is already in this list"
  };
  # Different package sets, and the same name from different scopes.
  users.users.bob.packages = with pkgs.unstable; [ git pkgs.git ];
  users.users.carol.packages = lib.mkIf true [ pkgs.htop pkgs.btop ];
  # Not a package list.
  networking.firewall.allowedTCPPorts = [ 22 22 ];
}
