// Package sshtest starts a real OpenSSH server on 127.0.0.1 for tests of
// the ssh transport and of deploys over ssh. Keys and known_hosts are
// generated per server, so host-key checking stays on: the client
// configuration it writes trusts exactly that server's key.
package sshtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Server is a running sshd and an ssh client configuration that reaches
// it.
type Server struct {
	// Host is the ssh_config alias of the server on Port; Down is an
	// alias whose port, DownPort, refuses connections.
	Host, Down     string
	Port, DownPort int
	// Config is the ssh client configuration file (pass it with -F, e.g.
	// through NIX_SSHOPTS).
	Config string
	// Log is sshd's log file.
	Log string
}

// SSHOpts is the value of NIX_SSHOPTS that makes ssh and `nix copy` use
// the server's client configuration.
func (s *Server) SSHOpts() string { return "-F " + s.Config }

// Start starts sshd on a free loopback port for the current user, and
// stops it when the test ends. A missing ssh, sshd or ssh-keygen fails
// the test: CI installs them.
func Start(t testing.TB) *Server {
	t.Helper()
	sshd := lookTool(t, "sshd", "/usr/sbin/sshd")
	keygen := lookTool(t, "ssh-keygen", "")
	lookTool(t, "ssh", "")
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	if u.Uid == "0" {
		// sshd running as root insists on its privilege separation
		// directory.
		if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	for _, key := range []string{"host_key", "user_key"} {
		out, err := exec.Command(keygen, "-q", "-t", "ed25519", "-N", "", "-C", key, "-f", filepath.Join(dir, key)).CombinedOutput()
		if err != nil {
			t.Fatalf("ssh-keygen: %v\n%s", err, out)
		}
	}
	pub := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name+".pub"))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(b))
	}
	port, downPort := FreePort(t), FreePort(t)
	s := &Server{Host: "fleet-ssh", Down: "fleet-down", Port: port, DownPort: downPort, Config: filepath.Join(dir, "ssh_config"), Log: filepath.Join(dir, "sshd.log")}
	write(t, filepath.Join(dir, "authorized_keys"), pub("user_key")+"\n")
	write(t, filepath.Join(dir, "known_hosts"), fmt.Sprintf("[127.0.0.1]:%d %s\n", port, pub("host_key")))
	write(t, filepath.Join(dir, "sshd_config"), fmt.Sprintf(`Port %d
ListenAddress 127.0.0.1
HostKey %s/host_key
AuthorizedKeysFile %s/authorized_keys
AllowUsers %s
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
PidFile none
SetEnv NIX_CONFIG="substituters ="
`, port, dir, dir, u.Username))
	client := func(alias string, port int) string {
		return fmt.Sprintf(`Host %s
  HostName 127.0.0.1
  Port %d
  User %s
  IdentityFile %s/user_key
  IdentitiesOnly yes
  UserKnownHostsFile %s/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  UpdateHostKeys no
`, alias, port, u.Username, dir, dir)
	}
	write(t, s.Config, client(s.Host, port)+client(s.Down, downPort))

	logf, err := os.Create(s.Log)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sshd, "-D", "-e", "-f", filepath.Join(dir, "sshd_config"))
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		logf.Close()
	})
	s.waitReady(t)
	return s
}

// waitReady waits until a login through the client configuration works.
func (s *Server) waitReady(t testing.TB) {
	t.Helper()
	var out []byte
	var err error
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		out, err = exec.Command("ssh", "-F", s.Config, "-o", "BatchMode=yes", s.Host, "true").CombinedOutput()
		if err == nil {
			return
		}
	}
	log, _ := os.ReadFile(s.Log)
	t.Fatalf("sshd did not accept a login: %v\n%s\nsshd log:\n%s", err, out, log)
}

// FreePort returns a loopback TCP port nothing listens on (at the time
// of the call).
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// lookTool finds name on PATH, or at fallback (sshd lives in /usr/sbin,
// which is not always on a user's PATH); it fails the test when missing.
func lookTool(t testing.TB, name, fallback string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if fallback != "" {
		if _, err := os.Stat(fallback); err == nil {
			return fallback
		}
	}
	t.Fatalf("%s not found: install openssh-server and openssh-client (CI does)", name)
	return ""
}

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
