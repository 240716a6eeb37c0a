package ast

// StaticValue returns the value of a string without interpolations.
func (s *StringExpr) StaticValue() (string, bool) {
	var v string
	for _, p := range s.Parts {
		t, ok := p.(*StringText)
		if !ok {
			return "", false
		}
		v += t.Value
	}
	return v, true
}

// KeyName returns the name an attribute key denotes when it is static:
// a, "a" (without interpolation), or ${"a"}, which Nix treats as static.
func KeyName(k AttrKey) (string, bool) {
	switch k := k.(type) {
	case *Name:
		return k.Name, true
	case *StringExpr:
		return k.StaticValue()
	case *Interpolation:
		if s, ok := Unparen(k.X).(*StringExpr); ok {
			return s.StaticValue()
		}
	}
	return "", false
}

// PathNames returns the static names of an attribute path, or false when
// any key is dynamic.
func (p *AttrPath) PathNames() ([]string, bool) {
	names := make([]string, len(p.Keys))
	for i, k := range p.Keys {
		n, ok := KeyName(k)
		if !ok {
			return nil, false
		}
		names[i] = n
	}
	return names, true
}

// Unparen strips any enclosing parentheses from e.
func Unparen(e Expr) Expr {
	for {
		p, ok := e.(*ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}
