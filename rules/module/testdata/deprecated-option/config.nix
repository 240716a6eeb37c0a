{ config, lib, pkgs, ... }:
{
  hardware.opengl.enable = true; # want "`hardware.opengl.enable` was renamed to `hardware.graphics.enable` in NixOS 24.11"
  hardware.opengl = {
    driSupport32Bit = true; # want "`hardware.opengl.driSupport32Bit` was renamed to `hardware.graphics.enable32Bit` in NixOS 24.11"
    driSupport = true; # want "`hardware.opengl.driSupport` was removed in NixOS 24.11: DRI support is always enabled"
  };
  sound.enable = true; # want "`sound.enable` was removed in NixOS 24.11"
  services.xserver.displayManager.sddm = { # want "`services.xserver.displayManager.sddm` was renamed to `services.displayManager.sddm` in NixOS 24.05"
    enable = true;
    wayland.enable = true;
  };
  services.xserver = {
    enable = true;
    xkbVariant = "intl"; # want "`services.xserver.xkbVariant` was renamed to `services.xserver.xkb.variant` in NixOS 23.11"
    libinput.enable = true; # want "`services.xserver.libinput` was renamed to `services.libinput` in NixOS 24.05"
  };
  services.openssh = lib.mkIf config.services.openssh.enable {
    permitRootLogin = "no"; # want "`services.openssh.permitRootLogin` was renamed to `services.openssh.settings.PermitRootLogin` in NixOS 23.05"
  };
  users.users.alice.passwordFile = "/run/secrets/alice"; # want "`users.users.alice.passwordFile` was renamed to `users.users.alice.hashedPasswordFile` in NixOS 23.11"
  users.users."bob-x".passwordFile = "/run/secrets/bob"; # want "`users.users.bob-x.passwordFile` was renamed"
  nix = lib.mkMerge [
    { binaryCaches = [ "https://cache.example.org" ]; } # want "`nix.binaryCaches` was renamed to `nix.settings.substituters` in NixOS 22.05"
    { settings.trusted-users = [ "root" ]; }
  ];
  programs.gnupg.agent.pinentryFlavor = "curses"; # want "`programs.gnupg.agent.pinentryFlavor` was replaced by `programs.gnupg.agent.pinentryPackage` in NixOS 24.05: it takes a package"
  # The new option is defined too: renaming would define it twice.
  fonts.fonts = [ pkgs.noto-fonts ]; # want "`fonts.fonts` was renamed to `fonts.packages` in NixOS 23.11"
  fonts.packages = [ pkgs.dejavu_fonts ];
  services.pds.enable = true; # want "`services.pds` was renamed to `services.bluesky-pds` in NixOS 25.11"
  virtualisation.lxd.enable = true; # want "`virtualisation.lxd` was removed in NixOS 25.11: migrate to virtualisation.incus"
  # Current options.
  hardware.graphics.extraPackages = [ ];
  services.displayManager.gdm.enable = false;
  services.xserver.xkb.layout = "us";
}
