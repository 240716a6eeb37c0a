package health

import (
	"encoding/json"
	"time"
)

// Level is how a check ended.
type Level int

// Check levels, in increasing gravity.
const (
	OK Level = iota
	Warn
	Fail
)

func (l Level) String() string {
	switch l {
	case OK:
		return "ok"
	case Warn:
		return "warn"
	}
	return "fail"
}

// MarshalJSON writes the level's name.
func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal(l.String()) }

// Result is one check's outcome.
type Result struct {
	Name string `json:"name"`
	// OK is Level == OK, for readers of the JSON that only need a yes/no.
	OK     bool   `json:"ok"`
	Level  Level  `json:"level"`
	Detail string `json:"detail"`
}

func result(name string, level Level, detail string) Result {
	return Result{Name: name, OK: level == OK, Level: level, Detail: detail}
}

// Status is a host's overall health.
type Status string

// Host statuses.
const (
	Healthy     Status = "healthy"
	Degraded    Status = "degraded"
	Unhealthy   Status = "unhealthy"
	Unreachable Status = "unreachable"
)

// HostReport is one host's checks.
type HostReport struct {
	Name   string   `json:"name"`
	Status Status   `json:"status"`
	Checks []Result `json:"checks"`
	// CurrentSystem is the store path the host runs ("" when unknown).
	CurrentSystem string        `json:"current_system,omitempty"`
	Duration      time.Duration `json:"-"`
}

// Failing reports whether a check failed or the host is unreachable: a
// deploy's verification passes only when it is false.
func (r *HostReport) Failing() bool { return r.Status == Unhealthy || r.Status == Unreachable }

// Problems returns the checks that did not end ok.
func (r *HostReport) Problems() []Result {
	var p []Result
	for _, c := range r.Checks {
		if !c.OK {
			p = append(p, c)
		}
	}
	return p
}

// status derives a reachable host's status from its checks.
func status(checks []Result) Status {
	worst := OK
	for _, c := range checks {
		worst = max(worst, c.Level)
	}
	switch worst {
	case OK:
		return Healthy
	case Warn:
		return Degraded
	}
	return Unhealthy
}

// Report is the health of the selected hosts and the monitoring.
type Report struct {
	Hosts      []HostReport `json:"hosts"`
	Monitoring *Monitoring  `json:"monitoring,omitempty"`
}

// Healthy reports whether every host is healthy (exit status 0).
func (r *Report) Healthy() bool {
	for _, h := range r.Hosts {
		if h.Status != Healthy {
			return false
		}
	}
	return true
}
