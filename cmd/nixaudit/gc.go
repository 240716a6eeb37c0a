package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// The audit's live heap is small (sources, line tables, findings) and
// what it allocates per file dies with the file, so the collector's work
// is mostly waste on a run that allocates a few tens of megabytes:
//
//   - Until the heap first reaches firstCollectionHeap nothing is
//     collected (GOGC=off with that memory limit): auditing a tree the
//     size of home-manager (3,500 files) allocates less than that and
//     spends no time marking or in write barriers.
//   - After the first collection the limit is lifted and the target is
//     auditGCPercent: collecting half as often as Go's default costs a
//     peak heap of three times the live one instead of twice.
const (
	firstCollectionHeap = 64 << 20
	auditGCPercent      = 200
)

// tuneGC applies the audit's collector policy unless the user chose one
// with GOGC or GOMEMLIMIT.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		debug.SetGCPercent(auditGCPercent)
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstCollectionHeap)
	afterFirstCollection(func() {
		debug.SetGCPercent(auditGCPercent)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

// afterFirstCollection runs f once the collector has run: the cleanup of
// an object nothing references runs after the first cycle that finds it
// unreachable. The object holds a pointer so that it is not batched with
// other small objects, which would delay its cleanup.
func afterFirstCollection(f func()) {
	sentinel := &struct{ p *int }{}
	runtime.AddCleanup(sentinel, func(func()) { f() }, f)
}
