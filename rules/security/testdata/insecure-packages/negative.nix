{
  nixpkgs.config.permittedInsecurePackages = [ ];
  nixpkgs.config.allowInsecure = false;
  nixpkgs.config.allowUnfree = true;
}
