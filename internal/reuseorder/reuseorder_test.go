package reuseorder

import (
	"slices"
	"testing"
)

func TestOf(t *testing.T) {
	want := []int{0, 1, 2, 2, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1}
	if got := Of(3, 2); !slices.Equal(got, want) {
		t.Errorf("Of(3, 2) = %v, want %v", got, want)
	}
	if got := Of(0, 5); len(got) != 0 {
		t.Errorf("Of(0, 5) = %v, want none", got)
	}
}
