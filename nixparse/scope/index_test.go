package scope

import (
	"fmt"
	"testing"
)

// TestNameHashSpreads checks that names agreeing on their length and on
// their first, middle and last bytes (a000000z, a000010z, …) spread over
// a nameIndex's slots: a hash of those bytes alone put 1,000 of them in
// one slot's run, and binding 20,000 of them walked the table for each.
func TestNameHashSpreads(t *testing.T) {
	const n = 1000
	slots := slotsFor(n)
	buckets := map[uint64]bool{}
	for i := range n {
		name := fmt.Sprintf("a%03d0%02dz", i/100, i%100)
		buckets[nameHash(name)&uint64(slots-1)] = true
	}
	// 1,000 names hashed at random into 2,048 slots fill about 785.
	if len(buckets) < n/2 {
		t.Errorf("%d names fell into %d of %d slots", n, len(buckets), slots)
	}
}
