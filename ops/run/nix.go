package run

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Features is the experimental-features argument every nix command gets,
// so flakes work whatever the machine's nix.conf says.
var Features = []string{"--extra-experimental-features", "nix-command flakes"}

// Nix runs nix commands through a Runner.
type Nix struct {
	Runner Interface
	// Options are extra arguments from the [nix] configuration, given to
	// every command after the features (e.g. ["--option", "substituters", ""]).
	Options []string

	versionOnce sync.Once
	version     Version
	versionErr  error
}

// NewNix returns a Nix running commands through r with the given options.
func NewNix(r Interface, options []string) *Nix {
	return &Nix{Runner: r, Options: options}
}

// Cmd builds the command `nix FEATURES OPTIONS args…` run in dir.
func (n *Nix) Cmd(dir string, args ...string) Cmd {
	full := make([]string, 0, len(Features)+len(n.Options)+len(args))
	full = append(full, Features...)
	full = append(full, n.Options...)
	full = append(full, args...)
	return Cmd{Name: "nix", Args: full, Dir: dir}
}

// Run runs `nix args…` in dir and returns its stdout.
func (n *Nix) Run(ctx context.Context, dir string, args ...string) ([]byte, error) {
	return Output(ctx, n.Runner, n.Cmd(dir, args...))
}

// Version is a Nix version.
type Version struct{ Major, Minor, Patch int }

func (v Version) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch) }

// AtLeast reports whether v is major.minor or newer.
func (v Version) AtLeast(major, minor int) bool {
	return v.Major > major || v.Major == major && v.Minor >= minor
}

// versionRE matches `nix (Nix) 2.8.0` and variants such as
// `nix (Determinate Nix 3.1.0) 2.26.3` or `nix (Nix) 2.18.1pre`.
var versionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+)\.(\d+)(?:\.(\d+))?\S*$`) })

// ParseVersion reads the output of `nix --version`.
func ParseVersion(out string) (Version, error) {
	m := versionRE().FindStringSubmatch(strings.TrimSpace(out))
	if m == nil {
		return Version{}, fmt.Errorf("cannot read a version from `nix --version` output %q", out)
	}
	var v Version
	v.Major, _ = strconv.Atoi(m[1])
	v.Minor, _ = strconv.Atoi(m[2])
	if m[3] != "" {
		v.Patch, _ = strconv.Atoi(m[3])
	}
	return v, nil
}

// Version runs `nix --version` once and returns the parsed version.
func (n *Nix) Version(ctx context.Context) (Version, error) {
	n.versionOnce.Do(func() {
		out, err := Output(ctx, n.Runner, Cmd{Name: "nix", Args: []string{"--version"}})
		if err != nil {
			n.versionErr = err
			return
		}
		n.version, n.versionErr = ParseVersion(string(out))
	})
	return n.version, n.versionErr
}

// flakeUpdateInputs is the first Nix version whose `nix flake update`
// takes input names (before it, `nix flake lock --update-input NAME`).
var flakeUpdateInputs = Version{2, 19, 0}

// UpdateLockArgs returns the nix arguments that update the lock of the
// flake in the working directory: every input when inputs is empty, else
// only the named ones, in the form the Nix version understands.
func UpdateLockArgs(v Version, inputs []string) []string {
	if len(inputs) == 0 {
		return []string{"flake", "update"}
	}
	if v.AtLeast(flakeUpdateInputs.Major, flakeUpdateInputs.Minor) {
		return append([]string{"flake", "update"}, inputs...)
	}
	args := []string{"flake", "lock"}
	for _, in := range inputs {
		args = append(args, "--update-input", in)
	}
	return args
}

// UpdateLock updates the lock of the flake in dir (see UpdateLockArgs).
func (n *Nix) UpdateLock(ctx context.Context, dir string, inputs []string) error {
	v, err := n.Version(ctx)
	if err != nil {
		return err
	}
	c := n.Cmd(dir, UpdateLockArgs(v, inputs)...)
	c.Label = "nix flake"
	_, err = n.Runner.Run(ctx, c)
	return err
}

// Built is one derivation `nix build --json` built.
type Built struct {
	DrvPath string            `json:"drvPath"`
	Outputs map[string]string `json:"outputs"`
}

// Build builds the installables in dir without a result link and returns
// what was built. It uses `--json` (every flake-capable Nix has it;
// `--print-out-paths` is newer than 2.8). label, when set, streams the
// build's progress under that name.
func (n *Nix) Build(ctx context.Context, dir, label string, installables ...string) ([]Built, error) {
	args := append([]string{"build", "--no-link", "--json"}, installables...)
	c := n.Cmd(dir, args...)
	c.Label = label
	res, err := n.Runner.Run(ctx, c)
	if err != nil {
		return nil, err
	}
	var built []Built
	if err := json.Unmarshal(res.Stdout, &built); err != nil {
		return nil, fmt.Errorf("%s: reading its JSON output: %v", c, err)
	}
	return built, nil
}

// EvalJSON evaluates the installable in dir (with `--apply FN` when apply
// is not empty) and decodes its JSON value into v.
func (n *Nix) EvalJSON(ctx context.Context, dir, installable, apply string, v any) error {
	args := []string{"eval", "--json", installable}
	if apply != "" {
		args = append(args, "--apply", apply)
	}
	c := n.Cmd(dir, args...)
	out, err := Output(ctx, n.Runner, c)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(out, v); err != nil {
		return fmt.Errorf("%s: reading its JSON output: %v", c, err)
	}
	return nil
}
