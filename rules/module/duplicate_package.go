package module

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// DuplicatePackage flags a package listed twice in one package list.
var DuplicatePackage = pack.WithDoc("duplicate-package", analyzer.SeverityWarning, analyzer.FixNone, runDuplicatePackage,
	nixmatch.RuleDoc("A package is listed twice in one package list",
		"Flags a package that appears twice in one definition of "+
			"`environment.systemPackages`, `home.packages` or `users.users.<name>.packages` "+
			"(home-manager's per-user `home.packages` included): in one list, or in lists "+
			"joined with `++`. `git` under `with pkgs;` and `pkgs.git` are the same package; "+
			"elements of `lib.optionals cond [ … ]` are compared only with their own list.",
		"The second entry does nothing but make the list longer and suggests that removing one "+
			"of them removes the package; usually one of the two was meant to be another package.",
		`{ pkgs, ... }:
{
  environment.systemPackages = with pkgs; [ git vim pkgs.git ];
}`,
		`{ pkgs, ... }:
{
  environment.systemPackages = with pkgs; [ git vim ];
}`, ""))

// packageLists are the options whose value is a list of packages.
var packageLists = []string{"environment.systemPackages", "users.users.*.packages"}

// packageListNames are the last names of home.packages and of the
// packageLists (none of which ends with a wildcard).
var packageListNames = func() []string {
	out := []string{"packages"}
	for _, p := range packageLists {
		out = append(out, p[strings.LastIndexByte(p, '.')+1:])
	}
	return out
}()

func isPackageList(path []string) bool {
	n := len(path)
	if n == 0 || !slices.Contains(packageListNames, path[n-1]) {
		return false // most definitions stop here
	}
	if n >= 2 && path[n-2] == "home" && path[n-1] == "packages" {
		return true
	}
	for _, p := range packageLists {
		if nixmatch.Match(path, p) {
			return true
		}
	}
	return false
}

func runDuplicatePackage(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, d := range nixmatch.IndexOf(pass).Defs {
		if d.Value == nil || !isPackageList(d.Path) || !mayRepeat(f, d.Value) {
			continue
		}
		for _, group := range packageGroups(f, d.Value) {
			seen := map[string]ast.Expr{}
			for _, el := range group {
				name := packageName(f, el)
				if name == "" {
					continue
				}
				if first, dup := seen[name]; dup {
					line := f.Tok.Line(first.Pos())
					pass.Report(analysis.Diagnostic{Pos: el.Pos(), End: el.End(),
						Message: "`" + f.Text(el) + "` is already in this list (line " + strconv.Itoa(line) + "): remove one"})
					continue
				}
				seen[name] = el
			}
		}
	}
	return nil, nil
}

// packageGroups returns the elements of a package list value, grouped so
// that elements of one group are all in the list together: the
// unconditional list literals joined with `++` form one group, and each
// `lib.optional(s) cond [ … ]` list its own.
func packageGroups(f *nixpass.File, e ast.Expr) [][]ast.Expr {
	var main []ast.Expr
	var others [][]ast.Expr
	eachList(f, e, false, func(l *ast.ListExpr, conditional bool) {
		elems := make([]ast.Expr, 0, len(l.Elems))
		for _, el := range l.Elems {
			elems = append(elems, ast.Unparen(el))
		}
		if conditional {
			others = append(others, elems)
		} else {
			main = append(main, elems...)
		}
	})
	return append([][]ast.Expr{main}, others...)
}

// mayRepeat reports whether a group of packageGroups(f, e) has two
// elements, told without making the groups: most package lists hold
// one package, and some a package more under a condition.
func mayRepeat(f *nixpass.File, e ast.Expr) bool {
	main, other := 0, 0
	eachList(f, e, false, func(l *ast.ListExpr, conditional bool) {
		if conditional {
			other = max(other, len(l.Elems))
		} else {
			main += len(l.Elems)
		}
	})
	return main >= 2 || other >= 2
}

// eachList calls visit for each list whose elements a package list value
// e holds (joined with ++, under with and let, or in lib.optionals c l
// and lib.mkIf c l, whose lists are conditional), in source order.
func eachList(f *nixpass.File, e ast.Expr, conditional bool, visit func(l *ast.ListExpr, conditional bool)) {
	switch v := ast.Unparen(e).(type) {
	case *ast.ListExpr:
		visit(v, conditional)
	case *ast.WithExpr:
		eachList(f, v.Body, conditional, visit)
	case *ast.LetExpr:
		eachList(f, v.Body, conditional, visit)
	case *ast.BinaryExpr:
		if v.Op == ast.OpConcat {
			eachList(f, v.X, conditional, visit)
			eachList(f, v.Y, conditional, visit)
		}
	case *ast.CallExpr:
		if args, ok := nixmatch.CallArgs(f.Info, v, "lib.optionals", "lib.mkIf"); ok && len(args) == 2 {
			eachList(f, args[1], true, visit)
		}
	}
}

// for names several `with`s may supply.
func packageName(f *nixpass.File, e ast.Expr) string {
	name, free := nixmatch.QualifiedName(f.Info, e)
	if len(name) == 0 {
		return ""
	}
	if root := nixmatch.RootIdent(e); free && root != nil {
		switch withs := f.Info.WithsOf(root); len(withs) {
		case 0:
		case 1:
			scope, _ := nixmatch.QualifiedName(f.Info, withs[0].Scope)
			if scope == nil {
				return ""
			}
			name = append(slices.Clip(scope), name...)
		default:
			return ""
		}
	}
	if len(name) > 1 && name[0] == "pkgs" {
		name = name[1:]
	}
	return strings.Join(name, ".")
}
