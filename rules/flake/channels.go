package flake

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sync"
	"time"
)

// channelsJSON is the table of nixpkgs channels: the rolling channels,
// and each release with its end of life, with the date it was checked.
//
//go:embed channels.json
var channelsJSON []byte

type channelTable struct {
	Checked  string   `json:"checked"`
	Sources  []string `json:"sources"`
	Rolling  []string `json:"rolling"`
	Releases []struct {
		Version   string `json:"version"`
		EndOfLife string `json:"endOfLife"`
	} `json:"releases"`
}

// channels is the parsed table, loaded on first use so that runs
// without a flake.lock do not pay for it; loadChannels panics on a
// malformed table, which tests catch.
var channels = sync.OnceValue(func() channelData { return loadChannels(channelsJSON) })

// release is one NixOS release with the day its support ends.
type release struct {
	Version   string
	EndOfLife time.Time
}

type channelData struct {
	Checked  time.Time
	Rolling  []string
	Releases []release // newest first
}

func loadChannels(src []byte) channelData {
	var t channelTable
	if err := json.Unmarshal(src, &t); err != nil {
		panic(fmt.Sprintf("channels.json: %v", err))
	}
	d := channelData{Rolling: t.Rolling, Checked: mustDate(t.Checked)}
	for _, r := range t.Releases {
		if !releaseVersion().MatchString(r.Version) {
			panic(fmt.Sprintf("channels.json: bad release %q", r.Version))
		}
		d.Releases = append(d.Releases, release{Version: r.Version, EndOfLife: mustDate(r.EndOfLife)})
	}
	slices.SortFunc(d.Releases, func(a, b release) int { return -compareVersions(a.Version, b.Version) })
	return d
}

func mustDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(fmt.Sprintf("channels.json: %v", err))
	}
	return t
}

var releaseVersion = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d\d\.\d\d$`) })

// compareVersions orders "YY.MM" versions, which sort as strings.
func compareVersions(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// releaseBranch matches the channels and branches of a release:
// nixos-24.11, nixos-24.11-small, nixpkgs-24.11-darwin, release-24.11.
var releaseBranch = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:nixos|nixpkgs|release)-(\d\d\.\d\d)(?:-small|-darwin)?$`)
})

// channelProblem says what is wrong with tracking ref at time now, or ""
// when ref is a supported channel (or a release newer than the table).
func channelProblem(ref string, now time.Time) string {
	if slices.Contains(channels().Rolling, ref) {
		return ""
	}
	if ref == "master" {
		return "`master` is not a channel: its commits have not passed Hydra's tests; use nixos-unstable or a release channel"
	}
	m := releaseBranch().FindStringSubmatch(ref)
	if m == nil {
		return fmt.Sprintf("%q is not a nixpkgs channel: use nixos-unstable, nixpkgs-unstable or a release channel (nixos-YY.MM)", ref)
	}
	version := m[1]
	for _, r := range channels().Releases {
		if r.Version == version {
			if !now.Before(r.EndOfLife.AddDate(0, 0, 1)) {
				return fmt.Sprintf("%s reached end of life on %s: move to a supported release", ref, r.EndOfLife.Format(time.DateOnly))
			}
			return ""
		}
	}
	oldest := channels().Releases[len(channels().Releases)-1]
	switch {
	case compareVersions(version, oldest.Version) < 0:
		return fmt.Sprintf("%s reached end of life before %s: move to a supported release", ref, oldest.EndOfLife.Format(time.DateOnly))
	case compareVersions(version, channels().Releases[0].Version) > 0:
		return "" // a release newer than the table: assume it is supported
	}
	return fmt.Sprintf("%s is not a NixOS release (channel table checked %s)", ref, channels().Checked.Format(time.DateOnly))
}
