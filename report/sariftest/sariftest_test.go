package sariftest

import (
	"fmt"
	"testing"
)

// recorder captures a fatal failure instead of stopping the test.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
}

func TestValidate(t *testing.T) {
	valid := `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"nixaudit"}},"results":[]}]}`
	r := &recorder{TB: t}
	Validate(r, []byte(valid))
	if r.failed != "" {
		t.Errorf("a minimal valid log failed: %s", r.failed)
	}
	for _, bad := range []string{
		`{"version":"3.0","runs":[]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`,
		`not json`,
	} {
		r := &recorder{TB: t}
		Validate(r, []byte(bad))
		if r.failed == "" {
			t.Errorf("invalid log accepted: %s", bad)
		}
	}
}
