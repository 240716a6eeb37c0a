{
  services.redis.servers.cache = {
    enable = true;
    openFirewall = true; # want "redis is opened to every network the host is on"
  };
  services.cockpit.openFirewall = true; # want "cockpit is opened to every network"
  services.grafana.openFirewall = false;
  services.jellyfin.openFirewall = true;
  services.syncthing.openDefaultPorts = true;
  services.prometheus.exporters.node.openFirewall = true;
}
