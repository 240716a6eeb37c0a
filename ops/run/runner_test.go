package run

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeScript writes an executable shell script named name into dir.
func writeScript(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// fakeLookPath resolves every tool to a script in dir.
func fakeLookPath(dir string) func(string) (string, error) {
	return func(name string) (string, error) {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			return "", &exec.Error{Name: name, Err: exec.ErrNotFound}
		}
		return p, nil
	}
}

func TestRunPassesArgumentsVerbatim(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "tool", `printf '<%s>\n' "$@"; pwd`)
	r := &Runner{LookPath: fakeLookPath(dir)}
	args := []string{"a b", "$(touch pwned)", "'quoted'", ""}
	res, err := r.Run(context.Background(), Cmd{Name: "tool", Args: args, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	want := "<a b>\n<$(touch pwned)>\n<'quoted'>\n<>\n" + dir + "\n"
	if got := string(res.Stdout); got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("an argument was interpreted by a shell")
	}
}

func TestRunErrorCarriesCommandExitCodeAndStderr(t *testing.T) {
	dir := t.TempDir()
	var body strings.Builder
	for i := 1; i <= 20; i++ {
		body.WriteString("echo line" + string(rune('A'-1+i)) + " >&2\n")
	}
	body.WriteString("exit 7\n")
	writeScript(t, dir, "tool", body.String())
	r := &Runner{LookPath: fakeLookPath(dir)}
	_, err := r.Run(context.Background(), Cmd{Name: "tool", Args: []string{"x y"}, Dir: dir})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want *Error", err)
	}
	if e.ExitCode != 7 {
		t.Errorf("ExitCode = %d, want 7", e.ExitCode)
	}
	var want strings.Builder
	want.WriteString("tool 'x y' (in " + dir + "): exit status 7:\n")
	for i := 6; i <= 20; i++ {
		want.WriteString("  line" + string(rune('A'-1+i)))
		if i < 20 {
			want.WriteString("\n")
		}
	}
	if err.Error() != want.String() {
		t.Errorf("message:\n%s\nwant:\n%s", err, want.String())
	}
}

func TestRunMissingTool(t *testing.T) {
	r := &Runner{LookPath: fakeLookPath(t.TempDir())}
	_, err := r.Run(context.Background(), Cmd{Name: "gh", Args: []string{"pr", "create"}})
	var e *Error
	if !errors.As(err, &e) || e.ExitCode != -1 || !errors.Is(err, exec.ErrNotFound) {
		t.Fatalf("err = %#v, want *Error wrapping exec.ErrNotFound", err)
	}
	if want := `gh pr create: exec: "gh": executable file not found in $PATH`; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := (&Runner{}).Run(ctx, Cmd{Name: "sleep", Args: []string{"30"}})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("cancellation took %v", d)
	}
}

func TestRunCancelKillsWhenInterruptIsIgnored(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "stubborn", "trap '' INT\nwhile :; do sleep 0.05; done\n")
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := (&Runner{LookPath: fakeLookPath(dir)}).Run(ctx, Cmd{Name: "stubborn"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d < CancelGrace || d > CancelGrace+10*time.Second {
		t.Errorf("a command ignoring the interrupt ended after %v, want about %v", d, CancelGrace)
	}
}

func TestRunStreamsLabelledStderr(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "tool", `printf 'one\rtwo\n\nthree' >&2; echo out`)
	var progress bytes.Buffer
	r := &Runner{LookPath: fakeLookPath(dir), Progress: &progress}
	res, err := r.Run(context.Background(), Cmd{Name: "tool", Label: "web1"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "web1: one\nweb1: two\nweb1: three\n"; progress.String() != want {
		t.Errorf("progress = %q, want %q", progress.String(), want)
	}
	if string(res.Stderr) != "one\rtwo\n\nthree" || string(res.Stdout) != "out\n" {
		t.Errorf("stderr = %q, stdout = %q", res.Stderr, res.Stdout)
	}
	progress.Reset()
	if _, err := r.Run(context.Background(), Cmd{Name: "tool"}); err != nil {
		t.Fatal(err)
	}
	if progress.Len() != 0 {
		t.Errorf("unlabelled command streamed %q", progress.String())
	}
}

func TestRunEnvironment(t *testing.T) {
	r := &Runner{Env: []string{"A=1", "PATH=" + os.Getenv("PATH")}}
	out, err := Output(context.Background(), r, Cmd{Name: "env", Env: []string{"B=2"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "A=1\nPATH=" + os.Getenv("PATH") + "\nB=2\n"
	if string(out) != want {
		t.Errorf("env = %q, want %q", out, want)
	}
}

func TestRunRealGit(t *testing.T) {
	dir := t.TempDir()
	r := &Runner{}
	if _, err := r.Run(context.Background(), Cmd{Name: "git", Args: []string{"init", "-q", dir}}); err != nil {
		t.Fatal(err)
	}
	_, err := r.Run(context.Background(), Cmd{Name: "git", Args: []string{"rev-parse", "HEAD"}, Dir: dir})
	var e *Error
	if !errors.As(err, &e) || e.ExitCode != 128 || !strings.Contains(string(e.Stderr), "HEAD") {
		t.Fatalf("git rev-parse HEAD in an empty repository: err = %v", err)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"":                       "''",
		"plain-word_1.2/x:y@z%+": "plain-word_1.2/x:y@z%+",
		"#comment":               "'#comment'",
		"A=b":                    "'A=b'",
		"a b":                    "'a b'",
		"it's":                   `'it'\''s'`,
		"$HOME;rm":               "'$HOME;rm'",
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := QuoteCommand([]string{"systemctl", "is-active", "a b"}), "systemctl is-active 'a b'"; got != want {
		t.Errorf("QuoteCommand = %q, want %q", got, want)
	}
}
