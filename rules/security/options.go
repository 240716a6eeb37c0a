package security

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// checkOptions reports the value of every definition of one of patterns
// for which flag returns a message.
func checkOptions(pass *analysis.Pass, patterns []string, flag func(f *nixpass.File, d nixmatch.OptionDef) string) {
	f := nixpass.Of(pass)
	index := nixmatch.Of(pass)
	for _, p := range patterns {
		for _, d := range index.Find(p) {
			if d.Value == nil {
				continue
			}
			if msg := flag(f, d); msg != "" {
				pass.Report(analysis.Diagnostic{Pos: d.Value.Pos(), End: d.Value.End(), Message: msg})
			}
		}
	}
}

// boolOption returns a flag function for checkOptions that flags the
// literal bad with msg.
func boolOption(bad bool, msg string) func(*nixpass.File, nixmatch.OptionDef) string {
	return func(f *nixpass.File, d nixmatch.OptionDef) string {
		if nixmatch.IsBool(f.Info, d.Value, bad) {
			return msg
		}
		return ""
	}
}
