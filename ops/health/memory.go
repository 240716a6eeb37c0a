package health

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/nixaudit/nixaudit/ops/transport"
)

// Memory thresholds: the check warns when less than MemoryWarn percent
// of memory is available and fails under MemoryFail. Load warns above
// LoadWarn per CPU.
const (
	MemoryWarn = 20
	MemoryFail = 10
	LoadWarn   = 2.0
)

// checkMemory reads /proc/meminfo, /proc/loadavg and /proc/stat (for the
// CPU count) in one command and reports available memory and load.
func checkMemory(ctx context.Context, t transport.Transport) []Result {
	res, err := t.Run(ctx, []string{"cat", "/proc/meminfo", "/proc/loadavg", "/proc/stat"})
	if transport.IsNotFound(err) {
		return []Result{result("memory", Warn, "cat not found on the host")}
	}
	if err != nil {
		return []Result{result("memory", Warn, "reading /proc: "+errorDetail(err))}
	}
	p := parseProc(string(res.Stdout))
	return []Result{memoryResult(p), loadResult(p)}
}

// procInfo is what the memory check reads from /proc.
type procInfo struct {
	memTotal, memAvailable uint64 // kB; 0 when absent
	load1                  float64
	hasLoad                bool
	cpus                   int
}

func parseProc(out string) procInfo {
	var p procInfo
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 2 && f[0] == "MemTotal:":
			p.memTotal, _ = strconv.ParseUint(f[1], 10, 64)
		case len(f) >= 2 && f[0] == "MemAvailable:":
			p.memAvailable, _ = strconv.ParseUint(f[1], 10, 64)
		case len(f) == 5 && strings.Contains(f[3], "/"): // loadavg: "0.52 0.40 0.33 1/234 5678"
			if v, err := strconv.ParseFloat(f[0], 64); err == nil {
				p.load1, p.hasLoad = v, true
			}
		case len(f) > 0 && strings.HasPrefix(f[0], "cpu") && f[0] != "cpu":
			p.cpus++
		}
	}
	return p
}

func memoryResult(p procInfo) Result {
	if p.memTotal == 0 {
		return result("memory", Warn, "no MemTotal in /proc/meminfo")
	}
	pct := int(p.memAvailable * 100 / p.memTotal)
	detail := fmt.Sprintf("%d%% available of %s", pct, gib(p.memTotal*1024))
	switch {
	case pct < MemoryFail:
		return result("memory", Fail, detail+fmt.Sprintf(" (under %d%%)", MemoryFail))
	case pct < MemoryWarn:
		return result("memory", Warn, detail+fmt.Sprintf(" (under %d%%)", MemoryWarn))
	}
	return result("memory", OK, detail)
}

func loadResult(p procInfo) Result {
	if !p.hasLoad || p.cpus == 0 {
		return result("load", Warn, "cannot read /proc/loadavg and /proc/stat")
	}
	detail := fmt.Sprintf("%.2f on %s", p.load1, plural(p.cpus, "CPU"))
	if p.load1/float64(p.cpus) > LoadWarn {
		return result("load", Warn, detail+fmt.Sprintf(" (above %.0f per CPU)", LoadWarn))
	}
	return result("load", OK, detail)
}

func gib(bytes uint64) string { return fmt.Sprintf("%.1f GiB", float64(bytes)/(1<<30)) }
