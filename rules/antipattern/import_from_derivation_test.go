package antipattern

import (
	"strings"
	"testing"
)

// TestReadersByLastName checks that no two file readers share a last
// name, which readerByLast relies on to compare a call with one reader,
// and that it gives each reader by its last name.
func TestReadersByLastName(t *testing.T) {
	lasts := map[string]bool{}
	for target := range fileReaders {
		last := target[strings.LastIndexByte(target, '.')+1:]
		lasts[last] = true
		if got, ok := readerByLast.Get(last); !ok || got != target {
			t.Errorf("readerByLast.Get(%q) = %q, %v; want %q", last, got, ok, target)
		}
	}
	if len(lasts) != len(fileReaders) {
		t.Errorf("%d file readers but %d last names", len(fileReaders), len(lasts))
	}
}
