// Package analyzertest runs nixaudit rules over Nix testdata, in the
// manner of golang.org/x/tools/go/analysis/analysistest.
//
// A diagnostic is expected on a line that carries a comment
//
//	# want "regexp" "another regexp"
//
// Each diagnostic reported on that line must match one of the regexps
// (Go string syntax, double-quoted or back-quoted), each regexp must be
// matched once, and no diagnostic may appear on a line without one.
package analyzertest

import (
	"bytes"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
)

// Finding is a diagnostic with resolved positions.
type Finding struct {
	Pos, End   token.Position
	Message    string
	Diagnostic analysis.Diagnostic
}

// Result is what one rule reported on one file.
type Result struct {
	File     *nixpass.File
	Fset     *token.FileSet
	Findings []Finding
}

// Load parses and binds every *.nix file directly in dir, in name order.
func Load(t testing.TB, dir string) (*token.FileSet, []*nixpass.File) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.nix"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no .nix files in %s", dir)
	}
	sort.Strings(paths)
	fset := token.NewFileSet()
	files := make([]*nixpass.File, 0, len(paths))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, nixpass.Load(fset, p, src))
	}
	return fset, files
}

// Analyze runs r over every *.nix file in dir (once over all of them, as a
// project, when r is project-wide) and returns the findings per file.
func Analyze(t testing.TB, dir string, r *analyzer.Rule) []Result {
	t.Helper()
	fset, files := Load(t, dir)
	byFile := map[string]*Result{}
	results := make([]Result, len(files))
	for i, f := range files {
		results[i] = Result{File: f, Fset: fset}
	}
	for i := range results {
		byFile[files[i].Name] = &results[i]
	}
	collect := func(diags []analysis.Diagnostic) {
		for _, d := range diags {
			pos := fset.Position(d.Pos)
			end := pos
			if d.End.IsValid() {
				end = fset.Position(d.End)
			}
			res, ok := byFile[pos.Filename]
			if !ok { // a project-wide rule pointing into a non-Nix file
				results = append(results, Result{Fset: fset})
				res = &results[len(results)-1]
				byFile[pos.Filename] = res
			}
			res.Findings = append(res.Findings, Finding{Pos: pos, End: end, Message: d.Message, Diagnostic: d})
		}
	}
	if nixpass.IsProjectWide(r.Analyzer) {
		addFile := func(path string) (*token.File, []byte, error) { return nixpass.ReadFile(fset, path) }
		// Each project base gets the files its filter accepts, as in the
		// driver, so a filter that drops a file the rule needs fails the
		// rule's tests.
		base := map[*analysis.Analyzer]any{}
		for _, a := range nixpass.ProjectBases([]*analysis.Analyzer{r.Analyzer}) {
			project := &nixpass.Project{Dir: dir, AddFile: addFile}
			for _, f := range files {
				if nixpass.ProjectFilter(a)(f.Name, f.Src) {
					project.Files = append(project.Files, f)
					if summarize := nixpass.ProjectSummarizer(a); summarize != nil {
						project.Summaries = append(project.Summaries, summarize(f))
					}
				}
			}
			base[a] = project
		}
		diags, err := analyzer.Execute(fset, base, []*analysis.Analyzer{r.Analyzer})
		if err != nil {
			t.Fatal(err)
		}
		collect(diags[r.Analyzer])
	} else {
		for _, f := range files {
			diags, err := analyzer.Execute(fset, map[*analysis.Analyzer]any{nixpass.Analyzer: f}, []*analysis.Analyzer{r.Analyzer})
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			collect(diags[r.Analyzer])
		}
	}
	for i := range results {
		sort.SliceStable(results[i].Findings, func(a, b int) bool {
			return results[i].Findings[a].Pos.Offset < results[i].Findings[b].Pos.Offset
		})
	}
	return results
}

var wantRE = regexp.MustCompile(`#\s*want\s+(.*)$`)

type expectation struct {
	re      *regexp.Regexp
	matched bool
}

// expectations reads the "# want" comments of a file, by line.
func expectations(t testing.TB, f *nixpass.File) map[int][]*expectation {
	t.Helper()
	want := map[int][]*expectation{}
	for _, c := range f.Comments {
		m := wantRE.FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		line := f.Tok.Line(c.Slash)
		for _, lit := range splitQuoted(t, f.Name, line, m[1]) {
			re, err := regexp.Compile(lit)
			if err != nil {
				t.Fatalf("%s:%d: bad want regexp %q: %v", f.Name, line, lit, err)
			}
			want[line] = append(want[line], &expectation{re: re})
		}
	}
	return want
}

func splitQuoted(t testing.TB, file string, line int, s string) []string {
	var out []string
	s = strings.TrimSpace(s)
	for s != "" {
		q, err := strconv.QuotedPrefix(s)
		if err != nil {
			t.Fatalf("%s:%d: want needs quoted regexps, got %q", file, line, s)
		}
		v, _ := strconv.Unquote(q)
		out = append(out, v)
		s = strings.TrimSpace(s[len(q):])
	}
	return out
}

// Run checks r's findings on every *.nix file in dir against the files'
// "# want" comments, and that each file parses without syntax errors
// unless its name starts with "error_".
func Run(t *testing.T, dir string, r *analyzer.Rule) []Result {
	t.Helper()
	results := Analyze(t, dir, r)
	for _, res := range results {
		if res.File == nil {
			for _, f := range res.Findings {
				t.Errorf("%s: unexpected diagnostic in a non-Nix file: %s", f.Pos, f.Message)
			}
			continue
		}
		if len(res.File.Errors) > 0 && !strings.HasPrefix(filepath.Base(res.File.Name), "error_") {
			e := res.File.Errors[0]
			t.Errorf("%s: testdata has a syntax error: %s", res.Fset.Position(e.Pos), e.Msg)
		}
		want := expectations(t, res.File)
		for _, f := range res.Findings {
			if !matchOne(want[f.Pos.Line], f.Message) {
				t.Errorf("%s: unexpected diagnostic: %s", f.Pos, f.Message)
			}
		}
		lines := make([]int, 0, len(want))
		for l := range want {
			lines = append(lines, l)
		}
		sort.Ints(lines)
		for _, l := range lines {
			for _, e := range want[l] {
				if !e.matched {
					t.Errorf("%s:%d: no diagnostic was reported matching %q", res.File.Name, l, e.re)
				}
			}
		}
	}
	return results
}

func matchOne(exps []*expectation, msg string) bool {
	for _, e := range exps {
		if !e.matched && e.re.MatchString(msg) {
			e.matched = true
			return true
		}
	}
	return false
}

// RunWithSuggestedFixes is Run, and then applies the first suggested fix of
// every finding (safe or not) to each file that has a sibling
// "NAME.nix.golden", compares the result with it, and checks that the
// fixed text parses without syntax errors.
func RunWithSuggestedFixes(t *testing.T, dir string, r *analyzer.Rule) []Result {
	t.Helper()
	results := Run(t, dir, r)
	for _, res := range results {
		if res.File == nil {
			continue
		}
		golden := res.File.Name + ".golden"
		want, err := os.ReadFile(golden)
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		got := Fix(t, res)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: fixed output differs from %s:\n--- got\n%s\n--- want\n%s", res.File.Name, golden, got, want)
		}
		fixed := nixpass.Load(token.NewFileSet(), golden, got)
		for _, e := range fixed.Errors {
			t.Errorf("%s: fixed output does not parse: %s", golden, e.Msg)
		}
	}
	return results
}

// Fix applies the first suggested fix of each finding in res to its file.
func Fix(t testing.TB, res Result) []byte {
	t.Helper()
	var edits []analysis.TextEdit
	for _, f := range res.Findings {
		if len(f.Diagnostic.SuggestedFixes) > 0 {
			edits = append(edits, f.Diagnostic.SuggestedFixes[0].TextEdits...)
		}
	}
	out, skipped, err := analyzer.ApplyEdits(res.File.Tok, res.File.Src, edits)
	if err != nil {
		t.Fatal(err)
	}
	if skipped > 0 {
		t.Errorf("%s: %d overlapping edits", res.File.Name, skipped)
	}
	return out
}

// Format renders findings one per line as "line:col-endline:endcol: message",
// for tests that compare exact positions.
func Format(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d-%d:%d: %s\n", f.Pos.Line, f.Pos.Column, f.End.Line, f.End.Column, f.Message)
	}
	return b.String()
}
