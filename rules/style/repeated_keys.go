package style

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// RepeatedKeys reports a set that spells out the same first key in three
// or more attribute paths.
var RepeatedKeys = pack.Rule("repeated-keys", analyzer.SeverityInfo, analyzer.FixNone, runRepeatedKeys)

// minRepeats is how many paths must share a first key, as in statix.
const minRepeats = 3

// maxListed is how many of the paths a message lists.
const maxListed = 3

func runRepeatedKeys(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(set *ast.AttrSetExpr) {
		if pathsOfTwo(set) < minRepeats {
			return // no key can be repeated often enough
		}
		byKey := map[string][]*ast.AttrDef{}
		var order []string
		for _, b := range set.Bindings {
			def, ok := b.(*ast.AttrDef)
			if !ok || len(def.Path.Keys) < 2 {
				continue
			}
			key, ok := ast.KeyName(def.Path.Keys[0])
			if !ok {
				continue
			}
			if byKey[key] == nil {
				order = append(order, key)
			}
			byKey[key] = append(byKey[key], def)
		}
		for _, key := range order {
			defs := byKey[key]
			if len(defs) < minRepeats {
				continue
			}
			var paths []string
			for i, d := range defs {
				if i == maxListed {
					paths = append(paths, "…")
					break
				}
				paths = append(paths, f.Text(d.Path))
			}
			first := defs[0].Path.Keys[0]
			pass.Report(analysis.Diagnostic{
				Pos: first.Pos(), End: first.End(),
				Message: fmt.Sprintf("%s is repeated in %d paths (%s): consider %s = { … }", key, len(defs), strings.Join(paths, ", "), key),
			})
		}
	})
	return nil, nil
}

// pathsOfTwo counts the bindings of set whose paths have two keys or
// more: the only ones that can repeat a first key.
func pathsOfTwo(set *ast.AttrSetExpr) int {
	n := 0
	for _, b := range set.Bindings {
		if def, ok := b.(*ast.AttrDef); ok && len(def.Path.Keys) >= 2 {
			n++
		}
	}
	return n
}
