//go:build !unix

package parser_test

import "time"

// cpuTime is unavailable here; benchmarks then omit their CPU metric.
func cpuTime() time.Duration { return 0 }
