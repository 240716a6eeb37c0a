package analyzer

import (
	"go/token"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestPlan checks that a plan runs what each analyzer requires first and
// once per unit, hands results on, and keeps each unit's diagnostics
// apart, like Execute.
func TestPlan(t *testing.T) {
	base := &analysis.Analyzer{Name: "base"}
	var ran []string
	shared := &analysis.Analyzer{Name: "shared", Requires: []*analysis.Analyzer{base},
		Run: func(pass *analysis.Pass) (any, error) {
			ran = append(ran, "shared")
			return pass.ResultOf[base].(int) * 10, nil
		}}
	rule := func(name string) *analysis.Analyzer {
		return &analysis.Analyzer{Name: name, Requires: []*analysis.Analyzer{base, shared},
			Run: func(pass *analysis.Pass) (any, error) {
				ran = append(ran, name)
				n := pass.ResultOf[base].(int) + pass.ResultOf[shared].(int)
				for range n % 3 {
					pass.Report(analysis.Diagnostic{Pos: token.Pos(n), Message: name})
				}
				return nil, nil
			}}
	}
	a, b := rule("a"), rule("b")
	p := newPlan(token.NewFileSet(), base, []*analysis.Analyzer{a, b})
	for unit, want := range []int{2, 1, 0} { // 1+10 = 11 → 2 diagnostics; 2+20 = 22 → 1; 33 → none
		ran = nil
		if err := p.run(unit + 1); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ran, []string{"shared", "a", "b"}) {
			t.Errorf("unit %d: ran %v, want [shared a b]", unit, ran)
		}
		for _, an := range []*analysis.Analyzer{a, b} {
			if got := len(p.diagnostics(an)); got != want {
				t.Errorf("unit %d: %s reported %d diagnostics, want %d", unit, an.Name, got, want)
			}
		}
	}
}

// released counts its releases.
type released struct{ n *int }

func (r released) Release() { *r.n++ }

// TestPlanReleases checks that results with a Release method are
// released when the next unit starts and when the worker is done.
func TestPlanReleases(t *testing.T) {
	// Whatever result type the index declares, if any, a releaser it
	// returns is released.
	for _, resultType := range []reflect.Type{nil, reflect.TypeFor[released](), reflect.TypeFor[any]()} {
		base := &analysis.Analyzer{Name: "base"}
		n := 0
		index := &analysis.Analyzer{Name: "index", Requires: []*analysis.Analyzer{base}, ResultType: resultType,
			Run: func(*analysis.Pass) (any, error) { return released{&n}, nil }}
		rule := &analysis.Analyzer{Name: "rule", Requires: []*analysis.Analyzer{index},
			Run: func(*analysis.Pass) (any, error) { return nil, nil }}
		p := newPlan(token.NewFileSet(), base, []*analysis.Analyzer{rule})
		for unit, want := range []int{0, 1} {
			if err := p.run(unit); err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("result type %v, after unit %d: %d releases, want %d", resultType, unit, n, want)
			}
		}
		p.release()
		if n != 2 {
			t.Errorf("result type %v, after release: %d releases, want 2", resultType, n)
		}
	}
}

// TestPlanResultOf checks that each pass's ResultOf holds exactly what its
// analyzer requires, and that passes requiring the same analyzers share
// one map.
func TestPlanResultOf(t *testing.T) {
	base := &analysis.Analyzer{Name: "base"}
	index := &analysis.Analyzer{Name: "index", Requires: []*analysis.Analyzer{base},
		Run: func(pass *analysis.Pass) (any, error) { return pass.ResultOf[base].(int) + 100, nil }}
	var seen []map[string]any
	rule := func(name string, reqs ...*analysis.Analyzer) *analysis.Analyzer {
		return &analysis.Analyzer{Name: name, Requires: reqs, Run: func(pass *analysis.Pass) (any, error) {
			got := map[string]any{}
			for a, r := range pass.ResultOf {
				got[a.Name] = r
			}
			seen = append(seen, got)
			return nil, nil
		}}
	}
	a, b, c := rule("a", base, index), rule("b", index, base), rule("c", base)
	p := newPlan(token.NewFileSet(), base, []*analysis.Analyzer{a, b, c})
	for unit := range 2 {
		seen = nil
		if err := p.run(unit); err != nil {
			t.Fatal(err)
		}
		both := map[string]any{"base": unit, "index": unit + 100}
		want := []map[string]any{both, both, {"base": unit}}
		if !reflect.DeepEqual(seen, want) {
			t.Errorf("unit %d: ResultOf = %v, want %v", unit, seen, want)
		}
	}
	pass := func(an *analysis.Analyzer) *analysis.Pass { return p.steps[p.index[an]].pass }
	if reflect.ValueOf(pass(a).ResultOf).Pointer() != reflect.ValueOf(pass(b).ResultOf).Pointer() {
		t.Error("a and b require the same analyzers but have different ResultOf maps")
	}
	// {base} for index and c, {base, index} for a and b.
	if len(p.maps) != 2 {
		t.Errorf("%d ResultOf maps, want 2", len(p.maps))
	}
}
