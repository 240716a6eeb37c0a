package update

import (
	"reflect"
	"testing"
	"time"
)

func TestAge(t *testing.T) {
	now := day("2024-06-01").Add(13 * time.Hour)
	for date, want := range map[string]string{
		"2024-06-01": "today",
		"2024-05-31": "1 day old",
		"2024-04-03": "59 days old",
		"2024-04-02": "2 months old",
		"2023-06-03": "12 months old",
		"2022-06-01": "2 years old",
		"2024-06-02": "today", // 11 hours ahead still rounds to today
		"2024-06-03": "in the future",
	} {
		if got := age(day(date).Unix(), now); got != want {
			t.Errorf("age(%s) = %q, want %q", date, got, want)
		}
	}
	if got := age(0, now); got != "age unknown" {
		t.Errorf("age(0) = %q", got)
	}
}

func TestParseStatusZ(t *testing.T) {
	out := []byte(" M flake.lock\x00M  a b.nix\x00R  new.nix\x00old.nix\x00?? untracked\x00")
	want := []string{"flake.lock", "a b.nix", "new.nix", "old.nix", "untracked"}
	if got := parseStatusZ(out); !reflect.DeepEqual(got, want) {
		t.Errorf("parseStatusZ = %q, want %q", got, want)
	}
}

func TestVersionOfTag(t *testing.T) {
	for tag, want := range map[string]string{"v1.2.3": "1.2.3", "V2": "2", "1.0": "1.0", "version-3": "version-3", "v": "v"} {
		if got := versionOfTag(tag); got != want {
			t.Errorf("versionOfTag(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestNixString(t *testing.T) {
	if got, want := nixString("1.0-${x}\"\\"), `"1.0-\${x}\"\\"`; got != want {
		t.Errorf("nixString = %s, want %s", got, want)
	}
}
