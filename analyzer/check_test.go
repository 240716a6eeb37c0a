package analyzer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	gotoken "go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/report"
)

// wordRule reports every occurrence of word in a file's text, with a fix
// replacing it by repl (unsafe when unsafe is set). It looks at the text
// only, so these tests do not depend on the parser.
func wordRule(name, category, word, repl string, sev Severity, unsafe bool) *Rule {
	r := &Rule{Analyzer: &analysis.Analyzer{
		Name: name, Doc: "flags " + word,
		Requires: []*analysis.Analyzer{nixpass.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			f := nixpass.Of(pass)
			for off := 0; ; {
				i := bytes.Index(f.Src[off:], []byte(word))
				if i < 0 {
					return nil, nil
				}
				pos := f.Tok.Pos(off + i)
				end := pos + gotoken.Pos(len(word))
				fix := analysis.SuggestedFix{Message: "replace " + word, TextEdits: []analysis.TextEdit{{Pos: pos, End: end, NewText: []byte(repl)}}}
				pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: "found " + word, SuggestedFixes: []analysis.SuggestedFix{fix}})
				off += i + len(word)
			}
		},
	}, Category: category, Severity: sev, Fix: FixSafe}
	if unsafe {
		r.Fix = FixUnsafe
	}
	return r
}

var (
	badRule    = wordRule("bad-word", "style", "BAD", "ok", SeverityError, false)
	riskyRule  = wordRule("risky-word", "style", "RISKY", "fine", SeverityWarning, true)
	pairRule   = wordRule("double-x", "style", "xx", "x", SeverityInfo, false)
	checkRules = []*Rule{badRule, riskyRule, pairRule}
)

// check runs Check in dir with the test rules.
func check(t *testing.T, dir string, opts Options) *Outcome {
	t.Helper()
	t.Chdir(dir)
	if opts.Rules == nil {
		opts.Rules = checkRules
	}
	out, err := Check(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// brief renders diagnostics one per line.
func brief(diags []report.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(strings.Join([]string{d.File, strconv.Itoa(d.Line), strconv.Itoa(d.Column), strconv.Itoa(d.EndLine), strconv.Itoa(d.EndColumn), d.Severity, d.Rule, d.Message}, ":") + "\n")
	}
	return b.String()
}

func TestCheckFindings(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"b.nix":     "{\n  a = BAD;\n  b = RISKY; c = BAD;\n}\n",
		"a/x.nix":   "xxxx\n",
		"clean.nix": "{ }\n",
	})
	out := check(t, dir, Options{})
	want := "a/x.nix:1:1:1:3:info:double-x:found xx\n" +
		"a/x.nix:1:3:1:5:info:double-x:found xx\n" +
		"b.nix:2:7:2:10:error:bad-word:found BAD\n" +
		"b.nix:3:7:3:12:warning:risky-word:found RISKY\n" +
		"b.nix:3:18:3:21:error:bad-word:found BAD\n"
	if got := brief(out.Result.Diagnostics); got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
	if s := out.Result.Summary; s != (report.Summary{Files: 3, Errors: 2, Warnings: 1, Infos: 2}) {
		t.Errorf("summary = %+v", s)
	}
	if out.FailOn != SeverityError || len(out.Blocking) != 2 {
		t.Errorf("FailOn %v, %d blocking", out.FailOn, len(out.Blocking))
	}
	fix := out.Result.Diagnostics[3].Fixes
	if len(fix) != 1 || fix[0].Safe || fix[0].Description != "replace RISKY" ||
		!reflect.DeepEqual(fix[0].Edits, []report.Edit{{Line: 3, Column: 7, EndLine: 3, EndColumn: 12, NewText: "fine"}}) {
		t.Errorf("fixes of the unsafe finding = %+v", fix)
	}
	var names []string
	for _, r := range out.Result.Rules {
		names = append(names, r.Name+"="+r.Severity)
	}
	if want := []string{"bad-word=error", "double-x=info", "risky-word=warning"}; !reflect.DeepEqual(names, want) {
		t.Errorf("rules = %q", names)
	}
	// The report gets the lines of b.nix it shows, and only those.
	for n, want := range []string{"", "  a = BAD;", "  b = RISKY; c = BAD;", ""} {
		line, ok := out.Result.Source("b.nix").Line(n + 1)
		if string(line) != want || ok != (want != "") {
			t.Errorf("line %d of b.nix = %q, %v; want %q", n+1, line, ok, want)
		}
	}
	if lines := out.Result.Source("clean.nix"); lines != nil {
		t.Errorf("Source(clean.nix) = %v, want none", lines)
	}

	// fail-on from the command line, then from the configuration.
	if out := check(t, dir, Options{FailOn: "info"}); len(out.Blocking) != 5 {
		t.Errorf("--fail-on info: %d blocking", len(out.Blocking))
	}
	if out := check(t, dir, Options{FailOn: "none"}); out.FailOn != 0 || len(out.Blocking) != 0 {
		t.Errorf("--fail-on none: %v, %d blocking", out.FailOn, len(out.Blocking))
	}
	writeTree(t, dir, map[string]string{".nixaudit.toml": "fail-on = \"warning\"\nexclude = [\"a/\"]\n[rules]\nbad-word = \"info\"\n"})
	out = check(t, dir, Options{})
	if got := brief(out.Blocking); got != "b.nix:3:7:3:12:warning:risky-word:found RISKY\n" {
		t.Errorf("with config, blocking:\n%s", got)
	}
	if out.Result.Summary.Files != 2 {
		t.Errorf("exclude a/: %d files", out.Result.Summary.Files)
	}
}

func TestCheckStdin(t *testing.T) {
	dir := t.TempDir()
	out := check(t, dir, Options{Paths: []string{"-"}, Stdin: strings.NewReader("BAD\n"), StdinFilename: "pkgs/x.nix"})
	if got := brief(out.Result.Diagnostics); got != "pkgs/x.nix:1:1:1:4:error:bad-word:found BAD\n" {
		t.Errorf("stdin findings:\n%s", got)
	}
	out = check(t, dir, Options{Paths: []string{"-"}, Stdin: strings.NewReader("BAD\n"), Fix: true})
	if string(out.FixedStdin) != "ok\n" || len(out.Result.Diagnostics) != 0 {
		t.Errorf("stdin --fix: %q, %s", out.FixedStdin, brief(out.Result.Diagnostics))
	}
}

func TestCheckFix(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.nix": "BAD RISKY xxxxxxxx\n",
		"b.nix": "{ }\n",
	})
	if err := os.Chmod(filepath.Join(dir, "a.nix"), 0o640); err != nil {
		t.Fatal(err)
	}
	out := check(t, dir, Options{Diff: true})
	wantDiff := "--- a/a.nix\n+++ b/a.nix\n@@ -1 +1 @@\n-BAD RISKY xxxxxxxx\n+ok RISKY x\n"
	if out.Diff != wantDiff || len(out.FixedFiles) != 0 {
		t.Errorf("--diff = %q, fixed %q", out.Diff, out.FixedFiles)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "a.nix")); string(data) != "BAD RISKY xxxxxxxx\n" {
		t.Errorf("--diff wrote the file: %q", data)
	}
	// The remaining findings are those of the fixed text.
	if got := brief(out.Result.Diagnostics); got != "a.nix:1:4:1:9:warning:risky-word:found RISKY\n" {
		t.Errorf("after --diff:\n%s", got)
	}

	out = check(t, dir, Options{Fix: true})
	if !reflect.DeepEqual(out.FixedFiles, []string{"a.nix"}) {
		t.Errorf("fixed files = %q", out.FixedFiles)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "a.nix"))
	st, _ := os.Stat(filepath.Join(dir, "a.nix"))
	if string(data) != "ok RISKY x\n" || st.Mode().Perm() != 0o640 {
		t.Errorf("after --fix: %q, mode %v", data, st.Mode().Perm())
	}

	out = check(t, dir, Options{Fix: true, UnsafeFixes: true})
	data, _ = os.ReadFile(filepath.Join(dir, "a.nix"))
	if string(data) != "ok fine x\n" || len(out.Result.Diagnostics) != 0 {
		t.Errorf("after --unsafe-fixes: %q, %s", data, brief(out.Result.Diagnostics))
	}
	// Nothing left: a second run changes nothing.
	if out := check(t, dir, Options{Fix: true, UnsafeFixes: true}); len(out.FixedFiles) != 0 {
		t.Errorf("second --fix rewrote %q", out.FixedFiles)
	}
}

// TestCheckFixSymlink checks that --fix writes through a symlinked file:
// the target gets the fixes and keeps its mode, the link stays a link.
func TestCheckFixSymlink(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"real/x.nix": "BAD\n"})
	target := filepath.Join(dir, "real", "x.nix")
	if err := os.Chmod(target, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("real", "x.nix"), filepath.Join(dir, "link.nix")); err != nil {
		t.Fatal(err)
	}
	out := check(t, dir, Options{Paths: []string{"link.nix"}, Fix: true})
	if !reflect.DeepEqual(out.FixedFiles, []string{"link.nix"}) {
		t.Errorf("fixed files = %q", out.FixedFiles)
	}
	if st, err := os.Lstat("link.nix"); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.nix is no longer a symlink: %v, %v", st.Mode(), err)
	}
	st, _ := os.Stat(target)
	if data, _ := os.ReadFile(target); string(data) != "ok\n" || st.Mode().Perm() != 0o640 {
		t.Errorf("target after --fix: %q, mode %v", data, st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left in the link's directory: %v", entries)
	}
}

// secretRule reports each "hunter2" as a secret, as the security rules
// report hardcoded passwords.
var secretRule = &Rule{Analyzer: &analysis.Analyzer{
	Name: "secret-word", Doc: "flags hunter2",
	Requires: []*analysis.Analyzer{nixpass.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		f := nixpass.Of(pass)
		for _, m := range regexp.MustCompile(`hunter2`).FindAllIndex(f.Src, -1) {
			pass.Report(analysis.Diagnostic{Pos: f.Tok.Pos(m[0]), End: f.Tok.Pos(m[1]), Category: "secret", Message: "a password"})
		}
		return nil, nil
	},
}, Category: "security", Severity: SeverityError}

// TestCheckDiffMasksSecrets checks that --diff masks secrets on the lines
// it changes and on context lines.
func TestCheckDiffMasksSecrets(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.nix": "{\n  a = \"hunter2\";\n  b = BAD; c = \"hunter2\";\n}\n"})
	out := check(t, dir, Options{Rules: []*Rule{badRule, secretRule}, Diff: true})
	want := "--- a/a.nix\n+++ b/a.nix\n@@ -1,4 +1,4 @@\n" +
		" {\n" +
		"   a = \"<redacted>\";\n" +
		"-  b = BAD; c = \"<redacted>\";\n" +
		"+  b = ok; c = \"<redacted>\";\n" +
		" }\n"
	if out.Diff != want {
		t.Errorf("--diff:\n%s\nwant\n%s", out.Diff, want)
	}
}

func TestCheckBaseline(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.nix": "{\n  a = BAD;\n  b = BAD;\n}\n"})
	base := filepath.Join(dir, "baseline.json")
	out := check(t, dir, Options{WriteBaseline: base})
	if len(out.Result.Diagnostics) != 2 {
		t.Fatalf("%d findings", len(out.Result.Diagnostics))
	}
	var bf baselineFile
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &bf); err != nil || bf.Version != 1 || len(bf.Findings) != 2 || bf.Findings[0].Rule != "bad-word" || bf.Findings[0].File != "a.nix" {
		t.Fatalf("baseline %s: %v", data, err)
	}
	if bf.Findings[0].Fingerprint == bf.Findings[1].Fingerprint {
		t.Errorf("equal findings got equal fingerprints")
	}
	// Lines shift and blanks change: the old findings stay accepted; a
	// third one is new.
	writeTree(t, dir, map[string]string{"a.nix": "# header\n\n{\n  a =  BAD;\n  c = 1;\n  b = BAD;\n  d = BAD;\n}\n"})
	out = check(t, dir, Options{Baseline: base})
	if got := brief(out.Result.Diagnostics); got != "a.nix:7:7:7:10:error:bad-word:found BAD\n" {
		t.Errorf("with baseline:\n%s", got)
	}
	if out.Result.Summary.Errors != 1 {
		t.Errorf("summary = %+v", out.Result.Summary)
	}
	// Fingerprints do not depend on the working directory: they are
	// relative to the repository.
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	out2, err := Check(context.Background(), Options{Paths: []string{dir}, Rules: checkRules, Baseline: base})
	if err != nil {
		t.Fatal(err)
	}
	if len(out2.Result.Diagnostics) != 1 || out2.Result.Diagnostics[0].Line != 7 {
		t.Errorf("from another directory:\n%s", brief(out2.Result.Diagnostics))
	}
}

func TestCheckErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.nix": "{ }\n", "bad/.nixaudit.toml": "fail-on = \"error\"\ncolour = 1\n"})
	t.Chdir(dir)
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{Paths: []string{"nope.nix"}}, "nope.nix: no such file or directory"},
		{Options{FailOn: "loud"}, `fail-on: unknown severity "loud" (want error, warning, info or none)`},
		{Options{Select: []string{"nope"}}, `--select: unknown rule or category "nope"`},
		{Options{ConfigPath: "bad/.nixaudit.toml"}, "bad/.nixaudit.toml:2: unknown key colour"},
		{Options{Paths: []string{"bad"}}, "bad/.nixaudit.toml:2: unknown key colour"},
		{Options{Baseline: "missing.json"}, "baseline: open missing.json: no such file or directory"},
	} {
		tc.opts.Rules = checkRules
		_, err := Check(context.Background(), tc.opts)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%+v: err = %v, want %s", tc.opts, err, tc.want)
		}
	}
}

// lockRule is a project-wide rule: it reports the first line of
// flake.lock, and each flake.nix of the run.
var lockRule = &Rule{Analyzer: &analysis.Analyzer{
	Name: "lock-test", Doc: "project test",
	Requires: []*analysis.Analyzer{nixpass.ProjectAnalyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		p := nixpass.ProjectOf(pass)
		for _, f := range p.Files {
			if filepath.Base(f.Name) != "flake.nix" {
				continue
			}
			pass.Report(analysis.Diagnostic{Pos: f.Tok.Pos(0), End: f.Tok.Pos(1), Message: "a flake"})
			tf, src, err := p.AddFile(filepath.Join(filepath.Dir(f.Name), "flake.lock"))
			if err != nil {
				return nil, err
			}
			i := bytes.IndexByte(src, '\n')
			pass.Report(analysis.Diagnostic{Pos: tf.Pos(i + 3), End: tf.Pos(i + 10), Message: "a lock of " + p.Dir})
		}
		return nil, nil
	},
}, Category: "flake", Severity: SeverityWarning}

func TestCheckProjectRule(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"sub/flake.nix": "{ }\n", "sub/flake.lock": "{\n  \"nodes\": {}\n}\n", "sub/a.nix": "BAD\n"})
	out := check(t, dir, Options{Paths: []string{"sub"}, Rules: []*Rule{badRule, lockRule}})
	want := "sub/a.nix:1:1:1:4:error:bad-word:found BAD\n" +
		"sub/flake.lock:2:3:2:10:warning:lock-test:a lock of sub\n" +
		"sub/flake.nix:1:1:1:2:warning:lock-test:a flake\n"
	if got := brief(out.Result.Diagnostics); got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
	if line, ok := out.Result.Source("sub/flake.lock").Line(2); !ok || string(line) != `  "nodes": {}` {
		t.Errorf("line 2 of flake.lock = %q, %v", line, ok)
	}
}

// TestCheckEmptyProjectFile checks a finding at the start of an empty
// file a project rule added (an empty flake.lock): it is on line 1, and
// its report and fingerprint do not fail for want of a line.
func TestCheckEmptyProjectFile(t *testing.T) {
	emptyRule := &Rule{Analyzer: &analysis.Analyzer{
		Name: "empty-test", Doc: "empty file test",
		Requires: []*analysis.Analyzer{nixpass.ProjectAnalyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			p := nixpass.ProjectOf(pass)
			tf, _, err := p.AddFile(filepath.Join(p.Dir, "flake.lock"))
			if err != nil {
				return nil, err
			}
			pass.Report(analysis.Diagnostic{Pos: tf.Pos(0), Message: "an empty lock"})
			return nil, nil
		},
	}, Category: "flake", Severity: SeverityWarning}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"flake.nix": "{ }\n", "flake.lock": ""})
	out := check(t, dir, Options{Rules: []*Rule{emptyRule}})
	if got, want := brief(out.Result.Diagnostics), "flake.lock:1:1:1:1:warning:empty-test:an empty lock\n"; got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
	if fp := out.Result.Diagnostics[0].Fingerprint; fp == "" {
		t.Error("no fingerprint")
	}
}

// keepFiles is a project base that accepts the files mentioning KEEP.
var keepFiles = nixpass.ProjectFiles("keep-test-files", func(_ string, src []byte) bool {
	return bytes.Contains(src, []byte("KEEP"))
})

// keepRule reports each file its project holds, and whether its tree
// was kept for it.
var keepRule = &Rule{Analyzer: &analysis.Analyzer{
	Name: "keep-test", Doc: "project filter test",
	Requires: []*analysis.Analyzer{keepFiles},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range nixpass.ProjectOf(pass).Files {
			pass.Report(analysis.Diagnostic{Pos: f.Tok.Pos(0), Message: fmt.Sprintf("seen, tree kept: %v", f.Expr != nil && f.Info != nil)})
		}
		return nil, nil
	},
}, Category: "flake", Severity: SeverityInfo}

// TestCheckProjectFiles checks that a project-wide rule whose base is
// made by nixpass.ProjectFiles sees the files its filter accepts, with
// their trees, and only those, also when another project rule sees all.
func TestCheckProjectFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"flake.nix": "{ }\n", "flake.lock": "{\n  \"nodes\": {}\n}\n", "a.nix": "{ a = KEEP; }\n", "b.nix": "{ b = 1; }\n"})
	kept := "a.nix:1:1:1:1:info:keep-test:seen, tree kept: true\n"
	locks := "flake.lock:2:3:2:10:warning:lock-test:a lock of .\n" +
		"flake.nix:1:1:1:2:warning:lock-test:a flake\n"
	for _, tc := range []struct {
		rules []*Rule
		want  string
	}{{[]*Rule{keepRule}, kept}, {[]*Rule{keepRule, lockRule}, kept + locks}} {
		out := check(t, dir, Options{Rules: tc.rules})
		if got := brief(out.Result.Diagnostics); got != tc.want {
			t.Errorf("findings:\n%s\nwant\n%s", got, tc.want)
		}
	}
}

// summaryFiles is a project base that keeps, of the files mentioning
// SUM, the names their top-level sets bind, as summaries.
var summaryFiles = nixpass.ProjectSummaries("summary-test-files", func(_ string, src []byte) bool {
	return bytes.Contains(src, []byte("SUM"))
}, func(f *nixpass.File) any {
	var names []string
	if set := f.Info.AttrSetOf(f.Expr); set != nil {
		for _, a := range set.Attrs {
			names = append(names, a.Name)
		}
	}
	return names
})

// summaryRule reports each file of its project with its summary, and
// whether its tree was kept.
var summaryRule = &Rule{Analyzer: &analysis.Analyzer{
	Name: "summary-test", Doc: "project summaries test",
	Requires: []*analysis.Analyzer{summaryFiles},
	Run: func(pass *analysis.Pass) (any, error) {
		project := nixpass.ProjectOf(pass)
		for i, f := range project.Files {
			pass.Report(analysis.Diagnostic{Pos: f.Tok.Pos(0),
				Message: fmt.Sprintf("binds %v, tree kept: %v", project.Summaries[i], f.Expr != nil)})
		}
		return nil, nil
	},
}, Category: "module", Severity: SeverityInfo}

// TestCheckProjectSummaries checks that a project-wide rule whose base is
// made by nixpass.ProjectSummaries gets, in order, the summary of each
// file its filter accepts, made from the file's tree, and no tree unless
// another base keeps it.
func TestCheckProjectSummaries(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"c.nix": "{ x = 1; }\n"}
	for i := range 20 { // enough files for each worker to reuse its memory
		files[fmt.Sprintf("f%02d.nix", i)] = fmt.Sprintf("{ a%d = SUM; b = KEEP; }\n", i)
	}
	writeTree(t, dir, files)
	for _, tc := range []struct {
		rules []*Rule
		kept  bool
	}{{[]*Rule{summaryRule}, false}, {[]*Rule{summaryRule, keepRule}, true}} {
		var want strings.Builder
		for i := range 20 {
			if tc.kept {
				fmt.Fprintf(&want, "f%02d.nix:1:1:1:1:info:keep-test:seen, tree kept: true\n", i)
			}
			fmt.Fprintf(&want, "f%02d.nix:1:1:1:1:info:summary-test:binds [a%d b], tree kept: %v\n", i, i, tc.kept)
		}
		out := check(t, dir, Options{Rules: tc.rules})
		if got := brief(out.Result.Diagnostics); got != want.String() {
			t.Errorf("findings:\n%s\nwant\n%s", got, want.String())
		}
	}
}

var (
	deadRule    = wordRule("dead-word", "deadcode", "DEAD", "alive", SeverityWarning, false)
	breakerRule = wordRule("breaker", "style", "BREAK", "(", SeverityWarning, false)
)

func TestCheckSuppressions(t *testing.T) {
	dir := t.TempDir()
	src := `# nixaudit: ignore-file[double-x]
{
  # nixaudit: ignore[bad-word] reason
  a = BAD;
  b = BAD; # nixaudit: ignore[style]
  c = BAD;
  # nixaudit: ignore[bad-word]
  # nixaudit: ignore[risky-word]
  d = BAD + RISKY;
  e = 1; # nixaudit: ignore[bad-word] nothing here
  # deadnix: skip
  f = DEAD;
  g = DEAD;
  h = xx;
  i = 2; # nixaudit: ignore[bad-word,unknown-rule]
  j = BAD; /* nixaudit: ignore[bad-word, risky-word] */
  k = 3; # nixaudit: ignore[riskyword]
}
`
	writeTree(t, dir, map[string]string{"a.nix": src})
	rules := []*Rule{badRule, riskyRule, pairRule, deadRule, UnusedSuppression}
	out := check(t, dir, Options{Rules: rules})
	want := "a.nix:6:7:6:10:error:bad-word:found BAD\n" +
		"a.nix:10:10:10:51:info:unused-suppression:unused suppression: no finding to suppress for bad-word\n" +
		"a.nix:13:7:13:11:warning:dead-word:found DEAD\n" +
		"a.nix:15:10:15:51:info:unused-suppression:unused suppression: no finding to suppress for bad-word; unknown rule or category \"unknown-rule\"\n" +
		"a.nix:16:12:16:56:info:unused-suppression:unused suppression: no finding to suppress for risky-word\n" +
		"a.nix:17:10:17:39:info:unused-suppression:unused suppression: unknown rule or category \"riskyword\" (did you mean \"risky-word\"?)\n"
	if got := brief(out.Result.Diagnostics); got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}

	// A suppression of a rule that did not run is not unused.
	out = check(t, dir, Options{Rules: rules, Select: []string{"bad-word", "unused-suppression"}})
	want = "a.nix:6:7:6:10:error:bad-word:found BAD\n" +
		"a.nix:10:10:10:51:info:unused-suppression:unused suppression: no finding to suppress for bad-word\n" +
		"a.nix:15:10:15:51:info:unused-suppression:unused suppression: no finding to suppress for bad-word; unknown rule or category \"unknown-rule\"\n" +
		"a.nix:17:10:17:39:info:unused-suppression:unused suppression: unknown rule or category \"riskyword\" (did you mean \"risky-word\"?)\n"
	if got := brief(out.Result.Diagnostics); got != want {
		t.Errorf("with --select:\n%s\nwant\n%s", got, want)
	}

	// The fixes remove unused suppressions, or the unused names only.
	check(t, dir, Options{Rules: []*Rule{riskyRule, UnusedSuppression}, Select: []string{"unused-suppression", "risky-word"}, Fix: true})
	data, _ := os.ReadFile(filepath.Join(dir, "a.nix"))
	wantSrc := strings.NewReplacer(
		"  # nixaudit: ignore[bad-word] reason\n", "",
		"  # nixaudit: ignore[bad-word]\n", "",
		"e = 1; # nixaudit: ignore[bad-word] nothing here", "e = 1;",
		"i = 2; # nixaudit: ignore[bad-word,unknown-rule]", "i = 2;",
		"j = BAD; /* nixaudit: ignore[bad-word, risky-word] */", "j = BAD;",
		"# nixaudit: ignore-file[double-x]\n", "",
		"b = BAD; # nixaudit: ignore[style]", "b = BAD;",
		"k = 3; # nixaudit: ignore[riskyword]", "k = 3;",
	).Replace(src)
	if string(data) != wantSrc {
		t.Errorf("after fixing the suppressions:\n%s\nwant\n%s", data, wantSrc)
	}

	writeTree(t, dir, map[string]string{"a.nix": "{ j = BAD; /* nixaudit: ignore[bad-word, risky-word] */ }\n"})
	check(t, dir, Options{Rules: []*Rule{badRule, riskyRule, UnusedSuppression}, Fix: true})
	if data, _ := os.ReadFile(filepath.Join(dir, "a.nix")); string(data) != "{ j = BAD; /* nixaudit: ignore[bad-word] */ }\n" {
		t.Errorf("after removing an unused name: %q", data)
	}
}

// TestCheckMalformedSuppressions checks that suppression comments that
// cannot be read are reported rather than ignored, and that ignore-file
// applies to the whole file wherever it stands.
func TestCheckMalformedSuppressions(t *testing.T) {
	dir := t.TempDir()
	src := `{
  a = BAD; # nixaudit: ignore
  b = BAD; # nixaudit: ignore bad-word
  # nixaudit: ignore[ ]
  c = 1;
  # nixaudit: disable[bad-word]
  d = xx; # a comment that mentions nixaudit in passing
  # nixaudit: ignore-file[double-x] after the code, still for the whole file
}
`
	writeTree(t, dir, map[string]string{"a.nix": src})
	out := check(t, dir, Options{Rules: []*Rule{badRule, pairRule, UnusedSuppression}})
	malformed := ":info:unused-suppression:malformed suppression: write nixaudit: ignore[RULE,…] or nixaudit: ignore-file[RULE,…]\n"
	want := "a.nix:2:7:2:10:error:bad-word:found BAD\n" +
		"a.nix:2:12:2:30" + malformed +
		"a.nix:3:7:3:10:error:bad-word:found BAD\n" +
		"a.nix:3:12:3:39" + malformed +
		"a.nix:4:3:4:24" + malformed +
		"a.nix:6:3:6:32" + malformed
	if got := brief(out.Result.Diagnostics); got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
}

// parseErrorRule reports the parser's errors, as the syntax-error rule
// does (the syntax rules import this package).
var parseErrorRule = &Rule{Analyzer: &analysis.Analyzer{
	Name: "parse-error", Doc: "reports parse errors",
	Requires: []*analysis.Analyzer{nixpass.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, e := range nixpass.Of(pass).Errors {
			pass.Report(analysis.Diagnostic{Pos: e.Pos, End: e.End, Message: e.Msg})
		}
		return nil, nil
	},
}, Category: "syntax", Severity: SeverityError}

// TestCheckSyntaxErrorFile checks that a file that does not parse gets
// no fix, and reports its syntax findings only: the other rules saw a
// recovered tree, and its suppressions cannot be judged unused.
func TestCheckSyntaxErrorFile(t *testing.T) {
	dir := t.TempDir()
	broken := "{\n  a = BAD; # nixaudit: ignore[risky-word]\n  b = ;\n}\n"
	writeTree(t, dir, map[string]string{"broken.nix": broken, "ok.nix": "{ a = BAD; }\n"})
	rules := []*Rule{badRule, riskyRule, parseErrorRule, UnusedSuppression}
	for _, opts := range []Options{{Rules: rules}, {Rules: rules, Fix: true}, {Rules: rules, Diff: true}} {
		out := check(t, dir, opts)
		want := "broken.nix:3:7:3:8:error:parse-error:syntax error, unexpected ';'\n"
		if !opts.Fix && !opts.Diff {
			want += "ok.nix:1:7:1:10:error:bad-word:found BAD\n"
		}
		if got := brief(out.Result.Diagnostics); got != want {
			t.Errorf("fix %v, diff %v: findings:\n%s\nwant\n%s", opts.Fix, opts.Diff, got, want)
		}
		if strings.Contains(out.Diff, "broken.nix") {
			t.Errorf("--diff changes broken.nix:\n%s", out.Diff)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "broken.nix")); string(data) != broken {
			t.Errorf("fix %v: broken.nix became %q", opts.Fix, data)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "ok.nix")); string(data) != "{ a = ok; }\n" {
		t.Errorf("ok.nix after --fix: %q", data)
	}
}

func TestCheckFixKeepsParsing(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.nix": "{ a = BAD; b = BREAK; }\n"})
	out := check(t, dir, Options{Rules: []*Rule{badRule, breakerRule}, Fix: true})
	data, _ := os.ReadFile(filepath.Join(dir, "a.nix"))
	if string(data) != "{ a = ok; b = BREAK; }\n" {
		t.Errorf("after --fix: %q", data)
	}
	if got := brief(out.Result.Diagnostics); got != "a.nix:1:15:1:20:warning:breaker:found BREAK\n" {
		t.Errorf("findings after --fix:\n%s", got)
	}
}

// TestCheckFixLeavesRejectedFiles checks that --fix changes no file Nix
// rejects (a finding of the syntax category, here REJECT), and no file
// into one it rejects (a fix that makes a duplicate attribute).
func TestCheckFixLeavesRejectedFiles(t *testing.T) {
	rejectRule := wordRule("reject-test", "syntax", "REJECT", "REJECT", SeverityError, false)
	dupRule := wordRule("dup-maker", "style", "DUPME", "a", SeverityWarning, false)
	dir := t.TempDir()
	files := map[string]string{
		"rejected.nix": "{ a = BAD; b = REJECT; }\n",
		"dup.nix":      "{ a = 1; DUPME = BAD; }\n",
		"fine.nix":     "{ a = BAD; }\n",
	}
	writeTree(t, dir, files)
	out := check(t, dir, Options{Rules: []*Rule{badRule, rejectRule, dupRule}, Fix: true})
	if !reflect.DeepEqual(out.FixedFiles, []string{"dup.nix", "fine.nix"}) {
		t.Errorf("fixed files = %q", out.FixedFiles)
	}
	for name, want := range map[string]string{
		"rejected.nix": files["rejected.nix"],
		"dup.nix":      "{ a = 1; DUPME = ok; }\n", // BAD fixed, DUPME kept
		"fine.nix":     "{ a = ok; }\n",
	} {
		if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) != want {
			t.Errorf("%s after --fix: %q, want %q", name, data, want)
		}
	}
}

func TestCheckRulePanics(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.nix": "{ }\n"})
	boom := &Rule{Analyzer: &analysis.Analyzer{Name: "boom", Doc: "panics",
		Run: func(*analysis.Pass) (any, error) { panic("kaboom") }}, Category: "style", Severity: SeverityInfo}
	t.Chdir(dir)
	// The rules around boom run fine: the error names the one that
	// panicked, whatever its place in the run.
	for _, rules := range [][]*Rule{{boom}, {badRule, boom, breakerRule}} {
		_, err := Check(context.Background(), Options{Rules: rules})
		if err == nil || !strings.HasPrefix(err.Error(), "a.nix: boom: internal error: kaboom\n") {
			t.Errorf("err = %v", err)
		}
	}
}

func TestCheckProgress(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 50 {
		files[fmt.Sprintf("f%d.nix", i)] = strings.Repeat("# padding\n", 2000) + "{ }\n"
	}
	writeTree(t, dir, files)
	var progress bytes.Buffer
	check(t, dir, Options{Progress: &progress})
	// Whether a counter was drawn depends on timing; the line is always
	// cleared at the end, and any counter counts these 50 files (the
	// total shows once the walk has found them all).
	out := progress.String()
	if !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("progress output %q does not end by clearing the line", out)
	}
	for _, part := range strings.Split(out, "\r\033[K") {
		if part != "" && !regexp.MustCompile(`^nixaudit: \d+(/50)? files$`).MatchString(part) {
			t.Errorf("progress line %q", part)
		}
	}
}

// everyFileRule is a project-wide rule that reports at the start of
// every Nix file of its pass's FileSet.
var everyFileRule = &Rule{Analyzer: &analysis.Analyzer{
	Name: "every-file-test", Doc: "reports in every file of its FileSet",
	Requires: []*analysis.Analyzer{summaryFiles},
	Run: func(pass *analysis.Pass) (any, error) {
		pass.Fset.Iterate(func(tf *gotoken.File) bool {
			if strings.HasSuffix(tf.Name(), ".nix") {
				pass.Report(analysis.Diagnostic{Pos: tf.Pos(0), Message: "seen"})
			}
			return true
		})
		return nil, nil
	},
}, Category: "module", Severity: SeverityInfo}

// TestCheckProjectFileSet checks that a project-wide rule's FileSet
// holds the files a project-wide rule looks at, and no other: the other
// files' findings are settled by the workers, in each worker's own
// FileSet.
func TestCheckProjectFileSet(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.nix": "{ a = SUM; }\n",
		"b.nix": "{ b = BAD; }\n",
		"c.nix": "{ c = SUM; d = BAD; }\n",
	})
	out := check(t, dir, Options{Rules: []*Rule{badRule, everyFileRule}})
	want := "a.nix:1:1:1:1:info:every-file-test:seen\n" +
		"b.nix:1:7:1:10:error:bad-word:found BAD\n" +
		"c.nix:1:1:1:1:info:every-file-test:seen\n" +
		"c.nix:1:16:1:19:error:bad-word:found BAD\n"
	if got := brief(out.Result.Diagnostics); got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
}

// TestExcerptAfterLoneCR checks that a report's excerpt is the line its
// finding's position names: the parser ends a line at a lone CR, as Nix
// does, so the report takes the parse's line table rather than splitting
// the text at LFs.
func TestExcerptAfterLoneCR(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.nix": "{\r  a = BAD;\n}\n"})
	out := check(t, dir, Options{})
	if got, want := brief(out.Result.Diagnostics), "a.nix:2:7:2:10:error:bad-word:found BAD\n"; got != want {
		t.Fatalf("findings:\n%s\nwant\n%s", got, want)
	}
	var b strings.Builder
	if err := report.Write(&b, "text", out.Result, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "2 |   a = BAD;\n  |       ^^^\n"; !strings.Contains(b.String(), want) {
		t.Errorf("text report:\n%s\nwant the excerpt\n%s", b.String(), want)
	}
}
