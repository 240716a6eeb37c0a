package health

import "testing"

func TestDiskThresholds(t *testing.T) {
	out := "/ 1000 310 300\n/nix/store 1000 300 300\n/boot 1000 200 100\nbad line\n/x 10 20 5\n"
	uses := parseStatFS(out)
	if len(uses) != 3 {
		t.Fatalf("parsed %v; want 3 file systems (the bad line and free > total dropped)", uses)
	}
	for _, tc := range []struct {
		use    diskUse
		level  Level
		detail string
	}{
		{diskUse{total: 100, free: 31, avail: 31}, OK, "69% used"},
		{diskUse{total: 100, free: 30, avail: 30}, OK, "70% used (at or above 70%)"},
		{diskUse{total: 100, free: 20, avail: 20}, Warn, "80% used (at or above 80%)"},
		{diskUse{total: 100, free: 10, avail: 10}, Fail, "90% used (at or above 90%)"},
		// Reserved blocks count as used, as df counts them: 70 used of
		// 70+25 usable is 74%, rounded up.
		{diskUse{total: 100, free: 30, avail: 25}, OK, "74% used (at or above 70%)"},
		{diskUse{}, OK, "0% used"},
	} {
		r := diskResult("/", tc.use)
		if r.Name != "disk /" || r.Level != tc.level || r.Detail != tc.detail || r.OK != (tc.level == OK) {
			t.Errorf("%+v: %+v, want %s %q", tc.use, r, tc.level, tc.detail)
		}
	}
}

func TestMemoryAndLoad(t *testing.T) {
	proc := "MemTotal:        8000000 kB\nMemFree:  100 kB\nMemAvailable:    1200000 kB\n" +
		"9.10 4.00 3.00 2/345 6789\n" +
		"cpu  1 2 3 4\ncpu0 1 2 3 4\ncpu1 1 2 3 4\nintr 1 2 3\n"
	p := parseProc(proc)
	if r := memoryResult(p); r.Level != Warn || r.Detail != "15% available of 7.6 GiB (under 20%)" {
		t.Errorf("memory: %+v", r)
	}
	if r := loadResult(p); r.Level != Warn || r.Detail != "9.10 on 2 CPUs (above 2 per CPU)" {
		t.Errorf("load: %+v", r)
	}
	p.memAvailable, p.load1 = 500000, 1
	if r := memoryResult(p); r.Level != Fail || r.Detail != "6% available of 7.6 GiB (under 10%)" {
		t.Errorf("memory: %+v", r)
	}
	if r := loadResult(p); r.Level != OK || r.Detail != "1.00 on 2 CPUs" {
		t.Errorf("load: %+v", r)
	}
	if r := memoryResult(parseProc("")); r.Level != Warn {
		t.Errorf("no meminfo: %+v", r)
	}
}

func TestFailedUnits(t *testing.T) {
	if got, want := failedUnits("a.service loaded failed failed A\n\n"), "1 unit failed: a.service"; got != want {
		t.Errorf("failedUnits = %q, want %q", got, want)
	}
	if got, want := failedUnits(""), "no failed unit listed"; got != want {
		t.Errorf("failedUnits = %q, want %q", got, want)
	}
}

func TestInstanceHost(t *testing.T) {
	for in, want := range map[string]string{"web1:9100": "web1", "web1": "web1", "http://web1:8080/metrics": "web1", "[::1]:9100": "::1", "": ""} {
		if got := instanceHost(in); got != want {
			t.Errorf("instanceHost(%q) = %q, want %q", in, got, want)
		}
	}
}
