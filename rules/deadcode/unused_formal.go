package deadcode

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
	"github.com/nixaudit/nixaudit/rules/internal/nixshape"
)

// UnusedFormal reports formals of `{ a, b, … }:` patterns that the body
// never uses.
var UnusedFormal = pack.Rule("unused-formal", analyzer.SeverityWarning, analyzer.FixSafe, runUnusedFormal)

var formalOpts struct {
	underscore
	noPatternNames bool
	skipTopLevel   bool
}

func init() {
	formalOpts.register(UnusedFormal)
	UnusedFormal.Flags.BoolVar(&formalOpts.noPatternNames, "no-lambda-pattern-names", false, "don't report formals of patterns")
	UnusedFormal.Flags.BoolVar(&formalOpts.skipTopLevel, "skip-top-level", false,
		"don't report formals of the file's top-level function (callPackage packages, NixOS and home-manager modules)")
}

func runUnusedFormal(pass *analysis.Pass) (any, error) {
	if formalOpts.noPatternNames {
		return nil, nil
	}
	f := nixpass.Of(pass)
	topLevel := nixshape.TopLevelLambdas(f.Expr)
	outputs := nixshape.FlakeOutputs(f.File)
	// args@{ a, ... }: f args passes its whole argument on: callPackage
	// and the module system put into args only what the pattern names,
	// so the formals are needed even when the body never names them.
	passedOn := map[ast.Expr]bool{}
	for _, d := range f.Info.Defs {
		if d.Kind == scope.AtDef && len(d.Uses) > 0 {
			passedOn[d.Owner] = true
		}
	}
	patternRead := func(lam *ast.LambdaExpr) bool {
		// PatternRead asks for the parents of lam and of its ancestors.
		stack, _ := edit.Ancestors(f.File, lam)
		return nixshape.PatternRead(lam, func(n ast.Node) ast.Node {
			if n == lam && len(stack) > 0 {
				return stack[len(stack)-1]
			}
			if i := slices.Index(stack, n); i > 0 {
				return stack[i-1]
			}
			return nil
		})
	}
	// Whether a lambda's formals are exempt is decided once per lambda:
	// each decision looks at all of its pattern or its ancestors, and a
	// pattern of thousands of unused formals made it quadratic.
	exempt := map[*ast.LambdaExpr]bool{}
	removed := map[*ast.Formal]bool{} // the formals the fixes remove
	var defs []*scope.Def
	for _, d := range unused(f, scope.FormalDef, formalOpts.underscore) {
		lam := d.Owner.(*ast.LambdaExpr)
		skip, decided := exempt[lam]
		if !decided {
			skip = passedOn[lam] || formalOpts.skipTopLevel && topLevel[lam] || patternRead(lam) || signatureOnly(lam)
			exempt[lam] = skip
		}
		if skip || lam == outputs && flakeInput(lam, d) {
			continue
		}
		defs = append(defs, d)
		if formal := d.Node.(*ast.Formal); len(d.Uses) == 0 && removable(f, lam, formal, topLevel[lam]) {
			removed[formal] = true
		}
	}
	for _, d := range defs {
		lam := d.Owner.(*ast.LambdaExpr)
		msg := unusedMessage("formal", d)
		if topLevel[lam] {
			msg += " (in the file's top-level function)"
		}
		diag := analysis.Diagnostic{Pos: d.Ident.Pos(), End: d.Ident.End(), Message: msg}
		if i := formalIndex(lam.Formals, d.Node); i >= 0 && removed[d.Node.(*ast.Formal)] {
			fix := edit.Fix("remove formal "+d.Name, edit.RemoveFormal(f.File, lam.Formals, i, func(j int) bool {
				return removed[lam.Formals.List[j]]
			}))
			if !lam.Formals.Ellipsis.IsValid() {
				fix = analyzer.Unsafe(fix)
			}
			diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		if topLevel[lam] {
			// A package's or module's interface, not a local slip: worth
			// knowing, not worth a warning.
			diag = analyzer.WithSeverity(diag, analyzer.SeverityInfo)
		}
		pass.Report(diag)
	}
	return nil, nil
}

// removable reports whether the fix may remove formal, which lam's body
// never uses. With `...` it may: callers may still pass the argument.
// Without, a caller that passes it fails after the fix with "called with
// unexpected argument". callPackage passes only what the file's function
// asks for, so the fix is offered (as unsafe) for that function; every
// caller of an inner function passes the formals that have no default,
// so removing one of those would break them all, and a formal with a
// default is removed unless a call in the file passes it.
func removable(f *nixpass.File, lam *ast.LambdaExpr, formal *ast.Formal, topLevel bool) bool {
	return lam.Formals.Ellipsis.IsValid() || topLevel || formal.Default != nil && !passedHere(f, lam, formal.Name.Name)
}

// passedHere reports whether a call in f passes an argument named name
// to lam: a call of the name lam is bound to (`g = { a }: …;` and
// `x.g { a = 1; }`), or an application of lam itself, possibly through
// the lambdas around it (`(x: { a }: a) 1 { a = 2; }`). Removing the
// formal would break that call.
func passedHere(f *nixpass.File, lam *ast.LambdaExpr, name string) bool {
	bound := ""
	if def, ok := edit.Parent(f.File, lam).(*ast.AttrDef); ok && def.Value == ast.Expr(lam) {
		bound, _ = ast.KeyName(def.Path.Keys[len(def.Path.Keys)-1])
	}
	for _, c := range nixmatch.Calls(f) {
		named := bound != "" && nixshape.LastName(c.Fun) == bound
		applied, _ := ast.Unparen(c.Fun).(*ast.LambdaExpr)
		for _, arg := range c.Args {
			if (named || applied == lam) && setNames(arg, name) {
				return true
			}
			if applied != nil {
				applied, _ = ast.Unparen(applied.Body).(*ast.LambdaExpr)
			}
		}
	}
	return false
}

// setNames reports whether e is a set literal that defines name.
func setNames(e ast.Expr, name string) bool {
	set, ok := ast.Unparen(e).(*ast.AttrSetExpr)
	if !ok {
		return false
	}
	keys, _ := nixshape.TopKeys(set)
	return slices.Contains(keys, name)
}

func formalIndex(fs *ast.Formals, n ast.Node) int {
	for i, formal := range fs.List {
		if ast.Node(formal) == n {
			return i
		}
	}
	return -1
}

// signatureOnly reports whether lam, whose pattern has no `...`, returns
// a constant ({ a, b ? 1 }: { } or …: null) without using its formals: a
// function that exists for its pattern, which something reads with
// functionArgs. (Modules, with their `...`, are not such functions.)
func signatureOnly(lam *ast.LambdaExpr) bool {
	if lam.Formals.Ellipsis.IsValid() || !nixshape.IsConstant(lam.Body) {
		return false
	}
	for _, formal := range lam.Formals.List {
		if formal.Default != nil && !nixshape.IsConstant(formal.Default) {
			return false
		}
	}
	return true
}

// flakeInput reports whether d, a formal of a flake's outputs function
// lam, must stay: Nix calls outputs with self and every input, so a
// pattern without `...` has to name them all, and self is named by
// convention even where `...` would let it go.
func flakeInput(lam *ast.LambdaExpr, d *scope.Def) bool {
	return !lam.Formals.Ellipsis.IsValid() || d.Name == "self"
}
