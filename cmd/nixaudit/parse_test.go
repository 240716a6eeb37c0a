package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// parseRun runs `nixaudit parse args…` in-process in dir and returns the
// exit code and outputs, as run would give them.
func parseRun(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	root := newRootCmd()
	var out, errs bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errs)
	root.SetArgs(append([]string{"parse"}, args...))
	if err := root.Execute(); err != nil {
		var ok bool
		if code, ok = exitCodeOf(err); !ok {
			errs.WriteString("nixaudit: " + err.Error() + "\n")
			code = exitUsage
		}
	}
	return code, out.String(), errs.String()
}

// expectParse checks a parseRun result exactly.
func expectParse(t *testing.T, dir string, args []string, code int, stdout, stderr string) {
	t.Helper()
	c, o, e := parseRun(t, dir, args...)
	if c != code || o != stdout || e != stderr {
		t.Errorf("nixaudit parse %v: exit %d, want %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", args, c, code, o, stdout, e, stderr)
	}
}

// files writes name/content pairs into a new directory and returns it.
func files(t *testing.T, nameContent ...string) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < len(nameContent); i += 2 {
		if err := os.WriteFile(filepath.Join(dir, nameContent[i]), []byte(nameContent[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestParseNix(t *testing.T) {
	dir := files(t, "a.nix", "{ b = x: x - 1; a.c = ./p; }\n",
		"b.nix", "let f = { y, x ? 1 }: x; in f { y = 2; }\n")
	expectParse(t, dir, []string{"a.nix", "b.nix"}, exitOK,
		"{ a = { c = "+dir+"/p; }; b = (x: (__sub x 1)); }\n"+
			"(let f = ({ x ? 1, y }: x); in (f { y = 2; }))\n", "")
}

func TestParseErrors(t *testing.T) {
	dir := files(t, "ok.nix", "1\n", "undefined.nix", "{\n  a = y;\n}\n", "dup.nix", "{\n  a = 1;\n  a = z;\n}\n")
	expectParse(t, dir, []string{"undefined.nix", "ok.nix", "dup.nix"}, exitFindings, "1\n",
		"undefined.nix:2:7: error: undefined variable 'y'\n"+
			"dup.nix:3:3: error: attribute 'a' already defined at dup.nix:2:3\n"+
			"dup.nix:3:7: error: undefined variable 'z'\n")
}

func TestParseAST(t *testing.T) {
	dir := files(t, "a.nix", "x: -x.y or 2\n")
	expectParse(t, dir, []string{"--print=ast", "a.nix"}, exitOK, `LambdaExpr 1:1-1:13
  Arg: Name 1:1-1:2 Name="x"
  Body: UnaryExpr 1:4-1:13 Op="-"
    X: SelectExpr 1:5-1:13 Or=1:9
      X: Ident 1:5-1:6 Name="x"
      Path: AttrPath 1:7-1:8
        Keys: [1]
          - Name 1:7-1:8 Name="y"
      Default: IntLit 1:12-1:13 Raw="2" Value=2
`, "")
}

func TestParseJSON(t *testing.T) {
	code, stdout, stderr := parseRun(t, files(t, "a.nix", "[ 1 y ]\n"), "--print=json", "a.nix")
	if code != exitFindings || stderr != "a.nix:1:5: error: undefined variable 'y'\n" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var doc struct {
		File string
		Expr struct {
			Type  string
			Pos   struct{ Line, Column, Offset int }
			Elems []map[string]any
		}
		Errors []struct {
			Pos     struct{ Line, Column int }
			Message string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if doc.File != "a.nix" || doc.Expr.Type != "ListExpr" || len(doc.Expr.Elems) != 2 ||
		doc.Expr.Elems[1]["type"] != "Ident" || doc.Expr.Elems[1]["Name"] != "y" ||
		len(doc.Errors) != 1 || doc.Errors[0].Pos.Column != 5 || doc.Errors[0].Message != "undefined variable 'y'" {
		t.Errorf("unexpected document: %s", stdout)
	}
}

func TestParseUsage(t *testing.T) {
	dir := files(t, "a.nix", "1\n")
	expectParse(t, dir, []string{"--print=xml", "a.nix"}, exitUsage, "",
		"nixaudit: unknown print mode \"xml\" (want nix, ast or json)\n")
	expectParse(t, dir, []string{"missing.nix"}, exitUsage, "",
		"nixaudit: lstat "+filepath.Join(dir, "missing.nix")+": no such file or directory\n")
}

// TestParseMissingFile checks that a file that cannot be read does not
// stop the others from being parsed; the exit status at the end is that
// of an I/O error, 2, as for a single missing file.
func TestParseMissingFile(t *testing.T) {
	dir := files(t, "ok.nix", "1\n", "bad.nix", "{\n")
	expectParse(t, dir, []string{"missing.nix", "ok.nix", "bad.nix"}, exitUsage, "1\n",
		"nixaudit: lstat "+filepath.Join(dir, "missing.nix")+": no such file or directory\n"+
			"bad.nix:1:2: error: syntax error, unexpected end of file\n")
	expectParse(t, dir, []string{"ok.nix", "missing.nix"}, exitUsage, "1\n",
		"nixaudit: lstat "+filepath.Join(dir, "missing.nix")+": no such file or directory\n")
	expectParse(t, dir, []string{"--print=xml", "ok.nix"}, exitUsage, "", "nixaudit: unknown print mode \"xml\" (want nix, ast or json)\n")
}
