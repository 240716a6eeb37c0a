package scope

import (
	"cmp"
	"slices"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// longFormals is the length of a formals list past which
// repeatedFormals looks names up in a map.
const longFormals = 32

// checkFormals reports each name l's pattern repeats, at its second
// occurrence, and a formal named like the @-argument, at the lambda, as
// Nix's validateFormals does. Nix stops at one of the repeated names: the
// one whose symbol it created first. The errors are in that order, so the
// first is the one Nix reports.
func (b *binder) checkFormals(l *ast.LambdaExpr) {
	list := l.Formals.List
	repeats := repeatedFormals(list)
	if len(repeats) > 1 {
		b.sortBySymbolOrder(repeats)
	}
	for _, r := range repeats {
		b.errorf(DuplicateFormal, r.Pos(), r.End(), l.End(), "duplicate formal function argument '%s'", r.Name)
	}
	if l.Arg != nil && slices.ContainsFunc(list, func(f *ast.Formal) bool { return f.Name.Name == l.Arg.Name }) {
		b.errorf(DuplicateFormal, l.Pos(), l.Pos(), l.End(), "duplicate formal function argument '%s'", l.Arg.Name)
	}
}

// repeatedFormals returns the second occurrence of each name list
// repeats, in the order of the names' first occurrences.
func repeatedFormals(list []*ast.Formal) []*ast.Name {
	type repeat struct{ first, second *ast.Name }
	var repeats []repeat
	// Formals lists are short: each formal is compared with those before
	// it, but for a long list (a generated file's), whose first formals
	// of each name a map finds.
	var first map[string]*ast.Name
	if len(list) > longFormals {
		first = make(map[string]*ast.Name, len(list))
	}
	for i, f := range list {
		var g *ast.Name
		if first != nil {
			if g = first[f.Name.Name]; g == nil {
				first[f.Name.Name] = f.Name
			}
		} else if j := slices.IndexFunc(list[:i], func(h *ast.Formal) bool { return h.Name.Name == f.Name.Name }); j >= 0 {
			g = list[j].Name
		}
		if g != nil && !slices.ContainsFunc(repeats, func(r repeat) bool { return r.first == g }) {
			repeats = append(repeats, repeat{g, f.Name})
		}
	}
	if len(repeats) == 0 {
		return nil
	}
	slices.SortFunc(repeats, func(a, b repeat) int { return cmp.Compare(a.first.Pos(), b.first.Pos()) })
	out := make([]*ast.Name, len(repeats))
	for i, r := range repeats {
		out[i] = r.second
	}
	return out
}

// sortBySymbolOrder orders names as Nix numbers their symbols, in the
// order it creates them: first the evaluator's own attribute names, then
// the globals (each builtin under its name and its "__" name), then the
// names of the file in the order its parser reduces them. The order
// among globals (which Nix registers in the order its primops are
// linked) is left as it is.
func (b *binder) sortBySymbolOrder(names []*ast.Name) {
	var fileOrder map[string]int
	rank := func(n *ast.Name) (class, seq int) {
		if i := slices.Index(evaluatorSymbols[:], n.Name); i >= 0 {
			return 0, i
		}
		if IsGlobal(n.Name) || !strings.HasPrefix(n.Name, "__") && IsGlobal("__"+n.Name) {
			return 1, 0
		}
		if fileOrder == nil {
			fileOrder = symbolOrder(b.root)
		}
		return 2, fileOrder[n.Name]
	}
	slices.SortStableFunc(names, func(x, y *ast.Name) int {
		cx, sx := rank(x)
		cy, sy := rank(y)
		if cx != cy {
			return cx - cy
		}
		return sx - sy
	})
}

// evaluatorSymbols are the names modern Nix's evaluator creates symbols
// for before it parses anything, in that order (StaticEvalSymbols).
var evaluatorSymbols = [...]string{
	"<with>", "outPath", "drvPath", "type", "meta", "name", "value", "system",
	"__overrides", "outputs", "outputName", "__ignoreNulls", "file", "line",
	"column", "__functor", "__toString", "right", "wrong", "__structuredAttrs",
	"__json", "allowedReferences", "allowedRequisites", "disallowedReferences",
	"disallowedRequisites", "maxSize", "maxClosureSize", "builder", "args",
	"__contentAddressed", "__impure", "outputHash", "outputHashAlgo",
	"outputHashMode", "recurseForDerivations", "description", "self", "",
	"startSet", "operator", "key", "path", "prefix", "outputSpecified",
	"requiredSystemFeatures", "__sub", "__lessThan", "__mul", "__div", "or",
	"__findFile", "__nixPath", "body",
}

// symbolOrder numbers the names of root (variables, attribute names,
// formals, arguments) in the order Nix's parser creates their symbols:
// the order of the source, except that a formal's name comes after its
// default and a lambda's argument after its body, as the parser reduces
// them after those.
func symbolOrder(root ast.Expr) map[string]int {
	order := map[string]int{}
	see := func(name string) {
		if _, ok := order[name]; !ok {
			order[name] = len(order)
		}
	}
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				see(n.Name)
			case *ast.AttrPath:
				seeKeys(n.Keys, see, walk)
				return false
			case *ast.Inherit:
				if n.From != nil {
					walk(n.From)
				}
				seeKeys(n.Names, see, walk)
				return false
			case *ast.LambdaExpr:
				if n.Formals != nil {
					for _, f := range n.Formals.List {
						if f.Default != nil {
							walk(f.Default)
						}
						see(f.Name.Name)
					}
				}
				walk(n.Body)
				if n.Arg != nil {
					see(n.Arg.Name)
				}
				return false
			}
			return true
		})
	}
	if root != nil {
		walk(root)
	}
	return order
}

// seeKeys sees the static names of keys and walks the dynamic ones.
func seeKeys(keys []ast.AttrKey, see func(string), walk func(ast.Node)) {
	for _, k := range keys {
		if name, ok := ast.KeyName(k); ok {
			see(name)
		} else {
			walk(k)
		}
	}
}
