{ config, lib, ... }:
with lib;
let
  cfg = config.services.demo;
in
{
  services.nginx.enable = mkIf cfg.enable true; # want "`mkIf cfg.enable true` is just the condition"
  services.grafana.enable = lib.mkIf (cfg.enable && cfg.web) true; # want "`mkIf \\(cfg.enable && cfg.web\\) true` is just"
  services.redis.enable = lib.modules.mkIf cfg.cache true; # want "is just the condition"
  programs.git.enable = lib.mkIf cfg.enable false;
  programs.vim.enable = lib.mkIf true cfg.vim;
  programs.zsh.enable = mkIf cfg.enable cfg.zsh;
  environment.etc = mkIf cfg.enable { "x".text = "y"; };
  x = [ (mkIf cfg.enable true) ]; # want "is just the condition"
}
