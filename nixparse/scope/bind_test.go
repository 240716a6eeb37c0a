package scope_test

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// bind parses src (which must be free of syntax errors) and binds it.
func bind(t *testing.T, src string) (*ast.File, *scope.Info) {
	t.Helper()
	f := parser.ParseFile(token.NewFileSet(), "t.nix", []byte(src))
	if len(f.Errors) > 0 {
		t.Fatalf("%q: syntax error %s: %s", src, f.Tok.Position(f.Errors[0].Pos), f.Errors[0].Msg)
	}
	return f, scope.Bind(f)
}

func pos(f *ast.File, p token.Pos) string {
	x := f.Tok.Position(p)
	return fmt.Sprintf("%d:%d", x.Line, x.Column)
}

// resolution describes every reference of f in source order:
// "name@L:C=kind@L:C" for static definitions, "name@L:C=builtin",
// "name@L:C=with@L:C,L:C" (innermost first) or "name@L:C=undefined".
// References made by inherit come right after the inherited name.
func resolution(f *ast.File, info *scope.Info) string {
	var out []string
	describe := func(id *ast.Ident) {
		s := id.Name + "@" + pos(f, id.Pos()) + "="
		switch d := info.DefOf(id); {
		case d != nil && d.Kind == scope.BuiltinDef:
			s += "builtin"
		case d != nil:
			at := d.Key
			if d.Ident != nil {
				at = d.Ident
			}
			s += d.Kind.String() + "@" + pos(f, at.Pos())
		case len(info.WithsOf(id)) > 0:
			var ws []string
			for _, w := range info.WithsOf(id) {
				ws = append(ws, pos(f, w.Pos()))
			}
			s += "with@" + strings.Join(ws, ",")
		default:
			s += "undefined"
		}
		out = append(out, s)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			describe(n)
		case *ast.Name:
			if id := info.InheritRef(n); id != nil {
				describe(id)
			}
		}
		return true
	})
	return strings.Join(out, " ")
}

func errorsOf(f *ast.File, info *scope.Info) string {
	var out []string
	for _, e := range scope.FileErrors(f, info) {
		out = append(out, pos(f, e.Pos)+": "+e.Msg)
	}
	return strings.Join(out, "\n")
}

func TestResolution(t *testing.T) {
	tests := []struct{ src, want string }{
		{"let a = 1; b = a; in b", "a@1:16=let@1:5 b@1:22=let@1:12"},
		{"rec { a = 1; b = a; }", "a@1:18=rec@1:7"},
		{"x: { y, z ? y }@w: [ x y z w ]",
			"y@1:13=formal@1:6 x@1:22=lambda-arg@1:1 y@1:24=formal@1:6 z@1:26=formal@1:9 w@1:28=at@1:17"},
		{"x: with x; let a = 1; in with a; [ a b true x ]",
			"x@1:9=lambda-arg@1:1 a@1:31=let@1:16 a@1:36=let@1:16 b@1:38=with@1:26,1:4 true@1:40=builtin x@1:45=lambda-arg@1:1"},
		{"with { true = 1; map = 2; }; [ true map __sub ]",
			"true@1:32=builtin map@1:37=builtin __sub@1:41=builtin"},
		// inherit refers to the enclosing scope, even in let and rec.
		{"let a = 1; in { inherit a; }", "a@1:25=let@1:5"},
		{"let a = 1; in let inherit a; in a", "a@1:27=let@1:5 a@1:33=let@1:27"},
		{"let a = 1; in rec { inherit a; b = a; }", "a@1:29=let@1:5 a@1:36=rec@1:29"},
		// inherit (e): e is in the set's scope for rec and let.
		{"rec { x = { a = 1; }; inherit (x) a; }", "x@1:32=rec@1:7"},
		{"let inherit (x) a; x = { a = 1; }; in a", "x@1:14=let@1:20 a@1:39=let@1:17"},
		// Attribute paths merge into one definition.
		{"let a.b = 1; a.c = 2; in a", "a@1:26=let@1:5"},
		// A later binding merged into a rec set sees its attributes…
		{"{ a = rec { c = 1; }; a.b = c; }", "c@1:29=rec@1:13"},
		// …and a rec set merged into an earlier definition loses its rec.
		{"x: with x; { a.b = 1; a = rec { c = b; }; }", "x@1:9=lambda-arg@1:1 b@1:37=with@1:4"},
		// Dynamic keys bind in the set's scope.
		{`rec { k = "n"; ${k} = 1; "${k}x" = 2; }`, "k@1:18=rec@1:7 k@1:29=rec@1:7"},
		{"x: x.${x} or x", "x@1:4=lambda-arg@1:1 x@1:8=lambda-arg@1:1 x@1:14=lambda-arg@1:1"},
		{"let { body = a; a = 1; }", "a@1:14=let@1:17"},
	}
	for _, tt := range tests {
		f, info := bind(t, tt.src)
		if got := resolution(f, info); got != tt.want {
			t.Errorf("%s\n got  %s\n want %s", tt.src, got, tt.want)
		}
		if got := errorsOf(f, info); got != "" {
			t.Errorf("%s: unexpected errors:\n%s", tt.src, got)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"{\n  a = 1;\n  b = x;\n}", "3:7: undefined variable 'x'"},
		{"{ a = 1; b = a; }", "1:14: undefined variable 'a'"},
		{"{\n  inherit nope;\n}", "2:11: undefined variable 'nope'"},
		{"{\n  a = 1;\n  a = 2;\n}", "3:3: attribute 'a' already defined at t.nix:2:3"},
		{"{\n  a.b = 1;\n  a.b = 2;\n}", "3:3: attribute 'a.b' already defined at t.nix:2:3"},
		{"{\n  a = 1;\n  a.b = 2;\n}", "3:3: attribute 'a' already defined at t.nix:2:3"},
		{"{\n  x.z = 3;\n  x = { y = 3; z = 3; };\n}", "3:16: attribute 'x.z' already defined at t.nix:2:3"},
		{"{ x.y.y = 3; x = { y.y = 3; }; }", "1:20: attribute 'x.y.y' already defined at t.nix:1:3"},
		{"let x = 1; in {\n  x = 1;\n  inherit x;\n}", "3:11: attribute 'x' already defined at t.nix:2:3"},
		{"let x = 1; in {\n  inherit x;\n  inherit x;\n}", "3:11: attribute 'x' already defined at t.nix:2:11"},
		{"let a = 1; a = 2; in a", "1:12: attribute 'a' already defined at t.nix:1:5"},
		{`{ "a" = 1; ${"a"} = 2; }`, "1:12: attribute 'a' already defined at t.nix:1:3"},
		{`{ "a b" = 1; "a b" = 2; }`, `1:14: attribute '"a b"' already defined at t.nix:1:3`},
		{"{ x, y,\n  x }: x", "2:3: duplicate formal function argument 'x'"},
		{"{ b, a, b, a }: 1", "1:9: duplicate formal function argument 'b'\n1:12: duplicate formal function argument 'a'"},
		// Nix's choice (first) is the name whose symbol it made first.
		{"let c = 1; in { a, c, a, c }: 1", "1:26: duplicate formal function argument 'c'\n1:23: duplicate formal function argument 'a'"},
		{"{ d ? e, e, d, e }: 1", "1:16: duplicate formal function argument 'e'\n1:13: duplicate formal function argument 'd'"},
		{"a: { b, a, b, a }: 1", "1:12: duplicate formal function argument 'b'\n1:15: duplicate formal function argument 'a'"},
		{"{ b, map, name, b, map, name, b }@b: 1", "1:25: duplicate formal function argument 'name'\n1:20: duplicate formal function argument 'map'\n" +
			"1:17: duplicate formal function argument 'b'\n1:1: duplicate formal function argument 'b'"},
		{"args@{ args, x }:\n  x", "1:1: duplicate formal function argument 'args'"},
		{"{ a }@a: a", "1:1: duplicate formal function argument 'a'"},
		// A list longer than longFormals is checked with a map; Nix 2.8
		// reports f3 at 1:197 too.
		{manyFormals, "1:197: duplicate formal function argument 'f3'\n1:193: duplicate formal function argument 'f7'"},
		{"x:\n  let ${x} = 1; in 1", "2:3: dynamic attributes not allowed in let"},
		{"x: {\n  inherit \"${x}\";\n}", "2:11: dynamic attributes not allowed in inherit"},
		{"x: {\n  inherit ${x};\n}", "2:11: dynamic attributes not allowed in inherit"},
		// Nix raises parse-time errors before looking for undefined
		// variables, and in the order it finishes the constructs.
		{"[ y { a = 1; a = 2; } ]", "1:14: attribute 'a' already defined at t.nix:1:7\n1:3: undefined variable 'y'"},
		{"[ ({ a, a }: 1) { b = 1; b = 2; } ]", "1:9: duplicate formal function argument 'a'\n1:26: attribute 'b' already defined at t.nix:1:19"},
	}
	for _, tt := range tests {
		f, info := bind(t, tt.src)
		if got := errorsOf(f, info); got != tt.want {
			t.Errorf("%s\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}
}

func TestQueries(t *testing.T) {
	src := "x: with x; let\n  a = b;\n  b = 1;\n  c = let d = a; in d;\nin with x.y; [ c e ]"
	f, info := bind(t, src)
	defs := map[string]*scope.Def{}
	for _, d := range info.Defs {
		defs[d.Name] = d
	}
	names := func(ids []*ast.Ident) string {
		var s []string
		for _, id := range ids {
			s = append(s, id.Name+"@"+pos(f, id.Pos()))
		}
		return strings.Join(s, " ")
	}
	if got := names(defs["a"].Uses); got != "a@4:15" {
		t.Errorf("uses of a = %s", got)
	}
	if got := names(defs["c"].ValueRefs()); got != "a@4:15 d@4:21" {
		t.Errorf("ValueRefs(c) = %s", got)
	}
	if got := names(defs["a"].ValueRefs()); got != "b@2:7" {
		t.Errorf("ValueRefs(a) = %s", got)
	}
	if defs["d"].Parent != defs["c"] || defs["c"].Parent != nil {
		t.Errorf("parents: d.Parent = %v, c.Parent = %v", defs["d"].Parent, defs["c"].Parent)
	}
	var withs []*ast.WithExpr
	var idents []*ast.Ident
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.WithExpr:
			withs = append(withs, n)
		case *ast.Ident:
			idents = append(idents, n)
		}
		return true
	})
	if got := names(info.UsesOfWith(withs[0])); got != "e@5:18" {
		t.Errorf("UsesOfWith(outer) = %s", got)
	}
	if got := names(info.UsesOfWith(withs[1])); got != "e@5:18" {
		t.Errorf("UsesOfWith(inner) = %s", got)
	}
	e := idents[len(idents)-1]
	if got := info.WithsOf(e); !slices.Equal(got, []*ast.WithExpr{withs[1], withs[0]}) {
		t.Errorf("WithsOf(e) = %v", got)
	}
	if info.BindingOf(e) != nil || info.BindingOf(defs["a"].Uses[0]) != defs["d"] {
		t.Errorf("BindingOf: e -> %v, a -> %v", info.BindingOf(e), info.BindingOf(defs["a"].Uses[0]))
	}
	if info.DefByName(defs["b"].Ident) != defs["b"] {
		t.Errorf("DefByName(b) = %v", info.DefByName(defs["b"].Ident))
	}
	if info.IsBuiltin(idents[0]) || info.IsUndefined(idents[0]) || info.DefOf(idents[0]).Kind != scope.LambdaArgDef {
		t.Errorf("x: IsBuiltin = %v, IsUndefined = %v", info.IsBuiltin(idents[0]), info.IsUndefined(idents[0]))
	}
}

func TestMergedDefinition(t *testing.T) {
	f, info := bind(t, "let a.b = 1;\n  a.c = 2; in a")
	d := info.Defs[0]
	if len(info.Defs) != 1 || d.Name != "a" || len(d.Attr.Keys) != 2 || len(d.Uses) != 1 {
		t.Fatalf("defs = %+v", info.Defs)
	}
	second := d.Attr.Keys[1].(*ast.Name)
	if info.DefByName(second) != d || pos(f, second.Pos()) != "2:3" {
		t.Errorf("DefByName(second a) = %v", info.DefByName(second))
	}
	var names []string
	for _, a := range d.Attr.Set.Attrs {
		names = append(names, a.Name)
	}
	if got := strings.Join(names, ","); got != "b,c" {
		t.Errorf("merged set = %s", got)
	}
}

func TestLookupAt(t *testing.T) {
	f, info := bind(t, "x: [ (let a = 1; in with x; [ a ]) a ]")
	at := func(col int) token.Pos { return f.Tok.Pos(col - 1) }
	describe := func(name string, col int) string {
		d, withs := info.LookupAt(name, at(col))
		switch {
		case d != nil:
			return d.Kind.String()
		case len(withs) > 0:
			return fmt.Sprintf("with@%s", pos(f, withs[0].Pos()))
		}
		return "undefined"
	}
	for _, tt := range []struct {
		name string
		col  int
		want string
	}{
		{"a", 31, "let"}, {"b", 31, "with@1:21"}, {"x", 31, "lambda-arg"}, {"map", 31, "builtin"},
		{"a", 37, "undefined"}, {"x", 37, "lambda-arg"}, {"b", 1, "undefined"},
	} {
		if got := describe(tt.name, tt.col); got != tt.want {
			t.Errorf("LookupAt(%s, 1:%d) = %s, want %s", tt.name, tt.col, got, tt.want)
		}
	}
	if info.Builtin("map") != nil {
		t.Error("LookupAt recorded a use of map")
	}
}

func TestFileErrorsAfterSyntaxErrors(t *testing.T) {
	src := "{\n  a = 1 b = 2;\n  c = 1;\n  c = d;\n}"
	f := parser.ParseFile(token.NewFileSet(), "t.nix", []byte(src))
	info := scope.Bind(f)
	got := errorsOf(f, info)
	want := "2:11: syntax error, unexpected '=', expecting ';'\n4:3: attribute 'c' already defined at t.nix:3:3"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	undefined := 0
	for _, e := range info.Errors {
		if e.Kind == scope.UndefinedVariable {
			undefined++
		}
	}
	if undefined == 0 {
		t.Error("info.Errors lost the undefined variables")
	}
}

func TestInheritAndSets(t *testing.T) {
	f, info := bind(t, "let x = 1; s = { inherit x; y = map; z.w = 2; }; in s")
	var set *ast.AttrSetExpr
	var inherited *ast.Name
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AttrSetExpr:
			set = n
		case *ast.Inherit:
			inherited = n.Names[0].(*ast.Name)
		}
		return true
	})
	id := info.InheritRef(inherited)
	if n, ok := info.IsInherit(id); !ok || n != inherited || info.DefOf(id).Name != "x" || info.DefOf(id).Kind != scope.LetDef {
		t.Errorf("inherit x: ref %v, IsInherit %v %v", id, n, ok)
	}
	s := info.AttrSetOf(set)
	if s == nil || len(s.Attrs) != 3 || s.Lookup("z").Set == nil || s.Lookup("z").Set.Lookup("w") == nil || s.Rec {
		t.Fatalf("AttrSetOf = %+v", s)
	}
	if m := info.Builtin("map"); m == nil || len(m.Uses) != 1 || info.Builtin("toString") != nil {
		t.Errorf("Builtin(map) = %+v", m)
	}
	if got := pos(f, info.Defs[1].ValueRefs()[0].Pos()); got != "1:26" {
		t.Errorf("ValueRefs(s)[0] at %s, want the inherited x at 1:26", got)
	}
}

// TestPlainSets checks the sets the binder builds only when asked: the
// attributes, the sets of literal values (the very ones AttrSetOf gives
// for them) and the references of a plain set, nested in other sets.
func TestPlainSets(t *testing.T) {
	f, info := bind(t, "let x = 1; in { a = { b = x; }; inherit x; c = rec { d = ({ e = d; }); }; \"f g\" = { h.i = 1; }; }")
	var lits []*ast.AttrSetExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if n, ok := n.(*ast.AttrSetExpr); ok {
			lits = append(lits, n)
		}
		return true
	})
	outer := info.AttrSetOf(lits[0])
	var names []string
	for _, a := range outer.Attrs {
		names = append(names, a.Name)
	}
	if got := strings.Join(names, ","); outer.Rec || got != "a,x,c,f g" {
		t.Fatalf("outer set: rec %v, attrs %s", outer.Rec, got)
	}
	for i, name := range []string{"a", "c", "f g"} {
		if a := outer.Lookup(name); a.Set == nil || a.Set != info.AttrSetOf(lits[i+1+i/2]) {
			t.Errorf("%s: set %p, AttrSetOf its literal %p", name, a.Set, info.AttrSetOf(lits[i+1+i/2]))
		}
	}
	if e := info.AttrSetOf(lits[3]).Lookup("e"); e == nil || e.Value == nil || info.AttrSetOf(lits[3]) != outer.Lookup("c").Set.Lookup("d").Set {
		t.Errorf("set of d = %+v", e)
	}
	if info.AttrSetOf(lits[0]) != outer {
		t.Error("AttrSetOf built the outer set twice")
	}
	if got := resolution(f, info); got != "x@1:27=let@1:5 x@1:41=let@1:5 d@1:65=rec@1:54" {
		t.Errorf("resolution %s", got)
	}
}

// TestNilQueries checks that the queries answer nil for nil nodes, as
// lookups in maps did.
func TestNilQueries(t *testing.T) {
	_, info := bind(t, "x: x")
	if info.DefOf(nil) != nil || info.WithsOf(nil) != nil || info.IsBuiltin(nil) || !info.IsUndefined(nil) ||
		info.DefByName(nil) != nil || info.AttrSetOf(nil) != nil || info.AttrSetOf((*ast.AttrSetExpr)(nil)) != nil ||
		info.AttrSetOf(&ast.Ident{Name: "x"}) != nil {
		t.Error("a query about nil found something")
	}
}

// manyFormals is a pattern of 40 formals and two repetitions, f7 then f3.
var manyFormals = func() string {
	var names []string
	for i := range 40 {
		names = append(names, fmt.Sprintf("f%d", i))
	}
	return "{ " + strings.Join(append(names, "f7", "f3"), ", ") + " }: 1"
}()
