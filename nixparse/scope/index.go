package scope

// nameIndex finds a name among the names of a large scope or set: an
// open-addressed table hashed on the name's length and a few of its
// bytes, as the globals are found, which costs a few loads and one
// comparison of strings where a map would hash the whole name. Its slots
// are cut from a reused buffer, so it costs no allocation either.
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

// nameHash mixes a name's length and its first, middle and last bytes.
func nameHash(name string) uint64 {
	n := len(name)
	h := uint64(n)
	if n > 0 {
		h = h*31 + uint64(name[0])*7 + uint64(name[n-1])*3 + uint64(name[n/2])
	}
	return h * 0x9E3779B97F4A7C15 >> 32
}

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
