package scope

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// AttrKind says how an attribute got its value.
type AttrKind uint8

const (
	PlainAttr         AttrKind = iota // a = e; or a.b = e; (Value or Set)
	InheritedAttr                     // inherit a; (refers to a in the enclosing scope)
	InheritedFromAttr                 // inherit (From) a; (From.a)
)

// AttrSet is the attribute set Nix builds from the bindings of a set
// literal, a let or a legacy let, after merging attribute paths
// (a.b = 1; a.c = 2;) and nested set literals the way modern Nix does:
// two definitions of a name merge when both values are attribute sets
// (literal or implied by a path), recursively; any other repetition is an
// "already defined" error. A `rec` on a set merged into an earlier
// definition is dropped, and the earlier set's `rec` applies to what is
// merged into it (NixOS/nix#9020), which changes what names resolve to.
type AttrSet struct {
	// Rec reports whether the set's attributes are in scope in its values.
	Rec bool
	// Node is the *ast.AttrSetExpr, *ast.LetExpr or *ast.LegacyLetExpr,
	// or the *ast.AttrDef whose attribute path implies the set.
	Node ast.Node
	// Attrs holds the static attributes in the order they were defined.
	Attrs []*Attr
	// Dynamic holds the attributes with computed names, in source order.
	Dynamic []*DynamicAttr
	// InheritFroms holds the source expressions of inherit (e) clauses.
	InheritFroms []ast.Expr
	// Duplicates holds the definitions Nix rejects as already defined,
	// kept so that the references in their values are still resolved.
	Duplicates []*Attr
	index      nameIndex // of Attrs, once the set is large
	pos        token.Pos // Node's position, its key in Info.sets
}

// Lookup returns the static attribute name, or nil.
func (s *AttrSet) Lookup(name string) *Attr {
	if s.index.slots != nil {
		if i := s.index.find(name); i >= 0 {
			return s.Attrs[i]
		}
		return nil
	}
	for _, a := range s.Attrs {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// Attr is one static attribute of an AttrSet.
type Attr struct {
	Name string
	Kind AttrKind
	// Key is the key that defined the attribute first (*ast.Name,
	// *ast.StringExpr or *ast.Interpolation with a static string).
	Key ast.AttrKey
	// Keys lists every key that contributed to the attribute, in source
	// order (one unless several definitions merged).
	Keys []ast.AttrKey
	// Pos is the position Nix records for the definition: the start of the
	// attribute path, or the inherited name.
	Pos token.Pos
	// Binding is the *ast.AttrDef or *ast.Inherit that defined it first.
	Binding ast.Binding
	// Value is the bound expression: the AttrDef's value (nil when the
	// attribute is a set implied by a path), or the From expression of an
	// inherit (e). Nil for inherit without a source.
	Value ast.Expr
	// Set is the merged attribute set when the value is one (a set
	// literal, or implied by a longer path); the printer and the binder use
	// it instead of Value.
	Set *AttrSet
	// Values lists the expressions bound to this attribute itself: one,
	// or several when set literals merged; the values under a set implied
	// by a path are in Set's attributes.
	Values []ast.Expr

	valueBuf [1]ast.Expr // backing of Values for a single value
}

// newAttr returns an attribute defined by the key keys[0] (a slice of
// the tree's, capped so that merging appends elsewhere) and bound to
// value v, when set.
func (b *attrBuilder) newAttr(name string, kind AttrKind, keys []ast.AttrKey, pos token.Pos, bd ast.Binding, v ast.Expr) *Attr {
	// Field by field: assigning a whole Attr would build it on the stack
	// and copy it with a bulk write barrier.
	a := b.attrs.new()
	a.Name, a.Kind, a.Key, a.Keys, a.Pos = name, kind, keys[0], keys[:1:1], pos
	a.Binding, a.Value, a.Set, a.valueBuf[0] = bd, v, nil, v
	a.Values = nil
	if v != nil {
		a.Values = a.valueBuf[:]
	}
	return a
}

// DynamicAttr is an attribute whose name is computed: ${e} = v; or
// "a${e}" = v;.
type DynamicAttr struct {
	Key   ast.AttrKey
	Pos   token.Pos
	Value ast.Expr // nil when Set is implied by a longer path
	Set   *AttrSet // the value's attribute set, when it is one
}

// attrBuilder builds AttrSets and records the errors Nix reports while
// doing so.
type attrBuilder struct {
	tf      *token.File
	errors  []Error
	attrs   slab[Attr]
	sets    slab[AttrSet]
	dynamic slab[DynamicAttr]
	attrBuf buffer[*Attr]       // backing of the sets' attribute lists
	keyBuf  buffer[ast.AttrKey] // backing of merged attributes' keys
	slotBuf buffer[nameSlot]    // backing of the indexes of large sets
	// literal, when set, gives the sets of literals that are values
	// (Info.AttrSetOf building a plain set uses the binder's ones).
	literal func(*ast.AttrSetExpr) *AttrSet
}

// reset empties the builder for another file, keeping its memory.
func (b *attrBuilder) reset() {
	b.errors = b.errors[:0]
	b.attrs.reset()
	b.sets.reset()
	b.dynamic.reset()
	b.attrBuf.reset()
	b.keyBuf.reset()
	b.slotBuf.reset()
}

// newDynamic returns a dynamic attribute holding v, in slab memory.
func (b *attrBuilder) newDynamic(v DynamicAttr) *DynamicAttr {
	d := b.dynamic.new()
	*d = v
	return d
}

// BuildAttrSet returns the merged attribute set of a set literal, let or
// legacy let, and the "already defined" and "dynamic attribute in inherit"
// errors found while building it.
func BuildAttrSet(tf *token.File, n ast.Expr) (*AttrSet, []Error) {
	b := &attrBuilder{tf: tf}
	s := b.build(n)
	return s, b.errors
}

// build returns the AttrSet of a set literal, let or legacy let. Each is
// built once: a literal that is an attribute's value is built with the
// enclosing set and reached through Attr.Set.
func (b *attrBuilder) build(n ast.Expr) *AttrSet {
	var bindings []ast.Binding
	var pos token.Pos
	rec := false
	switch n := n.(type) {
	case *ast.AttrSetExpr:
		bindings, pos, rec = n.Bindings, n.Pos(), n.Rec.IsValid()
	case *ast.LetExpr:
		bindings, pos = n.Bindings, n.Pos()
	case *ast.LegacyLetExpr:
		bindings, pos, rec = n.Bindings, n.Pos(), true
	}
	s := b.newAttrSet(n, pos, rec, len(bindings))
	for _, bd := range bindings {
		switch bd := bd.(type) {
		case *ast.AttrDef:
			b.addPath(s, bd)
		case *ast.Inherit:
			b.addInherit(s, bd)
		}
	}
	return s
}

// newAttrSet returns an empty set of the node n at pos with room for
// size attributes, cut from the builder's buffers.
func (b *attrBuilder) newAttrSet(n ast.Node, pos token.Pos, rec bool, size int) *AttrSet {
	// Field by field, as newAttr; a reused set keeps the capacity of its
	// own lists.
	s := b.sets.new()
	s.Rec, s.Node, s.Attrs, s.index, s.pos = rec, n, b.attrBuf.cut(size)[:0], nameIndex{}, pos
	s.Dynamic, s.InheritFroms, s.Duplicates = s.Dynamic[:0], s.InheritFroms[:0], s.Duplicates[:0]
	return s
}

// setValue returns the AttrSet of e when Nix treats e as an attribute set
// for merging: a set literal (rec or not), parentheses aside.
func (b *attrBuilder) setValue(e ast.Expr) *AttrSet {
	if s, ok := ast.Unparen(e).(*ast.AttrSetExpr); ok {
		if b.literal != nil {
			if set := b.literal(s); set != nil {
				return set
			}
		}
		return b.build(s)
	}
	return nil
}

// addPath adds path = value; as Nix's ParserState::addAttr does.
func (b *attrBuilder) addPath(s *AttrSet, d *ast.AttrDef) {
	if d.Path == nil || len(d.Path.Keys) == 0 || d.Value == nil {
		return
	}
	pos := d.Path.Pos()
	keys := d.Path.Keys
	for i, k := range keys[:len(keys)-1] {
		name, static := keyName(k)
		if !static {
			nested := b.newAttrSet(d, pos, false, 1)
			s.Dynamic = append(s.Dynamic, b.newDynamic(DynamicAttr{Key: k, Pos: pos, Set: nested}))
			s = nested
			continue
		}
		if j := s.Lookup(name); j != nil {
			if j.Set == nil {
				b.dupAttr(pathString(keys[:i+1]), pos, j.Pos, d.End())
				s.Duplicates = append(s.Duplicates, b.newAttr(name, PlainAttr, keys[i:], pos, d, d.Value))
				return
			}
			j.Keys = b.keyBuf.appendTo(j.Keys, k)
			s = j.Set
			continue
		}
		nested := b.newAttrSet(d, pos, false, 1)
		a := b.newAttr(name, PlainAttr, keys[i:], pos, d, nil)
		a.Set = nested
		b.insert(s, a)
		s = nested
	}
	last := keys[len(keys)-1]
	name, static := keyName(last)
	if !static {
		s.Dynamic = append(s.Dynamic, b.newDynamic(DynamicAttr{Key: last, Pos: pos, Value: d.Value, Set: b.setValue(d.Value)}))
		return
	}
	a := b.newAttr(name, PlainAttr, keys[len(keys)-1:], pos, d, d.Value)
	a.Set = b.setValue(d.Value)
	b.add(s, keys, nil, a, d.End())
}

// addInherit adds the names of inherit a b; or inherit (e) a b;.
func (b *attrBuilder) addInherit(s *AttrSet, in *ast.Inherit) {
	kind := InheritedAttr
	if in.From != nil {
		kind = InheritedFromAttr
		s.InheritFroms = append(s.InheritFroms, in.From)
	}
	for i, k := range in.Names {
		name, static := keyName(k)
		if !static {
			b.errorf(DynamicInInherit, k.Pos(), k.End(), k.End(), "dynamic attributes not allowed in inherit")
			continue
		}
		a := b.newAttr(name, kind, in.Names[i:], k.Pos(), in, in.From)
		if j := s.Lookup(name); j != nil {
			b.dupAttr(QuoteName(name), k.Pos(), j.Pos, in.End())
			s.Duplicates = append(s.Duplicates, a)
			continue
		}
		b.insert(s, a)
	}
}

// add inserts a into s, merging it with an existing attribute set of the
// same name (recursively), or reports a duplicate. keys and then subs
// (the names merging descended into) name a in error messages; raised is
// where Nix reports the error.
func (b *attrBuilder) add(s *AttrSet, keys []ast.AttrKey, subs []string, a *Attr, raised token.Pos) {
	j := s.Lookup(a.Name)
	if j == nil {
		b.insert(s, a)
		return
	}
	if j.Set == nil || a.Set == nil || a.Kind != PlainAttr || j.Kind != PlainAttr {
		b.dupAttr(joinPath(append(pathNames(keys), subs...)), a.Pos, j.Pos, raised)
		s.Duplicates = append(s.Duplicates, a)
		return
	}
	for _, k := range a.Keys {
		j.Keys = b.keyBuf.appendTo(j.Keys, k)
	}
	j.Values = append(j.Values, a.Values...)
	for _, sub := range a.Set.Attrs {
		b.add(j.Set, keys, append(subs[:len(subs):len(subs)], sub.Name), sub, raised)
	}
	j.Set.Dynamic = append(j.Set.Dynamic, a.Set.Dynamic...)
	j.Set.InheritFroms = append(j.Set.InheritFroms, a.Set.InheritFroms...)
}

// indexAbove is the size from which an AttrSet indexes its attributes.
const indexAbove = 8

// insert adds a to s, indexing s once it is large; an index half full
// is made again twice as large.
func (b *attrBuilder) insert(s *AttrSet, a *Attr) {
	s.Attrs = b.attrBuf.appendTo(s.Attrs, a)
	n := len(s.Attrs)
	switch {
	case s.index.slots != nil && 2*n <= len(s.index.slots):
		s.index.add(a.Name, n-1)
	case n > indexAbove:
		s.index.init(b.slotBuf.cut(slotsFor(n)))
		for i, x := range s.Attrs {
			s.index.add(x.Name, i)
		}
	}
}

// keyName is ast.KeyName with the common case, a plain name, inlined.
func keyName(k ast.AttrKey) (string, bool) {
	if n, ok := k.(*ast.Name); ok {
		return n.Name, true
	}
	return ast.KeyName(k)
}

func (b *attrBuilder) dupAttr(path string, pos, prev, raised token.Pos) {
	p := b.tf.Position(prev)
	b.errorf(DuplicateAttribute, pos, pos, raised, "attribute '%s' already defined at %s:%d:%d", path, p.Filename, p.Line, p.Column)
}

func (b *attrBuilder) errorf(kind ErrorKind, pos, end, raised token.Pos, format string, args ...any) {
	b.errors = append(b.errors, Error{Kind: kind, Pos: pos, End: end, Raised: raised, Msg: fmt.Sprintf(format, args...)})
}

// pathNames returns the names of keys (only static keys reach messages).
func pathNames(keys []ast.AttrKey) []string {
	names := make([]string, len(keys))
	for i, k := range keys {
		if n, ok := keyName(k); ok {
			names[i] = n
		}
	}
	return names
}

// pathString renders a static attribute path as Nix does in messages.
func pathString(keys []ast.AttrKey) string { return joinPath(pathNames(keys)) }

func joinPath(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = QuoteName(n)
	}
	return strings.Join(q, ".")
}
