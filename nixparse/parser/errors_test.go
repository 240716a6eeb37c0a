package parser_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// TestErrors checks every error of files with several syntax errors: the
// first is Nix's own (see TestNixAgreesOnFirstError), the others come
// from recovery, without cascades.
func TestErrors(t *testing.T) {
	tests := map[string][]string{
		"error_bindings.nix": {
			"3:5: syntax error, unexpected '=', expecting ';'",
			"4:7: syntax error, unexpected ';'",
			"5:13: syntax error, unexpected ';'",
			"8:5: syntax error, unexpected '='",
		},
		"error_exprs.nix": {
			"2:13: syntax error, unexpected '*'",
			"3:18: syntax error, unexpected ';', expecting ELSE",
			"4:11: syntax error, unexpected ';', expecting ')'",
			"5:14: syntax error, unexpected ID, expecting '}'",
			"6:13: syntax error, unexpected ']', expecting ';'",
			"8:7: syntax error, unexpected ')', expecting end of file",
		},
		"error_literals.nix": {
			"2:3: invalid integer '99999999999999999999'",
			"3:9: path has a trailing slash",
			"4:3: invalid float '1.0e400'",
			"5:11: syntax error, unexpected EQ",
			`7:1: syntax error, unexpected ']', expecting ID or OR_KW or DOLLAR_CURLY or '"'`,
		},
		"error_eof.nix": {
			"1:16: syntax error, unexpected end of file",
		},
	}
	for name, want := range tests {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		_, got := parseErrors(string(src))
		if !slices.Equal(got, want) {
			t.Errorf("%s: errors\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestErrorTrees checks the trees left by recovery: BadExpr where text
// failed, the rest intact.
func TestErrorTrees(t *testing.T) {
	tests := []struct{ src, want, err string }{
		{"{ a = ; b = 1; }", "(set a=BAD b=1)", "1:7: syntax error, unexpected ';'"},
		{"{ a b; c = 1; }", "(set a=BAD c=1)", "1:5: syntax error, unexpected ID, expecting '.' or '='"},
		{"[ 1 * 2 ]", "(list 1 2)", "1:5: syntax error, unexpected '*'"},
		{"1 +", "(+ 1 BAD)", "1:3: syntax error, unexpected end of file"},
		{"let a = 1; 3", "(let a=1 BAD)", "1:12: syntax error, unexpected INT"},
		{"a ./b/c", `(call a (path "./b/c"))`, ""},
		{"a/b//c ", `(path "a/b/" "/c")`, "1:5: syntax error, unexpected PATH_END, expecting DOLLAR_CURLY"},
		{"{ a }", "(fn {a} BAD)", "1:5: syntax error, unexpected end of file, expecting ':' or '@'"},
		{"x@y: 1", "(fn x (fn y 1))", "1:3: syntax error, unexpected ID, expecting '{'"},
		{"1 |> f <| g", "(|> 1 f)", "1:8: syntax error, unexpected PIPE_FROM, expecting end of file"},
		{"\"abc", `(str "abc")`, "1:2: syntax error, unexpected end of file, expecting '\"'"},
		{"''abc", `(istr "abc")`, "1:3: syntax error, unexpected end of file, expecting IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE"},
		{"", "BAD", "1:1: syntax error, unexpected end of file"},
		{"$", "BAD", "1:1: syntax error, unexpected invalid token"},
	}
	for _, tt := range tests {
		got, errs := parse(tt.src)
		gotErr := strings.Join(errs, "; ")
		if got != tt.want || gotErr != tt.err {
			t.Errorf("parse(%q)\n got %s [%s]\nwant %s [%s]", tt.src, got, gotErr, tt.want, tt.err)
		}
	}
}

// TestDepthLimit checks that deep nesting of every construct yields one
// "expression nested too deeply" error, not a stack overflow.
func TestDepthLimit(t *testing.T) {
	const n = 100000
	tests := map[string]string{
		"parens":         strings.Repeat("(", 1000000) + "1" + strings.Repeat(")", 1000000),
		"not":            strings.Repeat("!", 1000000) + "true",
		"negate":         strings.Repeat("-", n) + "1",
		"lists":          strings.Repeat("[", n) + strings.Repeat("]", n),
		"sets":           strings.Repeat("{a=", n) + "1" + strings.Repeat(";}", n),
		"rec sets":       strings.Repeat("rec {a=", n) + "1" + strings.Repeat(";}", n),
		"lets":           strings.Repeat("let a=1; in ", n) + "a",
		"legacy lets":    strings.Repeat("let {body=", n) + "1" + strings.Repeat(";}", n),
		"interpolations": strings.Repeat(`"${`, n) + "1" + strings.Repeat(`}"`, n),
		"ind strings":    strings.Repeat(`''${`, n) + "1" + strings.Repeat(`}''`, n),
		"attr keys":      strings.Repeat("{ ${", n),
		"lambdas":        strings.Repeat("x: ", n) + "x",
		"formals":        strings.Repeat("{ a ? ", n),
		"withs":          strings.Repeat("with a; ", n) + "x",
		"asserts":        strings.Repeat("assert a; ", n) + "x",
		"ifs":            strings.Repeat("if a then b else ", n) + "x",
		"defaults":       strings.Repeat("a.b or ", n) + "x",
		"paths":          strings.Repeat("./a${", n),
	}
	for name, src := range tests {
		f, errs := parseErrors(src)
		if len(errs) != 1 || !strings.HasSuffix(errs[0], ": expression nested too deeply") || f.Errors[0].Kind != ast.SyntaxErr {
			t.Errorf("%s: errors %v, want one nesting error", name, errs)
		}
	}
	// Where: each parenthesis costs two levels (an expression and an
	// operand), each list one; Nix 2.8 itself stops near 10,000
	// parentheses ("memory exhausted").
	for src, want := range map[string]string{
		tests["parens"]: "1:10001: expression nested too deeply",
		tests["lists"]:  "1:20000: expression nested too deeply",
		strings.Repeat("(", 9999) + "1" + strings.Repeat(")", 9999): "",
	} {
		_, errs := parseErrors(src)
		if got := strings.Join(errs, "; "); got != want {
			t.Errorf("%.10s…: errors %q, want %q", src, got, want)
		}
	}
}

// TestLiteralErrors checks the literals Nix rejects and those it takes.
func TestLiteralErrors(t *testing.T) {
	tests := []struct{ src, err string }{
		{"9223372036854775807", ""},
		{"9223372036854775808", "1:1: invalid integer '9223372036854775808'"},
		// The minimum integer cannot be written: '-' is an operator.
		{"-9223372036854775808", "1:2: invalid integer '9223372036854775808'"},
		{"1.7976931348623157e308", ""},
		{"1.8e308", "1:1: invalid float '1.8e308'"},
		{"2.2250738585072014e-308", ""},
		{"1.0e-310", "1:1: invalid float '1.0e-310'"}, // subnormal: strtod's ERANGE
		{"0.0e-400", ""},
		{"1.0e-400", "1:1: invalid float '1.0e-400'"},
		{"[ ./a/ ./b ]", "1:7: path has a trailing slash"},
	}
	for _, tt := range tests {
		f, errs := parseErrors(tt.src)
		got := strings.Join(errs, "; ")
		if got != tt.err || len(f.Errors) > 0 && f.Errors[0].Kind != ast.InvalidLiteral {
			t.Errorf("%q: errors %q (%v), want %q", tt.src, got, f.Errors, tt.err)
		}
	}
}
