package pkgrules

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// PhaseWithoutHooks flags custom phases that skip their pre/post hooks.
var PhaseWithoutHooks = pack.WithDoc("phase-without-hooks", analyzer.SeverityWarning, analyzer.FixNone, runPhaseWithoutHooks,
	nixmatch.RuleDoc("A custom phase does not run its pre and post hooks",
		"Flags `unpackPhase`, `patchPhase`, `configurePhase`, `buildPhase`, `checkPhase`, "+
			"`installPhase`, `fixupPhase`, `installCheckPhase` and `distPhase` strings in a "+
			"package builder call that lack `runHook pre<Phase>` or `runHook post<Phase>`. Phases "+
			"written as no-ops (`unpackPhase = \":\";`) skip their hooks the way `dontUnpack = true;` "+
			"does and are not flagged.",
		"The default phases run `preInstall`/`postInstall` and friends; a custom phase that "+
			"does not call them silently drops whatever overrides and setup hooks put there "+
			"(`postInstall` added by `overrideAttrs`, hooks of `installShellFiles`, …).",
		`{ stdenv }:
stdenv.mkDerivation {
  pname = "tool";
  version = "1.0";
  src = ./.;
  installPhase = ''
    install -Dm755 tool $out/bin/tool
  '';
}`,
		`{ stdenv }:
stdenv.mkDerivation {
  pname = "tool";
  version = "1.0";
  src = ./.;
  installPhase = ''
    runHook preInstall
    install -Dm755 tool $out/bin/tool
    runHook postInstall
  '';
}`, ""))

// hookedPhases maps each phase attribute with hooks to its hook suffix.
var hookedPhases = map[string]string{
	"unpackPhase": "Unpack", "patchPhase": "Patch", "configurePhase": "Configure",
	"buildPhase": "Build", "checkPhase": "Check", "installPhase": "Install",
	"fixupPhase": "Fixup", "installCheckPhase": "InstallCheck", "distPhase": "Dist",
}

func runPhaseWithoutHooks(pass *analysis.Pass) (any, error) {
	for _, d := range derivations(pass) {
		for _, b := range d.Set.Bindings {
			def, name, ok := oneKeyDef(b)
			suffix := hookedPhases[name]
			if !ok || suffix == "" {
				continue
			}
			text, ok := nixmatch.StringParts(def.Value, "")
			if !ok || isNoop(text) {
				continue
			}
			var missing []string
			for _, hook := range []string{"pre" + suffix, "post" + suffix} {
				if !strings.Contains(text, "runHook "+hook) {
					missing = append(missing, "`runHook "+hook+"`")
				}
			}
			if len(missing) == 0 {
				continue
			}
			key := def.Path.Keys[0]
			pass.Report(analysis.Diagnostic{
				Pos: key.Pos(), End: key.End(),
				Message: "custom `" + name + "` without " + strings.Join(missing, " and ") + ": hooks of overrides and setup hooks are skipped",
			})
		}
	}
	return nil, nil
}

// isNoop reports whether a phase script does nothing (`":"`, `"true"`,
// empty): the idiom for skipping a phase, which skips its hooks exactly as
// `dontUnpack = true;` and friends do.
func isNoop(script string) bool {
	switch strings.TrimSpace(script) {
	case "", ":", "true":
		return true
	}
	return false
}
