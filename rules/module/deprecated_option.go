package module

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

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
			"from the table embedded in deprecated_options.json (each entry names the release "+
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

//go:embed deprecated_options.json
var deprecatedJSON []byte

// deprecation is one entry of the table.
type deprecation struct {
	Old, New []string // option paths; "*" matches any name
	Release  string
	Kind     string // renamed, replaced or removed
	Note     string
}

// deprecations is the table, longest old paths first, so that the most
// specific entry wins.
var deprecations = loadDeprecations(deprecatedJSON)

// deprecationsByFirst indexes deprecations by the first name of their old
// paths ("*" for a wildcard), each list in table order, so a definition
// is matched against the few entries that can match it rather than all.
var deprecationsByFirst = indexByFirst(deprecations)

// wildDeprecations are the entries whose old path starts with "*",
// which every definition is matched against.
var wildDeprecations = deprecationsByFirst["*"]

func indexByFirst(deps []deprecation) map[string][]int {
	index := map[string][]int{}
	for i, d := range deps {
		index[d.Old[0]] = append(index[d.Old[0]], i)
	}
	return index
}

// deprecationOf returns the first entry of the table whose old path is a
// prefix of path, or nil.
func deprecationOf(path []string) *deprecation {
	if len(path) == 0 {
		return nil
	}
	named, wild := deprecationsByFirst[path[0]], wildDeprecations
	for len(named) > 0 || len(wild) > 0 {
		var i int
		if len(wild) == 0 || len(named) > 0 && named[0] < wild[0] {
			i, named = named[0], named[1:]
		} else {
			i, wild = wild[0], wild[1:]
		}
		if nixmatch.MatchPrefixNames(path, deprecations[i].Old) {
			return &deprecations[i]
		}
	}
	return nil
}

func loadDeprecations(src []byte) []deprecation {
	var file struct {
		Options []struct {
			Old, New, Release, Kind, Note string
		}
	}
	if err := json.Unmarshal(src, &file); err != nil {
		panic(fmt.Sprintf("deprecated_options.json: %v", err))
	}
	var out []deprecation
	for _, o := range file.Options {
		d := deprecation{Old: strings.Split(o.Old, "."), Release: o.Release, Kind: o.Kind, Note: o.Note}
		if o.New != "" {
			d.New = strings.Split(o.New, ".")
		}
		if err := d.check(); err != nil {
			panic(fmt.Sprintf("deprecated_options.json: %s: %v", o.Old, err))
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
