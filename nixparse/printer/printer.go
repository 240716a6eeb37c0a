package printer

import (
	"bufio"
	"errors"
	"fmt"
	"go/token"
	"io"
	"sort"
	"strconv"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// Options say how to resolve the file's path literals, as Nix does when it
// parses the file.
type Options struct {
	// Dir is the absolute directory relative paths are resolved against:
	// the directory of the file (see BaseDir).
	Dir string
	// Home replaces the ~ of home paths (Nix uses $HOME).
	Home string
}

// Print writes f's expression in the form of `nix-instantiate --parse`,
// followed by a newline. It refuses files with syntax errors.
func Print(w io.Writer, f *ast.File, opts Options) error {
	if len(f.Errors) > 0 {
		e := f.Errors[0]
		return fmt.Errorf("%s: %s", f.Tok.Position(e.Pos), e.Msg)
	}
	if f.Expr == nil {
		return errors.New(f.Name + ": no expression")
	}
	p := &printer{f: f, opts: opts, w: bufio.NewWriter(w)}
	p.expr(f.Expr)
	p.w.WriteByte('\n')
	if p.err != nil {
		return p.err
	}
	return p.w.Flush()
}

// printer holds the state of one Print call.
type printer struct {
	f    *ast.File
	opts Options
	w    *bufio.Writer
	err  error
}

func (p *printer) str(s string) { p.w.WriteString(s) }

// fail records the first error met while printing.
func (p *printer) fail(pos token.Pos, msg string) {
	if p.err == nil {
		p.err = fmt.Errorf("%s: %s", p.f.Tok.Position(pos), msg)
	}
}

// expr prints one expression as Nix's Expr::show does.
func (p *printer) expr(x ast.Expr) {
	if items := callItems(x); items != nil {
		p.call(items)
		return
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		p.expr(x.X)
	case *ast.Ident:
		p.str(x.Name)
	case *ast.IntLit:
		p.str(strconv.FormatInt(x.Value, 10))
	case *ast.FloatLit:
		p.str(FormatFloat(x.Value))
	case *ast.StringExpr:
		p.concat(p.stringParts(x))
	case *ast.PathExpr:
		p.concat(p.pathParts(x))
	case *ast.URIExpr:
		p.str(scope.QuoteString(x.Value))
	case *ast.CurPosExpr:
		p.str("__curPos")
	case *ast.ListExpr:
		p.str("[ ")
		for _, e := range x.Elems {
			p.str("(")
			p.expr(e)
			p.str(") ")
		}
		p.str("]")
	case *ast.AttrSetExpr:
		p.set(p.attrSet(x))
	case *ast.LetExpr:
		p.str("(let ")
		p.letBindings(p.attrSet(x))
		p.str("in ")
		p.expr(x.Body)
		p.str(")")
	case *ast.LegacyLetExpr:
		p.str("(")
		p.set(p.attrSet(x))
		p.str(").body")
	case *ast.SelectExpr:
		p.str("(")
		p.expr(x.X)
		p.str(").")
		p.attrPath(x.Path)
		if x.Default != nil {
			p.str(" or (")
			p.expr(x.Default)
			p.str(")")
		}
	case *ast.HasAttrExpr:
		p.str("((")
		p.expr(x.X)
		p.str(") ? ")
		p.attrPath(x.Path)
		p.str(")")
	case *ast.UnaryExpr: // OpNot; OpNeg is a call
		p.str("(! ")
		p.expr(x.X)
		p.str(")")
	case *ast.BinaryExpr:
		p.binary(x)
	case *ast.LambdaExpr:
		p.lambda(x)
	case *ast.WithExpr:
		p.str("(with ")
		p.expr(x.Scope)
		p.str("; ")
		p.expr(x.Body)
		p.str(")")
	case *ast.AssertExpr:
		p.str("assert ")
		p.expr(x.Cond)
		p.str("; ")
		p.expr(x.Body)
	case *ast.IfExpr:
		p.str("(if ")
		p.expr(x.Cond)
		p.str(" then ")
		p.expr(x.Then)
		p.str(" else ")
		p.expr(x.Else)
		p.str(")")
	case nil:
		if p.err == nil {
			p.err = errors.New(p.f.Name + ": missing expression")
		}
	default:
		p.fail(x.Pos(), "cannot print a syntax error")
	}
}

// binary prints the binary operators Nix keeps as operators; <= and >=
// are negated calls of __lessThan.
func (p *printer) binary(x *ast.BinaryExpr) {
	switch x.Op {
	case ast.OpLEq, ast.OpGEq:
		l, r := x.X, x.Y
		if x.Op == ast.OpLEq {
			l, r = r, l
		}
		p.str("(! ")
		p.call([]item{{text: "__lessThan"}, {e: l}, {e: r}})
		p.str(")")
		return
	}
	p.str("(")
	p.expr(x.X)
	p.str(" ")
	p.str(x.Op.String())
	p.str(" ")
	p.expr(x.Y)
	p.str(")")
}

// lambda prints a function, its formals sorted by name.
func (p *printer) lambda(l *ast.LambdaExpr) {
	p.str("(")
	if l.Formals != nil {
		formals := append([]*ast.Formal(nil), l.Formals.List...)
		sort.SliceStable(formals, func(i, j int) bool { return formals[i].Name.Name < formals[j].Name.Name })
		p.str("{ ")
		for i, f := range formals {
			if i > 0 {
				p.str(", ")
			}
			p.str(f.Name.Name)
			if f.Default != nil {
				p.str(" ? ")
				p.expr(f.Default)
			}
		}
		if l.Formals.Ellipsis.IsValid() {
			if len(formals) > 0 {
				p.str(", ")
			}
			p.str("...")
		}
		p.str(" }")
		if l.Arg != nil {
			p.str(" @ ")
		}
	}
	if l.Arg != nil {
		p.str(l.Arg.Name)
	}
	p.str(": ")
	p.expr(l.Body)
	p.str(")")
}

// attrPath prints a selection path: names, and "${e}" for dynamic keys.
func (p *printer) attrPath(path *ast.AttrPath) {
	for i, k := range path.Keys {
		if i > 0 {
			p.str(".")
		}
		p.attrName(k)
	}
}

func (p *printer) attrName(k ast.AttrKey) {
	if name, ok := ast.KeyName(k); ok {
		p.str(scope.QuoteName(name))
		return
	}
	p.str(`"${`)
	switch k := k.(type) {
	case *ast.Interpolation:
		p.expr(k.X)
	case *ast.StringExpr:
		p.expr(k)
	default:
		p.fail(k.Pos(), "cannot print a syntax error")
	}
	p.str(`}"`)
}

// FormatFloat formats v as C++'s default ostream does (printf's %g with
// six significant digits), which is how Nix prints floats.
func FormatFloat(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
