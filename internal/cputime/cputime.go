// Package cputime measures the CPU time of the process, for benchmarks
// that report throughput a busy machine distorts less than wall time.
package cputime

import "time"

// Since returns the CPU time (user and system, every thread) the process
// has used since start, a value of Now; 0 where it cannot be measured.
func Since(start time.Duration) time.Duration {
	now := Now()
	if now == 0 {
		return 0
	}
	return now - start
}
