package parser_test

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
)

// sexpr renders a tree compactly: (kind children…), identifiers bare,
// string values quoted, BAD for *ast.BadExpr.
func sexpr(n ast.Node) string {
	var b strings.Builder
	writeSexpr(&b, n)
	return b.String()
}

// parse parses src and returns its tree as an S-expression and its
// errors as "line:col: msg" lines.
func parse(src string) (string, []string) {
	f, errs := parseErrors(src)
	return sexpr(f.Expr), errs
}

// parseErrors parses src and returns the file and its errors as
// "line:col: msg" lines.
func parseErrors(src string) (*ast.File, []string) {
	fset := token.NewFileSet()
	f := parser.ParseFile(fset, "t.nix", []byte(src))
	var errs []string
	for _, e := range f.Errors {
		p := fset.Position(e.Pos)
		errs = append(errs, fmt.Sprintf("%d:%d: %s", p.Line, p.Column, e.Msg))
	}
	return f, errs
}

func writeSexpr(b *strings.Builder, n ast.Node) {
	list := func(head string, xs ...ast.Node) {
		b.WriteString("(" + head)
		for _, x := range xs {
			b.WriteByte(' ')
			writeSexpr(b, x)
		}
		b.WriteByte(')')
	}
	switch n := n.(type) {
	case *ast.Ident:
		b.WriteString(n.Name)
	case *ast.Name:
		b.WriteString(n.Name)
	case *ast.IntLit:
		fmt.Fprintf(b, "%d", n.Value)
	case *ast.FloatLit:
		fmt.Fprintf(b, "%gf", n.Value)
	case *ast.StringExpr:
		head := "str"
		if n.Indented {
			head = "istr"
		}
		list(head, parts(n.Parts)...)
	case *ast.StringText:
		fmt.Fprintf(b, "%q", n.Value)
	case *ast.Interpolation:
		list("$", n.X)
	case *ast.PathExpr:
		list([...]string{"path", "abspath", "homepath"}[n.Kind], parts(n.Parts)...)
	case *ast.LookupPathExpr:
		b.WriteString("<" + n.Path + ">")
	case *ast.URIExpr:
		b.WriteString("(uri " + n.Value + ")")
	case *ast.CurPosExpr:
		b.WriteString("__curPos")
	case *ast.BadExpr:
		b.WriteString("BAD")
	case *ast.ParenExpr:
		list("paren", n.X)
	case *ast.ListExpr:
		list("list", exprs(n.Elems)...)
	case *ast.AttrSetExpr:
		head := "set"
		if n.Rec.IsValid() {
			head = "rec"
		}
		list(head, bindings(n.Bindings)...)
	case *ast.LetExpr:
		list("let", append(bindings(n.Bindings), n.Body)...)
	case *ast.LegacyLetExpr:
		list("letset", bindings(n.Bindings)...)
	case *ast.AttrPath:
		for i, k := range n.Keys {
			if i > 0 {
				b.WriteByte('.')
			}
			writeSexpr(b, k)
		}
	case *ast.SelectExpr:
		if n.Default != nil {
			list("sel", n.X, n.Path, n.Default)
		} else {
			list("sel", n.X, n.Path)
		}
	case *ast.HasAttrExpr:
		list("?", n.X, n.Path)
	case *ast.CallExpr:
		list("call", append([]ast.Node{n.Fun}, exprs(n.Args)...)...)
	case *ast.UnaryExpr:
		list(n.Op.String(), n.X)
	case *ast.BinaryExpr:
		list(n.Op.String(), n.X, n.Y)
	case *ast.LambdaExpr:
		var head []ast.Node
		if n.Arg != nil {
			head = append(head, n.Arg)
		}
		if n.Formals != nil {
			head = append(head, n.Formals)
		}
		list("fn", append(head, n.Body)...)
	case *ast.Formals:
		b.WriteByte('{')
		for i, f := range n.List {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeSexpr(b, f)
		}
		if n.Ellipsis.IsValid() {
			if len(n.List) > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("...")
		}
		b.WriteByte('}')
	case *ast.Formal:
		writeSexpr(b, n.Name)
		if n.Default != nil {
			b.WriteByte('?')
			writeSexpr(b, n.Default)
		}
	case *ast.WithExpr:
		list("with", n.Scope, n.Body)
	case *ast.AssertExpr:
		list("assert", n.Cond, n.Body)
	case *ast.IfExpr:
		list("if", n.Cond, n.Then, n.Else)
	case *ast.AttrDef:
		writeSexpr(b, n.Path)
		b.WriteByte('=')
		writeSexpr(b, n.Value)
	case *ast.Inherit:
		var xs []ast.Node
		if n.From != nil {
			xs = append(xs, n.From)
		}
		for _, k := range n.Names {
			xs = append(xs, k)
		}
		list("inherit", xs...)
	default:
		fmt.Fprintf(b, "?%T", n)
	}
}

func parts(ps []ast.StringPart) []ast.Node {
	out := make([]ast.Node, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}

func exprs(xs []ast.Expr) []ast.Node {
	out := make([]ast.Node, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func bindings(bs []ast.Binding) []ast.Node {
	out := make([]ast.Node, len(bs))
	for i, x := range bs {
		out[i] = x
	}
	return out
}
