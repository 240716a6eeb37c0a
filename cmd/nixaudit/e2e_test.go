package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/report/sariftest"
)

// binary is the nixaudit built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "nixaudit-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binary = filepath.Join(dir, "nixaudit")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building nixaudit:", err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary did.
type result struct {
	code           int
	stdout, stderr string
}

// nixaudit runs the binary in dir with args and stdin.
func nixaudit(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return r
}

// fixture copies testdata/e2e/NAME to a temporary directory (so no
// configuration of the repository is found, and fixes can write) and
// returns it.
func fixture(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "e2e", name)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// ours limits runs to the rules this package's tests are about, so rules
// added later to other categories do not change the expected output.
var ours = "--select=syntax,url-literal,empty-inherit,unused-suppression"

func expect(t *testing.T, r result, code int, stdout, stderr string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	if r.stdout != stdout {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, stdout)
	}
	if r.stderr != stderr {
		t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, stderr)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// decodeJSON parses a JSON report into generic values.
func decodeJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	return v
}

func TestCheckJSON(t *testing.T) {
	dir := fixture(t, "basic")
	r := nixaudit(t, dir, "", "check", ours, "--format", "json")
	if r.code != 1 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	want := `{"version": 1, "diagnostics": [
	  {"file": "broken.nix", "line": 3, "column": 5, "end_line": 3, "end_column": 6, "rule": "syntax-error",
	   "category": "syntax", "severity": "error", "message": "syntax error, unexpected '=', expecting ';'", "fixes": []},
	  {"file": "default.nix", "line": 3, "column": 3, "end_line": 3, "end_column": 11, "rule": "empty-inherit",
	   "category": "style", "severity": "warning", "message": "empty inherit: it binds nothing",
	   "fixes": [{"description": "remove the empty inherit", "safe": true,
	              "edits": [{"line": 3, "column": 1, "end_line": 4, "end_column": 1, "new_text": ""}]}]},
	  {"file": "default.nix", "line": 4, "column": 9, "end_line": 4, "end_column": 39, "rule": "url-literal",
	   "category": "style", "severity": "warning", "message": "URL literal: quote it (RFC 45)",
	   "fixes": [{"description": "quote the URL", "safe": true,
	              "edits": [{"line": 4, "column": 9, "end_line": 4, "end_column": 39, "new_text": "\"https://example.org/src.tar.gz\""}]}]},
	  {"file": "default.nix", "line": 5, "column": 25, "end_line": 5, "end_column": 30, "rule": "undefined-variable",
	   "category": "syntax", "severity": "error", "message": "undefined variable 'hello'", "fixes": []}
	], "summary": {"files": 3, "errors": 2, "warnings": 2, "infos": 0}}`
	if got, want := decodeJSON(t, r.stdout), decodeJSON(t, want); !reflect.DeepEqual(got, want) {
		t.Errorf("JSON report:\n%s\nwant the same as:\n%v", r.stdout, want)
	}
}

func TestExitCodes(t *testing.T) {
	dir := fixture(t, "basic")
	urlAndInherit := "--select=url-literal,empty-inherit"
	warnings := "default.nix:3:3: warning: empty inherit: it binds nothing [empty-inherit]\n" +
		"default.nix:4:9: warning: URL literal: quote it (RFC 45) [url-literal]\n"
	undefined := "default.nix:5:25: error: undefined variable 'hello' [undefined-variable]\n"
	// warnings.nix is default.nix without its undefined variable.
	writeFile(t, filepath.Join(dir, "warnings.nix"), strings.Replace(readFile(t, filepath.Join(dir, "default.nix")), " hello", "", 1))
	onlyWarnings := strings.ReplaceAll(warnings, "default.nix", "warnings.nix")
	for _, tc := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{"clean", []string{"check", ours, "--format", "errfmt", "lib"}, 0, "", ""},
		{"error finding", []string{"check", ours, "--format", "errfmt", "default.nix"}, 1,
			warnings + "default.nix:5:25: error: undefined variable 'hello' [undefined-variable]\n", ""},
		{"warnings only", []string{"check", urlAndInherit, "--format", "errfmt", "warnings.nix"}, 0, onlyWarnings, ""},
		{"fail-on warning", []string{"check", urlAndInherit, "--fail-on", "warning", "--format", "errfmt", "warnings.nix"}, 1, onlyWarnings, ""},
		// The syntax rules run whatever --select and --disable say.
		{"select keeps syntax", []string{"check", urlAndInherit, "--format", "errfmt", "default.nix"}, 1, warnings + undefined, ""},
		{"disable all keeps syntax", []string{"check", "--disable", "all", "--format", "errfmt", "default.nix", "broken.nix"}, 1,
			"broken.nix:3:5: error: syntax error, unexpected '=', expecting ';' [syntax-error]\n" + undefined, ""},
		{"disable a syntax rule", []string{"check", "--disable", "undefined-variable", "default.nix"}, 2, "",
			"nixaudit: --disable undefined-variable: the syntax rules always run (they report what Nix rejects)\n"},
		{"fail-on none", []string{"check", ours, "--fail-on=none", "--format", "errfmt", "lib", "broken.nix"}, 0,
			"broken.nix:3:5: error: syntax error, unexpected '=', expecting ';' [syntax-error]\n", ""},
		{"check is the default command", []string{ours, "--format", "errfmt", "default.nix"}, 1,
			warnings + "default.nix:5:25: error: undefined variable 'hello' [undefined-variable]\n", ""},
		{"default command with a path first", []string{"lib", ours}, 0, "No problems found in 1 file.\n", ""},
		{"missing path", []string{"check", "nope.nix"}, 2, "", "nixaudit: nope.nix: no such file or directory\n"},
		{"bad format", []string{"check", "--format", "xml"}, 2, "", "nixaudit: --format \"xml\": want one of text, json, sarif, github, errfmt\n"},
		{"bad rule", []string{"check", "--select", "nope"}, 2, "", "nixaudit: --select: unknown rule or category \"nope\"\n"},
		{"misspelt rule", []string{"check", "--disable", "unused-formals"}, 2, "",
			"nixaudit: --disable: unknown rule or category \"unused-formals\" (did you mean \"unused-formal\"?)\n"},
		{"misspelt category", []string{"check", "--select", "secuirty"}, 2, "",
			"nixaudit: --select: unknown rule or category \"secuirty\" (did you mean \"security\"?)\n"},
		{"bad fail-on", []string{"check", "--fail-on", "loud"}, 2, "", "nixaudit: fail-on: unknown severity \"loud\" (want error, warning, info or none)\n"},
		{"bad color", []string{"check", "--color", "sometimes"}, 2, "", "nixaudit: unknown --color mode \"sometimes\" (want auto, always or never)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expect(t, nixaudit(t, dir, "", tc.args...), tc.code, tc.stdout, tc.stderr)
		})
	}
}

func TestTextFormat(t *testing.T) {
	dir := fixture(t, "basic")
	r := nixaudit(t, dir, "", "check", "--select", "url-literal", "default.nix")
	expect(t, r, 1, "default.nix:4:9: warning[url-literal] URL literal: quote it (RFC 45)\n"+
		"  |\n"+
		"4 |   src = https://example.org/src.tar.gz;\n"+
		"  |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"+
		"   = fix: quote the URL (safe, with --fix)\n"+
		"default.nix:5:25: error[undefined-variable] undefined variable 'hello'\n"+
		"  |\n"+
		"5 |   packages = [ pkgs.git hello ];\n"+
		"  |                         ^^^^^\n"+
		"Found 2 problems (1 error, 1 warning, 0 infos) in 1 file. 1 fixable with --fix.\n", "")
}

func TestGitHubFormat(t *testing.T) {
	dir := fixture(t, "basic")
	r := nixaudit(t, dir, "", "check", ours, "--format", "github", "default.nix")
	expect(t, r, 1, "::warning file=default.nix,line=3,col=3,endLine=3,endColumn=11,title=empty-inherit::empty inherit: it binds nothing\n"+
		"::warning file=default.nix,line=4,col=9,endLine=4,endColumn=39,title=url-literal::URL literal: quote it (RFC 45)\n"+
		"::error file=default.nix,line=5,col=25,endLine=5,endColumn=30,title=undefined-variable::undefined variable 'hello'\n", "")
}

func TestSARIF(t *testing.T) {
	dir := fixture(t, "basic")
	r := nixaudit(t, dir, "", "check", ours, "--format", "sarif", "--output", "out.sarif", ".")
	expect(t, r, 1, "", "")
	log := readFile(t, filepath.Join(dir, "out.sarif"))
	sariftest.Validate(t, []byte(log))
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(log), &doc); err != nil || len(doc.Runs) != 1 {
		t.Fatalf("SARIF: %v", err)
	}
	run := doc.Runs[0]
	var got []string
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		got = append(got, fmt.Sprintf("%s %s %s %d:%d-%d:%d", run.Tool.Driver.Rules[res.RuleIndex].ID, res.Level,
			loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, loc.Region.EndLine, loc.Region.EndColumn))
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("ruleIndex %d does not point at %s", res.RuleIndex, res.RuleID)
		}
	}
	want := []string{
		"syntax-error error broken.nix 3:5-3:6",
		"empty-inherit warning default.nix 3:3-3:11",
		"url-literal warning default.nix 4:9-4:39",
		"undefined-variable error default.nix 5:25-5:30",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SARIF results:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOutputFile checks that --output writes the report whole, keeps the
// mode of a file it replaces, and leaves the old report as it was when
// the new one cannot be written.
func TestOutputFile(t *testing.T) {
	dir := fixture(t, "basic")
	out := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(out, []byte("old report\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := nixaudit(t, dir, "", "check", ours, "--format", "errfmt", "--output", "report.txt", "default.nix")
	expect(t, r, 1, "", "")
	want := "default.nix:3:3: warning: empty inherit: it binds nothing [empty-inherit]\n" +
		"default.nix:4:9: warning: URL literal: quote it (RFC 45) [url-literal]\n" +
		"default.nix:5:25: error: undefined variable 'hello' [undefined-variable]\n"
	if got := readFile(t, out); got != want {
		t.Errorf("report.txt:\n%s\nwant\n%s", got, want)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("report.txt mode: %v, %v; want 0600 kept", st, err)
	}
	r = nixaudit(t, dir, "", "check", ours, "--format", "errfmt", "--output", "missing/report.txt", "default.nix")
	if r.code != 2 || r.stderr != "nixaudit: --output: write missing/report.txt: no such file or directory\n" {
		t.Errorf("--output into a missing directory: exit %d, stderr %q; want 2 and an --output error", r.code, r.stderr)
	}
	if got := readFile(t, out); got != want {
		t.Errorf("report.txt changed by a failed run: %q", got)
	}
}

func TestSuppressions(t *testing.T) {
	dir := fixture(t, "suppress")
	// Syntax findings cannot be suppressed (Nix rejects the code whatever
	// a comment says): the error stays and the suppression says why.
	syntax := "default.nix:9:9: error: undefined variable 'undefinedName' [undefined-variable]\n" +
		"default.nix:9:26: info: unused suppression: syntax cannot be suppressed: Nix rejects such code; unknown rule or category \"no-such-rule\" [unused-suppression]\n"
	r := nixaudit(t, dir, "", "check", ours, "--format", "errfmt")
	expect(t, r, 1, "default.nix:7:7: warning: URL literal: quote it (RFC 45) [url-literal]\n"+
		"default.nix:8:17: info: unused suppression: no finding to suppress for url-literal [unused-suppression]\n"+syntax, "")
	// Suppressions of rules that did not run are not unused.
	r = nixaudit(t, dir, "", "check", "--select=syntax,unused-suppression", "--format", "errfmt")
	expect(t, r, 1, syntax, "")
}

func TestConfig(t *testing.T) {
	dir := fixture(t, "badconfig")
	expect(t, nixaudit(t, dir, "", "check", "."), 2, "",
		"nixaudit: .nixaudit.toml:7: rule-options.url-literal: unknown option \"quote-style\" (the rule has no options)\n")
	for _, tc := range []struct{ config, stderr string }{
		{"fail-on = \"error\"\ncolour = \"always\"\n", "nixaudit: .nixaudit.toml:2: unknown key colour\n"},
		{"fail-on = \"error\n", "nixaudit: .nixaudit.toml:1: strings cannot contain newlines\n"},
		{"[rules]\nurl-literal = \"loud\"\n", "nixaudit: .nixaudit.toml:2: rules.url-literal = \"loud\": want one of off, error, warning, info\n"},
		{"[rules]\nstyle = \"off\"\nno-such-rule = \"off\"\n", "nixaudit: .nixaudit.toml:3: rules: unknown rule or category \"no-such-rule\"\n"},
		// The syntax rules cannot be turned off or lowered.
		{"[rules]\nstyle = \"off\"\nsyntax-error = \"off\"\n",
			"nixaudit: .nixaudit.toml:3: rules.syntax-error = \"off\": the syntax rules always run at error severity (they report what Nix rejects)\n"},
		{"[rules]\nsyntax = \"warning\"\n",
			"nixaudit: .nixaudit.toml:2: rules.syntax = \"warning\": the syntax rules always run at error severity (they report what Nix rejects)\n"},
	} {
		writeFile(t, filepath.Join(dir, ".nixaudit.toml"), tc.config)
		expect(t, nixaudit(t, dir, "", "check", "."), 2, "", tc.stderr)
	}
	// A valid configuration found upward from the target: severities,
	// rules turned off, fail-on and excludes apply.
	writeFile(t, filepath.Join(dir, ".nixaudit.toml"), "fail-on = \"warning\"\nexclude = [\"skip/\"]\n[rules]\nsyntax = \"error\"\nurl-literal = \"info\"\n")
	if err := os.MkdirAll(filepath.Join(dir, "skip"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "skip", "x.nix"), "{ inherit; }\n")
	sub := filepath.Join(dir, "skip")
	expect(t, nixaudit(t, sub, "", "check", "--select=url-literal,empty-inherit", "--format", "errfmt", "."), 0, "", "")
	expect(t, nixaudit(t, dir, "", "check", "--select=url-literal,empty-inherit", "--format", "errfmt", "."), 1,
		"default.nix:3:3: warning: empty inherit: it binds nothing [empty-inherit]\n"+
			"default.nix:4:9: info: URL literal: quote it (RFC 45) [url-literal]\n", "")
	// Without --select, the configuration decides what runs; the most
	// specific entry wins.
	writeFile(t, filepath.Join(dir, ".nixaudit.toml"), "[rules]\nall = \"off\"\nstyle = \"error\"\nurl-literal = \"off\"\nempty-inherit = \"info\"\n")
	expect(t, nixaudit(t, dir, "", "check", "--format", "errfmt", "default.nix"), 0,
		"default.nix:3:3: info: empty inherit: it binds nothing [empty-inherit]\n", "")
	// --config names the file explicitly.
	writeFile(t, filepath.Join(dir, "strict.toml"), "fail-on = \"info\"\n[rules]\nurl-literal = \"error\"\n")
	expect(t, nixaudit(t, dir, "", "check", "--config", "strict.toml", "--select=url-literal,empty-inherit", "--format", "errfmt", "default.nix"), 1,
		"default.nix:3:3: warning: empty inherit: it binds nothing [empty-inherit]\n"+
			"default.nix:4:9: error: URL literal: quote it (RFC 45) [url-literal]\n", "")
}

func TestBaseline(t *testing.T) {
	dir := fixture(t, "basic")
	r := nixaudit(t, dir, "", "check", ours, "--format", "errfmt", "--write-baseline", "baseline.json", "default.nix")
	if r.code != 1 || strings.Count(r.stdout, "\n") != 3 {
		t.Fatalf("writing the baseline: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Accepted findings stay hidden when lines shift.
	src := readFile(t, filepath.Join(dir, "default.nix"))
	writeFile(t, filepath.Join(dir, "default.nix"), "# a new header\n\n"+src)
	expect(t, nixaudit(t, dir, "", "check", ours, "--format", "errfmt", "--baseline", "baseline.json", "default.nix"), 0, "", "")
	// A new finding is reported.
	writeFile(t, filepath.Join(dir, "default.nix"), "# a new header\n\n"+strings.Replace(src, "hello", "hello world", 1))
	expect(t, nixaudit(t, dir, "", "check", ours, "--format", "errfmt", "--baseline", "baseline.json", "default.nix"), 1,
		"default.nix:7:31: error: undefined variable 'world' [undefined-variable]\n", "")
	expect(t, nixaudit(t, dir, "", "check", "--baseline", "missing.json", "default.nix"), 2, "",
		"nixaudit: baseline: open missing.json: no such file or directory\n")
}

// TestBaselineFromAnotherDirectory checks that, with no repository and
// no configuration, fingerprints are relative to the baseline's directory,
// not to the working directory.
func TestBaselineFromAnotherDirectory(t *testing.T) {
	parent := t.TempDir()
	sub := filepath.Join(parent, "sub")
	if err := os.CopyFS(sub, os.DirFS(fixture(t, "basic"))); err != nil {
		t.Fatal(err)
	}
	r := nixaudit(t, parent, "", "check", ours, "--format", "errfmt", "sub", "--write-baseline", "sub/bl.json")
	if r.code != 1 || strings.Count(r.stdout, "\n") != 4 {
		t.Fatalf("writing the baseline: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if bl := readFile(t, filepath.Join(sub, "bl.json")); !strings.Contains(bl, `"file": "default.nix"`) {
		t.Errorf("the baseline names files relative to itself:\n%s", bl)
	}
	expect(t, nixaudit(t, sub, "", "check", ours, "--format", "errfmt", ".", "--baseline", "bl.json"), 0, "", "")
	expect(t, nixaudit(t, parent, "", "check", ours, "--format", "errfmt", "sub", "--baseline", "sub/bl.json"), 0, "", "")
}

func TestStdin(t *testing.T) {
	dir := t.TempDir()
	src := "{ a = https://example.org/x; }\n"
	expect(t, nixaudit(t, dir, src, "check", ours, "--format", "errfmt", "--stdin-filename", "pkgs/foo.nix", "-"), 0,
		"pkgs/foo.nix:1:7: warning: URL literal: quote it (RFC 45) [url-literal]\n", "")
	// With --fix, the fixed source goes to stdout and the report to stderr.
	expect(t, nixaudit(t, dir, src, "check", ours, "--fix", "-"), 0,
		"{ a = \"https://example.org/x\"; }\n", "No problems found in 1 file.\n")
	// Editors replace their buffer with stdout: with nothing to fix, or a
	// syntax error, it is the source unchanged.
	expect(t, nixaudit(t, dir, "{ }\n", "check", ours, "--fix", "-"), 0, "{ }\n", "No problems found in 1 file.\n")
	expect(t, nixaudit(t, dir, "{ a = ; b = https://x.org; }\n", "check", ours, "--fix", "--format", "errfmt", "-"), 1,
		"{ a = ; b = https://x.org; }\n", "-:1:7: error: syntax error, unexpected ';' [syntax-error]\n")
}

func TestFix(t *testing.T) {
	dir := fixture(t, "fix")
	path := filepath.Join(dir, "default.nix")
	before := readFile(t, path)
	r := nixaudit(t, dir, "", "check", ours, "--diff")
	expect(t, r, 0, "--- a/default.nix\n+++ b/default.nix\n"+
		"@@ -1,9 +1,7 @@\n"+
		" { fetchurl }:\n"+
		" {\n"+
		"-  inherit;\n"+
		"   src = fetchurl {\n"+
		"-    urls = [ https://example.org/a.tar.gz mirror://gnu/a.tar.gz ];\n"+
		"-    inherit;\n"+
		"+    urls = [ \"https://example.org/a.tar.gz\" \"mirror://gnu/a.tar.gz\" ];\n"+
		"   };\n"+
		"-  d = \"quoted\"; # nixaudit: ignore[url-literal]\n"+
		"+  d = \"quoted\";\n"+
		" }\n", "")
	if readFile(t, path) != before {
		t.Errorf("--diff wrote the file")
	}
	expect(t, nixaudit(t, dir, "", "check", ours, "--fix"), 0, "No problems found in 1 file.\n", "nixaudit: fixed default.nix\n")
	if got, want := readFile(t, path), readFile(t, filepath.Join("..", "..", "testdata", "e2e", "fix", "default.nix.fixed")); got != want {
		t.Errorf("after --fix:\n%s\nwant\n%s", got, want)
	}
	// A second run finds nothing to fix and changes nothing.
	expect(t, nixaudit(t, dir, "", "check", ours, "--fix"), 0, "No problems found in 1 file.\n", "")
}

// TestFixSyntaxErrors checks that --fix leaves files that do not parse
// alone and reports their syntax errors only (a half-typed binding made
// the dead-code rules delete the code being edited).
func TestFixSyntaxErrors(t *testing.T) {
	dir := fixture(t, "syntaxfix")
	want := "a.nix:2:7: error: syntax error, unexpected ';' [syntax-error]\n" +
		"b.nix:6:1: error: syntax error, unexpected '}' [syntax-error]\n"
	for _, args := range [][]string{{"--diff"}, {"--fix"}, {"--fix", "--unsafe-fixes"}} {
		r := nixaudit(t, dir, "", append([]string{"check", "--select=deadcode", "--format", "errfmt"}, args...)...)
		if args[0] == "--diff" {
			expect(t, r, 1, "", "") // no hunk; the report is not printed with --diff
		} else {
			expect(t, r, 1, want, "")
		}
		for _, name := range []string{"a.nix", "b.nix"} {
			if got, orig := readFile(t, filepath.Join(dir, name)), readFile(t, filepath.Join("..", "..", "testdata", "e2e", "syntaxfix", name)); got != orig {
				t.Errorf("%v changed %s:\n%s", args, name, got)
			}
		}
	}
}

// TestDiffMasksSecrets checks that --diff never prints a hardcoded
// secret: not on the lines a fix changes, nor on context lines.
func TestDiffMasksSecrets(t *testing.T) {
	dir := t.TempDir()
	token := "ghp_" + "abcdefghijklmnopqrstuvwxyz0123456789" // split so scanners do not flag this file
	writeFile(t, filepath.Join(dir, "sec.nix"), "{\n"+
		"  a = ({ api_token = \""+token+"\"; });\n"+
		"  b = { x = 1; } // { password = \""+token+"\"; };\n"+
		"}\n")
	r := nixaudit(t, dir, "", "check", "--select=redundant-parens,hardcoded-secret", "--diff", "sec.nix")
	expect(t, r, 1, "--- a/sec.nix\n+++ b/sec.nix\n@@ -1,4 +1,4 @@\n"+
		" {\n"+
		"-  a = ({ api_token = \"<redacted>\"; });\n"+
		"+  a = { api_token = \"<redacted>\"; };\n"+
		"   b = { x = 1; } // { password = \"<redacted>\"; };\n"+
		" }\n", "")
}

// TestNoNixFiles checks that explicit files that are not .nix files are
// skipped with a note rather than parsed as Nix, and that the text report
// says when there was no Nix file to check.
func TestNoNixFiles(t *testing.T) {
	dir := fixture(t, "basic")
	writeFile(t, filepath.Join(dir, "flake.lock"), "{\n  \"nodes\": {},\n  \"version\": 7\n}\n")
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "empty", "README"), "no Nix here\n")
	expect(t, nixaudit(t, dir, "", "check", ours, "flake.lock", "lib"), 0,
		"No problems found in 1 file.\n", "nixaudit: skipped flake.lock: not a .nix file\n")
	expect(t, nixaudit(t, dir, "", "check", ours, "flake.lock"), 0,
		"No .nix files found in flake.lock.\n", "nixaudit: skipped flake.lock: not a .nix file\n")
	expect(t, nixaudit(t, dir, "", "check", ours, "empty"), 0, "No .nix files found in empty.\n", "")
	expect(t, nixaudit(t, filepath.Join(dir, "empty"), "", "check", ours), 0, "No .nix files found in the current directory.\n", "")
	expect(t, nixaudit(t, dir, "", "check", ours, "--quiet", "empty"), 0, "", "")
	expect(t, nixaudit(t, dir, "", "check", ours, "--format", "errfmt", "empty"), 0, "", "")
}

func TestRulesAndExplain(t *testing.T) {
	r := nixaudit(t, ".", "", "rules", "--format", "json")
	if r.code != 0 {
		t.Fatalf("rules: exit %d: %s", r.code, r.stderr)
	}
	var list struct {
		Rules []struct{ Name, Category, Severity, Fix, Doc string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	byName := map[string]string{}
	for _, rule := range list.Rules {
		byName[rule.Name] = rule.Category + " " + rule.Severity + " " + rule.Fix
		if !strings.Contains(rule.Doc, "## What it does") {
			t.Errorf("%s: doc %q", rule.Name, rule.Doc)
		}
	}
	for name, want := range map[string]string{
		"syntax-error": "syntax error none", "undefined-variable": "syntax error none", "url-literal": "style warning safe",
		"empty-inherit": "style warning safe", "unused-suppression": "meta info safe",
	} {
		if byName[name] != want {
			t.Errorf("rules --format json: %s = %q, want %q", name, byName[name], want)
		}
	}
	r = nixaudit(t, ".", "", "explain", "url-literal")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "# url-literal\n\nCategory: style. Severity: warning. Fix: safe.\n\nFlags unquoted URL literals.\n\n## What it does\n") {
		t.Errorf("explain url-literal: exit %d\n%s", r.code, r.stdout)
	}
	expect(t, nixaudit(t, ".", "", "explain", "nope"), 2, "", "nixaudit: unknown rule \"nope\" (see nixaudit rules)\n")
	expect(t, nixaudit(t, ".", "", "explain", "url-literals"), 2, "", "nixaudit: unknown rule \"url-literals\" (did you mean \"url-literal\"?)\n")
	// explain takes rules, not categories.
	expect(t, nixaudit(t, ".", "", "explain", "styl"), 2, "", "nixaudit: unknown rule \"styl\" (see nixaudit rules)\n")
	expect(t, nixaudit(t, ".", "", "explain", "style"), 2, "",
		"nixaudit: \"style\" is a category, not a rule: nixaudit rules style lists its rules\n")

	// rules lists those named, rules or categories, in name order.
	r = nixaudit(t, ".", "", "rules", "--format", "json", "syntax", "url-literal")
	if err := json.Unmarshal([]byte(r.stdout), &list); r.code != 0 || err != nil {
		t.Fatalf("rules syntax url-literal: exit %d, %v: %s", r.code, err, r.stderr)
	}
	var names []string
	for _, rule := range list.Rules {
		names = append(names, rule.Name)
	}
	if got, want := strings.Join(names, " "), "duplicate-attribute duplicate-formal dynamic-attribute-in-let invalid-literal syntax-error undefined-variable url-literal"; got != want {
		t.Errorf("rules syntax url-literal: %s, want %s", got, want)
	}
	expect(t, nixaudit(t, ".", "", "rules", "syntx"), 2, "", "nixaudit: unknown rule or category \"syntx\" (did you mean \"syntax\"?)\n")
}

// TestQuickStartFleet keeps the README's quick start true: the sample
// fleet's deliberate findings, exactly, and exit 1 for its plaintext
// password. (The lock's age in days is the one thing that moves with the
// clock.)
func TestQuickStartFleet(t *testing.T) {
	r := nixaudit(t, filepath.Join("..", ".."), "", "check", "testdata/fleet", "--format", "errfmt")
	want := readFile(t, filepath.Join("..", "..", "testdata", "e2e", "quickstart.errfmt"))
	got := regexp.MustCompile(`, [0-9]+ days ago`).ReplaceAllString(r.stdout, ", N days ago")
	r.stdout = got
	expect(t, r, 1, want, "")
}
