package gate

import (
	"errors"
	"fmt"
	"testing"

	"github.com/spf13/pflag"
)

func TestExitCode(t *testing.T) {
	failed := Failed(errors.New("nix build failed"), "flake.lock restored")
	for _, tc := range []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{&RefusedError{Audit{Blocking: 1}}, ExitGate},
		{fmt.Errorf("update: %w", &RefusedError{}), ExitGate},
		{failed, ExitFailed},
		{fmt.Errorf("wrapped: %w", failed), ExitFailed},
		{Usage("bad %s", "flag"), ExitUsage},
		{errors.New("anything else"), ExitUsage},
	} {
		if got := ExitCode(tc.err); got != tc.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
	if got, want := failed.Error(), "nix build failed\nflake.lock restored"; got != want {
		t.Errorf("Failed message = %q, want %q", got, want)
	}
	if got := Failed(errors.New("x"), "").Error(); got != "x" {
		t.Errorf("Failed without restore = %q", got)
	}
}

func TestFlags(t *testing.T) {
	var f Flags
	fs := pflag.NewFlagSet("update", pflag.ContinueOnError)
	f.Register(fs)
	if f.Format != Text {
		t.Errorf("default format = %q", f.Format)
	}
	if err := fs.Parse([]string{"--format", "json", "--config", "c.toml", "--skip-audit", "--reason", "why"}); err != nil {
		t.Fatal(err)
	}
	want := Options{Dir: "d", ConfigPath: "c.toml", SkipAudit: true, Reason: "why"}
	if got := f.Options("d"); f.Format != JSON || got.Dir != want.Dir || got.ConfigPath != want.ConfigPath || !got.SkipAudit || got.Reason != "why" {
		t.Errorf("flags = %+v, options %+v", f, got)
	}
	fs = pflag.NewFlagSet("update", pflag.ContinueOnError)
	fs.SetOutput(&discard{})
	f.Register(fs)
	err := fs.Parse([]string{"--format", "yaml"})
	if err == nil || err.Error() != `invalid argument "yaml" for "--format" flag: want one of text, json, markdown` {
		t.Errorf("bad format: err = %v", err)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func TestProgressOnlyOnTerminal(t *testing.T) {
	var buf discard
	if Progress(buf) != nil {
		t.Error("Progress returned a non-terminal writer")
	}
}
