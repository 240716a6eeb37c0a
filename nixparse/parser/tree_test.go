package parser_test

import (
	"strings"
	"testing"
)

// TestTrees checks tree shapes: parser.y's precedences and
// associativities, or, pipes, lambdas, bindings and literals.
func TestTrees(t *testing.T) {
	tests := []struct{ src, want string }{
		// Precedence, lowest to highest: -> || && ==/!= </>/<=/>= // !
		// +/- * / ++ ? unary-, then application and select.
		{"a -> b || c && d == e < f // g", "(-> a (|| b (&& c (== d (< e (// f g))))))"},
		{"a + b * c ++ d ? e", "(+ a (* b (++ c (? d e))))"},
		{"-a ? b", "(? (- a) b)"},
		{"- f x.y", "(- (call f (sel x y)))"},
		{"!a + b", "(! (+ a b))"},
		{"!a == b", "(== (! a) b)"},
		{"!a // b", "(// (! a) b)"},
		{"a * !b + c", "(* a (! (+ b c)))"},
		{"a + -b * c", "(+ a (* (- b) c))"},
		{"-a - b", "(- (- a) b)"},
		{"a - - b", "(- a (- b))"},
		// Associativity.
		{"a - b - c", "(- (- a b) c)"},
		{"a / b / c", "(/ (/ a b) c)"},
		{"a ++ b ++ c", "(++ a (++ b c))"},
		{"a // b // c", "(// a (// b c))"},
		{"a -> b -> c", "(-> a (-> b c))"},
		{"a || b || c", "(|| (|| a b) c)"},
		{"a ? b ? c", "(? (? a b) c)"},
		{"a ? b.c.\"d\".${e}", `(? a b.c.(str "d").($ e))`},
		// Pipes: |> left-, <| right-associative, below every operator.
		{"a |> f |> g", "(|> (|> a f) g)"},
		{"f <| g <| a", "(<| f (<| g a))"},
		{"a + 1 |> f x", "(|> (+ a 1) (call f x))"},
		// Application is flattened; its arguments are selects.
		{"f a b.c (d e)", "(call f a (sel b c) (paren (call d e)))"},
		// or: select default, attribute name, and Nix's "f or".
		{"a.b or c", "(sel a b c)"},
		{"a.b or c.d or e", "(sel a b (sel c d e))"},
		{"a.or", "(sel a or)"},
		{"a.or or b", "(sel a or b)"},
		{"{ or = 1; }.or", "(sel (set or=1) or)"},
		{"map or [ ]", "(call map or (list))"},
		{"f x or", "(call f (call x or))"},
		{"[ f or ]", "(list (call f or))"},
		{"{ inherit or; }", "(set (inherit or))"},
		// Lambdas.
		{"x: y: x", "(fn x (fn y x))"},
		{"{ }: 1", "(fn {} 1)"},
		{"{ ... }: 1", "(fn {...} 1)"},
		{"{ a, b ? 1, ... }@args: a", "(fn args {a b?1 ...} a)"},
		{"args@{ a, }: a", "(fn args {a} a)"},
		{"{ a }: a", "(fn {a} a)"},
		{"{ a ? { }, b ? x: x }: a", "(fn {a?(set) b?(fn x x)} a)"},
		{"__curPos: __curPos", "(fn __curPos __curPos)"},
		// Sets and lets.
		{"{ }", "(set)"},
		{"{ a.b.c = 1; \"x\" = 2; ${y} = 3; }", `(set a.b.c=1 (str "x")=2 ($ y)=3)`},
		{"rec { a = 1; b = a; }", "(rec a=1 b=a)"},
		{"let a = 1; inherit (x) b \"c\"; in a", `(let a=1 (inherit x b (str "c")) a)`},
		{"let { body = 1; }", "(letset body=1)"},
		{"let in 1", "(let 1)"},
		{"with a; assert b; if c then d else e", "(with a (assert b (if c d e)))"},
		{"if a then x: x else y", "(if a (fn x x) y)"},
		// Literals.
		{"[ 1 2.5 .5 1.e-2 0.5e3 <nixpkgs/lib> __curPos ]", "(list 1 2.5f 0.5f 0.01f 500f <nixpkgs/lib> __curPos)"},
		{"[ 9223372036854775807 01.5 ]", "(list 9223372036854775807 1 0.5f)"},
		{"[ x:x https://example.org/a?b ]", "(list (uri x:x) (uri https://example.org/a?b))"},
		// Paths: pieces and interpolations; the kind from the first byte.
		{"[ ./a a/b /c ~/d ]", `(list (path "./a") (path "a/b") (abspath "/c") (homepath "~/d"))`},
		{"./a/${b}/c${d}", `(path "./a/" ($ b) "/c" ($ d))`},
		{"~/${b}", `(homepath "~/" ($ b))`},
		// Strings: values after escapes.
		{`"a\nb\tc\rd\\e\"f\$g ${x} $${y}"`, `(str "a\nb\tc\rd\\e\"f$g " ($ x) " $${y}")`},
		{"\"a\r\nb\rc\"", `(str "a\nb\nc")`},
		{`"$"`, `(str "$")`},
		{`""`, `(str)`},
	}
	for _, tt := range tests {
		got, errs := parse(tt.src)
		if got != tt.want || len(errs) > 0 {
			t.Errorf("parse(%q)\n got %s %v\nwant %s", tt.src, got, errs, tt.want)
		}
	}
}

// TestIndentedStrings checks the values of indented strings after Nix's
// escapes and indentation stripping; each token is its own part.
func TestIndentedStrings(t *testing.T) {
	tests := []struct{ src, want string }{
		{"''\n  a\n    b\n  ''", `(istr "a\n  b\n")`},
		{"''\n  a\n  b''", `(istr "a\nb")`},
		{"''  a\n   b\n''", `(istr "a\n b\n")`},
		// Empty lines and a last line of spaces do not count.
		{"''\n    a\n\n    b\n  ''", `(istr "a\n\nb\n")`},
		// Escapes: ''$ is $, ''' is '', ''\n a newline; they end a line's
		// indentation like an interpolation.
		{"''\n  ''$a '''b'''\n  ''\\nc\n''", `(istr "" "$" "a " "''" "b" "''" "\n" "\n" "c\n")`},
		{"''\n    ${x}\n  y\n''", `(istr "  " ($ x) "\ny\n")`},
		// Checked against nix-instantiate --parse: an escape leaves the
		// line start, so the space after ''\n is indentation.
		{"''\n    escapes ''$ ''' ''\\n ''\\t ''\\x $ ' '$\n    ${x} after interp\n  ''", `(istr "escapes " "$" " " "''" " " "\n" "" "\t" " " "x" " $ ' " "'" "$\n" ($ x) " after interp\n")`},
		// Checked against nix-instantiate --parse: stripping reads the
		// value of an escaped LF or space as text (it starts or continues
		// a line's indentation), which the minimum indentation does not.
		{"''\n  a''\\n  b\n''", `(istr "a" "\n" "b\n")`},
		{"''\n  a\n''\\ b\n''", `(istr "  a\n" " " "b\n")`},
		{"''\n    a\n  ''\\  b\n''", `(istr "  a\n" " " " b\n")`},
		{"''a''", `(istr "a")`},
		{"''''", `(istr)`},
		{"'' $ ' x''", `(istr "$ ' x")`},
	}
	for _, tt := range tests {
		got, errs := parse(tt.src)
		if got != tt.want || len(errs) > 0 {
			t.Errorf("parse(%q)\n got %s %v\nwant %s", tt.src, got, errs, tt.want)
		}
	}
}

// TestLongChains checks that long operator, application and pipe chains
// parse without hitting the nesting limit.
func TestLongChains(t *testing.T) {
	const n = 100000
	terms := make([]string, n)
	for i := range terms {
		terms[i] = "a"
	}
	for _, sep := range []string{" + ", " ++ ", " -> ", " // ", " ", " |> ", " <| ", " && "} {
		src := strings.Join(terms, sep)
		if _, errs := parseErrors(src); len(errs) > 0 {
			t.Errorf("chain of %d terms joined by %q: %v", n, sep, errs)
		}
	}
	if _, errs := parseErrors("x" + strings.Repeat(".a", n)); len(errs) > 0 {
		t.Errorf("select chain: %v", errs)
	}
}
