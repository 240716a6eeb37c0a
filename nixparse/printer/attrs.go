package printer

import (
	"sort"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// attrSet returns the merged attribute set of a set literal or let.
func (p *printer) attrSet(n ast.Expr) *scope.AttrSet {
	s, errs := scope.BuildAttrSet(p.f.Tok, n)
	if len(errs) > 0 {
		p.fail(errs[0].Pos, errs[0].Msg)
	}
	return s
}

// sortedAttrs returns s's static attributes sorted by name.
func sortedAttrs(s *scope.AttrSet) []*scope.Attr {
	attrs := append([]*scope.Attr(nil), s.Attrs...)
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].Name < attrs[j].Name })
	return attrs
}

// set prints an attribute set as Nix 2.8's ExprAttrs::show does: static
// attributes sorted by name (inherited ones as "inherit x ; "), then the
// dynamic ones in source order.
func (p *printer) set(s *scope.AttrSet) {
	if s.Rec {
		p.str("rec ")
	}
	p.str("{ ")
	for _, a := range sortedAttrs(s) {
		if a.Kind == scope.InheritedAttr {
			p.str("inherit ")
			p.str(scope.QuoteName(a.Name))
			p.str(" ; ")
			continue
		}
		p.binding(a)
	}
	for _, d := range s.Dynamic {
		p.attrName(d.Key)
		p.str(" = ")
		p.attrValue(d.Set, d.Value)
		p.str("; ")
	}
	p.str("}")
}

// letBindings prints the bindings of a let, sorted by name (Nix 2.8's
// order depends on memory addresses).
func (p *printer) letBindings(s *scope.AttrSet) {
	for _, a := range sortedAttrs(s) {
		if a.Kind == scope.InheritedAttr {
			p.str("inherit ")
			p.str(scope.QuoteName(a.Name))
			p.str("; ")
			continue
		}
		p.binding(a)
	}
}

// binding prints name = value; for plain and inherit-from attributes
// (Nix 2.8 turns inherit (e) x; into x = (e).x;).
func (p *printer) binding(a *scope.Attr) {
	name := scope.QuoteName(a.Name)
	p.str(name)
	p.str(" = ")
	if a.Kind == scope.InheritedFromAttr {
		p.str("(")
		p.expr(a.Value)
		p.str(").")
		p.str(name)
	} else {
		p.attrValue(a.Set, a.Value)
	}
	p.str("; ")
}

// attrValue prints a merged set when there is one, else the value.
func (p *printer) attrValue(s *scope.AttrSet, v ast.Expr) {
	if s != nil {
		p.set(s)
		return
	}
	p.expr(v)
}
