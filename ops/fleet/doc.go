// Package fleet is the set of hosts the fleet operations act on: the
// flake's nixosConfigurations, each merged with its [hosts.NAME] settings
// from .nixaudit.toml and the defaults, and the --on selection of some of
// them.
package fleet
