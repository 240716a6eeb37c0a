package nixpass

import (
	"fmt"
	"github.com/nixaudit/nixaudit/internal/nixfiles"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
)

// sampleTree is `let a = [ 1 x ]; in { b = a; c = y: y; }` built by hand,
// so the test does not depend on the parser.
func sampleTree() *ast.File {
	ident := func(n string) *ast.Ident { return &ast.Ident{Name: n} }
	name := func(n string) *ast.Name { return &ast.Name{Name: n} }
	path := func(n string) *ast.AttrPath { return &ast.AttrPath{Keys: []ast.AttrKey{name(n)}} }
	return &ast.File{Expr: &ast.LetExpr{
		Bindings: []ast.Binding{&ast.AttrDef{Path: path("a"), Value: &ast.ListExpr{Elems: []ast.Expr{&ast.IntLit{Value: 1}, ident("x")}}}},
		Body: &ast.AttrSetExpr{Bindings: []ast.Binding{
			&ast.AttrDef{Path: path("b"), Value: ident("a")},
			&ast.AttrDef{Path: path("c"), Value: &ast.LambdaExpr{Arg: name("y"), Body: ident("y")}},
		}},
	}}
}

func describe(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Ident:
		return "Ident " + n.Name
	case *ast.Name:
		return "Name " + n.Name
	}
	return fmt.Sprintf("%T", n)
}

// top describes a stack by its depth and innermost node.
func top(stack []ast.Node) string {
	if len(stack) == 0 {
		return "0"
	}
	return fmt.Sprint(len(stack), " ", describe(stack[len(stack)-1]))
}

func TestInspector(t *testing.T) {
	f := sampleTree()
	in := NewInspector(f)
	for _, types := range [][]ast.Node{nil, {(*ast.Ident)(nil)}, {(*ast.Name)(nil), (*ast.LambdaExpr)(nil)}, {(*ast.URIExpr)(nil)}} {
		var want, wantStacks, got, gotStacks []string
		mask := maskOf(types)
		ast.InspectWithStack(f, func(n ast.Node, stack []ast.Node) bool {
			if typeOf(n)&mask != 0 {
				want = append(want, describe(n))
				wantStacks = append(wantStacks, top(stack))
			}
			return true
		})
		in.Preorder(types, func(n ast.Node) { got = append(got, describe(n)) })
		in.WithStack(types, func(n ast.Node, stack []ast.Node) {
			gotStacks = append(gotStacks, top(stack))
		})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Preorder(%T) = %q, want %q", types, got, want)
		}
		if !reflect.DeepEqual(gotStacks, wantStacks) {
			t.Errorf("WithStack(%T) stacks = %q, want %q", types, gotStacks, wantStacks)
		}
	}
}

func TestInspectorSkipsSubtrees(t *testing.T) {
	var got []string
	NewInspector(sampleTree()).Preorder([]ast.Node{(*ast.Ident)(nil), (*ast.IntLit)(nil)}, func(n ast.Node) { got = append(got, describe(n)) })
	if want := []string{"*ast.IntLit", "Ident x", "Ident a", "Ident y"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Preorder = %q, want %q", got, want)
	}
}

// TestInspectorNodes checks that Nodes prunes as ast.Inspect does: not
// going into lists skips `1 x`, and the types still filter the rest.
func TestInspectorNodes(t *testing.T) {
	f := sampleTree()
	types := []ast.Node{(*ast.Ident)(nil), (*ast.IntLit)(nil), (*ast.ListExpr)(nil)}
	mask := maskOf(types)
	var got, want []string
	ast.Inspect(f, func(n ast.Node) bool {
		if n != nil && typeOf(n)&mask != 0 {
			want = append(want, describe(n))
		}
		_, list := n.(*ast.ListExpr)
		return !list
	})
	NewInspector(f).Nodes(types, func(n ast.Node) bool {
		got = append(got, describe(n))
		_, list := n.(*ast.ListExpr)
		return !list
	})
	if w := []string{"*ast.ListExpr", "Ident a", "Ident y"}; !reflect.DeepEqual(want, w) {
		t.Fatalf("ast.Inspect = %q, want %q", want, w)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Nodes = %q, want %q", got, want)
	}
}

// TestInspectorNestedWithStack checks that a WithStack call made from
// within another's f does not disturb the outer stack it reuses.
func TestInspectorNestedWithStack(t *testing.T) {
	in := NewInspector(sampleTree())
	idents := []ast.Node{(*ast.Ident)(nil)}
	var want, got []string
	in.WithStack(idents, func(n ast.Node, stack []ast.Node) { want = append(want, top(stack)) })
	for range 2 { // the second round reuses the kept stack
		got = got[:0]
		in.WithStack(idents, func(n ast.Node, stack []ast.Node) {
			in.WithStack(idents, func(ast.Node, []ast.Node) {})
			got = append(got, top(stack))
		})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("stacks with nested calls = %q, want %q", got, want)
		}
	}
}

// TestInspectorRelease checks that an inspector built on a released
// one's memory sees its own tree only.
func TestInspectorRelease(t *testing.T) {
	f := sampleTree()
	all := func(in *Inspector) (out []string) {
		in.Preorder(nil, func(n ast.Node) { out = append(out, describe(n)) })
		return out
	}
	want := all(NewInspector(f))
	big := NewInspector(f)
	big.Release()
	small := NewInspector(&ast.Ident{Name: "z"})
	if got := all(small); !reflect.DeepEqual(got, []string{"Ident z"}) {
		t.Errorf("after a release, Preorder = %q, want [Ident z]", got)
	}
	small.Release()
	small.Release() // a second release is harmless
	again, other := NewInspector(f), NewInspector(&ast.Ident{Name: "y"})
	if again == other {
		t.Fatal("two inspectors share their memory: a second Release pooled it twice")
	}
	if got := all(again); !reflect.DeepEqual(got, want) {
		t.Errorf("after releases, Preorder = %q, want %q", got, want)
	}
	if got := all(other); !reflect.DeepEqual(got, []string{"Ident y"}) {
		t.Errorf("after releases, Preorder = %q, want [Ident y]", got)
	}
}

// TestInspectorNodesAgreesWithWalk checks the per-type lists Nodes merges
// against ast.Inspect on the sample fleet's files, for sets of one to
// eight node types, with and without pruning.
func TestInspectorNodesAgreesWithWalk(t *testing.T) {
	files, err := filepath.Glob("../../testdata/fleet/*/*/*.nix")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample files: %v", err)
	}
	kinds := []ast.Node{(*ast.Ident)(nil), (*ast.AttrSetExpr)(nil), (*ast.StringExpr)(nil),
		(*ast.CallExpr)(nil), (*ast.SelectExpr)(nil), (*ast.LambdaExpr)(nil), (*ast.Name)(nil),
		(*ast.LetExpr)(nil)}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f := parser.ParseFile(token.NewFileSet(), name, src)
		in := NewInspector(f)
		for n := 1; n <= len(kinds); n++ {
			types := kinds[:n]
			mask := maskOf(types)
			for _, prune := range []bool{false, true} {
				// keep declines every third node of the wanted types.
				keep := func(count *int) bool { *count++; return !prune || *count%3 != 0 }
				var want []ast.Node
				wantCount := 0
				ast.Inspect(f, func(n ast.Node) bool {
					if n == nil || typeOf(n)&mask == 0 {
						return true
					}
					want = append(want, n)
					return keep(&wantCount)
				})
				var got []ast.Node
				gotCount := 0
				in.Nodes(types, func(n ast.Node) bool {
					got = append(got, n)
					return keep(&gotCount)
				})
				if !slices.Equal(got, want) {
					t.Errorf("%s, %d types, prune %v: Nodes visited %d nodes, the walk %d", name, n, prune, len(got), len(want))
				}
			}
			// Preorder of one type, and of several, against the walk.
			for _, types := range [][]ast.Node{kinds[n-1 : n], types} {
				var want, got []ast.Node
				ast.Inspect(f, func(n ast.Node) bool {
					if n != nil && typeOf(n)&maskOf(types) != 0 {
						want = append(want, n)
					}
					return true
				})
				in.Preorder(types, func(n ast.Node) { got = append(got, n) })
				if !slices.Equal(got, want) {
					t.Errorf("%s, types %v: Preorder visited %d nodes, the walk %d", name, types, len(got), len(want))
				}
				// WithStack: the same nodes, each with all its ancestors
				// (by parents for one type, by a walk for several).
				var wantStacks, gotStacks [][]ast.Node
				ast.InspectWithStack(f, func(n ast.Node, stack []ast.Node) bool {
					if typeOf(n)&maskOf(types) != 0 {
						wantStacks = append(wantStacks, slices.Clone(stack))
					}
					return true
				})
				got = got[:0]
				in.WithStack(types, func(n ast.Node, stack []ast.Node) {
					got = append(got, n)
					gotStacks = append(gotStacks, slices.Clone(stack))
				})
				if !slices.Equal(got, want) || !slices.EqualFunc(gotStacks, wantStacks, slices.Equal) {
					t.Errorf("%s, types %v: WithStack disagrees with the walk's nodes or stacks", name, types)
				}
			}
		}
		in.Release() // the next file's inspector reuses this one's memory
	}
}

func TestFrom(t *testing.T) {
	list := []int32{1, 3, 4, 8, 9, 10, 15, 20, 21, 22, 30}
	for end := int32(0); end <= 32; end++ {
		for start := range list {
			l := list[start:]
			want := l[len(l):]
			for i, x := range l {
				if x >= end {
					want = l[i:]
					break
				}
			}
			if got := from(l, end); !slices.Equal(got, want) || len(got) > 0 && &got[0] != &want[0] {
				t.Errorf("from(%v, %d) = %v, want %v", l, end, got, want)
			}
		}
	}
}

// TestIndexAgreesWithWalk checks the index, entry by entry and list by
// list, against one built by ast.Walk (the reference: nodes in walk
// order, each with its subtree's extent and type bits) on every Nix file
// of the repository's testdata, the rules' and the parser's (syntax
// errors included), with inspectors reused from file to file as the
// driver does.
func TestIndexAgreesWithWalk(t *testing.T) {
	count := 0
	for _, dir := range []string{"../../testdata", "../../rules", "../../nixparse"} {
		srcs, err := nixfiles.Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range srcs {
			f := parser.ParseFile(token.NewFileSet(), src.Path, src.Src)
			checkIndex(t, src.Path, f)
			count++
		}
	}
	checkIndex(t, "sampleTree", sampleTree())
	if count < 100 {
		t.Fatalf("only %d Nix files found", count)
	}
}

func checkIndex(t *testing.T, name string, root ast.Node) {
	t.Helper()
	in := NewInspector(root)
	defer in.Release()
	want := walkIndex(root)
	if len(in.nodes) != len(want.nodes) {
		t.Fatalf("%s: %d entries, the walk %d", name, len(in.nodes), len(want.nodes))
	}
	for i := range want.nodes {
		if in.nodes[i] != want.nodes[i] {
			t.Fatalf("%s: entry %d = %+v, the walk's %+v", name, i, in.nodes[i], want.nodes[i])
		}
	}
	for typ := range want.byType {
		if got := in.list(typ); !slices.Equal(got, want.byType[typ]) {
			t.Fatalf("%s: nodes of type %d at %v, the walk's at %v", name, typ, got, want.byType[typ])
		}
	}
}

// walkIndex builds the index with ast.Walk, the simplest way.
func walkIndex(root ast.Node) *Inspector {
	in := &Inspector{}
	ast.Walk(&walkIndexer{in: in}, root)
	return in
}

type walkIndexer struct {
	in   *Inspector
	open []int32
}

func (w *walkIndexer) Visit(n ast.Node) ast.Visitor {
	in := w.in
	if n != nil {
		typ := typeIndex(n)
		i := int32(len(in.nodes))
		in.byType[typ] = append(in.byType[typ], i)
		in.nodes = append(in.nodes, entry{node: n, sub: 1 << typ, typ: typ})
		w.open = append(w.open, i)
		return w
	}
	top := w.open[len(w.open)-1]
	w.open = w.open[:len(w.open)-1]
	e := &in.nodes[top]
	e.end = int32(len(in.nodes))
	if len(w.open) > 0 {
		in.nodes[w.open[len(w.open)-1]].sub |= e.sub
	}
	return nil
}
