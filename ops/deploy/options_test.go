package deploy

import (
	"strings"
	"testing"
	"time"

	"github.com/nixaudit/nixaudit/config"
)

func TestOptionsWithConfig(t *testing.T) {
	o, err := Options{}.WithConfig(config.Deploy{})
	if err != nil {
		t.Fatal(err)
	}
	if o.Strategy != Parallel || o.Mode != "switch" || o.MaxParallel != 4 || o.VerifyTimeout != 2*time.Minute || len(o.Sudo) != 1 || o.Sudo[0] != "sudo" {
		t.Errorf("defaults: %+v", o)
	}
	o, err = Options{MaxParallel: 2}.WithConfig(config.Deploy{MaxParallel: 8, VerifyTimeout: "30s", Sudo: []string{"doas"}})
	if err != nil {
		t.Fatal(err)
	}
	if o.MaxParallel != 2 || o.VerifyTimeout != 30*time.Second || o.Sudo[0] != "doas" {
		t.Errorf("from config: %+v", o)
	}
	for _, tc := range []struct {
		o    Options
		d    config.Deploy
		want string
	}{
		{Options{Strategy: "yolo"}, config.Deploy{}, "--strategy yolo: want one of [parallel rolling canary]"},
		{Options{Mode: "reboot"}, config.Deploy{}, "--mode reboot: want one of [switch boot test dry-activate]"},
		{Options{}, config.Deploy{VerifyTimeout: "2 minutes"}, `[deploy] verify-timeout = "2 minutes"`},
	} {
		if _, err := tc.o.WithConfig(tc.d); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v %+v: err = %v, want %q", tc.o, tc.d, err, tc.want)
		}
	}
}
