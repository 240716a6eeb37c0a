{
  networking.firewall = {
    allowedTCPPorts = [ 80 443 ];
    allowedTCPPortRanges = [
      { from = 1; to = 65535; } # want "the firewall opens every port"
      { from = 8000; to = 8010; }
      { from = 10000; to = 20000; } # want "the firewall opens 10001 ports \\(10000-20000\\)"
    ];
    allowedUDPPortRanges = [ { from = 60000; to = 61000; } { from = 50000; to = 51000; } ]; # want "opens 1001 ports \\(50000-51000\\)"
    interfaces.eth0.allowedTCPPortRanges = [ { from = 1000; to = 1999; } ];
    interfaces.wg0.allowedUDPPortRanges = [ { from = 0; to = 65535; } ]; # want "every port"
  };
  services.foo.allowedTCPPortRanges = [ { from = 1; to = 65535; } ];
}
