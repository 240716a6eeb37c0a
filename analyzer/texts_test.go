package analyzer

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/report"
)

// fill reads a text of n bytes, all b, into a as the walk does.
func fill(t *testing.T, a *textArena, n int, b byte) ([]byte, *textChunk) {
	t.Helper()
	room := a.room()
	if len(room) < textChunkSize/4 || len(room) < n {
		t.Fatalf("a room of %d bytes", len(room))
	}
	copy(room, strings.Repeat(string(b), n))
	text, c := a.commit(n)
	if len(text) != n || cap(text) != n || strings.Trim(string(text), string(b)) != "" {
		t.Fatalf("commit(%d): len %d, cap %d", n, len(text), cap(text))
	}
	return text, c
}

// inChunk reports whether text starts at the start of c's memory.
func inChunk(text []byte, c *textChunk) bool {
	return unsafe.SliceData(text) == unsafe.SliceData(c.buf)
}

func TestTextArenaReusesChunks(t *testing.T) {
	a := newTextArena()
	x, cx := fill(t, a, 100, 'x')
	y, cy := fill(t, a, 200, 'y')
	if cx == nil || cx != cy || !inChunk(x, cx) {
		t.Fatalf("two small texts: chunks %p and %p", cx, cy)
	}
	// A room of less than a quarter of a chunk is not offered: the text
	// read after those goes into another chunk.
	var rest []*textChunk
	for range 3 {
		_, c := fill(t, a, textChunkSize/4, 'r')
		rest = append(rest, c)
	}
	z, cz := fill(t, a, 10, 'z')
	if rest[2] != cx || cz == cx || !inChunk(z, cz) {
		t.Fatalf("a text read when the first chunk had less than a quarter left is in it")
	}
	if strings.Trim(string(x), "x") != "" || strings.Trim(string(y), "y") != "" {
		t.Fatalf("texts of one chunk overlap: %q…, %q…", x[:8], y[:8])
	}
	// The first chunk comes back once its texts are released (the walk
	// left it when it took the second), and is filled again.
	for _, c := range append(rest, cx, cy, cz) {
		a.release(c)
	}
	a.retire()
	w, cw := fill(t, a, 10, 'w')
	if cw != cx || !inChunk(w, cx) {
		t.Errorf("the released chunk is not reused")
	}
	if a.chunks != 2 {
		t.Errorf("%d chunks made, want 2", a.chunks)
	}
	if (&textArena{}).chunked() {
		t.Errorf("the zero textArena has chunks")
	}
}

// TestTextArenaWaits checks that with every chunk in use the walk waits
// for one to be given back rather than make another.
func TestTextArenaWaits(t *testing.T) {
	a := newTextArena()
	var held []*textChunk // each chunk, held by the four texts that fill it
	for range textChunks {
		for range 4 {
			_, c := fill(t, a, textChunkSize/4, 'x')
			if len(held) == 0 || held[len(held)-1] != c {
				held = append(held, c)
			}
		}
	}
	if len(held) != textChunks {
		t.Fatalf("%d chunks filled, want %d", len(held), textChunks)
	}
	got := make(chan *textChunk)
	go func() {
		a.room() // the last chunk is full
		_, c := a.commit(10)
		got <- c
	}()
	for range 4 {
		a.release(held[3])
	}
	if c := <-got; c != held[3] || a.chunks != textChunks {
		t.Errorf("the walk got chunk %p (%d made), want the one given back, %p", c, a.chunks, held[3])
	}
}

// identRule reports every identifier whose name starts with "bad", with
// the name itself as the message: a string the parse made, which is a
// substring of the file's text.
var identRule = &Rule{Analyzer: &analysis.Analyzer{
	Name: "bad-ident", Doc: "flags identifiers named bad…",
	Requires: []*analysis.Analyzer{nixpass.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		ast.Inspect(nixpass.Of(pass).Expr, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, "bad") {
				pass.Report(analysis.Diagnostic{Pos: id.NamePos, End: id.NamePos + 3, Message: id.Name})
			}
			return true
		})
		return nil, nil
	},
}, Category: "style", Severity: SeverityWarning}

// TestCheckReusesTexts audits a tree whose texts are several times the
// memory of the text arena, so the memory of the clean files is reused
// for the files read after them while the files with findings are still
// to be reported: their findings' messages (substrings of their text),
// their excerpts and the lines kept of their texts must come out whole.
func TestCheckReusesTexts(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	var want strings.Builder
	size := 0
	for i := 0; size < 3*textChunks*textChunkSize; i++ {
		name := fmt.Sprintf("f%05d.nix", i)
		text := fmt.Sprintf("{ x%d = %s; }\n", i, strings.Repeat("1 + ", 300)+"1")
		if i%97 == 5 {
			text = fmt.Sprintf("{\n  x = bad%d;\n}\n", i)
			fmt.Fprintf(&want, "%s:2:7:2:10:warning:bad-ident:bad%d\n", name, i)
		}
		files[name] = text
		size += len(text)
	}
	writeTree(t, dir, files)
	out := check(t, dir, Options{Rules: []*Rule{identRule}})
	if got := brief(out.Result.Diagnostics); got != want.String() {
		t.Fatalf("findings:\n%s\nwant\n%s", got, want.String())
	}
	var text strings.Builder
	if err := report.Write(&text, "text", out.Result, report.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, d := range out.Result.Diagnostics {
		if line, ok := out.Result.Source(d.File).Line(2); !ok || string(line) != "  x = "+d.Message+";" {
			t.Errorf("line 2 of %s = %q, %v", d.File, line, ok)
		}
		if excerpt := fmt.Sprintf("2 |   x = %s;\n", d.Message); !strings.Contains(text.String(), excerpt) {
			t.Errorf("the text report has no excerpt %q", excerpt)
		}
	}
}
