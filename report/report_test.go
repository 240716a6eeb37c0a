package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/report/sariftest"
)

// sample is a small run: a plain finding with a safe fix, a secret, and an
// info on a line with a multi-byte character.
func sample() *Result {
	src := map[string]string{
		"hosts/web.nix": "{\n  url = https://example.org;\n  password = \"hunter2hunter2\";\n}\n",
		"lib/é.nix":     "{ x = \"héllo\"; y = 1; }\n",
	}
	return &Result{
		Diagnostics: []Diagnostic{
			{File: "hosts/web.nix", Line: 2, Column: 9, EndLine: 2, EndColumn: 28, Rule: "url-literal",
				Category: "style", Severity: "warning", Message: "URL literals are deprecated (RFC 45)",
				Fixes: []Fix{{Description: "quote the URL", Safe: true, Edits: []Edit{
					{Line: 2, Column: 9, EndLine: 2, EndColumn: 28, NewText: `"https://example.org"`}}}},
				Fingerprint: "abc123"},
			{File: "hosts/web.nix", Line: 3, Column: 14, EndLine: 3, EndColumn: 30, Rule: "plaintext-password",
				Category: "security", Severity: "error", Message: "literal password hu…(14 chars) in users",
				Secret: true, Fingerprint: "def456"},
			{File: "lib/é.nix", Line: 1, Column: 18, EndLine: 1, EndColumn: 19, Rule: "unused-let-binding",
				Category: "deadcode", Severity: "info", Message: "y is unused"},
		},
		Summary: Summary{Files: 2, Errors: 1, Warnings: 1, Infos: 1},
		Rules: []Rule{
			{Name: "plaintext-password", Category: "security", Severity: "error", Summary: "Literal passwords",
				Doc: "Literal passwords\n\n## What it does\nFlags literal passwords.\n", Tags: []string{"security"},
				SecuritySeverity: "8.0"},
			{Name: "url-literal", Category: "style", Severity: "warning", Fix: "safe", Summary: "Unquoted URLs"},
		},
		ToolVersion: "1.2.3",
		Source: func(f string) Lines {
			if s, ok := src[f]; ok {
				return TextLines([]byte(s), nil)
			}
			return nil
		},
	}
}

func render(t *testing.T, format string, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, sample(), opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestText(t *testing.T) {
	got := render(t, "text", Options{})
	want := `hosts/web.nix:2:9: warning[url-literal] URL literals are deprecated (RFC 45)
  |
2 |   url = https://example.org;
  |         ^^^^^^^^^^^^^^^^^^^
   = fix: quote the URL (safe, with --fix)
hosts/web.nix:3:14: error[plaintext-password] literal password hu…(14 chars) in users
  |
3 |   password = <redacted>;
  |              ^^^^^^^^^^
lib/é.nix:1:18: info[unused-let-binding] y is unused
  |
1 | { x = "héllo"; y = 1; }
  |                 ^
Found 3 problems (1 error, 1 warning, 1 info) in 2 files. 1 fixable with --fix.
`
	if got != want {
		t.Errorf("text output:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(got, "hunter2") {
		t.Error("text output leaks the secret")
	}
}

func TestTextQuietStatisticsColor(t *testing.T) {
	got := render(t, "text", Options{Quiet: true, Statistics: true})
	want := `hosts/web.nix:2:9: warning[url-literal] URL literals are deprecated (RFC 45)
hosts/web.nix:3:14: error[plaintext-password] literal password hu…(14 chars) in users
lib/é.nix:1:18: info[unused-let-binding] y is unused
    1  plaintext-password             error
    1  unused-let-binding             info
    1  url-literal                    warning
`
	if got != want {
		t.Errorf("quiet output:\n%s\nwant:\n%s", got, want)
	}
	// The sequences fatih/color makes: bold, red, yellow, cyan, blue and
	// green, each closed by its reset.
	colored := strings.NewReplacer("<b>", "\x1b[1m", "</b>", "\x1b[22m", "<r>", "\x1b[31m", "<r!>", "\x1b[31;1m",
		"<y!>", "\x1b[33;1m", "<c!>", "\x1b[36;1m", "</!>", "\x1b[0;22m", "<u>", "\x1b[34m", "<g>", "\x1b[32m", "</>", "\x1b[0m")
	want = colored.Replace(`<b>hosts/web.nix:2:9</b>: <y!>warning[url-literal]</!> URL literals are deprecated (RFC 45)
  <u>|</>
<u>2</> <u>|</>   url = https://example.org;
  <u>|</>         <r>^^^^^^^^^^^^^^^^^^^</>
   <g>= fix:</> quote the URL (safe, with --fix)
<b>hosts/web.nix:3:14</b>: <r!>error[plaintext-password]</!> literal password hu…(14 chars) in users
  <u>|</>
<u>3</> <u>|</>   password = <redacted>;
  <u>|</>              <r>^^^^^^^^^^</>
<b>lib/é.nix:1:18</b>: <c!>info[unused-let-binding]</!> y is unused
  <u>|</>
<u>1</> <u>|</> { x = "héllo"; y = 1; }
  <u>|</>                 <r>^</>
<b>Found 3 problems (1 error, 1 warning, 1 info) in 2 files. 1 fixable with --fix.</b>
`)
	if got := render(t, "text", Options{Color: true}); got != want {
		t.Errorf("coloured output:\n%q\nwant:\n%q", got, want)
	}
	if strings.Contains(render(t, "text", Options{}), "\x1b[") {
		t.Error("uncoloured output has escape sequences")
	}
}

// TestSecretMaskedInOtherExcerpts: a finding of another rule on a line
// that holds a secret must not show the secret in its excerpt, nor in
// SARIF; a secret spanning lines is masked on every line it covers.
func TestSecretMaskedInOtherExcerpts(t *testing.T) {
	src := "{\n  token = \"ghp_abcdefabcdefabcdefabcdefabcdefabcdef\"; unused = 1;\n  key = ''\n    -----BEGIN PRIVATE KEY-----\n    MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n  ''; x = 2;\n}\n"
	res := &Result{
		Diagnostics: []Diagnostic{
			{File: "s.nix", Line: 2, Column: 11, EndLine: 2, EndColumn: 53, Rule: "hardcoded-secret", Severity: "error", Message: "token", Secret: true},
			{File: "s.nix", Line: 2, Column: 55, EndLine: 2, EndColumn: 61, Rule: "unused-let-binding", Severity: "warning", Message: "unused"},
			{File: "s.nix", Line: 3, Column: 9, EndLine: 6, EndColumn: 5, Rule: "hardcoded-secret", Severity: "error", Message: "pem", Secret: true},
			{File: "s.nix", Line: 5, Column: 5, EndLine: 5, EndColumn: 9, Rule: "some-rule", Severity: "info", Message: "inside"},
			{File: "s.nix", Line: 6, Column: 7, EndLine: 6, EndColumn: 8, Rule: "other-rule", Severity: "info", Message: "after"},
		},
		Source: func(string) Lines { return TextLines([]byte(src), nil) },
	}
	var b bytes.Buffer
	if err := Write(&b, "text", res, Options{}); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, leak := range []string{"ghp_", "MIIEvQ", "BEGIN PRIVATE"} {
		if strings.Contains(text, leak) {
			t.Errorf("text output leaks %q:\n%s", leak, text)
		}
	}
	for _, want := range []string{
		"2 |   token = <redacted>; unused = 1;\n  |                       ^^^^^^\n",
		"5 | <redacted>\n  | ^^^^^^^^^^\n",
		"6 | <redacted>; x = 2;\n  |             ^\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	b.Reset()
	if err := Write(&b, "sarif", res, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "ghp_") || strings.Contains(b.String(), "MIIEvQ") {
		t.Errorf("SARIF leaks a secret")
	}
}

func TestNoProblems(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "text", &Result{Summary: Summary{Files: 1}}, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "No problems found in 1 file.\n" {
		t.Errorf("got %q", got)
	}
	b.Reset()
	if err := Write(&b, "json", &Result{Summary: Summary{Files: 1}}, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"version\": 1,\n  \"diagnostics\": [],\n  \"summary\": {\n    \"files\": 1,\n    \"errors\": 0,\n    \"warnings\": 0,\n    \"infos\": 0\n  }\n}\n"
	if b.String() != want {
		t.Errorf("empty json:\n%s", b.String())
	}
}

func TestJSON(t *testing.T) {
	var got struct {
		Version     int `json:"version"`
		Diagnostics []map[string]any
		Summary     map[string]int
	}
	out := render(t, "json", Options{})
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || len(got.Diagnostics) != 3 || got.Summary["errors"] != 1 || got.Summary["files"] != 2 {
		t.Fatalf("json: %s", out)
	}
	d := got.Diagnostics[0]
	keys := []string{"file", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "fixes"}
	if len(d) != len(keys) {
		t.Errorf("diagnostic has keys %v, want exactly %v", d, keys)
	}
	for _, k := range keys {
		if _, ok := d[k]; !ok {
			t.Errorf("diagnostic lacks %q", k)
		}
	}
	fix := d["fixes"].([]any)[0].(map[string]any)
	edit := fix["edits"].([]any)[0].(map[string]any)
	if fix["description"] != "quote the URL" || fix["safe"] != true || edit["new_text"] != `"https://example.org"` ||
		edit["line"] != 2.0 || edit["column"] != 9.0 || edit["end_line"] != 2.0 || edit["end_column"] != 28.0 {
		t.Errorf("fix: %v", fix)
	}
	if fx := got.Diagnostics[1]["fixes"].([]any); len(fx) != 0 {
		t.Errorf("fixes should be an empty list, got %v", fx)
	}
}

func TestGitHubAndErrfmt(t *testing.T) {
	want := `::warning file=hosts/web.nix,line=2,col=9,endLine=2,endColumn=28,title=url-literal::URL literals are deprecated (RFC 45)
::error file=hosts/web.nix,line=3,col=14,endLine=3,endColumn=30,title=plaintext-password::literal password hu…(14 chars) in users
::notice file=lib/é.nix,line=1,col=18,endLine=1,endColumn=19,title=unused-let-binding::y is unused
`
	if got := render(t, "github", Options{}); got != want {
		t.Errorf("github:\n%s\nwant:\n%s", got, want)
	}
	if got := escapeData("50%\nnext"); got != "50%25%0Anext" {
		t.Errorf("escapeData: %q", got)
	}
	if got := escapeProperty("a:b,c"); got != "a%3Ab%2Cc" {
		t.Errorf("escapeProperty: %q", got)
	}
	want = `hosts/web.nix:2:9: warning: URL literals are deprecated (RFC 45) [url-literal]
hosts/web.nix:3:14: error: literal password hu…(14 chars) in users [plaintext-password]
lib/é.nix:1:18: info: y is unused [unused-let-binding]
`
	if got := render(t, "errfmt", Options{}); got != want {
		t.Errorf("errfmt:\n%s\nwant:\n%s", got, want)
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", sample(), Options{}); err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Errorf("got %v", err)
	}
}

// TestSARIF checks the log against the OASIS schema and its content.
func TestSARIF(t *testing.T) {
	out := render(t, "sarif", Options{})
	sariftest.Validate(t, []byte(out))
	if strings.Contains(out, "hunter2") {
		t.Error("SARIF leaks the secret")
	}
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name, Version string
					Rules         []struct {
						ID                   string `json:"id"`
						DefaultConfiguration struct{ Level string }
						FullDescription      struct{ Text string }
						Properties           map[string]any
					}
				}
			}
			Results []struct {
				RuleID              string `json:"ruleId"`
				RuleIndex           int    `json:"ruleIndex"`
				Level               string
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct {
							StartLine, StartColumn, EndLine, EndColumn int
							Snippet                                    struct{ Text string }
						}
					}
				}
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Name != "nixaudit" || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("run: %+v", run)
	}
	rules := run.Tool.Driver.Rules
	if len(rules) != 3 || rules[0].ID != "plaintext-password" || rules[0].DefaultConfiguration.Level != "error" ||
		rules[0].Properties["security-severity"] != "8.0" || rules[0].FullDescription.Text != "Flags literal passwords." ||
		rules[2].ID != "unused-let-binding" || rules[2].DefaultConfiguration.Level != "note" {
		t.Errorf("rules: %+v", rules)
	}
	r0, r1, r2 := run.Results[0], run.Results[1], run.Results[2]
	if r0.RuleID != "url-literal" || r0.RuleIndex != 1 || r0.Level != "warning" || r0.PartialFingerprints["nixaudit/v1"] != "abc123" {
		t.Errorf("result 0: %+v", r0)
	}
	loc := r0.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "hosts/web.nix" || loc.Region.StartLine != 2 || loc.Region.StartColumn != 9 ||
		loc.Region.EndColumn != 28 || loc.Region.Snippet.Text != "https://example.org" {
		t.Errorf("location 0: %+v", loc)
	}
	if r0.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != `"https://example.org"` {
		t.Errorf("fix 0: %+v", r0.Fixes)
	}
	if r1.Locations[0].PhysicalLocation.Region.Snippet.Text != "<redacted>" {
		t.Errorf("secret snippet: %+v", r1.Locations[0])
	}
	// "{ x = \"héllo\"; y" — byte column 18 is code point column 17.
	if reg := r2.Locations[0].PhysicalLocation.Region; reg.StartColumn != 17 || reg.EndColumn != 18 || r2.Level != "note" {
		t.Errorf("multi-byte region: %+v", reg)
	}
}

func TestUseColor(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	for mode, want := range map[string]bool{"always": true, "never": false, "auto": false} {
		if got, err := UseColor(mode, os.Stdout); err != nil || got != want {
			t.Errorf("UseColor(%q) = %v, %v", mode, got, err)
		}
	}
	if _, err := UseColor("sometimes", os.Stdout); err == nil {
		t.Error("want an error for an unknown mode")
	}
}

func TestRedact(t *testing.T) {
	text := "a = \"hunter2\";\nb = \"hunter2hunter2\"; c = \"x\";\n"
	got := Redact(text, []string{"hunter2", "", "hunter2hunter2", "hunter2"})
	if want := "a = \"<redacted>\";\nb = \"<redacted>\"; c = \"x\";\n"; got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}
	if got := Redact(text, nil); got != text {
		t.Errorf("Redact without secrets = %q", got)
	}
}

func TestArtifactURI(t *testing.T) {
	for file, want := range map[string]string{
		"hosts/web.nix":      "hosts/web.nix",
		"a,b:c%d.nix":        "./a,b:c%25d.nix",
		"my hosts/wéb.nix":   "my%20hosts/w%C3%A9b.nix",
		"/srv/fleet/a b.nix": "file:///srv/fleet/a%20b.nix",
		"sub/x:y.nix":        "sub/x:y.nix",
	} {
		if got := artifactURI(file); got != want {
			t.Errorf("artifactURI(%q) = %q, want %q", file, got, want)
		}
	}
}
