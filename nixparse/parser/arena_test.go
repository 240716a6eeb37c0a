package parser

import (
	goast "go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestWholeSlabsWrittenWhole checks, in the parser's source, that every
// node taken from a wholeSlab (whose chunks a reused Parser does not
// clear) is written whole by the statement right after it,
// `*n = ast.T{…}`, so that nothing of the last file's node survives in
// it, and that the test sees the slabs and their uses at all.
func TestWholeSlabsWrittenWhole(t *testing.T) {
	fset := gotoken.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*goast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	whole := wholeSlabFields(files)
	if len(whole) == 0 {
		t.Fatal("no wholeSlab field in the arena")
	}
	used := map[string]bool{}
	for _, f := range files {
		goast.Inspect(f, func(n goast.Node) bool {
			var list []goast.Stmt
			switch n := n.(type) {
			case *goast.BlockStmt:
				list = n.List
			case *goast.CaseClause:
				list = n.Body
			default:
				return true
			}
			for i, stmt := range list {
				v, field := slabNew(stmt)
				if !whole[field] {
					continue
				}
				used[field] = true
				if i+1 == len(list) || !writesWhole(list[i+1], v) {
					t.Errorf("%s: a node of the wholeSlab %s is not written whole (*%s = ast.T{…}) right after new", fset.Position(stmt.Pos()), field, v)
				}
			}
			return true
		})
	}
	for field := range whole {
		if !used[field] {
			t.Errorf("no use of the wholeSlab %s found", field)
		}
	}
}

// wholeSlabFields returns the names of the arena's fields of a wholeSlab
// type.
func wholeSlabFields(files []*goast.File) map[string]bool {
	whole := map[string]bool{}
	for _, f := range files {
		goast.Inspect(f, func(n goast.Node) bool {
			spec, ok := n.(*goast.TypeSpec)
			if !ok || spec.Name.Name != "arena" {
				return true
			}
			for _, field := range spec.Type.(*goast.StructType).Fields.List {
				if idx, ok := field.Type.(*goast.IndexExpr); ok {
					if id, ok := idx.X.(*goast.Ident); ok && id.Name == "wholeSlab" {
						for _, name := range field.Names {
							whole[name.Name] = true
						}
					}
				}
			}
			return false
		})
	}
	return whole
}

// slabNew reports, for a statement `v := p.a.field.new()` (or `=`), v
// and field.
func slabNew(stmt goast.Stmt) (v, field string) {
	assign, ok := stmt.(*goast.AssignStmt)
	if !ok || len(assign.Lhs) != 1 || len(assign.Rhs) != 1 {
		return "", ""
	}
	call, ok := assign.Rhs[0].(*goast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return "", ""
	}
	sel, ok := call.Fun.(*goast.SelectorExpr) // p.a.field.new
	if !ok || sel.Sel.Name != "new" {
		return "", ""
	}
	slab, ok := sel.X.(*goast.SelectorExpr) // p.a.field
	if !ok {
		return "", ""
	}
	arena, ok := slab.X.(*goast.SelectorExpr) // p.a
	if !ok || arena.Sel.Name != "a" {
		return "", ""
	}
	id, ok := assign.Lhs[0].(*goast.Ident)
	if !ok {
		return "", ""
	}
	return id.Name, slab.Sel.Name
}

// writesWhole reports whether stmt is `*v = ast.T{…}`.
func writesWhole(stmt goast.Stmt, v string) bool {
	assign, ok := stmt.(*goast.AssignStmt)
	if !ok || assign.Tok != gotoken.ASSIGN || len(assign.Lhs) != 1 || len(assign.Rhs) != 1 {
		return false
	}
	star, ok := assign.Lhs[0].(*goast.StarExpr)
	if !ok {
		return false
	}
	if id, ok := star.X.(*goast.Ident); !ok || id.Name != v {
		return false
	}
	_, ok = assign.Rhs[0].(*goast.CompositeLit)
	return ok
}
