package nixmatch

// A NameTable maps names (the last names of the functions a rule knows,
// by which it looks every call up) to values. Most names looked up are
// in no table: it tells them from their length and first byte, before a
// map lookup hashes them.
type NameTable[V any] struct {
	m map[string]V
	// firsts[n] has bit b&63 set for the first byte b of each name of
	// length n < 64 (bit 0 for the empty name).
	firsts [64]uint64
}

// NewNameTable returns the table of m, which must not change afterwards.
func NewNameTable[V any](m map[string]V) *NameTable[V] {
	t := &NameTable[V]{m: m}
	for name := range m {
		if len(name) < len(t.firsts) {
			t.firsts[len(name)] |= firstBit(name)
		}
	}
	return t
}

// Get returns the value of name, and whether the table has it.
func (t *NameTable[V]) Get(name string) (V, bool) {
	if n := len(name); n < len(t.firsts) && t.firsts[n]&firstBit(name) == 0 {
		var zero V
		return zero, false
	}
	v, ok := t.m[name]
	return v, ok
}

// firstBit is the bit of the first byte of name in NameTable.firsts.
func firstBit(name string) uint64 {
	if name == "" {
		return 1
	}
	return 1 << (name[0] & 63)
}
