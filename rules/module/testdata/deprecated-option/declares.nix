# Declaring an option of the same name, and reading old options, is not
# defining them.
{ config, lib, ... }:
{
  options.sound.enable = lib.mkEnableOption "sound";
  config = lib.mkIf config.sound.enable {
    environment.etc."asound.conf".text = "";
    services.pulseaudio.enable = config.hardware.opengl.enable;
  };
}
