// Package reuseorder gives the orders in which the tests of reused
// memory (parser.Parser, scope.Binder) process their files, so that each
// file follows files both smaller and larger than itself.
package reuseorder

// Of returns the indices 0…n-1 in order, then in reverse, then each pair
// i, j of the first min(n, pairs) indices.
func Of(n, pairs int) []int {
	order := make([]int, 0, 2*n+2*min(n, pairs)*min(n, pairs))
	for i := range n {
		order = append(order, i)
	}
	for i := range n {
		order = append(order, n-1-i)
	}
	for i := range min(n, pairs) {
		for j := range min(n, pairs) {
			order = append(order, i, j)
		}
	}
	return order
}
