// Package scope resolves the variables of a Nix syntax tree to their
// definitions, the way Nix's bindVars does, and reports the semantic
// errors Nix reports while parsing and binding.
//
// Resolution order follows Nix: a name bound by an enclosing let, rec set,
// lambda argument, formal or inherit wins, however many `with`s lie
// between; otherwise a builtin global name (true, map, import, builtins…)
// wins over any `with`; otherwise the name may come from the enclosing
// `with`s (innermost first); otherwise it is undefined.
//
// Attribute sets are resolved after Nix's merging of attribute paths
// (see AttrSet), as modern Nix does it: `{ a.b = 1; a = { c = 2; }; }` is
// one set a, while `{ a = 1; a.b = 2; }` is an error.
//
// # References made by inherit
//
// `inherit x;` (without a source) both defines x in its set and refers to
// x in the enclosing scope. The syntax tree has only an *ast.Name there, so
// the binder makes an *ast.Ident for that reference (same name, same
// position) and treats it like any other reference: it is in Def.Uses
// and in the results of the queries.
// Info.InheritRef maps the inherited *ast.Name to it and Info.IsInherit
// tells such references apart.
//
// # Using it
//
//	info := scope.Bind(file)
//	d := info.DefOf(id)          // definition of a reference, nil if none
//	ws := info.WithsOf(id)       // withs that may supply it
//	info.IsBuiltin(id)           // refers to a global such as map
//	d = info.DefByName(name)     // definition made by a binding name
//	d.Uses                       // references to a definition
//	info.BindingOf(id)           // let/rec binding whose value holds id
//	d.ValueRefs()                // references inside a binding's value
//	info.UsesOfWith(w)           // references a with may supply
//	info.HasUsesOfWith(w)        // whether there is any
//	info.LookupAt(name, pos)     // what name would mean at pos
//	info.AttrSetOf(set)          // merged attributes of a set or let
//	scope.FileErrors(file, info) // syntax and semantic errors, Nix's order
//
// Bind makes one pass over the tree; Defs and Attrs come from slabs,
// references, names and sets are indexed by tables hashed on position,
// plain set literals get their AttrSet only when asked for, and the
// rarely used maps are made on first use, so that binding costs a
// fraction of parsing. A Binder (var b scope.Binder; info := b.Bind(f))
// does the same in memory kept from one file to the next: a worker
// binding many files then allocates next to nothing, and each Info is
// valid until the Binder binds the next file.
package scope

import (
	"go/token"
	"slices"
	"sync"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// DefKind says what introduced a definition.
type DefKind uint8

const (
	LetDef       DefKind = iota // let x = …; (also legacy let { … })
	RecDef                      // rec { x = …; }
	LambdaArgDef                // x: …
	FormalDef                   // { x, … }:
	AtDef                       // args@{ … }: or { … }@args:
	BuiltinDef                  // a global name of Nix's base environment
)

var defKindNames = [...]string{"let", "rec", "lambda-arg", "formal", "at", "builtin"}

func (k DefKind) String() string {
	if int(k) < len(defKindNames) {
		return defKindNames[k]
	}
	return "DefKind(?)"
}

// Def is one definition of a name.
type Def struct {
	Name string
	Kind DefKind
	// Ident is the defining name: the first key of the (first) AttrDef's
	// path, the inherited name, the formal's or argument's name. Nil for
	// builtins and for let/rec attributes first named by a string key
	// ("a b" = …;), whose key is in Key.
	Ident *ast.Name
	// Key is the defining key of a let or rec attribute (an *ast.Name,
	// or a static *ast.StringExpr or *ast.Interpolation).
	Key ast.AttrKey
	// Node is the node holding the definition: *ast.AttrDef, *ast.Inherit,
	// *ast.Formal or *ast.LambdaExpr. Nil for builtins.
	Node ast.Node
	// Owner is the expression that opens the scope: *ast.LetExpr,
	// *ast.LegacyLetExpr, *ast.AttrSetExpr (rec) or *ast.LambdaExpr.
	Owner ast.Expr
	// Attr is the merged attribute of a let or rec definition: all the
	// bindings that define it (let a.b = 1; a.c = 2; is one definition).
	Attr *Attr
	// Uses are the references resolved to this definition, in the order
	// the binder met them (source order within a scope).
	Uses []*ast.Ident
	// Parent is the innermost let or rec definition whose value contains
	// this definition, nil when there is none.
	Parent *Def

	direct   []*ast.Ident // references whose innermost binding is this one
	children []*Def       // definitions whose Parent is this one
}

// ValueRefs returns, in source order, the references made inside the
// value(s) of a let or rec definition at any depth (nested lets
// included), and the reference an `inherit x;` makes. The source of an
// inherit (e) clause belongs to the enclosing scope, not to the names it
// defines. Dead-code rules use it to find names used only by dead
// bindings.
func (d *Def) ValueRefs() []*ast.Ident {
	var out []*ast.Ident
	stack := []*Def{d}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		out = append(out, top.direct...)
		stack = append(stack, top.children...)
	}
	slices.SortFunc(out, func(a, b *ast.Ident) int { return int(a.Pos()) - int(b.Pos()) })
	return out
}

// ErrorKind classifies a semantic error.
type ErrorKind uint8

const (
	UndefinedVariable  ErrorKind = iota // undefined variable 'x'
	DuplicateAttribute                  // attribute 'x' already defined at …
	DuplicateFormal                     // duplicate formal function argument 'x' (also the @-name)
	DynamicInLet                        // dynamic attributes not allowed in let
	DynamicInInherit                    // dynamic attributes not allowed in inherit
)

// Error is a semantic error at a position, worded as Nix words it.
type Error struct {
	Kind ErrorKind
	Pos  token.Pos
	End  token.Pos
	Msg  string
	// Raised is where, reading the source, Nix's parser raises the error:
	// after the binding, lambda or let that contains it. Errors Nix finds
	// only after parsing (undefined variables) have token.NoPos. Errors
	// uses it to put syntax and semantic errors in Nix's order.
	Raised token.Pos
}

// Info is the result of binding one file.
type Info struct {
	// Defs lists every non-builtin definition, scope by scope in source
	// order.
	Defs []*Def
	// Errors lists the semantic errors in the order Nix finds them
	// (see Error.Raised).
	Errors []Error

	// refs maps each variable reference to its definition (a builtin
	// global's Def for builtins) or else to the innermost with scope,
	// whose withs may supply it; an undefined reference is absent.
	refs        table[*ast.Ident, refTarget]
	names       table[*ast.Name, *Def]
	withRefList []withRef // references that may come from withs, in binding order
	withUsesOf  sync.Once
	withUses    map[*ast.WithExpr][]*ast.Ident    // withRefList by innermost with, made by UsesOfWith
	nested      map[*ast.WithExpr][]*ast.WithExpr // withs directly inside a with's body
	inherits    map[*ast.Name]*ast.Ident
	inherited   map[*ast.Ident]*ast.Name
	bindingOnce sync.Once
	bindingOf   map[*ast.Ident]*Def       // built on first use by BindingOf
	globals     []*Def                    // the file's definitions of globals, by globalIndex (nil before the first)
	sets        table[ast.Node, *AttrSet] // nil for a plain set (see plainSet)
	plainMu     sync.Mutex
	plain       map[ast.Node]*AttrSet // plain sets built by AttrSetOf
	tf          *token.File
	scopes      []scopeRange // in walk order: enclosing scopes before nested ones
}

// DefOf returns the definition id refers to (a BuiltinDef for globals),
// or nil when it can only come from a `with` or is undefined.
func (info *Info) DefOf(id *ast.Ident) *Def {
	return info.ref(id).def
}

// WithsOf returns the `with` expressions that may supply id, innermost
// first; nil when id is bound statically or is a builtin. The slice is
// shared: do not modify it.
func (info *Info) WithsOf(id *ast.Ident) []*ast.WithExpr {
	if r := info.ref(id); r.with != nil {
		return r.with.withs
	}
	return nil
}

// UsesOfWith returns the references that may come from w: those not
// bound statically with w among their enclosing withs, in source order.
func (info *Info) UsesOfWith(w *ast.WithExpr) []*ast.Ident {
	info.withUsesOf.Do(info.groupWithUses)
	var uses []*ast.Ident
	stack := []*ast.WithExpr{w}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		uses = append(uses, info.withUses[top]...)
		stack = append(stack, info.nested[top]...)
	}
	slices.SortFunc(uses, func(a, b *ast.Ident) int { return int(a.Pos()) - int(b.Pos()) })
	return uses
}

// HasUsesOfWith reports whether any reference may come from w:
// len(info.UsesOfWith(w)) > 0, without making the list.
func (info *Info) HasUsesOfWith(w *ast.WithExpr) bool {
	info.withUsesOf.Do(info.groupWithUses)
	if len(info.withUses[w]) > 0 {
		return true
	}
	for _, inner := range info.nested[w] {
		if info.HasUsesOfWith(inner) {
			return true
		}
	}
	return false
}

// withRef is a reference that may come from with, its innermost with.
type withRef struct {
	with *ast.WithExpr
	id   *ast.Ident
}

// groupWithUses makes withUses from withRefList: a slice per with, cut
// from one array.
func (info *Info) groupWithUses() {
	counts := map[*ast.WithExpr]int{}
	for _, r := range info.withRefList {
		counts[r.with]++
	}
	all := make([]*ast.Ident, 0, len(info.withRefList))
	info.withUses = make(map[*ast.WithExpr][]*ast.Ident, len(counts))
	for _, r := range info.withRefList {
		uses, ok := info.withUses[r.with]
		if !ok {
			n := counts[r.with]
			uses, all = all[len(all):len(all):len(all)+n], all[:len(all)+n]
		}
		info.withUses[r.with] = append(uses, r.id)
	}
}

// IsBuiltin reports whether id refers to a global of Nix's base
// environment.
func (info *Info) IsBuiltin(id *ast.Ident) bool {
	d := info.DefOf(id)
	return d != nil && d.Kind == BuiltinDef
}

// IsUndefined reports whether id has no definition and no enclosing with.
func (info *Info) IsUndefined(id *ast.Ident) bool {
	r := info.ref(id)
	return r.def == nil && r.with == nil
}

// DefByName returns the definition a binding name makes: a let or rec
// attribute's first key (every first key, when bindings merge), an
// inherited name in a let or rec set, a formal, a lambda argument or an
// @-name. It returns nil for names that define no variable (attributes of
// non-rec sets, inner keys of paths).
func (info *Info) DefByName(n *ast.Name) *Def {
	if n == nil {
		return nil
	}
	d, _ := info.names.get(n, n.NamePos)
	return d
}

// InheritRef returns the reference that `inherit x;` (without a source)
// makes to x in the enclosing scope, or nil.
func (info *Info) InheritRef(n *ast.Name) *ast.Ident { return info.inherits[n] }

// IsInherit reports whether id is the reference made by an inherit, and
// returns the inherited name.
func (info *Info) IsInherit(id *ast.Ident) (*ast.Name, bool) {
	n, ok := info.inherited[id]
	return n, ok
}

// BindingOf returns the innermost let or rec definition whose value
// contains id (the inherited name, for the reference of an inherit), or
// nil when id lies outside every binding value.
func (info *Info) BindingOf(id *ast.Ident) *Def {
	info.bindingOnce.Do(func() {
		if info.bindingOf == nil { // else emptied by the Binder
			info.bindingOf = make(map[*ast.Ident]*Def, info.refs.len())
		}
		for _, d := range info.Defs {
			for _, r := range d.direct {
				info.bindingOf[r] = d
			}
		}
	})
	return info.bindingOf[id]
}

// AttrSetOf returns the merged attribute set of a set literal, let or
// legacy let, or nil when n was merged into an earlier definition (its
// attributes are in that one) or is not such a node.
func (info *Info) AttrSetOf(n ast.Expr) *AttrSet {
	s, ok := info.set(n)
	if !ok || s != nil {
		return s
	}
	info.plainMu.Lock()
	defer info.plainMu.Unlock()
	return info.plainAttrSet(n)
}

// Builtin returns the Def standing for the global name, with its uses in
// this file, or nil when the file does not use it.
func (info *Info) Builtin(name string) *Def { return info.global(globalIndex(name)) }

// global returns the file's definition of the global of globalIndex i
// (-1 for none), or nil when the file does not use it.
func (info *Info) global(i int) *Def {
	if i < 0 || i >= len(info.globals) {
		return nil
	}
	return info.globals[i]
}

// LookupAt resolves name as if it were referenced at pos: its definition
// (a BuiltinDef for globals), or else the withs that may supply it,
// innermost first; both are nil when the name would be undefined there.
// Fixes use it to check that a name they introduce means what they want.
// Scopes are approximated by the extent of the construct that opens them
// (the whole let, lambda or rec set, the body of a with).
func (info *Info) LookupAt(name string, pos token.Pos) (*Def, []*ast.WithExpr) {
	var inner *env
	for i := len(info.scopes) - 1; i >= 0; i-- {
		if s := info.scopes[i]; s.node.Pos() <= pos && pos < s.node.End() {
			inner = s.env
			break
		}
	}
	d, global, with := lookup(name, inner)
	var withs []*ast.WithExpr
	if with != nil {
		withs = with.withs
		if withs == nil { // no reference used them: not kept
			withs = appendWiths(nil, with)
		}
	}
	if global >= 0 {
		if d = info.global(global); d == nil {
			d = &Def{Name: name, Kind: BuiltinDef}
		}
	}
	return d, withs
}
