package run

import "golang.org/x/sync/errgroup"

// Each calls f(i) for every i in [0, n), at most limit calls at a time
// (at least one), and returns once every call has returned. The fleet
// operations build and change their hosts through it, a few at a time.
func Each(n, limit int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(max(limit, 1))
	for i := range n {
		g.Go(func() error {
			f(i)
			return nil
		})
	}
	_ = g.Wait() // f reports nothing through the group
}
