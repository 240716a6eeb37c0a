package nixmatch

import (
	"slices"
	"strings"
	"sync"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// OptionDef is one definition of a NixOS (or home-manager) option in a
// module. Definitions under `mkIf false` or `optionalAttrs false` are
// left out: they never apply.
type OptionDef struct {
	// Path is the full option path, without the "config" section of a
	// module that declares options, and with the path of an enclosing
	// submodule in front (home-manager.users.alice.programs.git.enable).
	// A computed key appears as its source text without quotes
	// (${name}, kimai-${host}); IsDynamic tells such names apart.
	Path []string
	// Value is the defined value with mkIf/mkDefault/mkForce/… wrappers
	// and parentheses stripped; each element of an mkMerge list is a
	// definition of its own. Value is nil for an inherited name
	// (`inherit (cfg) User;`), whose value the file does not show.
	Value ast.Expr
	// Key is the key that names the last element of Path in the source,
	// the range to report for findings about the option itself.
	Key ast.Node
	// Def is the binding holding the definition (nil for an inherit).
	Def *ast.AttrDef
	// Inherit is the inherit binding defining the name, when Value is nil.
	Inherit *ast.Inherit
	// Conditional reports whether the definition is under mkIf or
	// optionalAttrs somewhere along its path.
	Conditional bool
	// Module is the module the definition belongs to.
	Module *Module
}

// Module is a NixOS/home-manager module written in a file: the file's
// own expression, an inline module of an imports list, of a `modules`
// list passed to nixosSystem/evalModules/homeManagerConfiguration, or a
// submodule function (home-manager.users.alice = { pkgs, ... }: { … }).
type Module struct {
	// Func is the module function, nil for a module that is a plain set.
	Func *ast.LambdaExpr
	// Body is the module's value after its function, let, with and assert:
	// an attribute set, or an mkIf/mkMerge call.
	Body ast.Expr
	// Set is Body when it is an attribute set.
	Set *ast.AttrSetExpr
	// Prefix is the option path of a submodule, nil for other modules.
	Prefix []string
	// Imports holds the module's `imports = …;` bindings.
	Imports []*ast.AttrDef
	// Whole reports whether the module is the file's own expression, which
	// is a module for certain only when IsModuleFile says so; the modules
	// written inside it (imports, modules lists, submodules) are.
	Whole bool
}

// Options returns every option definition of the modules in f, in source
// order.
func Options(f *nixpass.File) []OptionDef {
	return indexOf(f).Defs
}

// Modules returns the modules written in f, outermost first.
func Modules(f *nixpass.File) []*Module {
	return indexOf(f).Modules
}

type collector struct {
	file *ast.File
	info *scope.Info
	*indexMemo
}

// An indexMemo is the Index of a file with the memory it is made of,
// which serves the next file once the file's memos are released.
type indexMemo struct {
	// index is the Index handed out, its slices clipped so that a rule
	// appending to them copies them.
	index Index
	// defs, mods and firsts are index's slices with their whole
	// capacity, the buffers collect appends to.
	defs   []OptionDef
	mods   []*Module
	firsts []string
	// modules and paths hold the Modules and the definitions' paths.
	modules slab[Module]
	paths   slab[string]
}

// indexMemos holds released indexMemos.
var indexMemos = sync.Pool{New: func() any { return new(indexMemo) }}

// Release gives the memory of the Index to the next file. The driver
// calls it through nixpass.File.ReleaseMemo.
func (m *indexMemo) Release() {
	// The pool must not keep the file's tree alive.
	clear(m.defs)
	clear(m.mods)
	clear(m.firsts)
	m.index, m.defs, m.mods, m.firsts = Index{}, m.defs[:0], m.mods[:0], m.firsts[:0]
	m.modules.reset()
	m.paths.reset()
	indexMemos.Put(m)
}

// collect returns the Index of f.
func collect(f *nixpass.File) *indexMemo {
	m := indexMemos.Get().(*indexMemo)
	if f.Expr == nil {
		return m
	}
	c := collector{file: f.File, info: f.Info, indexMemo: m}
	if !nixpass.HasBase(f.Name, "flake.nix") {
		c.module(nil, f.Expr)
		if len(m.mods) > 0 {
			m.mods[0].Whole = true // module appends the outer module first
		}
	}
	// Modules passed to nixosSystem { modules = [ … ]; } and the like:
	// the arguments of every application, outermost first, as a walk of
	// the tree meets them.
	for _, app := range Calls(f) {
		if app.Fun == app.Node.Fun { // written in one piece, as most are
			c.args(app.Args)
			continue
		}
		for call := app.Node; call != nil; call, _ = ast.Unparen(call.Fun).(*ast.CallExpr) {
			c.args(call.Args)
		}
	}
	if len(m.defs) > 0 {
		m.index.Defs = slices.Clip(m.defs)
	}
	if len(m.mods) > 0 {
		m.index.Modules = slices.Clip(m.mods)
	}
	m.firsts = m.index.listFirsts(m.firsts)
	return m
}

// newModule adds a module to the index.
func (c *collector) newModule(fn *ast.LambdaExpr, body ast.Expr, prefix []string) *Module {
	m := &c.modules.alloc(1)[0]
	*m = Module{Func: fn, Body: body, Prefix: prefix}
	c.mods = append(c.mods, m)
	return m
}

// args collects the modules of the modules and configuration attributes
// of the sets among a call's arguments.
func (c *collector) args(args []ast.Expr) {
	for _, a := range args {
		set, ok := ast.Unparen(a).(*ast.AttrSetExpr)
		if !ok {
			continue
		}
		for _, b := range set.Bindings {
			d, ok := b.(*ast.AttrDef)
			if !ok || len(d.Path.Keys) != 1 {
				continue
			}
			switch c.keyName(d.Path.Keys[0]) {
			case "modules":
				c.moduleList(nil, d.Value)
			case "configuration":
				c.module(nil, d.Value)
			}
		}
	}
}

// moduleList collects the inline modules of an imports or modules list,
// also of lists joined with ++.
func (c *collector) moduleList(prefix []string, e ast.Expr) {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == ast.OpConcat {
		c.moduleList(prefix, b.X)
		c.moduleList(prefix, b.Y)
		return
	}
	l, ok := e.(*ast.ListExpr)
	if !ok {
		return
	}
	for _, el := range l.Elems {
		switch ast.Unparen(el).(type) {
		case *ast.AttrSetExpr, *ast.LambdaExpr:
			c.module(prefix, el)
		}
	}
}

// module collects the module e, if it is one.
func (c *collector) module(prefix []string, e ast.Expr) {
	fn, body := moduleBody(e)
	if set, ok := body.(*ast.AttrSetExpr); ok {
		m := c.newModule(fn, body, prefix)
		m.Set = set
		c.moduleSet(m, set)
		return
	}
	if IsCallTo(c.info, body, "lib.mkIf", "lib.mkMerge") {
		m := c.newModule(fn, body, prefix)
		c.value(m, prefix, nil, nil, body, false)
	}
}

// moduleSet collects the definitions of a module's attribute set. A module
// with `config` or `options` keys defines options only under `config`.
func (c *collector) moduleSet(m *Module, set *ast.AttrSetExpr) {
	structured := hasKey(set, "config", "options")
	for _, b := range set.Bindings {
		d, ok := b.(*ast.AttrDef)
		if !ok {
			if in, ok := b.(*ast.Inherit); ok && !structured {
				c.inherit(m, m.Prefix, in, false)
			}
			continue
		}
		switch c.keyName(d.Path.Keys[0]) {
		case "imports":
			m.Imports = append(m.Imports, d)
			if len(d.Path.Keys) == 1 {
				c.moduleList(m.Prefix, d.Value)
			}
			continue
		case "_file", "_class", "key", "disabledModules", "freeformType":
			continue
		case "options":
			if structured {
				continue
			}
		case "config":
			if structured {
				c.def(m, m.Prefix, d, 1, false)
				continue
			}
		}
		c.def(m, m.Prefix, d, 0, false)
	}
}

// def collects the definition d, whose path (after its first skip
// names) continues prefix.
func (c *collector) def(m *Module, prefix []string, d *ast.AttrDef, skip int, cond bool) {
	path := c.path(prefix, len(d.Path.Keys)-skip)
	for i, k := range d.Path.Keys[skip:] {
		path[len(prefix)+i] = c.keyName(k)
	}
	c.value(m, path, d.Path.Keys[len(d.Path.Keys)-1], d, d.Value, cond)
}

func (c *collector) inherit(m *Module, prefix []string, in *ast.Inherit, cond bool) {
	for _, k := range in.Names {
		name, ok := ast.KeyName(k)
		if !ok {
			continue
		}
		path := c.path(prefix, 1)
		path[len(prefix)] = name
		c.defs = append(c.defs, OptionDef{Path: path, Key: k,
			Inherit: in, Conditional: cond, Module: m})
	}
}

// value collects the definition of path by e, and the definitions below
// it when e is a set.
func (c *collector) value(m *Module, path []string, key ast.Node, d *ast.AttrDef, e ast.Expr, cond bool) {
	// Most values are no calls: they are neither wrapped nor merged, and
	// the wrappers' names are not resolved for them.
	if e = ast.Unparen(e); isCall(e) {
		var buf [4]string
		u, names, root := unwrapInto(buf[:0], c.info, e)
		if u.never {
			return // mkIf false v defines nothing
		}
		e, cond = u.value, cond || u.conditional
		if u.call && c.merged(m, path, key, d, names, root, u.args, cond) {
			return
		}
	}
	if len(path) > 0 && d != nil {
		c.defs = append(c.defs, OptionDef{Path: path, Value: e, Key: key, Def: d, Conditional: cond, Module: m})
	}
	if mayHoldDefs(e) {
		c.below(m, path, e, cond)
	}
}

// mayHoldDefs reports whether below may find definitions in e: most
// values are strings, numbers, lists or names, which hold none.
func mayHoldDefs(e ast.Expr) bool {
	switch e.(type) {
	case *ast.AttrSetExpr, *ast.BinaryExpr, *ast.LambdaExpr, *ast.CallExpr, // below's cases
		*ast.ParenExpr, *ast.LetExpr, *ast.WithExpr, *ast.AssertExpr: // what stripScopes strips
		return true
	}
	return false
}

// merged collects the parts of `mkMerge [ … ]` and `optionalAttrs c set`
// as definitions of path, and reports whether the call with args of the
// function named names (from root) was one of these.
func (c *collector) merged(m *Module, path []string, key ast.Node, d *ast.AttrDef, names []string, root *ast.Ident, args []ast.Expr, cond bool) bool {
	if refers(c.info, names, root, "lib.mkMerge") && len(args) == 1 {
		if l, ok := ast.Unparen(args[0]).(*ast.ListExpr); ok {
			for _, el := range l.Elems {
				c.value(m, path, key, d, el, cond)
			}
			return true
		}
	}
	if refersAny(c.info, names, root, "lib.optionalAttrs", "lib.attrsets.optionalAttrs") && len(args) == 2 {
		if !IsBool(c.info, args[0], false) { // optionalAttrs false s is { }
			c.value(m, path, key, d, args[1], true)
		}
		return true
	}
	return false
}

// below collects the definitions inside the value e of path.
func (c *collector) below(m *Module, path []string, e ast.Expr, cond bool) {
	switch v := stripScopes(e).(type) {
	case *ast.BinaryExpr:
		if v.Op == ast.OpUpdate {
			c.below(m, path, v.X, cond)
			c.below(m, path, v.Y, cond)
		}
	case *ast.AttrSetExpr:
		for _, b := range v.Bindings {
			switch b := b.(type) {
			case *ast.AttrDef:
				c.def(m, path, b, 0, cond)
			case *ast.Inherit:
				if len(path) > 0 {
					c.inherit(m, path, b, cond)
				}
			}
		}
	case *ast.LambdaExpr:
		if len(path) > 0 && isModuleFunc(v) {
			c.module(path, v)
		}
	case *ast.CallExpr:
		// let … in mkIf c { … }: the wrapper under a scope.
		var buf [4]string
		if u, names, root := unwrapInto(buf[:0], c.info, v); u.never {
			return
		} else if u.value != ast.Expr(v) {
			c.below(m, path, u.value, cond || u.conditional)
		} else {
			c.merged(m, path, nil, nil, names, root, u.args, cond)
		}
	}
}

// moduleBody strips a module's function, and the let, with and assert
// around its value.
func moduleBody(e ast.Expr) (*ast.LambdaExpr, ast.Expr) {
	e = ast.Unparen(e)
	fn, ok := e.(*ast.LambdaExpr)
	if ok {
		e = fn.Body
	}
	return fn, stripScopes(e)
}

// isCall reports whether e is a function application.
func isCall(e ast.Expr) bool {
	_, ok := e.(*ast.CallExpr)
	return ok
}

// stripScopes strips parentheses, let, with and assert around e.
func stripScopes(e ast.Expr) ast.Expr {
	for {
		switch v := e.(type) {
		case *ast.ParenExpr:
			e = v.X
		case *ast.LetExpr:
			e = v.Body
		case *ast.WithExpr:
			e = v.Body
		case *ast.AssertExpr:
			e = v.Body
		default:
			return e
		}
	}
}

// moduleArgs are formals only module functions take.
var moduleArgs = []string{"config", "options", "modulesPath", "osConfig", "nixosConfig", "lib", "pkgs"}

// isModuleFunc reports whether fn looks like a (sub)module function:
// its pattern names a module argument.
func isModuleFunc(fn *ast.LambdaExpr) bool {
	if fn.Formals == nil {
		return false
	}
	for _, f := range fn.Formals.List {
		if slices.Contains(moduleArgs, f.Name.Name) {
			return true
		}
	}
	return false
}

// hasKey reports whether set defines one of names at its top level, in
// one pass over its bindings.
func hasKey(set *ast.AttrSetExpr, names ...string) bool {
	for _, b := range set.Bindings {
		if d, ok := b.(*ast.AttrDef); ok {
			k := d.Path.Keys[0]
			if n, ok := k.(*ast.Name); ok { // the common case, inline
				if slices.Contains(names, n.Name) {
					return true
				}
			} else if n, ok := ast.KeyName(k); ok && slices.Contains(names, n) {
				return true
			}
		}
	}
	return false
}

// keyName returns the name of a key of an option path; a computed key by
// its source text (two services "a-${x}" and "b-${x}" stay apart).
// A plain name, the common case, is told inline.
func (c *collector) keyName(k ast.AttrKey) string {
	if n, ok := k.(*ast.Name); ok {
		return n.Name
	}
	return c.quotedKeyName(k)
}

// quotedKeyName is keyName of a key that is no plain name.
func (c *collector) quotedKeyName(k ast.AttrKey) string {
	n, ok := ast.KeyName(k)
	if !ok {
		n = strings.Trim(c.file.Text(k), `"`)
	}
	return n
}

// path returns a new path made of prefix and n names to fill in, clipped
// so that appending to it copies it. The prefix, a few names, is copied
// by a loop: copy calls the runtime for a slice of strings.
func (c *collector) path(prefix []string, n int) []string {
	path := c.paths.alloc(len(prefix) + n)
	for i := len(prefix) - 1; i >= 0; i-- {
		path[i] = prefix[i]
	}
	return path
}
