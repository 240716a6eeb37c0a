package printer

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// A tree node as Dump and JSON render it: the node's type, its extent and
// its fields (children, values, positions of optional tokens).
type dumpNode struct {
	Type     string
	Pos, End Position
	Fields   []dumpField
}

type dumpField struct {
	name  string
	value any // *dumpNode, []any, string, int64, float64, bool, Position
}

// Position is a source position in the JSON tree.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// markers are the token.Pos fields whose validity carries meaning (rec,
// "...", "@", "or", "?", the "(" of inherit (e)): the dumps show them when
// set.
var markers = map[string]bool{"AttrSetExpr.Rec": true, "Formals.Ellipsis": true, "LambdaExpr.At": true,
	"SelectExpr.Or": true, "Formal.Question": true, "Inherit.Lparen": true}

var (
	nodeType = reflect.TypeFor[ast.Node]()
	posType  = reflect.TypeFor[token.Pos]()
)

// maxDumpDepth bounds the depth of the dumped tree: deeper nodes (only
// in pathological input, such as a chain of a million operators) are
// shown as "Elided" so that dumping needs no deep stack.
const maxDumpDepth = 2000

// dumper converts a syntax tree into dumpNodes.
type dumper struct {
	tf *token.File
	// starts caches the start of nodes whose Pos is their left operand's
	// (a + b, a.b, a ? b, f a): asking each node of a long chain for its
	// Pos would walk the chain again and again.
	starts map[ast.Node]token.Pos
}

// start returns n.Pos() in amortised constant time.
func (d *dumper) start(n ast.Node) token.Pos {
	if p, ok := d.starts[n]; ok {
		return p
	}
	var spine []ast.Node
	leaf := n
	for next := leftOperand(leaf); next != nil; next = leftOperand(leaf) {
		spine = append(spine, leaf)
		leaf = next
	}
	pos := leaf.Pos()
	if p, ok := d.starts[leaf]; ok {
		pos = p
	}
	for _, s := range spine {
		d.starts[s] = pos
	}
	return pos
}

// leftOperand returns the child whose Pos is n's, for the node types
// whose Pos is defined that way, else nil.
func leftOperand(n ast.Node) ast.Node {
	switch n := n.(type) {
	case *ast.BinaryExpr:
		return n.X
	case *ast.SelectExpr:
		return n.X
	case *ast.HasAttrExpr:
		return n.X
	case *ast.CallExpr:
		return n.Fun
	}
	return nil
}

// tree converts n into a dumpNode by reflection over the ast types.
func tree(tf *token.File, n ast.Node, depth int) *dumpNode {
	d := &dumper{tf: tf, starts: map[ast.Node]token.Pos{}}
	return d.tree(n, depth)
}

func (d *dumper) tree(n ast.Node, depth int) *dumpNode {
	v := reflect.ValueOf(n)
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return nil
	}
	out := &dumpNode{Type: v.Elem().Type().Name(), Pos: position(d.tf, d.start(n)), End: position(d.tf, n.End())}
	if depth > maxDumpDepth {
		out.Type = "Elided"
		return out
	}
	s := v.Elem()
	for i := 0; i < s.NumField(); i++ {
		name, f := s.Type().Field(i).Name, s.Field(i)
		if val, ok := d.fieldValue(out.Type+"."+name, f, depth+1); ok {
			out.Fields = append(out.Fields, dumpField{name, val})
		}
	}
	return out
}

// fieldValue converts one field, named "Type.Field"; ok is false for
// fields the dumps omit (absent children, positions of mandatory tokens).
func (d *dumper) fieldValue(field string, f reflect.Value, depth int) (any, bool) {
	switch {
	case f.Type() == posType:
		p := token.Pos(f.Int())
		return position(d.tf, p), markers[field] && p.IsValid()
	case f.Type().Implements(nodeType):
		if f.IsNil() {
			return nil, false
		}
		return d.tree(f.Interface().(ast.Node), depth), true
	case f.Kind() == reflect.Slice:
		list := make([]any, f.Len())
		for i := range list {
			list[i], _ = d.fieldValue(field, f.Index(i), depth)
		}
		return list, true
	case f.Type() == reflect.TypeFor[ast.Op]():
		return f.Interface().(ast.Op).String(), true
	case f.Type() == reflect.TypeFor[ast.PathKind]():
		return [...]string{"relative", "absolute", "home"}[f.Uint()%3], true
	case f.Kind() == reflect.String:
		return f.String(), true
	case f.Kind() == reflect.Int64:
		return f.Int(), true
	case f.Kind() == reflect.Float64:
		return f.Float(), true
	case f.Kind() == reflect.Bool:
		return f.Bool(), f.Bool()
	}
	return nil, false
}

func position(tf *token.File, p token.Pos) Position {
	if !p.IsValid() || int(p) < tf.Base() || int(p) > tf.Base()+tf.Size() {
		return Position{}
	}
	pos := tf.Position(p)
	return Position{Line: pos.Line, Column: pos.Column, Offset: pos.Offset}
}

// Dump writes f's syntax tree as an indented tree, one node per line with
// its extent (line:column-line:column) and values.
func Dump(w io.Writer, f *ast.File) error {
	var b strings.Builder
	if f.Expr != nil {
		dumpTree(&b, tree(f.Tok, f.Expr, 0), 0)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func dumpTree(b *strings.Builder, d *dumpNode, depth int) {
	fmt.Fprintf(b, "%s %s-%s", d.Type, d.Pos, d.End)
	var children []dumpField
	for _, f := range d.Fields {
		switch v := f.value.(type) {
		case *dumpNode, []any:
			children = append(children, f)
		case string:
			fmt.Fprintf(b, " %s=%s", f.name, strconv.Quote(v))
		default:
			fmt.Fprintf(b, " %s=%v", f.name, v)
		}
	}
	b.WriteByte('\n')
	indent := strings.Repeat("  ", depth+1)
	for _, f := range children {
		switch v := f.value.(type) {
		case *dumpNode:
			fmt.Fprintf(b, "%s%s: ", indent, f.name)
			dumpTree(b, v, depth+1)
		case []any:
			fmt.Fprintf(b, "%s%s: [%d]\n", indent, f.name, len(v))
			for _, e := range v {
				if n, ok := e.(*dumpNode); ok {
					b.WriteString(indent + "  - ")
					dumpTree(b, n, depth+2)
				}
			}
		}
	}
}

// MarshalJSON renders a node as {"type", "pos", "end", and its fields}.
func (d *dumpNode) MarshalJSON() ([]byte, error) {
	m := make(map[string]any, len(d.Fields)+3)
	for _, f := range d.Fields {
		m[f.name] = f.value
	}
	m["type"], m["pos"], m["end"] = d.Type, d.Pos, d.End
	return json.Marshal(m)
}

// JSONFile is the document JSON writes for one file.
type JSONFile struct {
	File   string      `json:"file"`
	Expr   *dumpNode   `json:"expr"`
	Errors []JSONError `json:"errors"`
}

// JSONError is a syntax or semantic error in the JSON document.
type JSONError struct {
	Pos     Position `json:"pos"`
	End     Position `json:"end"`
	Message string   `json:"message"`
}
