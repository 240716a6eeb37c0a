package gate

import (
	"bytes"
	"context"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
)

// flagBad reports every file whose name starts with "bad" at its first
// byte, so the tests do not depend on any real rule's wording.
var flagBad = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name:     "test-bad-file",
		Doc:      "test rule",
		Requires: []*analysis.Analyzer{nixpass.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			f := nixpass.Of(pass)
			if strings.HasPrefix(filepath.Base(f.Name), "bad") {
				start := token.Pos(f.Tok.Base())
				pass.Report(analysis.Diagnostic{Pos: start, End: start + 1, Message: "bad file"})
			}
			return nil, nil
		},
	},
	Category: "style",
	Severity: analyzer.SeverityError,
}

// flake writes files (name -> content) into a new directory.
func flake(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckPasses(t *testing.T) {
	dir := flake(t, map[string]string{"flake.nix": "{ }\n"})
	var out bytes.Buffer
	a, err := Check(context.Background(), Options{Dir: dir, Rules: []*analyzer.Rule{flagBad}}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if a != (Audit{FailOn: "error"}) || out.Len() != 0 {
		t.Errorf("audit = %+v, output %q", a, out.String())
	}
}

func TestCheckRefuses(t *testing.T) {
	files := map[string]string{"flake.nix": "{ }\n"}
	for i := range 22 {
		files[fmt.Sprintf("bad%02d.nix", i)] = "{ }\n"
	}
	dir := flake(t, files)
	var out bytes.Buffer
	a, err := Check(context.Background(), Options{Dir: dir, Rules: []*analyzer.Rule{flagBad}}, &out)
	if !IsRefused(err) || ExitCode(err) != ExitGate {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if want := (Audit{FailOn: "error", Findings: 22, Blocking: 22}); a != want {
		t.Errorf("audit = %+v, want %+v", a, want)
	}
	if err.Error() != "refused by the audit gate: 22 blocking findings" {
		t.Errorf("error = %q", err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 23 {
		t.Fatalf("output has %d lines, want 23:\n%s", len(lines), out.String())
	}
	if want := "nixaudit: refused: the audit found 22 blocking findings at or above fail-on = error:"; lines[0] != want {
		t.Errorf("first line = %q, want %q", lines[0], want)
	}
	file := filepath.Join(dir, "bad00.nix") // as given: the gate was given an absolute path
	if want := "  " + file + ":1:1: error[test-bad-file] bad file"; lines[1] != want {
		t.Errorf("first finding = %q, want %q", lines[1], want)
	}
	if want := "  … and 2 more (run `nixaudit check` to see them all)"; lines[21] != want {
		t.Errorf("count line = %q, want %q", lines[21], want)
	}
	if want := "Nothing was changed. Fix the findings, or override with --skip-audit --reason \"…\"."; lines[22] != want {
		t.Errorf("last line = %q", lines[22])
	}
}

func TestCheckHonoursConfigFailOn(t *testing.T) {
	dir := flake(t, map[string]string{"bad.nix": "{ }\n", ".nixaudit.toml": "fail-on = \"none\"\n"})
	var out bytes.Buffer
	a, err := Check(context.Background(), Options{Dir: dir, Rules: []*analyzer.Rule{flagBad}}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Audit{FailOn: "none", Findings: 1}); a != want || out.Len() != 0 {
		t.Errorf("audit = %+v, output %q; want %+v", a, out.String(), want)
	}
}

func TestCheckConfigErrorIsUsage(t *testing.T) {
	dir := flake(t, map[string]string{"flake.nix": "{ }\n", ".nixaudit.toml": "fail-on = \"sometimes\"\n"})
	_, err := Check(context.Background(), Options{Dir: dir, Rules: []*analyzer.Rule{flagBad}}, &bytes.Buffer{})
	if ExitCode(err) != ExitUsage || !strings.Contains(err.Error(), ".nixaudit.toml:1: fail-on") {
		t.Errorf("err = %v (exit %d), want a usage error naming the line", err, ExitCode(err))
	}
}

func TestSkipAudit(t *testing.T) {
	dir := flake(t, map[string]string{"bad.nix": "{ }\n"})
	var out bytes.Buffer
	a, err := Check(context.Background(), Options{Dir: dir, SkipAudit: true, Reason: "hotfix for CVE-1", Rules: []*analyzer.Rule{flagBad}}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if a != (Audit{Skipped: true, Reason: "hotfix for CVE-1"}) || out.String() != "nixaudit: audit skipped: hotfix for CVE-1\n" {
		t.Errorf("audit = %+v, output %q", a, out.String())
	}

	_, err = Check(context.Background(), Options{Dir: dir, SkipAudit: true}, &out)
	if ExitCode(err) != ExitUsage || err.Error() != "--skip-audit needs --reason \"…\" saying why the audit is skipped" {
		t.Errorf("without a reason: err = %v", err)
	}
	_, err = Check(context.Background(), Options{Dir: dir, Reason: "x"}, &out)
	if ExitCode(err) != ExitUsage || err.Error() != "--reason is only used with --skip-audit" {
		t.Errorf("reason without skip: err = %v", err)
	}
}
