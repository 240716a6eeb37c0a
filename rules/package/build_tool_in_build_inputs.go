package pkgrules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// BuildToolInBuildInputs flags tools that run at build time listed in
// buildInputs.
var BuildToolInBuildInputs = pack.WithDoc("build-tool-in-build-inputs", analyzer.SeverityWarning, analyzer.FixNone, runBuildToolInBuildInputs,
	nixmatch.RuleDoc("A build tool is listed in `buildInputs` instead of `nativeBuildInputs`",
		"Flags programs and setup hooks that run during the build (`pkg-config`, `cmake`, "+
			"`meson`, `ninja`, `makeWrapper`, `autoreconfHook`, `wrapGAppsHook`, "+
			"`installShellFiles`, …) in the `buildInputs` of a package builder call, "+
			"including elements of `++` concatenations and `lib.optionals`.",
		"`buildInputs` are for the platform the package runs on; tools that run during the "+
			"build belong to the build platform. The difference is invisible in native builds "+
			"but breaks cross-compilation (the tool is built for the wrong machine), and setup "+
			"hooks of `buildInputs` are not all run the same way.",
		`{ stdenv, cmake, openssl }:
stdenv.mkDerivation {
  pname = "tool";
  version = "1.0";
  src = ./.;
  buildInputs = [ cmake openssl ];
}`,
		`{ stdenv, cmake, openssl }:
stdenv.mkDerivation {
  pname = "tool";
  version = "1.0";
  src = ./.;
  nativeBuildInputs = [ cmake ];
  buildInputs = [ openssl ];
}`, ""))

// buildTools are packages that only run at build time, by attribute name.
var buildTools = map[string]bool{
	"pkg-config": true, "pkgconfig": true, "pkgconf": true, "cmake": true, "meson": true,
	"ninja": true, "makeWrapper": true, "makeBinaryWrapper": true, "autoreconfHook": true,
	"autoconf": true, "automake": true, "libtool": true, "wrapGAppsHook": true,
	"wrapGAppsHook3": true, "wrapGAppsHook4": true, "wrapQtAppsHook": true,
	"installShellFiles": true, "copyDesktopItems": true, "autoPatchelfHook": true,
	"intltool": true, "gnumake": true, "scons": true, "bison": true, "yacc": true,
	"nasm": true, "yasm": true, "desktop-file-utils": true,
	"validatePkgConfig": true, "cargo": true, "rustc": true,
	"go-md2man": true, "asciidoc": true, "asciidoctor": true, "pandoc": true, "help2man": true,
}

func runBuildToolInBuildInputs(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, d := range derivations(pass) {
		inputs := nixmatch.Attr(d.Set, "buildInputs")
		if inputs == nil {
			continue
		}
		for _, el := range listElems(f, inputs.Value) {
			name, _ := nixmatch.QualifiedName(f.Info, el)
			if len(name) == 0 || !buildTools[name[len(name)-1]] {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos: el.Pos(), End: el.End(),
				Message: "`" + f.Text(el) + "` runs at build time: move it to `nativeBuildInputs`",
			})
		}
	}
	return nil, nil
}

// listElems returns the elements of a package list written as list
// literals, possibly under `with pkgs;`, joined with `++` or selected with
// `lib.optional(s)` / `lib.optionals`.
func listElems(f *nixpass.File, e ast.Expr) []ast.Expr {
	switch v := ast.Unparen(e).(type) {
	case *ast.ListExpr:
		out := make([]ast.Expr, 0, len(v.Elems))
		for _, el := range v.Elems {
			out = append(out, ast.Unparen(el))
		}
		return out
	case *ast.WithExpr:
		return listElems(f, v.Body)
	case *ast.BinaryExpr:
		if v.Op == ast.OpConcat {
			return append(listElems(f, v.X), listElems(f, v.Y)...)
		}
	case *ast.CallExpr:
		if args, ok := nixmatch.CallArgs(f.Info, v, "lib.optionals", "lib.optional"); ok && len(args) == 2 {
			if nixmatch.Refers(f.Info, v.Fun, "lib.optional") {
				return []ast.Expr{ast.Unparen(args[1])}
			}
			return listElems(f, args[1])
		}
	}
	return nil
}
