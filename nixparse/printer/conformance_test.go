package printer

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// The conformance tests compare our parser, binder and printer with
// `nix-instantiate --parse` (Nix 2.8.0), which must be installed: they
// fail, not skip, without it.
//
// TestConformance runs on nixparse/testdata/conformance. Files whose first
// line is "# conformance: modern" are where modern Nix, which we follow,
// differs from Nix 2.8 (recursive attribute-set merging, pipe operators,
// names added to the base environment, the position of an undefined
// inherited variable, the binding of inherit sources before a set's
// attributes, dynamic attributes of merged sets, Nix 2.8's crash
// on NixOS/nix#6562): for them Nix 2.8 must differ in a
// documented way and our output must equal NAME.exp.
//
// TestConformanceDir runs the same comparison on any directory and prints
// agreement figures:
//
//	go test ./nixparse/printer -run TestConformanceDir -v -corpus=/path/to/dir [-show=20]
var (
	corpusDir = flag.String("corpus", "", "directory whose .nix files TestConformanceDir compares with nix-instantiate --parse")
	showDiffs = flag.Int("show", 20, "disagreements TestConformanceDir prints in full")
)

const modernMarker = "# conformance: modern"

func TestConformance(t *testing.T) {
	files, err := filepath.Glob("../testdata/conformance/*.nix")
	if err != nil || len(files) == 0 {
		t.Fatalf("no conformance corpus: %v", err)
	}
	res := compare(t, files)
	for _, r := range res {
		src, err := os.ReadFile(r.file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(r.file)
		if !strings.HasPrefix(string(src), modernMarker) {
			if !agrees(r.ours, r.nix) {
				t.Errorf("%s:\n ours %s\n nix  %s", name, r.ours, r.nix)
			}
			continue
		}
		exp, err := os.ReadFile(strings.TrimSuffix(r.file, ".nix") + ".exp")
		if err != nil {
			t.Fatalf("%s: modern-Nix file without .exp: %v", name, err)
		}
		got := strings.ReplaceAll(r.ours.String(), r.file, name)
		if abs, err := filepath.Abs(r.file); err == nil {
			got = strings.ReplaceAll(got, abs, name)
		}
		if got != strings.TrimSuffix(string(exp), "\n") {
			t.Errorf("%s (modern Nix):\n got  %s\n want %s", name, got, exp)
		}
		if kind := modernDifference(r, string(src)); kind == "" {
			t.Errorf("%s is marked modern but Nix 2.8 does not differ in a documented way:\n ours %s\n nix  %s", name, r.ours, r.nix)
		}
	}
}

func TestConformanceDir(t *testing.T) {
	if *corpusDir == "" {
		t.Skip("give -corpus=DIR to compare a directory with nix-instantiate --parse")
	}
	var files []string
	err := filepath.WalkDir(*corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".nix") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	res := compare(t, files)
	agree, modern := 0, map[string]int{}
	var bad []result
	for _, r := range res {
		if agrees(r.ours, r.nix) {
			agree++
			continue
		}
		src, _ := os.ReadFile(r.file)
		if kind := modernDifference(r, string(src)); kind != "" {
			modern[kind]++
			continue
		}
		bad = append(bad, r)
	}
	fmt.Printf("%s: %d/%d files agree with nix-instantiate --parse (%.2f%%)\n",
		*corpusDir, agree, len(res), 100*float64(agree)/float64(max(1, len(res))))
	kinds := make([]string, 0, len(modern))
	for k := range modern {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Printf("  %d differ where modern Nix differs from 2.8: %s\n", modern[k], k)
	}
	byCategory := map[string]int{}
	for _, r := range bad {
		byCategory[category(r)]++
	}
	for c, n := range byCategory {
		fmt.Printf("  %d disagree: %s\n", n, c)
	}
	for i, r := range bad {
		if i == *showDiffs {
			break
		}
		fmt.Printf("%s:\n ours %s\n nix  %s\n", r.file, r.ours, r.nix)
	}
	if len(bad) > 0 {
		t.Errorf("%d of %d files disagree", len(bad), len(res))
	}
}

// result pairs our outcome and Nix's for one file.
type result struct {
	file      string
	ours, nix outcome
}

func compare(t *testing.T, files []string) []result {
	t.Helper()
	nix, err := nixParse(files)
	if err != nil {
		t.Fatal(err)
	}
	res := make([]result, len(files))
	for i, f := range files {
		ours, err := ourParse(f)
		if err != nil {
			t.Fatal(err)
		}
		res[i] = result{f, ours, nix[i]}
	}
	return res
}

// category names the kind of a disagreement.
func category(r result) string {
	switch {
	case r.nix.errMsg == "" && r.ours.errMsg == "":
		return "both print, differently"
	case r.nix.errMsg == "":
		return "Nix parses, we report an error"
	case r.ours.errMsg == "":
		return "Nix reports an error, we parse"
	}
	return "both report an error, on different lines"
}

// modernDifference names the documented modern-Nix behaviour that
// explains a disagreement with Nix 2.8, or returns "".
func modernDifference(r result, src string) string {
	nixMsg := r.nix.errMsg
	switch {
	case r.nix.crashed && r.ours.errMsg != "":
		return "Nix 2.8 crashes where modern Nix reports the error (NixOS/nix#6562)"
	case nixMsg == "" && r.ours.errMsg == "" && strings.Count(r.ours.printed, `"${`) > strings.Count(r.nix.printed, `"${`) &&
		withoutDynamicAttrs(r.ours.printed) == withoutDynamicAttrs(normalizeNix(r.nix.printed)):
		return "dynamic attributes of a set merged into another are kept (Nix 2.8 drops them)"
	case strings.HasPrefix(nixMsg, "attribute '") && strings.Contains(nixMsg, "already defined") &&
		!strings.Contains(r.ours.errMsg, "already defined"):
		return "recursive attribute-set merging"
	case strings.HasPrefix(nixMsg, "attribute '") && strings.Contains(r.ours.errMsg, "already defined"):
		return "attribute-set merging reports a nested duplicate where modern Nix does"
	case (strings.Contains(nixMsg, "unexpected '|'") || strings.Contains(nixMsg, "unexpected invalid token")) &&
		(strings.Contains(src, "|>") || strings.Contains(src, "<|")):
		return "pipe operators |> and <|"
	case strings.HasPrefix(nixMsg, "undefined variable '") && r.ours.errMsg == nixMsg && r.ours.inherited:
		return "an undefined inherited variable is reported at its name, not where the bindings start"
	case strings.HasPrefix(nixMsg, "undefined variable '") && r.ours.inSource && slices.Contains(r.ours.allMsgs, nixMsg):
		return "the sources of inherit (e) are bound before the attributes of their set"
	case strings.HasPrefix(nixMsg, "undefined variable '") && r.ours.errMsg == "" &&
		scope.IsModernGlobal(strings.TrimSuffix(strings.TrimPrefix(nixMsg, "undefined variable '"), "'")):
		return "global names added after Nix 2.8"
	}
	return ""
}

// withoutDynamicAttrs removes the "${e}" = v; bindings from a printed
// expression.
func withoutDynamicAttrs(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], `"${`) && i >= 2 && (s[i-2:i] == "{ " || s[i-2:i] == "; ") {
			i = min(len(s), scanTo(s, i, "; ")+2)
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
