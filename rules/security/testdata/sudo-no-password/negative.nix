{
  security.sudo.wheelNeedsPassword = true;
  security.sudo.extraConfig = "Defaults lecture = never";
}
