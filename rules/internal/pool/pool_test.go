package pool

import (
	"slices"
	"testing"
)

func TestSlice(t *testing.T) {
	var p Slices[*int]
	s := p.Get()
	if s.Items() != nil {
		t.Fatalf("new Slice has items %v", s.Items())
	}
	one, two := new(int), new(int)
	s.Append(one, two)
	items := s.Items()
	if !slices.Equal(items, []*int{one, two}) || cap(items) != 2 {
		t.Fatalf("Items = %v (cap %d), want [one two] clipped", items, cap(items))
	}
	backing := s.items[:cap(s.items)]
	s.Release()
	if slices.ContainsFunc(backing, func(v *int) bool { return v != nil }) {
		t.Error("Release left pointers in the slice's memory")
	}
	// A released Slice, reused or not, starts empty.
	r := p.Get()
	if r.Items() != nil || r.from != &p {
		t.Errorf("Get after Release = %v from %p, want empty from %p", r.Items(), r.from, &p)
	}
	r.Append(two)
	if got := r.Items(); !slices.Equal(got, []*int{two}) {
		t.Errorf("reused Items = %v, want [two]", got)
	}
}
