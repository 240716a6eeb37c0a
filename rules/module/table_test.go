package module

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// TestDeprecationTable checks the embedded table: enough entries, a
// release for each, and no option listed twice.
func TestDeprecationTable(t *testing.T) {
	table := deprecations()
	if len(table) < 30 {
		t.Errorf("%d deprecated options, want at least 30", len(table))
	}
	release := regexp.MustCompile(`^\d\d\.(05|11)$`)
	seen := map[string]bool{}
	for _, d := range table {
		old := strings.Join(d.Old, ".")
		if seen[old] {
			t.Errorf("%s listed twice", old)
		}
		seen[old] = true
		if !release.MatchString(d.Release) {
			t.Errorf("%s: release %q is not a NixOS release", old, d.Release)
		}
	}
	for i := 1; i < len(table); i++ {
		if len(table[i].Old) > len(table[i-1].Old) {
			t.Errorf("table not sorted longest path first at %s", strings.Join(table[i].Old, "."))
		}
	}
}

func TestDeprecationCheck(t *testing.T) {
	for _, c := range []struct {
		d    deprecation
		want string
	}{
		{deprecation{Old: []string{"a"}, Kind: "renamed", Release: "24.11"}, "renamed without a new option"},
		{deprecation{Old: []string{"a"}, Kind: "moved", Release: "24.11"}, `unknown kind "moved"`},
		{deprecation{Old: []string{"a"}, Kind: "removed"}, "no release"},
		{deprecation{Old: []string{"a", "b"}, New: []string{"*", "b"}, Kind: "renamed", Release: "24.11"}, "wildcard 0 of the new path has no counterpart"},
	} {
		if err := c.d.check(); err == nil || err.Error() != c.want {
			t.Errorf("check(%v) = %v, want %s", c.d, err, c.want)
		}
	}
}

// TestDeprecationIndex checks that the entries the index offers for a
// path are, in table order, all those that can match it: lookups give
// what trying every entry in order gives, for paths made of the table's
// names, other names and dynamic names, on the embedded table and on
// tables with wildcards.
func TestDeprecationIndex(t *testing.T) {
	tables := [][]deprecation{deprecations(), {
		{Old: []string{"a", "*", "c"}}, {Old: []string{"a", "b"}}, {Old: []string{"*", "*", "d"}}, {Old: []string{"e"}},
	}, {
		{Old: []string{"*", "b", "c"}}, {Old: []string{"a", "x"}}, {Old: []string{"a"}},
	}}
	for n, table := range tables {
		index := indexDeprecations(table)
		// The names the table has at each place, and others.
		var at [3][]string
		for i := range at {
			at[i] = []string{"other", "${x}"}
		}
		for _, d := range table {
			for i := 0; i < len(d.Old) && i < len(at); i++ {
				if !slices.Contains(at[i], d.Old[i]) {
					at[i] = append(at[i], d.Old[i])
				}
			}
		}
		var paths [][]string
		for _, a := range at[0] {
			paths = append(paths, []string{a})
			for _, b := range at[1] {
				paths = append(paths, []string{a, b})
				for _, c := range at[2] {
					paths = append(paths, []string{a, b, c}, []string{a, b, c, "z"})
				}
			}
		}
		for _, path := range paths {
			want := -1
			for i, d := range table {
				if nixmatch.MatchPrefixNames(path, d.Old) {
					want = i
					break
				}
			}
			got := -1
			for _, i := range index.candidates(path) {
				if nixmatch.MatchPrefixNames(path, table[i].Old) {
					got = i
					break
				}
			}
			if got != want {
				t.Errorf("table %d, path %q: entry %d, want %d", n, path, got, want)
			}
		}
	}
}
