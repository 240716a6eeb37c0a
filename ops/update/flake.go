package update

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nixaudit/nixaudit/flakelock"
	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/run"
)

// FlakeOptions configure `nixaudit update flake`.
type FlakeOptions struct {
	Common
	// Inputs are the root inputs to update; empty means all.
	Inputs []string
	// Build builds every host's toplevel after the update, MaxParallel
	// at a time (0: the configuration's deploy.max-parallel, else 4).
	Build       bool
	MaxParallel int
	// DryRun updates a temporary copy and leaves the repository alone.
	DryRun bool
}

// lockName is the file a flake update changes.
const lockName = "flake.lock"

// UpdateFlake updates the flake's lock, reports what moved, and with
// the options builds, commits and opens a pull request. Its errors map to
// exit codes with gate.ExitCode.
func UpdateFlake(ctx context.Context, env *Env, opts FlakeOptions) error {
	opts.Commit = opts.Commit || opts.PR
	if opts.DryRun && opts.Commit {
		return gate.Usage("--dry-run changes nothing, so it cannot be combined with --commit or --pr")
	}
	s, err := start(ctx, env, opts.Common, lockName)
	if err != nil {
		return err
	}
	work, cleanup, err := workDir(ctx, s, opts.DryRun)
	if err != nil {
		return err
	}
	defer cleanup()
	lockPath := filepath.Join(work, lockName)
	oldSrc, err := os.ReadFile(lockPath)
	if err != nil {
		return gate.Usage("%v (create the lock with `nix flake lock` first)", err)
	}
	oldLock, err := flakelock.Parse(lockPath, oldSrc)
	if err != nil {
		return gate.Usage("%v", err)
	}
	names, err := selectInputs(oldLock, opts.Inputs)
	if err != nil {
		return err
	}
	for _, name := range names {
		fmt.Fprintf(env.Stderr, "nixaudit: %s is at %s\n", name, describe(revOf(oldLock.RootInputs()[name]), env.now()))
	}

	var before map[string]string
	if opts.Build {
		if before, err = s.nix.ToplevelPaths(ctx, work); err != nil {
			return gate.Failed(fmt.Errorf("evaluating the hosts before the update: %w", err), "Nothing was changed.")
		}
		if len(before) == 0 {
			return gate.Usage("--build: the flake has no nixosConfigurations")
		}
	}

	restore := func(cause error) error { return restoreFile(lockPath, oldSrc, cause) }
	if opts.DryRun {
		restore = func(cause error) error { return gate.Failed(cause, dryRunNote) }
	}
	if err := s.nix.UpdateLock(ctx, work, opts.Inputs); err != nil {
		return restore(err)
	}
	newLock, err := flakelock.ReadFile(lockPath)
	if err != nil {
		return restore(err)
	}
	rep := &FlakeReport{DryRun: opts.DryRun, Audit: s.audit, Inputs: compareInputs(oldLock, newLock, names)}
	if opts.Build {
		rep.Hosts = buildHosts(ctx, s, work, before, opts.MaxParallel)
		if failed := failedHosts(rep.Hosts); len(failed) > 0 {
			if err := rep.write(env.Stdout, opts.Gate.Format, env.now()); err != nil {
				return restore(err)
			}
			return restore(fmt.Errorf("build failed for %s", strings.Join(failed, ", ")))
		}
	}
	if opts.Commit {
		if err := publishFlake(ctx, s, opts.Common, lockPath, rep, env.now()); err != nil {
			return err
		}
	}
	return rep.write(env.Stdout, opts.Gate.Format, env.now())
}

// dryRunNote ends a dry run's failure: only the copy was changed.
const dryRunNote = "Dry run: the repository was not changed."

// workDir returns the flake directory to update: the flake itself, or
// for a dry run the flake in a temporary copy of the work tree, which
// cleanup removes.
func workDir(ctx context.Context, s *session, dryRun bool) (string, func(), error) {
	if !dryRun {
		return s.dir, func() {}, nil
	}
	tmp, cleanup, err := s.repo.copyWorkTree(ctx)
	if err != nil {
		return "", nil, gate.Failed(fmt.Errorf("dry run: copying the work tree: %w", err), "Nothing was changed.")
	}
	rel, err := filepath.Rel(s.repo.root, s.dir)
	if err != nil {
		cleanup()
		return "", nil, err
	}
	return filepath.Join(tmp, rel), cleanup, nil
}

// selectInputs returns the root inputs to report: the requested ones,
// which must exist, or all of them, sorted.
func selectInputs(lock *flakelock.Lock, requested []string) ([]string, error) {
	roots := lock.RootInputs()
	if len(requested) == 0 {
		names := make([]string, 0, len(roots))
		for name := range roots {
			names = append(names, name)
		}
		sort.Strings(names)
		return names, nil
	}
	for _, name := range requested {
		if _, ok := roots[name]; !ok {
			known := make([]string, 0, len(roots))
			for n := range roots {
				known = append(known, n)
			}
			sort.Strings(known)
			return nil, gate.Usage("flake.lock has no input %q (inputs: %s)", name, strings.Join(known, ", "))
		}
	}
	return requested, nil
}

// revOf reads the locked revision of an input node; inputs without a
// revision (tarballs, paths) are identified by their NAR hash.
func revOf(n *flakelock.Node) Rev {
	if n == nil || n.Locked == nil {
		return Rev{}
	}
	return Rev{Rev: n.Locked.Rev, NarHash: n.Locked.NarHash, LastModified: n.Locked.LastModified}
}

func compareInputs(old, new *flakelock.Lock, names []string) []InputChange {
	oldRoots, newRoots := old.RootInputs(), new.RootInputs()
	changes := make([]InputChange, len(names))
	for i, name := range names {
		o, n := revOf(oldRoots[name]), revOf(newRoots[name])
		changes[i] = InputChange{Name: name, Old: o, New: n, Changed: o != n}
	}
	return changes
}

// buildHosts builds every host and compares its system path with the
// one evaluated before the update.
func buildHosts(ctx context.Context, s *session, work string, before map[string]string, parallel int) []HostResult {
	if parallel <= 0 {
		parallel = s.cfg.Deploy.MaxParallel
	}
	if parallel <= 0 {
		parallel = 4
	}
	hosts := make([]string, 0, len(before))
	for h := range before {
		hosts = append(hosts, h)
	}
	sort.Strings(hosts)
	var results []HostResult
	for _, b := range s.nix.BuildToplevels(ctx, work, hosts, parallel) {
		r := HostResult{Name: b.Host, OldPath: before[b.Host], NewPath: b.OutPath}
		if b.Err != nil {
			r.Error = buildError(b.Err)
		} else {
			r.Changed = b.OutPath != before[b.Host]
		}
		results = append(results, r)
	}
	return results
}

// buildError keeps the useful part of a failed build: Nix's last lines.
func buildError(err error) string {
	var e *run.Error
	if errors.As(err, &e) && len(e.Stderr) > 0 {
		return strings.TrimSpace(run.LastLines(string(e.Stderr), 5))
	}
	return err.Error()
}

func failedHosts(hosts []HostResult) []string {
	var failed []string
	for _, h := range hosts {
		if h.Error != "" {
			failed = append(failed, h.Name)
		}
	}
	return failed
}
