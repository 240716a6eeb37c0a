package nixmatch

import (
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// Demand is how much of a value an evaluation needs.
type Demand uint8

const (
	// WHNF needs the value's outermost constructor only: a set, a list,
	// a function, a string (whose interpolations it evaluates).
	WHNF Demand = iota
	// Spine also needs every element of a list to exist (its length).
	Spine
	// Elems also needs every element of a list in WHNF (what the module
	// system does with imports).
	Elems
)

// ForcedRef is a reference that an evaluation must evaluate.
type ForcedRef struct {
	Ident *ast.Ident
	// Via lists the let- or rec-bound names, outermost first, through
	// which the evaluation reached Ident.
	Via []*ast.Ident
	// sel is the outermost selection of the static chain from Ident
	// where it is forced, nil when Ident itself is. Its names are made
	// only for the few rules that ask for them.
	sel *ast.SelectExpr
}

// Select returns the static attribute path selected from r.Ident where
// it is forced (args.config.x gives [config x]); nil when r.Ident itself
// is.
func (r ForcedRef) Select() []string {
	if r.sel == nil {
		return nil
	}
	_, names := selectChain(r.sel)
	return names
}

// strictArgs maps builtins to how many of their leading arguments they
// always evaluate.
var strictArgs = map[string]int{
	"builtins.import": 1, "builtins.pathExists": 1, "builtins.readDir": 1, "builtins.readFile": 1,
	"builtins.attrNames": 1, "builtins.attrValues": 1, "builtins.toString": 1, "builtins.length": 1,
	"builtins.seq": 1, "builtins.deepSeq": 1, "builtins.add": 2, "builtins.sub": 2, "builtins.mul": 2,
	"builtins.div": 2, "builtins.lessThan": 2, "builtins.bitAnd": 2, "builtins.bitOr": 2, "builtins.bitXor": 2,
}

// listFunctions evaluate the list that is their last argument.
var listFunctions = []string{"builtins.map", "builtins.filter", "builtins.concatMap", "lib.forEach",
	"lib.flatten", "lib.concatLists", "builtins.concatLists", "lib.unique"}

// isListFunction reports whether name is the last name of one of
// listFunctions.
func isListFunction(name string) bool {
	_, ok := listFunctionNames.Get(name)
	return ok
}

// listFunctionNames are the last names of listFunctions.
var listFunctionNames = func() *NameTable[bool] {
	names := map[string]bool{}
	for _, f := range listFunctions {
		names[f[strings.LastIndexByte(f, '.')+1:]] = true
	}
	return NewNameTable(names)
}()

// Forced calls visit for each reference that evaluating e with demand d
// must evaluate, following let- and rec-bound names to their values, until
// visit returns false. Lazy positions (function bodies, call arguments of
// unknown functions, set values, if branches, or-defaults) are skipped, so
// every reference visited is really needed. A chain of names is followed
// through maxForcedNames bindings at most (see ForcedRef.Via).
func Forced(info *scope.Info, e ast.Expr, d Demand, visit func(ForcedRef) bool) {
	w := &forcer{info: info, visit: visit, seen: map[ast.Expr]bool{}}
	w.force(e, d, nil)
}

type forcer struct {
	info    *scope.Info
	visit   func(ForcedRef) bool
	seen    map[ast.Expr]bool
	stopped bool
}

func (w *forcer) force(e ast.Expr, d Demand, via []*ast.Ident) {
	if w.stopped || e == nil {
		return
	}
	switch v := e.(type) {
	case *ast.Ident:
		w.ident(v, nil, d, via)
	case *ast.ParenExpr:
		w.force(v.X, d, via)
	case *ast.ListExpr:
		if d == Elems {
			for _, el := range v.Elems {
				w.force(el, WHNF, via)
			}
		}
	case *ast.SelectExpr:
		if id := chainRoot(v); id != nil {
			w.ident(id, v, WHNF, via)
		} else {
			w.force(v.X, WHNF, via)
		}
	case *ast.HasAttrExpr:
		w.force(v.X, WHNF, via)
	case *ast.UnaryExpr:
		w.force(v.X, WHNF, via)
	case *ast.BinaryExpr:
		switch v.Op {
		case ast.OpAnd, ast.OpOr, ast.OpImpl:
			w.force(v.X, WHNF, via)
		case ast.OpPipeRight:
			w.force(v.Y, WHNF, via)
		case ast.OpPipeLeft:
			w.force(v.X, WHNF, via)
		case ast.OpConcat:
			w.force(v.X, max(d, Spine), via)
			w.force(v.Y, max(d, Spine), via)
		default:
			w.force(v.X, WHNF, via)
			w.force(v.Y, WHNF, via)
		}
	case *ast.CallExpr:
		w.call(v, d, via)
	case *ast.IfExpr:
		w.force(v.Cond, WHNF, via)
	case *ast.LetExpr:
		w.force(v.Body, d, via)
	case *ast.WithExpr:
		w.force(v.Body, d, via)
	case *ast.AssertExpr:
		w.force(v.Cond, WHNF, via)
		w.force(v.Body, d, via)
	case *ast.StringExpr:
		w.parts(v.Parts, via)
	case *ast.PathExpr:
		w.parts(v.Parts, via)
	}
}

func (w *forcer) parts(parts []ast.StringPart, via []*ast.Ident) {
	for _, p := range parts {
		if in, ok := p.(*ast.Interpolation); ok {
			w.force(in.X, WHNF, via)
		}
	}
}

// maxForcedNames bounds the chains of names Forced follows. Code names
// a value through a handful of bindings; a file of 20,000 bindings each
// naming the next (a0 = a1; a1 = a2; …) made every chain, and every
// Via, as long as the file, and a rule that asks for each binding ran
// for minutes.
const maxForcedNames = 64

// ident visits id and follows its let or rec binding.
func (w *forcer) ident(id *ast.Ident, sel *ast.SelectExpr, d Demand, via []*ast.Ident) {
	if !w.visit(ForcedRef{Ident: id, Via: via, sel: sel}) {
		w.stopped = true
		return
	}
	v := BoundValue(w.info, id)
	if v == nil || w.seen[v] || len(via) >= maxForcedNames {
		return
	}
	w.seen[v] = true
	if sel != nil {
		d = WHNF // the set is needed, not what a selection from it gives
	}
	w.force(v, d, append(via[:len(via):len(via)], id))
}

func (w *forcer) call(c *ast.CallExpr, d Demand, via []*ast.Ident) {
	fun, args := FlattenCall(c)
	w.force(fun, WHNF, via)
	var buf [4]string
	names, root := nameIn(buf[:0], w.info, fun) // resolved once for every table
	// A name refers to a target only if their last names are equal: it
	// tells which of the tables below may hold the function.
	switch name := last(names); {
	case name == "optional" && refersAny(w.info, names, root, "lib.optional", "lib.lists.optional") && len(args) == 2:
		w.force(args[0], WHNF, via)
		if d == Elems {
			w.force(args[1], WHNF, via)
		}
	case name == "optionals" && refersAny(w.info, names, root, "lib.optionals", "lib.lists.optionals") && len(args) == 2:
		w.force(args[0], WHNF, via)
		w.force(args[1], d, via)
	case isListFunction(name) && refersAny(w.info, names, root, listFunctions...) && len(args) >= 1:
		w.force(args[len(args)-1], Spine, via)
	default:
		for i := range min(strictCount(w.info, names, root), len(args)) {
			w.force(args[i], WHNF, via)
		}
	}
}

// strictCount returns how many leading arguments the function named
// names (from root) always evaluates.
func strictCount(info *scope.Info, names []string, root *ast.Ident) int {
	s, ok := strictByLast.Get(last(names))
	if !ok || !refers(info, names, root, s.target) {
		return 0
	}
	return s.n
}

// A strictBuiltin is an entry of strictArgs.
type strictBuiltin struct {
	target string // "builtins.readFile"
	n      int
}

// strictByLast is strictArgs by the builtins' names without "builtins.",
// so that a function is looked up without building its target name.
var strictByLast = func() *NameTable[strictBuiltin] {
	out := make(map[string]strictBuiltin, len(strictArgs))
	for target, n := range strictArgs {
		out[strings.TrimPrefix(target, "builtins.")] = strictBuiltin{target, n}
	}
	return NewNameTable(out)
}()

// chainRoot returns the identifier a chain of static selections starts
// from, as selectChain does, without making the chain's names.
func chainRoot(s *ast.SelectExpr) *ast.Ident {
	for {
		if s.Default != nil || !staticPath(s.Path) {
			return nil
		}
		switch x := ast.Unparen(s.X).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectExpr:
			s = x
		default:
			return nil
		}
	}
}

// staticPath reports whether every key of p has a static name.
func staticPath(p *ast.AttrPath) bool {
	for _, k := range p.Keys {
		if _, ok := ast.KeyName(k); !ok {
			return false
		}
	}
	return true
}

// selectChain returns the identifier a chain of static selections
// starts from and the names selected (a.b.c gives a and [b c]), or nil.
func selectChain(s *ast.SelectExpr) (*ast.Ident, []string) {
	if s.Default != nil {
		return nil, nil // x.a or d: a missing a is not forced
	}
	names, ok := s.Path.PathNames()
	if !ok {
		return nil, nil
	}
	switch x := ast.Unparen(s.X).(type) {
	case *ast.Ident:
		return x, names
	case *ast.SelectExpr:
		if id, path := selectChain(x); id != nil {
			return id, append(path[:len(path):len(path)], names...)
		}
	}
	return nil, nil
}
