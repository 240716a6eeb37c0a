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
// "...", "@", "or", "?", "(" of inherit): the dumps show them when set.
var markers = map[string]bool{"Rec": true, "Ellipsis": true, "At": true, "Or": true, "Question": true, "Lparen": true}

var (
	nodeType = reflect.TypeFor[ast.Node]()
	posType  = reflect.TypeFor[token.Pos]()
)

// tree converts n into a dumpNode by reflection over the ast types.
func tree(tf *token.File, n ast.Node) *dumpNode {
	v := reflect.ValueOf(n)
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return nil
	}
	d := &dumpNode{Type: v.Elem().Type().Name(), Pos: position(tf, n.Pos()), End: position(tf, n.End())}
	s := v.Elem()
	for i := 0; i < s.NumField(); i++ {
		name, f := s.Type().Field(i).Name, s.Field(i)
		if val, ok := fieldValue(tf, name, f); ok {
			d.Fields = append(d.Fields, dumpField{name, val})
		}
	}
	return d
}

// fieldValue converts one field; ok is false for fields the dumps omit
// (absent children, positions of mandatory tokens).
func fieldValue(tf *token.File, name string, f reflect.Value) (any, bool) {
	switch {
	case f.Type() == posType:
		p := token.Pos(f.Int())
		return position(tf, p), markers[name] && p.IsValid()
	case f.Type().Implements(nodeType):
		if f.IsNil() {
			return nil, false
		}
		return tree(tf, f.Interface().(ast.Node)), true
	case f.Kind() == reflect.Slice:
		list := make([]any, f.Len())
		for i := range list {
			list[i], _ = fieldValue(tf, name, f.Index(i))
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
		dumpTree(&b, tree(f.Tok, f.Expr), 0)
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
