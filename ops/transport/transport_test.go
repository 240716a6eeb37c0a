package transport_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/ops/run"
	"github.com/nixaudit/nixaudit/ops/transport"
	"github.com/nixaudit/nixaudit/ops/transport/sshtest"
)

// tricky are arguments a remote shell would mangle if quoting were wrong.
var tricky = []string{
	"", " ", "plain", "two words", "it's", `"double"`, `back\slash`, "$HOME", "${PATH}", "`id`", "$(id)",
	"a;b", "a&&b", "a|b", "a>b", "<a", "*", "?", "[ab]", "{a,b}", "~", "~root", "#comment", "a#b", "!x",
	"tab\there", "new\nline", "-n", "--", "x=1", "%s", "é✓", "'", "''", "\\'",
}

// printArgs is a command that prints each of its arguments between
// markers, so the output shows exactly what the remote program received.
func printArgs() []string {
	return append([]string{"printf", "<%s>\\n"}, tricky...)
}

func wantPrinted() string {
	var b strings.Builder
	for _, a := range tricky {
		b.WriteString("<" + a + ">\n")
	}
	return b.String()
}

// TestQuoteThroughShell runs the quoted command line through sh, the
// way a remote login shell receives it from ssh.
func TestQuoteThroughShell(t *testing.T) {
	out, err := exec.Command("sh", "-c", run.QuoteCommand(printArgs())).Output()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), wantPrinted(); got != want {
		t.Errorf("sh printed\n%s\nwant\n%s", got, want)
	}
}

func TestSSH(t *testing.T) {
	srv := sshtest.Start(t)
	ctx := context.Background()
	opts := transport.Options{SSHOptions: []string{"-F", srv.Config}}
	host, err := transport.New(&run.Runner{}, srv.Host, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := host.StoreURI(), "ssh://fleet-ssh"; got != want {
		t.Errorf("StoreURI = %q, want %q", got, want)
	}

	res, err := host.Run(ctx, printArgs())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(res.Stdout), wantPrinted(); got != want {
		t.Errorf("over ssh printed\n%s\nwant\n%s", got, want)
	}

	_, err = host.Run(ctx, []string{"no-such-tool-here", "x"})
	if !transport.IsNotFound(err) || transport.IsUnreachable(err) {
		t.Errorf("missing tool over ssh: err = %v; want IsNotFound and not IsUnreachable", err)
	}
	_, err = host.Run(ctx, []string{"sh", "-c", "exit 3"})
	if err == nil || transport.IsNotFound(err) || transport.IsUnreachable(err) {
		t.Errorf("failing command over ssh: err = %v; want a plain failure", err)
	}

	down, err := transport.New(&run.Runner{}, srv.Down, opts)
	if err != nil {
		t.Fatal(err)
	}
	_, err = down.Run(ctx, []string{"true"})
	if !transport.IsUnreachable(err) || !strings.Contains(err.Error(), "Connection refused") {
		t.Errorf("closed port: err = %v; want unreachable, connection refused", err)
	}

	// Host-key checking is on: the same server under a name whose key is
	// not in known_hosts is refused, not trusted.
	unknown, err := transport.New(&run.Runner{}, "127.0.0.1", transport.Options{SSHOptions: []string{
		"-F", srv.Config, "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null", "-o", "Port=" + strconv.Itoa(srv.Port),
	}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = unknown.Run(ctx, []string{"true"})
	if !transport.IsUnreachable(err) || !strings.Contains(err.Error(), "Host key verification failed") {
		t.Errorf("unknown host key: err = %v; want unreachable, host key verification failed", err)
	}
}

func TestLocal(t *testing.T) {
	ctx := context.Background()
	host, err := transport.New(&run.Runner{}, transport.Local, transport.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if host.StoreURI() != "" || host.String() != "local" {
		t.Errorf("local: StoreURI %q, String %q", host.StoreURI(), host.String())
	}
	res, err := host.Run(ctx, printArgs())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(res.Stdout), wantPrinted(); got != want {
		t.Errorf("locally printed\n%s\nwant\n%s", got, want)
	}
	if _, err := host.Run(ctx, []string{"no-such-tool-here"}); !transport.IsNotFound(err) {
		t.Errorf("missing tool: err = %v; want IsNotFound", err)
	}
	if _, err := host.Run(ctx, []string{"/no/such/tool"}); !transport.IsNotFound(err) {
		t.Errorf("missing absolute tool: err = %v; want IsNotFound", err)
	}
}

func TestInvalidTarget(t *testing.T) {
	for _, target := range []string{"", "-oProxyCommand=x", "a b"} {
		if _, err := transport.New(&run.Runner{}, target, transport.Options{}); err == nil {
			t.Errorf("New(%q) succeeded; want an error", target)
		}
	}
}

func TestQuoteCommandAssignment(t *testing.T) {
	// A first word "A=b" must run a program named so, not set a variable.
	err := exec.Command("sh", "-c", run.QuoteCommand([]string{"A=b", "x"})).Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 127 {
		t.Errorf("sh ran %q: %v; want exit status 127 (no program named A=b)", run.QuoteCommand([]string{"A=b", "x"}), err)
	}
}

// TestPool shares one connection per host: after the first command a
// control socket exists in the pool's directory, and Close removes it.
// With a $TMPDIR too long for a socket path, commands still work.
func TestPool(t *testing.T) {
	srv := sshtest.Start(t)
	short := t.TempDir()
	long := filepath.Join(t.TempDir(), "a-temporary-directory-whose-name-is-far-too-long-for-a-unix-socket")
	if err := os.MkdirAll(long, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tmp := range []string{short, long} {
		t.Setenv("TMPDIR", tmp)
		pool, err := transport.NewPool(&run.Runner{}, transport.Options{SSHOptions: []string{"-F", srv.Config}})
		if err != nil {
			t.Fatal(err)
		}
		host, err := pool.Get(srv.Host)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 3; i++ {
			res, err := host.Run(context.Background(), []string{"echo", "hi"})
			if err != nil || string(res.Stdout) != "hi\n" {
				t.Fatalf("TMPDIR %s, run %d: %v %q", tmp, i, err, res.Stdout)
			}
		}
		if local, err := pool.Get("local"); err != nil || local.String() != "local" {
			t.Errorf("pool.Get(local) = %v, %v", local, err)
		}
		sockets, _ := filepath.Glob(filepath.Join(tmp, "nixaudit-ssh-*", "*"))
		if tmp == short && (len(sockets) != 1 || !isSocket(sockets[0])) {
			t.Errorf("control sockets %v, want one", sockets)
		}
		if err := pool.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := filepath.Glob(filepath.Join(tmp, "nixaudit-ssh-*")); len(left) != 0 {
			t.Errorf("left after Close: %v", left)
		}
	}
}

func isSocket(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode()&os.ModeSocket != 0
}
