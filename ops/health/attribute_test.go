package health

import (
	"testing"

	"github.com/nixaudit/nixaudit/ops/fleet"
)

// TestAttributeLabels checks which monitoring findings a host is given:
// down targets by their instance's host, firing alerts by their instance,
// host or hostname label, matched against the host's name and its ssh
// target's host; nothing else degrades a host.
func TestAttributeLabels(t *testing.T) {
	hosts := []fleet.Host{
		{Name: "web1", Target: "root@web1.example.org"},
		{Name: "db", Target: "local"},
		{Name: "cache", Target: "cache.lan"},
		{Name: "quiet", Target: "quiet.lan"},
	}
	rep := &Report{
		Hosts: []HostReport{{Name: "web1", Status: Healthy}, {Name: "db", Status: Healthy}, {Name: "cache", Status: Unhealthy}, {Name: "quiet", Status: Healthy}},
		Monitoring: &Monitoring{
			Prometheus: &Prometheus{Down: []Target{
				{Job: "node", Instance: "web1.example.org:9100"},
				{Job: "node", Instance: "elsewhere:9100"},
			}},
			Alertmanager: &Alertmanager{Firing: []Alert{
				{Name: "HostLabel", Labels: map[string]string{"host": "db"}},
				{Name: "HostnameLabel", Labels: map[string]string{"hostname": "cache.lan"}},
				{Name: "InstanceURL", Labels: map[string]string{"instance": "http://web1:9100/metrics"}},
				{Name: "Unrelated", Labels: map[string]string{"host": "quiet.example.org", "hostname": "other"}},
			}},
		},
	}
	attribute(rep, hosts)
	want := map[string]struct {
		status Status
		detail string
	}{
		"web1":  {Degraded, "target web1.example.org:9100 (job node) down; alert InstanceURL firing"},
		"db":    {Degraded, "alert HostLabel firing"},
		"cache": {Unhealthy, "alert HostnameLabel firing"}, // a worse status stays
		"quiet": {Healthy, ""},
	}
	for _, h := range rep.Hosts {
		w := want[h.Name]
		detail := ""
		for _, c := range h.Checks {
			if c.Name == "monitoring" {
				detail = c.Detail
				if c.Level != Warn {
					t.Errorf("%s: monitoring check level %v, want a warning", h.Name, c.Level)
				}
			}
		}
		if h.Status != w.status || detail != w.detail {
			t.Errorf("%s: status %s, monitoring %q; want %s, %q", h.Name, h.Status, detail, w.status, w.detail)
		}
	}
}
