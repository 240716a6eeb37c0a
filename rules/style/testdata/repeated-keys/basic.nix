{
  services.nginx.enable = true; # want "^services is repeated in 3 paths \\(services.nginx.enable, services.nginx.recommendedTlsSettings, services.openssh.enable\\): consider services = \\{ … \\}$"
  services.nginx.recommendedTlsSettings = true;
  services.openssh.enable = true;
  networking.hostName = "web";
  networking.domain = "example.org";
  users = { };
  x = let a.b = 1; a.c = 2; a.d = 3; in a;
}
