package style

import (
	"bytes"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// builtinRef reports whether e refers to the builtin name: builtins.NAME
// (with builtins not rebound), the global NAME when Nix has one, or NAME
// taken from an enclosing `with builtins;`.
func builtinRef(f *nixpass.File, e ast.Expr, name string) bool {
	switch e := e.(type) {
	case *ast.SelectExpr:
		x, ok := e.X.(*ast.Ident)
		if !ok || x.Name != "builtins" || !unbound(f, x) || e.Default != nil || len(e.Path.Keys) != 1 {
			return false
		}
		key, ok := ast.KeyName(e.Path.Keys[0])
		return ok && key == name
	case *ast.Ident:
		if e.Name != name {
			return false
		}
		if d := f.Info.DefOf(e); d != nil {
			return d.Kind == scope.BuiltinDef
		}
		for _, w := range f.Info.WithsOf(e) {
			if id, ok := w.Scope.(*ast.Ident); ok && id.Name == "builtins" && unbound(f, id) {
				return true
			}
		}
	}
	return false
}

// mayName reports whether f's source may spell the builtin name, the
// only way it can refer to it: literally (a variable or an attribute
// name), or through an escape in a quoted attribute name of builtins
// (builtins."is\Null"). A rule looking for one builtin skips the many
// files without it at the cost of a byte search; in is f's Inspector,
// name the builtin's name prepared once (edit.NewWord).
func mayName(f *nixpass.File, in *nixpass.Inspector, name edit.Word) bool {
	return edit.ContainsWord(f.Src, name) || mayEscapeNames(f, in)
}

// escapesKey is the nixpass.File.Memo key of mayEscapeNames.
var escapesKey = nixpass.NewMemoKey()

// mayEscapeNames reports whether f selects from builtins by a quoted or
// interpolated name (builtins."is\Null"), the only way to spell a
// builtin's name with escapes, which needs a backslash and the word
// builtins in the source. Several rules ask: it is found once per file,
// and most files are told by their source alone.
func mayEscapeNames(f *nixpass.File, in *nixpass.Inspector) bool {
	return f.Memo(escapesKey, func() any {
		if bytes.IndexByte(f.Src, '\\') < 0 || !edit.Contains(f.Src, "builtins") {
			return false
		}
		found := false
		in.Preorder([]ast.Node{(*ast.SelectExpr)(nil)}, func(n ast.Node) {
			s := n.(*ast.SelectExpr)
			if x, ok := s.X.(*ast.Ident); ok && x.Name == "builtins" && len(s.Path.Keys) == 1 {
				if _, plain := s.Path.Keys[0].(*ast.Name); !plain {
					found = true
				}
			}
		})
		return found
	}).(bool)
}

// unbound reports whether id refers to no binding of the file.
func unbound(f *nixpass.File, id *ast.Ident) bool {
	d := f.Info.DefOf(id)
	return d == nil || d.Kind == scope.BuiltinDef
}
