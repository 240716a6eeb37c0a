package antipattern

import "testing"

// TestReadersByLastName checks that no two file readers share a last
// name, which readerByLast relies on to compare a call with one reader.
func TestReadersByLastName(t *testing.T) {
	if len(readerByLast) != len(fileReaders) {
		t.Errorf("%d file readers but %d last names: %v", len(fileReaders), len(readerByLast), readerByLast)
	}
	for last, target := range readerByLast {
		if _, ok := fileReaders[target]; !ok || target[len(target)-len(last)-1:] != "."+last {
			t.Errorf("readerByLast[%q] = %q", last, target)
		}
	}
}
