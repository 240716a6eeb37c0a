{
  description = "nixaudit update test flake";

  inputs = {
    dep.url = "git+file://@DEP@";
    other.url = "git+file://@OTHER@";
  };

  outputs = { dep, other, ... }:
    let
      host = name: script: {
        config.system.build.toplevel = derivation {
          inherit name;
          system = "@SYSTEM@";
          builder = "/bin/sh";
          args = [ "-c" script ];
        };
      };
    in
    {
      nixosConfigurations = {
        web1 = host "web1" dep.lib.buildScript;
        web2 = host "web2" "echo ${other.lib.greeting} > $out";
      };
    };
}
