package health

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/nixaudit/nixaudit/ops/transport"
)

// DiskPaths are the file systems the disk check looks at; one that does
// not exist on the host (often /boot) is left out.
var DiskPaths = []string{"/", "/nix/store", "/boot"}

// Disk use thresholds, in percent: from DiskNotice the detail says so,
// from DiskWarn the check warns, from DiskFail it fails.
const (
	DiskNotice = 70
	DiskWarn   = 80
	DiskFail   = 90
)

// checkDisk reads the use of DiskPaths with one `stat -f` (coreutils and
// busybox both have it); its output names each path, so paths that do
// not exist are simply absent.
func checkDisk(ctx context.Context, t transport.Transport) []Result {
	argv := append([]string{"stat", "-f", "-c", "%n %b %f %a"}, DiskPaths...)
	res, err := t.Run(ctx, argv)
	if transport.IsNotFound(err) {
		return []Result{result("disk", Warn, "stat not found on the host")}
	}
	uses := parseStatFS(string(stdout(res)))
	if len(uses) == 0 {
		return []Result{result("disk", Warn, "stat -f: "+errorDetail(err))}
	}
	var results []Result
	for _, p := range DiskPaths {
		if u, ok := uses[p]; ok {
			results = append(results, diskResult(p, u))
		}
	}
	return results
}

// diskUse is a file system's size in blocks.
type diskUse struct{ total, free, avail uint64 }

// percent is the use as df reports it: used / (used + available to
// users), rounded up.
func (u diskUse) percent() int {
	used := u.total - u.free
	if used+u.avail == 0 {
		return 0
	}
	return int((used*100 + used + u.avail - 1) / (used + u.avail))
}

// parseStatFS reads lines "PATH TOTAL FREE AVAIL".
func parseStatFS(out string) map[string]diskUse {
	uses := map[string]diskUse{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) != 4 {
			continue
		}
		var n [3]uint64
		ok := true
		for i := range n {
			v, err := strconv.ParseUint(f[i+1], 10, 64)
			n[i], ok = v, ok && err == nil
		}
		if ok && n[1] <= n[0] {
			uses[f[0]] = diskUse{total: n[0], free: n[1], avail: n[2]}
		}
	}
	return uses
}

func diskResult(path string, u diskUse) Result {
	pct := u.percent()
	detail := fmt.Sprintf("%d%% used", pct)
	level := OK
	switch {
	case pct >= DiskFail:
		level, detail = Fail, detail+fmt.Sprintf(" (at or above %d%%)", DiskFail)
	case pct >= DiskWarn:
		level, detail = Warn, detail+fmt.Sprintf(" (at or above %d%%)", DiskWarn)
	case pct >= DiskNotice:
		detail += fmt.Sprintf(" (at or above %d%%)", DiskNotice)
	}
	return result("disk "+path, level, detail)
}
