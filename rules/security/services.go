package security

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// service is a systemd service a file defines.
type service struct {
	name string
	key  ast.Node // the key naming the service, where findings go
	defs []nixmatch.OptionDef
}

// setting returns the definitions of serviceConfig.NAME.
func (s service) setting(name string) []nixmatch.OptionDef {
	return nixmatch.Find(s.defs, "systemd.services.*.serviceConfig."+name)
}

// isSet reports whether serviceConfig.NAME is defined, to anything but
// the literal false.
func (s service) isSet(f *nixpass.File, name string) bool {
	return slices.ContainsFunc(s.setting(name), func(d nixmatch.OptionDef) bool {
		return d.Value == nil || !nixmatch.IsBool(f.Info, d.Value, false)
	})
}

// services returns the systemd services a file whose definitions index
// holds defines: those whose command (serviceConfig.ExecStart or script)
// is set here, not replaced in a unit defined elsewhere (ExecStart =
// [ "" "…" ]), that say when or why they run (see declaresUnit), and
// whose service and serviceConfig sets are written out. A service the
// file only adjusts (one a NixOS module defines, with its own User and
// hardening) or whose settings are computed cannot be judged from it and
// is skipped.
func services(index *nixmatch.Index) []service {
	var out []service
	for _, defs := range nixmatch.Group(index.Under("systemd.services.*"), 3) {
		s := service{name: defs[0].Path[2], defs: defs}
		execStart := s.setting("ExecStart")
		if len(execStart) == 0 && len(nixmatch.Find(defs, "systemd.services.*.script")) == 0 ||
			slices.ContainsFunc(execStart, resetsCommand) || !s.declaresUnit() {
			continue
		}
		opaque := false
		for _, d := range defs {
			if s.key == nil {
				s.key = d.KeyAt(2)
			}
			setLevel := len(d.Path) == 3 || len(d.Path) == 4 && d.Path[3] == "serviceConfig"
			if setLevel && d.Value != nil && !nixmatch.IsLiteralSet(d.Value) {
				opaque = true
			}
		}
		if opaque {
			continue
		}
		if s.key == nil {
			s.key = defs[0].Key
		}
		out = append(out, s)
	}
	return out
}

// servicesKey is the nixpass.File.Memo key of a file's services.
var servicesKey = nixpass.NewMemoKey()

// definedServices returns the services (see services) of the file under
// analysis in pass, found once per file for all the rules about them.
func definedServices(pass *analysis.Pass) []service {
	return nixpass.Of(pass).Memo(servicesKey, func() any { return services(nixmatch.Of(pass)) }).([]service)
}

// resetsCommand reports whether an ExecStart definition is systemd's
// override idiom [ "" "new command" ], which replaces the command of a
// unit defined elsewhere.
func resetsCommand(d nixmatch.OptionDef) bool {
	values, _ := nixmatch.Strings(d.Value)
	return len(values) > 0 && values[0] == ""
}

// unitSettings are the settings that only the definition of a new
// service makes: when and after what it runs, what it is.
var unitSettings = []string{"description", "wantedBy", "requiredBy", "startAt", "after", "wants", "requires",
	"serviceConfig.Type"}

// declaresUnit reports whether the file declares the service rather than
// only changing the command of one a NixOS module declares
// (systemd.services.roundcube-setup.script = …;).
func (s service) declaresUnit() bool {
	for _, u := range unitSettings {
		if len(nixmatch.Find(s.defs, "systemd.services.*."+u)) > 0 {
			return true
		}
	}
	return false
}
