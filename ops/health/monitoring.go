package health

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/ops/fleet"
)

// MonitoringTimeout bounds each request to Prometheus or Alertmanager.
const MonitoringTimeout = 10 * time.Second

// Monitoring is what Prometheus and Alertmanager say.
type Monitoring struct {
	Prometheus   *Prometheus   `json:"prometheus,omitempty"`
	Alertmanager *Alertmanager `json:"alertmanager,omitempty"`
}

// Prometheus is the state of Prometheus's scrape targets.
type Prometheus struct {
	URL string `json:"url"`
	// Error is set when Prometheus could not be asked.
	Error     string   `json:"error,omitempty"`
	TargetsUp int      `json:"targets_up"`
	Down      []Target `json:"targets_down"`
}

// Target is a scrape target that is down.
type Target struct {
	Job       string `json:"job"`
	Instance  string `json:"instance"`
	LastError string `json:"last_error"`
}

// Alertmanager is the alerts firing (active, neither silenced nor
// inhibited).
type Alertmanager struct {
	URL    string  `json:"url"`
	Error  string  `json:"error,omitempty"`
	Firing []Alert `json:"firing"`
}

// Alert is a firing alert.
type Alert struct {
	Name     string            `json:"alertname"`
	Labels   map[string]string `json:"labels"`
	Summary  string            `json:"summary,omitempty"`
	StartsAt time.Time         `json:"starts_at"`
}

func (c *Checker) monitoring(ctx context.Context, cfg config.Monitoring) *Monitoring {
	m := &Monitoring{}
	if cfg.Prometheus != "" {
		m.Prometheus = c.prometheus(ctx, cfg.Prometheus)
	}
	if cfg.Alertmanager != "" {
		m.Alertmanager = c.alertmanager(ctx, cfg.Alertmanager)
	}
	return m
}

// prometheus asks /api/v1/targets for the active targets.
func (c *Checker) prometheus(ctx context.Context, base string) *Prometheus {
	p := &Prometheus{URL: base, Down: []Target{}}
	var body struct {
		Status string `json:"status"`
		Data   struct {
			ActiveTargets []struct {
				Labels    map[string]string `json:"labels"`
				Health    string            `json:"health"`
				LastError string            `json:"lastError"`
			} `json:"activeTargets"`
		} `json:"data"`
	}
	if err := c.getJSON(ctx, base, "/api/v1/targets?state=active", &body); err != nil {
		p.Error = err.Error()
		return p
	}
	for _, t := range body.Data.ActiveTargets {
		switch t.Health {
		case "up":
			p.TargetsUp++
		case "down":
			p.Down = append(p.Down, Target{Job: t.Labels["job"], Instance: t.Labels["instance"], LastError: t.LastError})
		}
	}
	sort.Slice(p.Down, func(i, j int) bool {
		return p.Down[i].Job+"\x00"+p.Down[i].Instance < p.Down[j].Job+"\x00"+p.Down[j].Instance
	})
	return p
}

// alertmanager asks /api/v2/alerts for the firing alerts.
func (c *Checker) alertmanager(ctx context.Context, base string) *Alertmanager {
	a := &Alertmanager{URL: base, Firing: []Alert{}}
	var alerts []struct {
		Labels      map[string]string `json:"labels"`
		Annotations map[string]string `json:"annotations"`
		StartsAt    time.Time         `json:"startsAt"`
		Status      struct {
			State string `json:"state"`
		} `json:"status"`
	}
	if err := c.getJSON(ctx, base, "/api/v2/alerts?active=true&silenced=false&inhibited=false", &alerts); err != nil {
		a.Error = err.Error()
		return a
	}
	for _, al := range alerts {
		if al.Status.State == "active" {
			a.Firing = append(a.Firing, Alert{Name: al.Labels["alertname"], Labels: al.Labels, Summary: al.Annotations["summary"], StartsAt: al.StartsAt})
		}
	}
	sort.Slice(a.Firing, func(i, j int) bool { return a.Firing[i].Name < a.Firing[j].Name })
	return a
}

func (c *Checker) getJSON(ctx context.Context, base, path string, v any) error {
	ctx, cancel := context.WithTimeout(ctx, MonitoringTimeout)
	defer cancel()
	u := strings.TrimRight(base, "/") + path
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.client().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: HTTP %d", u, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("GET %s: reading the JSON: %v", u, err)
	}
	return nil
}

// attribute adds a "monitoring" check to each host that a down target or
// a firing alert is about (by its instance label's host, or a host or
// hostname label): it warns, and the host is degraded.
func attribute(rep *Report, hosts []fleet.Host) {
	for i, h := range hosts {
		names := hostNames(h)
		var issues []string
		if p := rep.Monitoring.Prometheus; p != nil {
			for _, t := range p.Down {
				if names[instanceHost(t.Instance)] {
					issues = append(issues, fmt.Sprintf("target %s (job %s) down", t.Instance, t.Job))
				}
			}
		}
		if a := rep.Monitoring.Alertmanager; a != nil {
			for _, al := range a.Firing {
				if names[instanceHost(al.Labels["instance"])] || names[al.Labels["host"]] || names[al.Labels["hostname"]] {
					issues = append(issues, "alert "+al.Name+" firing")
				}
			}
		}
		if len(issues) > 0 {
			hr := &rep.Hosts[i]
			hr.Checks = append(hr.Checks, result("monitoring", Warn, strings.Join(issues, "; ")))
			if hr.Status == Healthy {
				hr.Status = Degraded
			}
		}
	}
}

// hostNames are the names a monitoring label may use for h: its name and
// its ssh target's host.
func hostNames(h fleet.Host) map[string]bool {
	names := map[string]bool{h.Name: true}
	if h.Target != "local" {
		target := h.Target[strings.LastIndex(h.Target, "@")+1:]
		names[target] = true
	}
	return names
}

// instanceHost is the host part of an instance label ("web1:9100" →
// "web1"); "" when there is none.
func instanceHost(instance string) string {
	if instance == "" {
		return ""
	}
	if u, err := url.Parse(instance); err == nil && u.Host != "" {
		instance = u.Host
	}
	if host, _, err := net.SplitHostPort(instance); err == nil {
		return host
	}
	return instance
}
