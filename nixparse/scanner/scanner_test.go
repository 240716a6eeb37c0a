package scanner

import (
	"slices"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// dump renders the tokens of src other than whitespace as KIND`text`,
// separated by spaces; zero-width tokens are KIND alone.
func dump(src string) string {
	toks, _ := Scan([]byte(src))
	var out []string
	for _, t := range toks {
		switch {
		case t.Kind == ast.WHITESPACE || t.Kind == ast.EOF:
		case t.Offset == t.EndOffset:
			out = append(out, t.Kind.String())
		default:
			out = append(out, t.Kind.String()+"`"+src[t.Offset:t.EndOffset]+"`")
		}
	}
	return strings.Join(out, " ")
}

func TestScan(t *testing.T) {
	tests := []struct{ src, want string }{
		// Keywords against identifiers: the longer match wins, ties go to
		// the keyword; ' and - are identifier characters.
		{"if iff or or' a-b x' __curPos", "if`if` IDENT`iff` or`or` IDENT`or'` IDENT`a-b` IDENT`x'` __curPos`__curPos`"},
		// Numbers: FLOAT needs a dot; 1e3 is INT then IDENT; 01.5 is INT
		// then FLOAT; a.5 is IDENT then FLOAT.
		{"1 1.5 .5 1.e-2 0.5E+3 1e3 01.5 a.5", "INT`1` FLOAT`1.5` FLOAT`.5` FLOAT`1.e-2` FLOAT`0.5E+3` INT`1` IDENT`e3` INT`01` FLOAT`.5` IDENT`a` FLOAT`.5`"},
		// Paths: a slash makes a path of anything PATH_CHAR; every path
		// ends with a zero-width PATH_END.
		{"./a a/b -1/2 /abs ~/h <nixpkgs/lib>", "PATH`./a` PATH_END PATH`a/b` PATH_END PATH`-1/2` PATH_END PATH`/abs` PATH_END PATH`~/h` PATH_END LOOKUP_PATH`<nixpkgs/lib>`"},
		// Interpolated paths: PATH_SEG${ and pieces after interpolations.
		{"./${a}/b ~/${x} a/b${c}d", "PATH`./` INTERP_OPEN`${` IDENT`a` }`}` PATH`/b` PATH_END PATH`~/` INTERP_OPEN`${` IDENT`x` }`}` PATH_END PATH`a/b` INTERP_OPEN`${` IDENT`c` }`}` PATH`d` PATH_END"},
		// a/b//c: the second piece starts after the trailing slash.
		{"a/b//c", "PATH`a/b/` PATH`/c` PATH_END"},
		// Division needs spaces; // and /* are not paths.
		{"a / b a//b a/* c */b", "IDENT`a` OPERATOR`/` IDENT`b` IDENT`a` OPERATOR`//` IDENT`b` IDENT`a` COMMENT`/* c */` IDENT`b`"},
		// URIs: x:x is a URI, x: x a lambda head.
		{"x:x x: x https://e.org/a?b=c", "URI`x:x` IDENT`x` :`:` IDENT`x` URI`https://e.org/a?b=c`"},
		// A dot is DOT unless it starts a float, an ellipsis or a path;
		// an identifier before it ends there unless a path or URI is
		// longer.
		{"a.b a.b/c a .b/c x.y:z _x.y:z a..b a=b==c", "IDENT`a` .`.` IDENT`b` PATH`a.b/c` PATH_END IDENT`a` PATH`.b/c` PATH_END URI`x.y:z` IDENT`_x` .`.` URI`y:z` IDENT`a` .`.` .`.` IDENT`b` IDENT`a` =`=` IDENT`b` OPERATOR`==` IDENT`c`"},
		// Operators, including the pipes.
		{"a==b!=c<=d>=e&&f||g -> h//i++j|>k<|l", "IDENT`a` OPERATOR`==` IDENT`b` OPERATOR`!=` IDENT`c` OPERATOR`<=` IDENT`d` OPERATOR`>=` IDENT`e` OPERATOR`&&` IDENT`f` OPERATOR`||` IDENT`g` OPERATOR`->` IDENT`h` OPERATOR`//` IDENT`i` OPERATOR`++` IDENT`j` OPERATOR`|>` IDENT`k` OPERATOR`<|` IDENT`l`"},
		// '-' is an identifier character: g->h is g- > h.
		{"g->h", "IDENT`g-` OPERATOR`>` IDENT`h`"},
		{"{ ... }@a: a ? b", "{`{` ...`...` }`}` @`@` IDENT`a` :`:` IDENT`a` ?`?` IDENT`b`"},
		// Strings: escapes stay in one run, "${" opens an interpolation,
		// "$${" and "\${" do not, and a '$' before the closing quote is
		// text.
		{`"a\"b ${x} $${y} \${z} c$"`, "STRING_OPEN`\"` STRING_TEXT`a\\\"b ` INTERP_OPEN`${` IDENT`x` }`}` STRING_TEXT` $${y} \\${z} c$` STRING_CLOSE`\"`"},
		// Nested braces inside an interpolation return to the string.
		{`"${ { a = "}"; } }x"`, "STRING_OPEN`\"` INTERP_OPEN`${` {`{` IDENT`a` =`=` STRING_OPEN`\"` STRING_TEXT`}` STRING_CLOSE`\"` ;`;` }`}` }`}` STRING_TEXT`x` STRING_CLOSE`\"`"},
		// Indented strings: the opener takes a line of spaces; escapes
		// are tokens of their own; lone ' and $ too.
		// "$ " is text; a '$' at the end of the text is a token alone.
		{"''  \n a ''$ ''' ''\\n $ '$ x$''", "IND_OPEN`''  \n` STRING_TEXT` a ` STRING_TEXT`''$` STRING_TEXT` ` STRING_TEXT`'''` STRING_TEXT` ` STRING_TEXT`''\\n` STRING_TEXT` $ ` STRING_TEXT`'` STRING_TEXT`$ x` STRING_TEXT`$` IND_CLOSE`''`"},
		{"''${a}''", "IND_OPEN`''` INTERP_OPEN`${` IDENT`a` }`}` IND_CLOSE`''`"},
		// Comments and invalid bytes.
		{"# c\r\n/* a */ $ & \xff", "COMMENT`# c` COMMENT`/* a */` ILLEGAL`$` ILLEGAL`&` ILLEGAL`\xff`"},
		// An unterminated block comment is a '/' and a '*'.
		{"/* x", "OPERATOR`/` OPERATOR`*` IDENT`x`"},
		// Unterminated string: the trailing backslash is the last text.
		{`"ab\`, "STRING_OPEN`\"` STRING_TEXT`ab` STRING_TEXT`\\`"},
	}
	for _, tt := range tests {
		if got := dump(tt.src); got != tt.want {
			t.Errorf("Scan(%q)\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestScanErrors(t *testing.T) {
	tests := []struct {
		src    string
		offset int
		msg    string
	}{
		// Nix reports a trailing slash at the byte after the path, or at
		// the last piece at the end of input.
		{"./a/ b", 4, "path has a trailing slash"},
		{"x ./a/", 2, "path has a trailing slash"},
		{"./${a}/", 6, "path has a trailing slash"},
	}
	for _, tt := range tests {
		_, errs := Scan([]byte(tt.src))
		if len(errs) != 1 || errs[0].Offset != tt.offset || errs[0].Msg != tt.msg {
			t.Errorf("Scan(%q) errors = %+v, want one %q at %d", tt.src, errs, tt.msg, tt.offset)
		}
	}
}

// TestScannerComments checks that Comments gives the indexes of the
// COMMENT tokens of the last Append, in a buffer that had tokens before.
func TestScannerComments(t *testing.T) {
	var sc Scanner
	tests := []struct {
		src  string
		want []int32
	}{
		// a, ws, # x, ws, b, ws, /* y */, "${ /* z */ }", EOF
		{"a # x\nb /* y */\"${/* z */}\"", []int32{2, 6, 9}},
		{"a", nil},
		{"# only", []int32{0}},
	}
	buf := make([]ast.Token, 0, 4)
	for _, tt := range tests {
		toks, _ := sc.Append(buf[:0], []byte(tt.src))
		got := sc.Comments()
		var want []int32
		for i, tok := range toks {
			if tok.Kind == ast.COMMENT {
				want = append(want, int32(i))
			}
		}
		if !slices.Equal(got, tt.want) || !slices.Equal(got, want) {
			t.Errorf("Append(%q): Comments() = %v, want %v (COMMENT tokens at %v)", tt.src, got, tt.want, want)
		}
		buf = toks
	}
}
