package nixmatch

import "testing"

// TestNameTable checks that a NameTable finds exactly its map's names,
// among names of its names' lengths and first bytes, empty and long
// names, and bytes that share their low six bits.
func TestNameTable(t *testing.T) {
	long := "aVeryLongFunctionNameThatIsLongerThanSixtyFourBytesForTheFilterX"
	m := map[string]int{"mkIf": 1, "readFile": 2, "": 3, long: 4, "A": 5}
	table := NewNameTable(m)
	for _, name := range []string{"mkIf", "mkIn", "nkIf", "readFile", "readFilf", "", "x", long, long + "y", long[:63], "A", "a", "!", "\x81"} {
		want, wantOK := m[name]
		if got, ok := table.Get(name); got != want || ok != wantOK {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", name, got, ok, want, wantOK)
		}
	}
}
