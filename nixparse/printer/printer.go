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
	if b, ok := x.(*ast.BinaryExpr); ok && chainForm(b.Op).prefix != "" {
		p.chain(b)
		return
	}
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

// binary prints the operators chainForm does not cover: <= is a negated
// call of __lessThan with swapped operands.
func (p *printer) binary(x *ast.BinaryExpr) {
	if x.Op != ast.OpLEq {
		p.fail(x.Pos(), "cannot print operator "+x.Op.String())
		return
	}
	p.str("(! ")
	p.call([]item{{text: "__lessThan"}, {e: x.Y}, {e: x.X}})
	p.str(")")
}

// form is how Nix prints X op Y: prefix X middle Y suffix.
type form struct{ prefix, middle, suffix string }

// chainForm returns the printed form of the binary operators whose left
// operand is printed first (an empty form for the others: > and <= swap
// their operands, the pipes are calls of their function side).
func chainForm(op ast.Op) form {
	switch op {
	case ast.OpEq, ast.OpNEq, ast.OpAnd, ast.OpOr, ast.OpImpl, ast.OpUpdate, ast.OpConcat, ast.OpAdd:
		return form{"(", " " + op.String() + " ", ")"}
	case ast.OpSub:
		return form{"(__sub ", " ", ")"}
	case ast.OpMul:
		return form{"(__mul ", " ", ")"}
	case ast.OpDiv:
		return form{"(__div ", " ", ")"}
	case ast.OpLess:
		return form{"(__lessThan ", " ", ")"}
	case ast.OpGEq:
		return form{"(! (__lessThan ", " ", "))"}
	}
	return form{}
}

// chain prints an operator chain without recursing along it (a + b + c
// is left-deep, a ++ b ++ c right-deep; a million operands must not need
// a million stack frames): the left spine is printed in a loop, and the
// right operand of the outermost operator is the loop's next iteration.
func (p *printer) chain(x *ast.BinaryExpr) {
	var spine []*ast.BinaryExpr
	var suffixes []string
	for {
		spine = append(spine[:0], x)
		for l, ok := x.X.(*ast.BinaryExpr); ok && chainForm(l.Op).prefix != ""; l, ok = l.X.(*ast.BinaryExpr) {
			spine = append(spine, l)
		}
		for _, b := range spine {
			p.str(chainForm(b.Op).prefix)
		}
		p.expr(spine[len(spine)-1].X)
		for i := len(spine) - 1; i > 0; i-- {
			f := chainForm(spine[i].Op)
			p.str(f.middle)
			p.expr(spine[i].Y)
			p.str(f.suffix)
		}
		f := chainForm(x.Op)
		p.str(f.middle)
		suffixes = append(suffixes, f.suffix)
		next, ok := x.Y.(*ast.BinaryExpr)
		if !ok || chainForm(next.Op).prefix == "" {
			p.expr(x.Y)
			break
		}
		x = next
	}
	for i := len(suffixes) - 1; i >= 0; i-- {
		p.str(suffixes[i])
	}
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
