package module

import (
	"bytes"
	"go/token"
	"maps"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// MissingStateVersion flags projects with hosts but no stateVersion.
var MissingStateVersion = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "missing-state-version",
		Doc: nixmatch.RuleDoc("NixOS or home-manager hosts without a `stateVersion`",
			"Looks at the whole project. When it defines NixOS hosts (`nixosSystem` calls, or a "+
				"`configuration.nix` module) but no file sets `system.stateVersion`, each host is "+
				"flagged; likewise `homeManagerConfiguration` calls and `home-manager.users.<name>` "+
				"definitions when no file sets "+
				"`home.stateVersion` (including `home-manager.users.<name>.home.stateVersion`). "+
				"Any binding of the option counts, however it is written or computed. Projects built "+
				"with clan-core, which sets `system.stateVersion` itself, are not flagged.",
			"`stateVersion` pins the defaults of stateful services (database formats, data "+
				"directories) to the release the machine was installed with. Without it NixOS "+
				"warns and falls back to the current release, so an upgrade silently moves "+
				"PostgreSQL, Nextcloud and others to new defaults on existing data; home-manager "+
				"refuses to evaluate.",
			`# flake.nix
{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      modules = [ ./hosts/web.nix ];
    };
  };
}`,
			`# hosts/web.nix
{
  networking.hostName = "web";
  system.stateVersion = "24.11"; # the release the host was installed with
}`, ""),
		Requires: []*analysis.Analyzer{stateVersionFiles},
		Run:      runMissingStateVersion,
	},
	Category: category,
	Severity: analyzer.SeverityWarning,
}

// stateVersionFiles are the files missing-state-version looks at: those
// that could define a host, set a stateVersion or name a framework of
// stateManagingInputs, as written in the source. Of each, the driver
// keeps the stateVersionSummary only.
var stateVersionFiles = nixpass.ProjectSummaries("stateversionfiles", mayConcernStateVersion, summarizeStateVersions)

// stateVersionSummary is what missing-state-version needs of a file.
type stateVersionSummary struct {
	framework bool          // names one of stateManagingInputs
	hosts     []host        // configurations it defines
	sets      map[bool]bool // stateVersions it sets (home? -> true)
}

func summarizeStateVersions(f *nixpass.File) any {
	if usesStateManagingFramework(f) {
		return stateVersionSummary{framework: true}
	}
	return stateVersionSummary{hosts: hostsOf(f), sets: stateVersions(f)}
}

// mayConcernStateVersion is the filter of stateVersionFiles.
func mayConcernStateVersion(name string, src []byte) bool {
	if nixpass.HasBase(name, "configuration.nix") {
		return true
	}
	found := concernWords.In(src)
	return found&^homeManagerWord != 0 || found&homeManagerWord != 0 && bytes.Contains(src, []byte("users"))
}

// hostWords are the words of the source that make a file one of
// stateVersionFiles.
var hostWords = []string{"stateVersion", "nixosSystem", "homeManagerConfiguration"}

// concernWords are the words mayConcernStateVersion searches every file
// of a run for, at once (see edit.Words): hostWords, the
// stateManagingInputs, and last home-manager, which makes a file one of
// stateVersionFiles only with the word users.
var concernWords = edit.NewWords(concernList...)

var concernList = append(append(slices.Clone(hostWords), slices.Collect(maps.Keys(stateManagingInputs))...), "home-manager")

// homeManagerWord is the bit of home-manager in what concernWords.In
// returns.
var homeManagerWord = uint64(1) << (len(concernList) - 1)

// host is where a NixOS or home-manager configuration is defined.
type host struct {
	Pos, End token.Pos
	Home     bool // a home-manager configuration
}

func runMissingStateVersion(pass *analysis.Pass) (any, error) {
	project := nixpass.ProjectOf(pass)
	var hosts []host
	set := map[bool]bool{} // home? -> some file sets the stateVersion
	for _, s := range project.Summaries {
		s := s.(stateVersionSummary)
		if s.framework {
			return nil, nil
		}
		hosts = append(hosts, s.hosts...)
		for home := range s.sets {
			set[home] = true
		}
	}
	for _, h := range hosts {
		if set[h.Home] {
			continue
		}
		msg := "NixOS host without `system.stateVersion` anywhere in the project: set it to the release the machine was installed with"
		if h.Home {
			msg = "home-manager configuration without `home.stateVersion` anywhere in the project: set it to the release it was first activated with"
		}
		pass.Report(analysis.Diagnostic{Pos: h.Pos, End: h.End, Message: msg})
	}
	return nil, nil
}

// hostsOf returns the configurations f defines: calls of nixosSystem and
// homeManagerConfiguration, f itself when it is a configuration.nix
// module, and the users of home-manager's NixOS module.
func hostsOf(f *nixpass.File) []host {
	if f.Expr == nil {
		return nil
	}
	var out []host
	for _, c := range nixmatch.Calls(f) { // the per-file rules found them
		var h host
		switch c.Name.Last() {
		case "nixosSystem":
			h = host{Pos: c.Fun.Pos(), End: c.Fun.End()}
		case "homeManagerConfiguration":
			h = host{Pos: c.Fun.Pos(), End: c.Fun.End(), Home: true}
		default:
			continue
		}
		// Each application of (nixosSystem a) b is a host, as it has
		// always been counted.
		for call := c.Node; call != nil; call, _ = ast.Unparen(call.Fun).(*ast.CallExpr) {
			out = append(out, h)
		}
	}
	if nixpass.HasBase(f.Name, "configuration.nix") && nixmatch.IsModuleFile(f) {
		pos, end := moduleHead(f)
		out = append(out, host{Pos: pos, End: end})
	}
	// Users of home-manager's NixOS module: home-manager.users.<name>.
	for _, user := range nixmatch.Group(nixmatch.Under(nixmatch.Options(f), "home-manager.users.*"), 3) {
		key := user[0].KeyAt(2)
		if key == nil {
			key = user[0].Key
		}
		if key != nil {
			out = append(out, host{Pos: key.Pos(), End: key.End(), Home: true})
		}
	}
	return out
}

// moduleHead returns the range to report a whole module at: its pattern,
// or the opening brace of its set.
func moduleHead(f *nixpass.File) (token.Pos, token.Pos) {
	switch e := ast.Unparen(f.Expr).(type) {
	case *ast.LambdaExpr:
		if e.Formals != nil {
			return e.Formals.Pos(), e.Formals.End()
		}
		return e.Pos(), e.Colon + 1
	case *ast.AttrSetExpr:
		return e.Lbrace, e.Lbrace + 1
	}
	return f.Expr.Pos(), f.Expr.Pos()
}

// stateVersions reports which stateVersions f sets: system.stateVersion
// (false) and home.stateVersion (true), in any spelling — a dotted path,
// nested sets, or `inherit stateVersion;` in a system or home set.
func stateVersions(f *nixpass.File) map[bool]bool {
	found := map[bool]bool{}
	if f.Expr == nil {
		return found
	}
	if len(f.Errors) > 0 {
		// Positions may not nest after syntax errors: look at every node.
		ast.InspectWithStack(f.Expr, func(n ast.Node, stack []ast.Node) bool {
			noteStateVersion(found, n, stack)
			return true
		})
		return found
	}
	// A binding of stateVersion spells the name in its key: only the
	// bindings around the spellings of the source need a look, not the
	// whole tree.
	v := containings.Get().(*containing)
	defer v.release()
	for from := 0; ; {
		i := bytes.IndexByte(f.Src[from:], 'V')
		if i < 0 {
			break
		}
		at := from + i
		from = at + 1
		if !spellsStateVersion(f.Src, at) {
			continue
		}
		clear(v.stack)
		v.pos, v.stack = f.Tok.Pos(at), v.stack[:0]
		ast.Walk(v, f.Expr)
		for i, n := range v.stack {
			noteStateVersion(found, n, v.stack[:i])
		}
	}
	return found
}

// noteStateVersion records in found the stateVersion n sets, if it is
// a binding of one; stack holds n's ancestors.
func noteStateVersion(found map[bool]bool, n ast.Node, stack []ast.Node) {
	var parent string
	switch b := n.(type) {
	case *ast.AttrDef:
		keys := b.Path.Keys
		if !isStateVersionPath(keys) {
			return
		}
		if len(keys) == 1 {
			parent = enclosingKey(stack)
		} else {
			parent, _ = ast.KeyName(keys[len(keys)-2])
		}
	case *ast.Inherit:
		if !slices.ContainsFunc(b.Names, func(k ast.AttrKey) bool { name, _ := ast.KeyName(k); return name == "stateVersion" }) {
			return
		}
		parent = enclosingKey(stack)
	default:
		return
	}
	switch parent {
	case "system":
		found[false] = true
	case "home":
		found[true] = true
	}
}

// spellsStateVersion reports whether the V at offset at of src is that
// of stateVersion, written out or with escapes in a quoted key such as
// "st\ateVersion" (or in an indented string interpolated as a key,
// whose escapes start with two single quotes): backslashes and single
// quotes may come before each letter. (A few spellings that are not the
// name pass too; the keys tell.)
func spellsStateVersion(src []byte, at int) bool {
	const before, after = "state", "ersion"
	j := at - 1
	for i := len(before) - 1; i >= 0; i-- {
		for j >= 0 && (src[j] == '\\' || src[j] == '\'') {
			j--
		}
		if j < 0 || src[j] != before[i] {
			return false
		}
		j--
	}
	j = at + 1
	for i := 0; i < len(after); i++ {
		for j < len(src) && (src[j] == '\\' || src[j] == '\'') {
			j++
		}
		if j == len(src) || src[j] != after[i] {
			return false
		}
		j++
	}
	return true
}

// containing is a visitor collecting the nodes whose span holds pos,
// outermost first: the path from the root down to pos, when spans nest.
type containing struct {
	pos   token.Pos
	stack []ast.Node
}

// containings holds released visitors, whose stacks serve the next
// file's.
var containings = sync.Pool{New: func() any { return new(containing) }}

// release gives v back to containings, holding no part of the tree.
func (v *containing) release() {
	clear(v.stack)
	v.stack = v.stack[:0]
	containings.Put(v)
}

func (v *containing) Visit(n ast.Node) ast.Visitor {
	if n == nil || v.pos < n.Pos() || n.End() <= v.pos {
		return nil
	}
	v.stack = append(v.stack, n)
	return v
}

// isStateVersionPath reports whether the path keys is static and ends in
// stateVersion. It looks at the last key first: nearly every path ends
// otherwise.
func isStateVersionPath(keys []ast.AttrKey) bool {
	if name, _ := ast.KeyName(keys[len(keys)-1]); name != "stateVersion" {
		return false
	}
	return !slices.ContainsFunc(keys, func(k ast.AttrKey) bool { _, static := ast.KeyName(k); return !static })
}

// enclosingKey returns the last key of the nearest binding in stack.
func enclosingKey(stack []ast.Node) string {
	for i := len(stack) - 1; i >= 0; i-- {
		if d, ok := stack[i].(*ast.AttrDef); ok {
			if names, ok := d.Path.PathNames(); ok {
				return names[len(names)-1]
			}
			return ""
		}
	}
	return ""
}

// mentionsStateManagingInput reports whether src has one of
// stateManagingInputs: a name in the tree is written as it is in the
// source, so the files without one need no walk.
func mentionsStateManagingInput(src []byte) bool {
	for input := range stateManagingInputs {
		if edit.Contains(src, input) {
			return true
		}
	}
	return false
}

// stateManagingInputs are flake inputs of frameworks that set
// system.stateVersion for the machines they build (clan-core's
// state-version module).
var stateManagingInputs = map[string]bool{"clan-core": true}

// usesStateManagingFramework reports whether f names one of
// stateManagingInputs (`inputs.clan-core = …`, `inputs.clan-core.flakeModules…`).
func usesStateManagingFramework(f *nixpass.File) bool {
	found := false
	if f.Expr == nil || !mentionsStateManagingInput(f.Src) {
		return false
	}
	ast.Inspect(f.Expr, func(n ast.Node) bool {
		if name, ok := n.(*ast.Name); ok && stateManagingInputs[name.Name] {
			found = true
		}
		return !found
	})
	return found
}
