package scope

import "hash/maphash"

// nameIndex finds a name among the names of a large scope or set: an
// open-addressed table, whose slots are cut from a reused buffer, so it
// costs no allocation. Names are hashed whole, with a seed of the
// process's (hash/maphash): the names are the file's, and a hash of a
// few of their bytes let a file of thousands of names that share those
// bytes make every lookup walk the whole table (20,000 let bindings
// took 6 s to bind).
type nameIndex struct {
	slots []nameSlot // a power of two of them, at most half full
}

// nameSlot is one slot of a nameIndex: a name and 1 + its index in the
// list indexed, or 0 for a free slot.
type nameSlot struct {
	name string
	at   int32
}

// slotsFor returns the number of slots a nameIndex needs for n names.
func slotsFor(n int) int {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return size
}

// nameSeed seeds nameHash.
var nameSeed = maphash.MakeSeed()

// nameHash hashes a name for a nameIndex.
func nameHash(name string) uint64 { return maphash.String(nameSeed, name) }

// init makes x index nothing in slots (emptied here), which must be a
// power of two long.
func (x *nameIndex) init(slots []nameSlot) {
	clear(slots)
	x.slots = slots
}

// find returns the index of name in the list, or -1.
func (x *nameIndex) find(name string) int {
	mask := uint64(len(x.slots) - 1)
	for h := nameHash(name) & mask; ; h = (h + 1) & mask {
		s := &x.slots[h]
		if s.at == 0 {
			return -1
		}
		if s.name == name {
			return int(s.at - 1)
		}
	}
}

// add records that the list holds name at index i; a name already
// indexed is moved to i, as a map's entry is overwritten.
func (x *nameIndex) add(name string, i int) {
	mask := uint64(len(x.slots) - 1)
	h := nameHash(name) & mask
	for x.slots[h].at != 0 && x.slots[h].name != name {
		h = (h + 1) & mask
	}
	x.slots[h] = nameSlot{name, int32(i + 1)}
}
