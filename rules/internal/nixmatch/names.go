package nixmatch

import (
	"slices"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// maxDepth bounds alias chains, so that self-referencing bindings such as
// `let lib = lib.extend f;` cannot loop.
const maxDepth = 16

// QualifiedName returns the dotted name that e denotes: an identifier or a
// chain of static selections (lib.modules.mkIf is [lib modules mkIf]),
// after following let- and rec-bound aliases (`mkIf = lib.mkIf;`,
// `inherit (lib) mkIf;`, `lib = pkgs.lib;`). free reports whether the
// first name is bound nowhere in the file: a builtin global, a name a
// `with` supplies, or an undefined one. It returns nil when e is not such a
// name (a call, a selection with a default or a dynamic key).
func QualifiedName(info *scope.Info, e ast.Expr) (name []string, free bool) {
	name, root := qualifiedName(info, e)
	return name, root != nil && isFree(info, root)
}

// IsName reports whether e denotes a qualified name (QualifiedName
// returns one), without making it.
func IsName(info *scope.Info, e ast.Expr) bool {
	var buf [4]string
	_, root := nameIn(buf[:0], info, e)
	return root != nil
}

// isFree reports whether id is bound nowhere in the file.
func isFree(info *scope.Info, id *ast.Ident) bool {
	return isFreeDef(info.DefOf(id))
}

// isFreeDef reports whether def, the definition of an identifier, leaves
// it bound nowhere in the file.
func isFreeDef(def *scope.Def) bool {
	return def == nil || def.Kind == scope.BuiltinDef
}

// qualifiedName is QualifiedName, returning the identifier the name
// starts from instead of whether it is free. The name has room for the one
// selection that usually follows (lib.mkIf, pkgs.fetchurl,
// builtins.readFile).
func qualifiedName(info *scope.Info, e ast.Expr) ([]string, *ast.Ident) {
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectExpr:
	default:
		return nil, nil // nothing to allocate for
	}
	name, root := appendName(make([]string, 0, 2), info, e, 0)
	if root == nil {
		return nil, nil
	}
	return name, root
}

// appendName appends the names of the qualified name e denotes to buf
// and returns the extended buf and the identifier the name starts from;
// when e denotes no such name, it returns buf as it was (its spare
// capacity may have been written) and a nil root. Every name is appended
// in order, so names of many expressions can share one buffer.
func appendName(buf []string, info *scope.Info, e ast.Expr, depth int) ([]string, *ast.Ident) {
	if depth > maxDepth {
		return buf, nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		def := info.DefOf(e)
		if isFreeDef(def) {
			return append(buf, e.Name), e
		}
		switch n := def.Node.(type) {
		case *ast.AttrDef:
			if len(n.Path.Keys) == 1 && (def.Kind == scope.LetDef || def.Kind == scope.RecDef) {
				if out, root := appendName(buf, info, n.Value, depth+1); root != nil {
					return out, root
				}
			}
		case *ast.Inherit:
			if n.From != nil {
				if out, root := appendName(buf, info, n.From, depth+1); root != nil {
					return append(out, e.Name), root
				}
			} else if ref := inheritRef(info, def); ref != nil {
				return appendName(buf, info, ref, depth+1) // let inherit mkIf; in …
			}
		}
		return append(buf, e.Name), e
	case *ast.SelectExpr:
		if e.Default != nil {
			return buf, nil
		}
		out, root := appendName(buf, info, e.X, depth+1)
		if root == nil {
			return buf, nil
		}
		for _, k := range e.Path.Keys {
			if n, ok := k.(*ast.Name); ok { // the common case, inline
				out = append(out, n.Name)
				continue
			}
			n, ok := ast.KeyName(k)
			if !ok {
				return buf, nil
			}
			out = append(out, n)
		}
		return out, root
	}
	return buf, nil
}

// Refers reports whether e denotes the library value target, written
// "lib.NAME" or "builtins.NAME" (or any dotted name). A target "lib.NAME"
// is also matched by NAME where no binding in the file provides it (it
// comes from `with lib;`), by lib.SUB.NAME (lib.modules.mkIf) and by
// X.lib.NAME (pkgs.lib.mkIf, nixpkgs.lib.mkIf). A target "builtins.NAME"
// is matched by builtins.NAME and by a bare NAME that is a global builtin
// or that a `with` supplies. A bare name bound nowhere and under no with
// (an undefined variable) matches nothing. Other targets must match
// exactly.
func Refers(info *scope.Info, e ast.Expr, target string) bool {
	var buf [4]string
	names, root := nameIn(buf[:0], info, e)
	return refers(info, names, root, target)
}

// refers is Refers for the name got, starting from root, that e denotes.
func refers(info *scope.Info, got []string, root *ast.Ident, target string) bool {
	if len(got) == 0 {
		return false
	}
	if !endsWithName(target, got[len(got)-1]) {
		return false
	}
	if equalDotted(got, target) {
		return true
	}
	ns, name, ok := strings.Cut(target, ".")
	if !ok || strings.Contains(name, ".") { // only NS.NAME targets match loosely
		return false
	}
	if len(got) == 1 {
		// A bare name: a global, or supplied by a with.
		return info.IsBuiltin(root) || info.DefOf(root) == nil && len(info.WithsOf(root)) > 0
	}
	if ns == "lib" {
		// The nearest "lib" before the name, at most one namespace away.
		i := lastIndex(got[:len(got)-1], "lib")
		return i >= 0 && i >= len(got)-3
	}
	return false
}

// endsWithName reports whether name is the last name of the dotted
// target. It compares the end of target first, sparing most calls the
// search for its last dot: rules compare the name of every call with
// their targets. The byte before that end, a dot or none, is tested
// before the names are compared.
func endsWithName(target, name string) bool {
	i := len(target) - len(name)
	return i >= 0 && (i == 0 || target[i-1] == '.') && target[i:] == name && strings.IndexByte(name, '.') < 0
}

// equalDotted reports whether names are the dot-separated names of
// dotted (a quoted name with a dot in it never matches). Names of
// another length in all, as most are, are told without comparing them.
func equalDotted(names []string, dotted string) bool {
	if len(names) == 0 {
		return dotted == ""
	}
	n := len(names) - 1 // the dots
	for _, name := range names {
		n += len(name)
	}
	if n != len(dotted) {
		return false
	}
	for i, name := range names { // dotted holds the rest of names and their dots
		if i > 0 {
			if dotted[0] != '.' {
				return false
			}
			dotted = dotted[1:]
		}
		if dotted[:len(name)] != name || strings.IndexByte(name, '.') >= 0 {
			return false
		}
		dotted = dotted[len(name):]
	}
	return true
}

// RefersAny reports whether e refers to one of targets (see Refers).
func RefersAny(info *scope.Info, e ast.Expr, targets ...string) bool {
	var buf [4]string
	names, root := nameIn(buf[:0], info, e)
	return refersAny(info, names, root, targets...)
}

// A Name is the name an expression denotes, resolved once so that it can
// be compared with many targets (a rule's table of functions) cheaply.
type Name struct {
	info  *scope.Info
	names []string
	root  *ast.Ident
}

// NameOf resolves the name e denotes (see QualifiedName).
func NameOf(info *scope.Info, e ast.Expr) Name {
	names, root := qualifiedName(info, e)
	return Name{info, names, root}
}

// nameIn resolves the name e denotes into buf, which callers give from
// their stack for names they only compare: the names are valid as long
// as buf is. They are not returned as a Name: escape analysis follows a
// struct as a whole, and root, which the binder's tables may keep, would
// take buf to the heap with it.
func nameIn(buf []string, info *scope.Info, e ast.Expr) (names []string, root *ast.Ident) {
	names, root = appendName(buf, info, e, 0)
	if root == nil {
		return nil, nil
	}
	return names, root
}

// refersAny is RefersAny for the name got, starting from root.
func refersAny(info *scope.Info, got []string, root *ast.Ident, targets ...string) bool {
	for _, t := range targets {
		if refers(info, got, root, t) {
			return true
		}
	}
	return false
}

// last returns the last of names, or "".
func last(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[len(names)-1]
}

// Last returns the last name of the name ("mkDerivation" for
// stdenv.mkDerivation), or "" when the expression denotes no name.
func (n Name) Last() string { return last(n.names) }

// Refers reports whether the name refers to target (see Refers).
func (n Name) Refers(target string) bool { return refers(n.info, n.names, n.root, target) }

// RefersAny reports whether the name refers to one of targets.
func (n Name) RefersAny(targets ...string) bool {
	return refersAny(n.info, n.names, n.root, targets...)
}

// CallArgs returns the arguments of e when e calls a function that refers
// to one of targets (see Refers), with nested calls flattened: for
// `(lib.mkIf c) v` and `lib.mkIf c v` alike it returns [c v]. ok is false
// when e is not such a call.
func CallArgs(info *scope.Info, e ast.Expr, targets ...string) (args []ast.Expr, ok bool) {
	fun, args := FlattenCall(e)
	if fun == nil || !RefersAny(info, fun, targets...) {
		return nil, false
	}
	return args, true
}

// IsCallTo reports whether e is a call of one of targets (see Refers).
func IsCallTo(info *scope.Info, e ast.Expr, targets ...string) bool {
	fun, _ := FlattenCall(e)
	return fun != nil && RefersAny(info, fun, targets...)
}

// FlattenCall returns the function and all arguments of a call written in
// several pieces, such as (f a) b. fun is nil when e is not a call.
func FlattenCall(e ast.Expr) (fun ast.Expr, args []ast.Expr) {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	fun, args = c.Fun, c.Args
	for {
		inner, ok := ast.Unparen(fun).(*ast.CallExpr)
		if !ok {
			return fun, args
		}
		fun, args = inner.Fun, append(slices.Clip(inner.Args), args...)
	}
}

func lastIndex(s []string, v string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == v {
			return i
		}
	}
	return -1
}

// RootIdent returns the identifier a name (x, or selections x.a.b, any
// part in parentheses) starts from, or nil when it starts from anything
// else.
func RootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectExpr:
			e = x.X
		default:
			return nil
		}
	}
}
