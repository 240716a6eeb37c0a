package scope_test

import (
	"fmt"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/internal/nixfiles"
	"github.com/nixaudit/nixaudit/internal/reuseorder"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// snapshot renders every answer info gives about f: for each reference
// its definition, withs, builtin-ness, binding and inherit; for each name
// its definition and inherit reference; every definition with its uses,
// value references and parent; every with's uses; every set's merged
// attributes; what each reference's name means at its position; the
// errors.
func snapshot(f *ast.File, info *scope.Info) string {
	var b strings.Builder
	p := func(n ast.Node) string {
		if n == nil || reflect.ValueOf(n).IsNil() {
			return "-"
		}
		x := f.Tok.Position(n.Pos())
		return fmt.Sprintf("%d:%d", x.Line, x.Column)
	}
	def := func(d *scope.Def) string {
		if d == nil {
			return "nil"
		}
		return fmt.Sprintf("%s/%s@%s/%s", d.Name, d.Kind, p(d.Ident), p(d.Key))
	}
	ids := func(list []*ast.Ident) string {
		var s []string
		for _, id := range list {
			s = append(s, id.Name+"@"+p(id))
		}
		return strings.Join(s, ",")
	}
	withs := func(ws []*ast.WithExpr) string {
		var s []string
		for _, w := range ws {
			s = append(s, p(w))
		}
		return strings.Join(s, ",")
	}
	var set func(s *scope.AttrSet) string
	set = func(s *scope.AttrSet) string {
		if s == nil {
			return "nil"
		}
		var out []string
		for _, a := range s.Attrs {
			var keys []string
			for _, k := range a.Keys {
				keys = append(keys, p(k))
			}
			out = append(out, fmt.Sprintf("%s/%d@%s keys=%s binding=%s value=%s values=%d set=%s",
				a.Name, a.Kind, f.Tok.Position(a.Pos), keys, p(a.Binding), p(a.Value), len(a.Values), set(a.Set)))
			if s.Lookup(a.Name) != a {
				out = append(out, "lookup differs")
			}
		}
		for _, d := range s.Dynamic {
			out = append(out, fmt.Sprintf("dynamic %s value=%s set=%s", p(d.Key), p(d.Value), set(d.Set)))
		}
		for _, d := range s.Duplicates {
			out = append(out, "duplicate "+d.Name+"@"+p(d.Key))
		}
		for _, e := range s.InheritFroms {
			out = append(out, "from "+p(e))
		}
		return fmt.Sprintf("{rec=%v node=%s %s}", s.Rec, p(s.Node), strings.Join(out, "; "))
	}
	ref := func(id *ast.Ident) {
		n, inherit := info.IsInherit(id)
		d, ws := info.LookupAt(id.Name, id.Pos())
		fmt.Fprintf(&b, "ref %s@%s def=%s withs=%s builtin=%v undefined=%v binding=%s inherit=%v,%s lookup=%s,%s\n",
			id.Name, p(id), def(info.DefOf(id)), withs(info.WithsOf(id)), info.IsBuiltin(id), info.IsUndefined(id),
			def(info.BindingOf(id)), inherit, p(n), def(d), withs(ws))
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			ref(n)
		case *ast.Name:
			fmt.Fprintf(&b, "name %s@%s def=%s\n", n.Name, p(n), def(info.DefByName(n)))
			if id := info.InheritRef(n); id != nil {
				ref(id)
			}
		case *ast.WithExpr:
			fmt.Fprintf(&b, "with %s uses=%s\n", p(n), ids(info.UsesOfWith(n)))
		case *ast.AttrSetExpr, *ast.LetExpr, *ast.LegacyLetExpr:
			fmt.Fprintf(&b, "set %s\n", set(info.AttrSetOf(n.(ast.Expr))))
		}
		return true
	})
	for _, d := range info.Defs {
		fmt.Fprintf(&b, "def %s node=%s owner=%s attr=%v uses=%s values=%s parent=%s\n",
			def(d), p(d.Node), p(d.Owner), d.Attr != nil, ids(d.Uses), ids(d.ValueRefs()), def(d.Parent))
	}
	for _, name := range []string{"map", "builtins", "true", "import"} {
		if d := info.Builtin(name); d != nil {
			fmt.Fprintf(&b, "builtin %s uses=%s\n", name, ids(d.Uses))
		}
	}
	for _, e := range info.Errors {
		fmt.Fprintf(&b, "error %d %s-%s raised %d: %s\n", e.Kind, f.Tok.Position(e.Pos), f.Tok.Position(e.End), e.Raised, e.Msg)
	}
	for _, e := range scope.FileErrors(f, info) {
		fmt.Fprintf(&b, "file error %s: %s\n", f.Tok.Position(e.Pos), e.Msg)
	}
	return b.String()
}

// reuseFiles parses the inline sources of the other tests, the .nix
// files of the nixparse testdata, and the first halves of these files
// (unterminated constructs, syntax errors).
func reuseFiles(t testing.TB) []*ast.File {
	srcs := map[string]string{
		"dups.nix":    "let x = 1; in { a = 1; a.b = 2; inherit x; inherit x; c.d = 1; c = { e = x; }; \"${x}\" = 3; }",
		"merge.nix":   "x: with x; { a.b = 1; a = rec { c = b; }; d = rec { e = 1; }; d.f = e; }",
		"formals.nix": "[ ({ a, a }: 1) ({ b }@b: b) (let ${x} = 1; in y) { inherit ${x}; } ]",
		"legacy.nix":  "let { body = a + b + (c: c ++ d ++ [ e ]); a = 1; inherit (a) b; }",
	}
	var names []string
	var texts [][]byte
	for name, src := range srcs {
		names = append(names, name)
		texts = append(texts, []byte(src))
	}
	for _, dir := range []string{"../testdata", "../parser/testdata"} {
		files, err := nixfiles.Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			names = append(names, f.Path, f.Path+"[:half]")
			texts = append(texts, f.Src, f.Src[:len(f.Src)/2])
		}
	}
	var files []*ast.File
	for i, src := range texts {
		files = append(files, parser.ParseFile(token.NewFileSet(), names[i], src))
	}
	return files
}

// TestBinderReuse binds files one after another with one Binder (in
// order, in reverse, and each of a subset after each other): every
// answer must be the one a fresh Bind gives.
func TestBinderReuse(t *testing.T) {
	files := reuseFiles(t)
	want := make([]string, len(files))
	for i, f := range files {
		want[i] = snapshot(f, scope.Bind(f))
	}
	order := reuseorder.Of(len(files), 30)
	var b scope.Binder
	for _, i := range order {
		if got := snapshot(files[i], b.Bind(files[i])); got != want[i] {
			t.Fatalf("%s: a reused Binder answers differently from Bind\n got %.3000s\nwant %.3000s", files[i].Name, got, want[i])
		}
	}
}

// FuzzBindReuse binds a, b and a again with one Binder: each answer must
// be the one a fresh Bind gives, whatever the previous file left in the
// Binder.
func FuzzBindReuse(f *testing.F) {
	files := reuseFiles(f)
	for i, a := range files {
		f.Add(a.Src, files[(i+1)%len(files)].Src)
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		fa := parser.ParseFile(token.NewFileSet(), "a.nix", a)
		fb := parser.ParseFile(token.NewFileSet(), "b.nix", b)
		wantA, wantB := snapshot(fa, scope.Bind(fa)), snapshot(fb, scope.Bind(fb))
		var bd scope.Binder
		for _, c := range []struct {
			f    *ast.File
			want string
		}{{fa, wantA}, {fb, wantB}, {fa, wantA}} {
			if got := snapshot(c.f, bd.Bind(c.f)); got != c.want {
				t.Fatalf("%s: a reused Binder answers differently from Bind\n got %.3000s\nwant %.3000s", c.f.Name, got, c.want)
			}
		}
	})
}
