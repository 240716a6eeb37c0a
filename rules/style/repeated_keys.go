package style

import (
	"fmt"
	"slices"
	"strings"
	"sync"

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
	var sc *repeatScratch // taken for the first set that needs it
	each(pass, func(set *ast.AttrSetExpr) {
		if pathsOfTwo(set) < minRepeats {
			return // no key can be repeated often enough
		}
		if sc == nil {
			sc = repeatScratches.Get().(*repeatScratch)
		}
		for _, defs := range sc.repeated(set) {
			key, _ := ast.KeyName(defs[0].Path.Keys[0])
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
	if sc != nil {
		sc.release()
	}
	return nil, nil
}

// A repeatScratch is the memory runRepeatedKeys groups a set's paths
// in, reused from set to set and from file to file: a map per set was
// most of what the rule allocated.
type repeatScratch struct {
	keyed  []keyedDef
	defs   []*ast.AttrDef
	groups [][]*ast.AttrDef
}

// keyedDef is a binding whose path has two keys or more, with its first
// key and its place among those bindings.
type keyedDef struct {
	key string
	at  int
	def *ast.AttrDef
}

var repeatScratches = sync.Pool{New: func() any { return new(repeatScratch) }}

// release gives sc back to the pool, without the file's tree.
func (sc *repeatScratch) release() {
	sc.clear()
	repeatScratches.Put(sc)
}

// clear drops what the last call of repeated left in sc, which holds
// no other part of a tree: each call clears the last one's first.
func (sc *repeatScratch) clear() {
	clear(sc.keyed)
	clear(sc.defs)
	clear(sc.groups)
}

// repeated returns the bindings of set whose paths share a first key,
// for each key of minRepeats bindings or more, in source order, and the
// keys in the order of their first bindings (the map and list of keys it
// replaces gave that order). They are valid until the next call.
func (sc *repeatScratch) repeated(set *ast.AttrSetExpr) [][]*ast.AttrDef {
	sc.clear()
	keyed := sc.keyed[:0]
	for _, b := range set.Bindings {
		def, ok := b.(*ast.AttrDef)
		if !ok || len(def.Path.Keys) < 2 {
			continue
		}
		if key, ok := ast.KeyName(def.Path.Keys[0]); ok {
			keyed = append(keyed, keyedDef{key, len(keyed), def})
		}
	}
	// By key, then place: a key's bindings are a run, in source order.
	slices.SortFunc(keyed, func(a, b keyedDef) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return a.at - b.at
	})
	defs, groups := sc.defs[:0], sc.groups[:0]
	for i := 0; i < len(keyed); {
		j := i + 1
		for j < len(keyed) && keyed[j].key == keyed[i].key {
			j++
		}
		if j-i >= minRepeats {
			from := len(defs)
			for _, k := range keyed[i:j] {
				defs = append(defs, k.def)
			}
			groups = append(groups, defs[from:len(defs):len(defs)])
		}
		i = j
	}
	// Keys in the order of their first bindings, which are in source
	// order.
	slices.SortFunc(groups, func(a, b []*ast.AttrDef) int { return int(a[0].Pos() - b[0].Pos()) })
	sc.keyed, sc.defs, sc.groups = keyed, defs, groups
	return groups
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
