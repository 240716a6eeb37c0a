# Data flow through let: the condition is config, under another name.
{ config, lib, ... }:
let cfg = config.x; other = config.y; flag = other.enable; in
{
  imports = (if cfg.enable then [ ./a.nix ] else [ ]) # want "imports depend on `config` \\(through `cfg`\\)"
    ++ (if builtins.pathExists ./b.nix then [ ./b.nix ] else [ ])
    ++ lib.optionals flag [ ./c.nix ]; # want "imports depend on `config` \\(through `other`\\) \\(through `flag`\\)"
}
