package run

import (
	"sync"
	"testing"
	"time"
)

// TestEach holds every call until the limit's worth of them have
// started, so that it sees them run together, checks that no other call
// starts meanwhile, and that each index is called once.
func TestEach(t *testing.T) {
	for _, tc := range []struct{ n, limit, together int }{
		{n: 10, limit: 3, together: 3},
		{n: 5, limit: 0, together: 1}, // at least one at a time
		{n: 2, limit: 8, together: 2},
		{n: 0, limit: 2, together: 0},
	} {
		var mu sync.Mutex
		calls := make([]int, tc.n)
		running, most := 0, 0
		started := make(chan struct{}, tc.n)
		release := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			Each(tc.n, tc.limit, func(i int) {
				mu.Lock()
				calls[i]++
				running++
				most = max(most, running)
				mu.Unlock()
				started <- struct{}{}
				<-release
				mu.Lock()
				running--
				mu.Unlock()
			})
		}()
		for range tc.together {
			<-started
		}
		if tc.together < tc.n {
			// A call beyond the limit would start while these wait; a
			// correct Each never starts one, so the wait cannot fail it.
			select {
			case <-started:
				t.Errorf("Each(%d, %d): more than %d calls at a time", tc.n, tc.limit, tc.together)
			case <-time.After(50 * time.Millisecond):
			}
		}
		close(release)
		<-done
		for i, c := range calls {
			if c != 1 {
				t.Errorf("Each(%d, %d): f(%d) called %d times, want once", tc.n, tc.limit, i, c)
			}
		}
		if most != tc.together {
			t.Errorf("Each(%d, %d): at most %d calls at a time, want %d", tc.n, tc.limit, most, tc.together)
		}
	}
}
