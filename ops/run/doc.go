// Package run runs the external tools the fleet operations drive — nix,
// git, gh, ssh — as argument vectors, never as shell strings, so no
// configuration value is ever interpreted by a shell.
//
// A Runner keeps each command's stderr so that a failure says what ran,
// how it ended and what the tool printed last; it can stream stderr lines
// to a terminal while a long step runs. Nix wraps a Runner with the flake
// features enabled, the configured [nix] options, and the commands that
// differ between Nix versions (2.8 has `nix flake lock --update-input`,
// newer versions `nix flake update INPUT`).
package run
