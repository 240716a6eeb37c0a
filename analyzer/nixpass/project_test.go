package nixpass

import (
	"go/token"
	"reflect"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// flakes is a project base as a rule package would declare it.
var flakes = ProjectFiles("testflakes", func(name string, _ []byte) bool { return strings.HasSuffix(name, "/flake.nix") })

func TestProjectFiles(t *testing.T) {
	locks := &analysis.Analyzer{Name: "locks", Requires: []*analysis.Analyzer{flakes}}
	rule := &analysis.Analyzer{Name: "rule", Requires: []*analysis.Analyzer{Analyzer, flakes, locks}}
	all := &analysis.Analyzer{Name: "all", Requires: []*analysis.Analyzer{ProjectAnalyzer}}
	perFile := &analysis.Analyzer{Name: "perfile", Requires: []*analysis.Analyzer{Analyzer, Inspect}}

	if got := ProjectBases([]*analysis.Analyzer{perFile, rule, all, locks}); !reflect.DeepEqual(got, []*analysis.Analyzer{flakes, ProjectAnalyzer}) {
		t.Errorf("ProjectBases = %v, want [testflakes nixproject]", names(got))
	}
	for a, want := range map[*analysis.Analyzer]bool{rule: true, locks: true, all: true, perFile: false, flakes: false} {
		if got := IsProjectWide(a); got != want {
			t.Errorf("IsProjectWide(%s) = %v, want %v", a.Name, got, want)
		}
	}
	if ProjectFilter(perFile) != nil || ProjectFilter(Analyzer) != nil {
		t.Error("ProjectFilter of an analyzer not made by ProjectFiles is not nil")
	}
	for name, want := range map[string]bool{"a/flake.nix": true, "a/default.nix": false} {
		if got := ProjectFilter(flakes)(name, nil); got != want {
			t.Errorf("flakes filter(%s) = %v, want %v", name, got, want)
		}
		if !ProjectFilter(ProjectAnalyzer)(name, nil) {
			t.Errorf("ProjectAnalyzer drops %s", name)
		}
	}
	p := &Project{Dir: "a"}
	pass := &analysis.Pass{Analyzer: rule, ResultOf: map[*analysis.Analyzer]any{Analyzer: &File{}, flakes: p, locks: nil}}
	if got := ProjectOf(pass); got != p {
		t.Errorf("ProjectOf = %v, want the testflakes result", got)
	}
}

func TestMemo(t *testing.T) {
	key, outer := NewMemoKey(), NewMemoKey()
	f := &File{}
	calls := 0
	for range 2 {
		if got := f.Memo(key, func() any { calls++; return 42 }); got != 42 {
			t.Errorf("Memo = %v, want 42", got)
		}
	}
	if calls != 1 {
		t.Errorf("compute ran %d times, want 1", calls)
	}
	// A computation may use another memoized one (this deadlocked when
	// Memo held its lock while computing).
	if got := f.Memo(outer, func() any { return f.Memo(key, nil).(int) + 1 }); got != 43 {
		t.Errorf("nested Memo = %v, want 43", got)
	}
}

// TestMemoLateKey checks a key made after a file's memo table: the
// table grows and keeps the values it had.
func TestMemoLateKey(t *testing.T) {
	early := NewMemoKey()
	f := &File{}
	f.Memo(early, func() any { return 1 })
	late := NewMemoKey()
	if got := f.Memo(late, func() any { return 2 }); got != 2 {
		t.Errorf("Memo(late key) = %v, want 2", got)
	}
	if got := f.Memo(early, func() any { return 3 }); got != 1 {
		t.Errorf("Memo(early key) after the table grew = %v, want the memoized 1", got)
	}
}

// TestMemoConcurrent checks that goroutines asking a file for one key at
// once all get the value stored first (run with -race).
func TestMemoConcurrent(t *testing.T) {
	key := NewMemoKey()
	f := &File{}
	const n = 8
	got := make(chan any, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got <- f.Memo(key, func() any { return new(i) }) })
	}
	wg.Wait()
	close(got)
	first := f.Memo(key, nil)
	for v := range got {
		if v != first {
			t.Errorf("a goroutine got %v, another %v", v, first)
		}
	}
}

// releasable counts its Release calls.
type releasable struct{ released int }

func (r *releasable) Release() { r.released++ }

func TestReleaseMemo(t *testing.T) {
	pooled, plain := NewMemoKey(), NewMemoKey()
	f := &File{}
	r := &releasable{}
	f.Memo(pooled, func() any { return r })
	f.Memo(plain, func() any { return 1 })
	f.ReleaseMemo()
	if r.released != 1 {
		t.Errorf("Release ran %d times, want 1", r.released)
	}
	calls := 0
	f.Memo(plain, func() any { calls++; return 2 })
	if calls != 1 {
		t.Error("a value asked for after ReleaseMemo was not computed again")
	}
	f.ReleaseMemo()
	if r.released != 1 {
		t.Errorf("a released value was released again (%d calls)", r.released)
	}
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// TestLoaderMemo checks that a Loader's file starts each Load without the
// last file's memoized values, released or not.
func TestLoaderMemo(t *testing.T) {
	key := NewMemoKey()
	var l Loader
	fset := token.NewFileSet()
	a := l.Load(fset, "a.nix", []byte("1"))
	r := &releasable{}
	a.Memo(key, func() any { return r })
	b := l.Load(fset, "b.nix", []byte("2"))
	if got := b.Memo(key, func() any { return "b" }); got != "b" {
		t.Errorf("the second file's Memo = %v, want its own value", got)
	}
	if b.File.Name != "b.nix" {
		t.Errorf("the loaded file is %s, want b.nix", b.File.Name)
	}
	b.ReleaseMemo()
	c := l.Load(fset, "c.nix", []byte("3"))
	if got := c.Memo(key, func() any { return "c" }); got != "c" {
		t.Errorf("after ReleaseMemo, the next file's Memo = %v, want its own value", got)
	}
	if r.released != 0 {
		t.Errorf("a value dropped without ReleaseMemo was released %d times", r.released)
	}
}
