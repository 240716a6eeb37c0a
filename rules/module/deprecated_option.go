package module

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// DeprecatedOption flags definitions of options NixOS renamed or removed.
var DeprecatedOption = pack.WithDoc("deprecated-option", analyzer.SeverityWarning, analyzer.FixSafe, runDeprecatedOption,
	nixmatch.RuleDoc("An option NixOS renamed or removed is still defined",
		"Flags definitions of NixOS options that a release renamed, replaced or removed, "+
			"from the table in deprecated_options.go (each entry names the release "+
			"that made the change): `hardware.opengl.*` → `hardware.graphics.*` (24.11), "+
			"`sound.enable` (removed in 24.11), `services.xserver.displayManager.sddm` → "+
			"`services.displayManager.sddm` (24.05), `nix.binaryCaches` → `nix.settings.substituters` "+
			"(22.05) and more. Definitions are found however they are written (dotted paths, "+
			"nested sets, mkIf/mkMerge/mkDefault wrappers), and a renamed parent covers all its "+
			"sub-options.",
		"A renamed option works through an alias that prints a warning on every rebuild and "+
			"is removed a few releases later, when the configuration stops evaluating; a removed "+
			"option fails evaluation at once. Fixing them early keeps upgrades to one change at a time.",
		`{
  hardware.opengl.enable = true;
  hardware.opengl.driSupport32Bit = true;
  sound.enable = true;
}`,
		`{
  hardware.graphics.enable = true;
  hardware.graphics.enable32Bit = true;
}`,
		"Pure renames get a fix that rewrites the attribute path (`hardware.opengl.enable` → "+
			"`hardware.graphics.enable`), which the alias NixOS keeps for the old name makes "+
			"equivalent. There is no fix when the binding does not spell the whole renamed "+
			"part of the path in a way that can be rewritten (`hardware.opengl = { enable = …; }`), "+
			"when the new option is already defined in the file, or for replaced and removed options, "+
			"whose values need a decision."))

// deprecation is one entry of the table.
type deprecation struct {
	Old, New []string // option paths; "*" matches any name
	Release  string
	Kind     string // renamed, replaced or removed
	Note     string
}

// deprecations returns the table, longest old paths first, so that the
// most specific entry wins. It is loaded on first use, by the workers
// rather than before the run starts.
var deprecations = sync.OnceValue(func() []deprecation { return loadDeprecations(deprecationEntries[:]) })

// deprecationIndex gives, for the first two names of a definition's
// path, the entries of the table that can match it, in table order, so
// a definition is matched against those few rather than all (NixOS
// renamed dozens of services.* options).
type deprecationIndex struct {
	// byFirst holds the candidates of paths starting with a first name
	// the table spells, any those of all other paths. Tables
	// (nixmatch.NameTable) tell most names the index lacks (every
	// definition's first two names are looked up) without hashing them.
	byFirst *nixmatch.NameTable[*firstDeprecations]
	any     []int
	// all is every entry, the candidates of every path when an entry
	// spells a second name after a wildcard (none does): the first names
	// do not tell those apart.
	all []int
}

// firstDeprecations are the candidates of the paths starting with one
// first name: bySecond those whose second name the table spells after
// it, other the rest.
type firstDeprecations struct {
	bySecond *nixmatch.NameTable[[]int]
	other    []int
}

// deprecationsByPrefix indexes deprecations.
var deprecationsByPrefix = sync.OnceValue(func() *deprecationIndex {
	x := indexDeprecations(deprecations())
	return &x
})

// indexDeprecations indexes deps, whose names are literal or "*".
func indexDeprecations(deps []deprecation) deprecationIndex {
	var x deprecationIndex
	byFirst, bySecond := map[string]*firstDeprecations{}, map[*firstDeprecations]map[string][]int{}
	// may reports whether entry d can match a path whose first names
	// are first and second ("" for a name no entry spells there).
	may := func(d deprecation, first, second string) bool {
		return (d.Old[0] == "*" || d.Old[0] == first) && (len(d.Old) < 2 || d.Old[1] == "*" || d.Old[1] == second)
	}
	for _, d := range deps {
		if d.Old[0] == "*" && len(d.Old) >= 2 && d.Old[1] != "*" {
			x.all = make([]int, len(deps))
			for i := range x.all {
				x.all[i] = i
			}
			return x
		}
		if d.Old[0] == "*" {
			continue
		}
		fd := byFirst[d.Old[0]]
		if fd == nil {
			fd = &firstDeprecations{}
			byFirst[d.Old[0]], bySecond[fd] = fd, map[string][]int{}
		}
		if len(d.Old) >= 2 && d.Old[1] != "*" {
			bySecond[fd][d.Old[1]] = nil
		}
	}
	for i, d := range deps {
		for first, fd := range byFirst {
			for second, c := range bySecond[fd] {
				if may(d, first, second) {
					bySecond[fd][second] = append(c, i)
				}
			}
			if may(d, first, "") {
				fd.other = append(fd.other, i)
			}
		}
		if may(d, "", "") {
			x.any = append(x.any, i)
		}
	}
	for fd, m := range bySecond {
		fd.bySecond = nixmatch.NewNameTable(m)
	}
	x.byFirst = nixmatch.NewNameTable(byFirst)
	return x
}

// candidates returns the entries that can match path, in table order.
func (x *deprecationIndex) candidates(path []string) []int {
	if x.all != nil {
		return x.all
	}
	fd, ok := x.byFirst.Get(path[0])
	if !ok {
		return x.any
	}
	if len(path) >= 2 {
		if c, ok := fd.bySecond.Get(path[1]); ok {
			return c
		}
	}
	return fd.other
}

// deprecationOf returns the first entry of the table whose old path is a
// prefix of path, or nil.
func deprecationOf(path []string) *deprecation {
	if len(path) == 0 {
		return nil
	}
	table := deprecations()
	for _, i := range deprecationsByPrefix().candidates(path) {
		if nixmatch.MatchPrefixNames(path, table[i].Old) {
			return &table[i]
		}
	}
	return nil
}

func loadDeprecations(entries []deprecationEntry) []deprecation {
	out := make([]deprecation, 0, len(entries))
	for _, e := range entries {
		d := deprecation{Old: strings.Split(e.Old, "."), Release: e.Release, Kind: e.Kind, Note: e.Note}
		if e.New != "" {
			d.New = strings.Split(e.New, ".")
		}
		if err := d.check(); err != nil {
			panic(fmt.Sprintf("deprecationEntries: %s: %v", e.Old, err))
		}
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(a, b deprecation) int { return len(b.Old) - len(a.Old) })
	return out
}

// check validates an entry: a known kind, a new path for renames and
// replacements, and wildcards of the new path at the same places as in
// the old one.
func (d deprecation) check() error {
	switch d.Kind {
	case "renamed", "replaced":
		if d.New == nil {
			return fmt.Errorf("%s without a new option", d.Kind)
		}
	case "removed":
	default:
		return fmt.Errorf("unknown kind %q", d.Kind)
	}
	if d.Release == "" {
		return fmt.Errorf("no release")
	}
	for i, n := range d.New {
		if n == "*" && (i >= len(d.Old) || d.Old[i] != "*") {
			return fmt.Errorf("wildcard %d of the new path has no counterpart", i)
		}
	}
	return nil
}

// instantiate returns path with each "*" replaced by the name the
// definition's path has there.
func instantiate(path, actual []string) []string {
	out := slices.Clone(path)
	for i, n := range out {
		if n == "*" && i < len(actual) {
			out[i] = actual[i]
		}
	}
	return out
}

func runDeprecatedOption(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	defs := nixmatch.IndexOf(pass).Defs
	reported := map[ast.Node]bool{}
	for _, def := range defs {
		dep := deprecationOf(def.Path)
		if dep == nil {
			continue
		}
		last := def.KeyAt(len(dep.Old) - 1)
		if last == nil || reported[last] {
			continue // an enclosing binding names the option: reported there
		}
		reported[last] = true
		pass.Report(deprecationDiagnostic(f, def, *dep, defs))
	}
	return nil, nil
}

// deprecationDiagnostic reports the keys of def that spell dep's old path,
// with a rename fix where one is possible.
func deprecationDiagnostic(f *nixpass.File, def nixmatch.OptionDef, dep deprecation, defs []nixmatch.OptionDef) analysis.Diagnostic {
	n := len(dep.Old)
	first := n - 1 // the first element of the old path this binding spells
	for first > 0 && def.KeyAt(first-1) != nil {
		first--
	}
	old := strings.Join(def.Path[:n], ".")
	d := analysis.Diagnostic{Pos: def.KeyAt(first).Pos(), End: def.KeyAt(n - 1).End()}
	var newPath []string
	if dep.New != nil {
		newPath = instantiate(dep.New, def.Path)
	}
	switch dep.Kind {
	case "renamed":
		d.Message = fmt.Sprintf("`%s` was renamed to `%s` in NixOS %s", old, strings.Join(newPath, "."), dep.Release)
	case "replaced":
		d.Message = fmt.Sprintf("`%s` was replaced by `%s` in NixOS %s: %s", old, strings.Join(newPath, "."), dep.Release, dep.Note)
	default:
		d.Message = fmt.Sprintf("`%s` was removed in NixOS %s: %s", old, dep.Release, dep.Note)
	}
	if dep.Kind != "renamed" || def.Def == nil || definesUnder(defs, newPath) {
		return d
	}
	// The part of the path enclosing bindings spell must stay as it is.
	if first > len(newPath) || !slices.Equal(dep.Old[:first], dep.New[:first]) {
		return d
	}
	text := make([]string, 0, len(newPath)-first)
	for i := first; i < len(newPath); i++ {
		if dep.New[i] == "*" {
			text = append(text, f.Text(def.KeyAt(i)))
		} else {
			text = append(text, newPath[i])
		}
	}
	d.SuggestedFixes = []analysis.SuggestedFix{{
		Message:   "rename to `" + strings.Join(newPath, ".") + "`",
		TextEdits: []analysis.TextEdit{{Pos: d.Pos, End: d.End, NewText: []byte(strings.Join(text, "."))}},
	}}
	return d
}

// definesUnder reports whether any definition sets path or an option
// below it: renaming onto it could define an attribute twice.
func definesUnder(defs []nixmatch.OptionDef, path []string) bool {
	return slices.ContainsFunc(defs, func(d nixmatch.OptionDef) bool {
		return len(d.Path) >= len(path) && slices.Equal(d.Path[:len(path)], path)
	})
}
