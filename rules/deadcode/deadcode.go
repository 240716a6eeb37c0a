// Package deadcode holds the rules that find code with no effect: let
// bindings, arguments, formals, @-names, `with`s and `rec`s that nothing
// uses. They follow deadnix, iterating so that a binding used only by dead
// bindings is dead too, and honour deadnix's options.
package deadcode

import (
	"embed"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/ruledef"
)

//go:embed doc/*.md
var docs embed.FS

// pack builds the category's rules, documented by doc/NAME.md.
var pack = ruledef.Pack{Category: "deadcode", Docs: docs}

// underscore is the no-underscore option every deadcode rule on names
// has: by default names starting with `_` are never reported, the usual
// way to mark a binding as deliberately unused.
type underscore struct{ skip bool }

func (u *underscore) register(r *analyzer.Rule) {
	r.Flags.BoolVar(&u.skip, "no-underscore", true, "don't report names that start with _")
}

func (u *underscore) exempt(d *scope.Def) bool { return u.skip && strings.HasPrefix(d.Name, "_") }

// lambdaOpts are the options of the rules on a lambda's own name
// (`x:` and `args@`): no-underscore, and deadnix's no-lambda-arg, which
// turns the rule off.
type lambdaOpts struct {
	underscore
	noLambdaArg bool
}

// fixFunc returns the fix for the unused definition d, if there is one.
type fixFunc func(f *nixpass.File, d *scope.Def) (analysis.SuggestedFix, bool)

// lambdaRule returns a rule on a lambda's own name: it reports the
// unused definitions of kind, called what in messages, offering for
// those that nothing uses at all the fix that fix returns. help
// describes its no-lambda-arg option.
func lambdaRule(name string, safety analyzer.FixSafety, kind scope.DefKind, what, help string, fix fixFunc) *analyzer.Rule {
	o := new(lambdaOpts)
	r := pack.Rule(name, analyzer.SeverityWarning, safety, o.run(kind, what, fix))
	o.underscore.register(r)
	r.Flags.BoolVar(&o.noLambdaArg, "no-lambda-arg", false, help)
	return r
}

// run is the Run of lambdaRule.
func (o *lambdaOpts) run(kind scope.DefKind, what string, fix fixFunc) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		if o.noLambdaArg {
			return nil, nil
		}
		f := nixpass.Of(pass)
		for _, d := range unused(f, kind, o.underscore) {
			diag := analysis.Diagnostic{Pos: d.Ident.Pos(), End: d.Ident.End(), Message: unusedMessage(what, d)}
			if len(d.Uses) == 0 {
				if fix, ok := fix(f, d); ok {
					diag.SuggestedFixes = []analysis.SuggestedFix{fix}
				}
			}
			pass.Report(diag)
		}
		return nil, nil
	}
}

// unused returns the definitions of kind in f that are worth a finding:
// not exempt by u, not used from live code, and not inside the value of
// a dead let binding (they go away with it).
func unused(f *nixpass.File, kind scope.DefKind, u underscore) []*scope.Def {
	l := livenessOf(f, u)
	var out []*scope.Def
	for i, d := range f.Info.Defs {
		if d.Kind == kind && !u.exempt(d) && !l.Live(i) && !l.InDeadCode(defName(d)) {
			out = append(out, d)
		}
	}
	return out
}

// unusedMessage words a finding for the unused definition d.
func unusedMessage(what string, d *scope.Def) string {
	if len(d.Uses) > 0 {
		return what + " " + d.Name + " is only used by unused bindings"
	}
	return what + " " + d.Name + " is never used"
}
