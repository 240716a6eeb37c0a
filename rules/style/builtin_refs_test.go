package style

import (
	"go/token"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
)

// TestMayName checks the prefilter of the rules on one builtin: it
// lets through every source that can refer to the builtin, by name or
// by an escaped quoted name selected from builtins, and stops others.
func TestMayName(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{`isNull x`, true},
		{`builtins.isNull x`, true},
		{`builtins."is\Null" x`, true},
		{`builtins.${"is\Null"} x`, true},
		{`builtins.${''is''\Null''} x`, true},
		{`builtins."toPath" x`, false}, // no backslash: nothing is escaped
		{`builtins.foo "a\nb"`, false},
		{`x."is\Null"`, false},
		{`"a\nb"`, false},
		{`builtins.x.${"is\Null"}`, false}, // not a name builtins has
	} {
		f := nixpass.Load(token.NewFileSet(), "may.nix", []byte(tc.src))
		in := nixpass.NewInspector(f.File)
		if got := mayName(f, in, isNullWord); got != tc.want {
			t.Errorf("mayName(%s, isNull) = %v, want %v", tc.src, got, tc.want)
		}
		in.Release()
	}
}
