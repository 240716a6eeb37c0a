package flake

import (
	"testing"
	"time"
)

func TestChannelProblem(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct{ ref, want string }{
		{"nixos-unstable", ""},
		{"nixpkgs-unstable", ""},
		{"nixos-26.05", ""},
		{"nixos-26.05-small", ""},
		{"nixpkgs-26.05-darwin", ""},
		{"release-26.05", ""},
		{"nixos-27.05", ""}, // newer than the table
		{"nixos-25.11", "nixos-25.11 reached end of life on 2026-06-30: move to a supported release"},
		{"nixos-21.11", "nixos-21.11 reached end of life before 2022-12-31: move to a supported release"},
		{"nixos-24.08", "nixos-24.08 is not a NixOS release (channel table checked 2026-11-25)"},
		{"master", "`master` is not a channel: its commits have not passed Hydra's tests; use nixos-unstable or a release channel"},
		{"my-branch", `"my-branch" is not a nixpkgs channel: use nixos-unstable, nixpkgs-unstable or a release channel (nixos-YY.MM)`},
	} {
		if got := channelProblem(c.ref, now); got != c.want {
			t.Errorf("channelProblem(%q) = %q, want %q", c.ref, got, c.want)
		}
	}
	if got := channels().Checked.Format(time.DateOnly); got != "2026-11-25" {
		t.Errorf("table checked %s", got)
	}
}
