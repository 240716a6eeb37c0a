package update

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/nixaudit/nixaudit/internal/atomicfile"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/run"
)

// PackageOptions configure `nixaudit update package`.
type PackageOptions struct {
	Common
	// Attr is the flake attribute, e.g. packages.x86_64-linux.hello.
	Attr string
	// Version is the new version; VersionFrom (github:OWNER/REPO) takes
	// it from the repository's latest release instead.
	Version, VersionFrom string
	// File is the file defining the package; "" reads meta.position.
	File string
}

// PackageReport is the outcome of `nixaudit update package`.
type PackageReport struct {
	Attr        string     `json:"attr"`
	File        string     `json:"file"`
	Old         PkgVersion `json:"old"`
	New         PkgVersion `json:"new"`
	OutPath     string     `json:"out_path"`
	Commit      string     `json:"commit,omitempty"`
	PullRequest string     `json:"pull_request,omitempty"`
	Audit       gate.Audit `json:"audit"`
}

// PkgVersion is a package's version with the hash of its source.
type PkgVersion struct {
	Version string `json:"version"`
	Hash    string `json:"hash"`
}

// UpdatePackage sets the package's version, recomputes its source hash
// with the fake-hash trick, builds it, and with the options commits and
// opens a pull request. On any failure after the file was changed it is
// restored. Its errors map to exit codes with gate.ExitCode.
func UpdatePackage(ctx context.Context, env *Env, opts PackageOptions) error {
	opts.Commit = opts.Commit || opts.PR
	if (opts.Version == "") == (opts.VersionFrom == "") {
		return gate.Usage("give the new version with exactly one of --version or --version-from")
	}
	if opts.Attr == "" {
		return gate.Usage("name the package's flake attribute, e.g. packages.x86_64-linux.hello")
	}
	s, err := start(ctx, env, opts.Common, "")
	if err != nil {
		return err
	}
	newVersion, err := s.newVersion(ctx, opts)
	if err != nil {
		return err
	}
	installable := ".#" + opts.Attr
	var oldVersion string
	if err := s.nix.EvalJSON(ctx, s.dir, installable+".version", "", &oldVersion); err != nil {
		return gate.Usage("reading the version of %s: %v", opts.Attr, err)
	}
	if oldVersion == newVersion {
		return gate.Usage("%s is already at version %s", opts.Attr, newVersion)
	}
	p, err := s.findPackage(ctx, opts, installable, oldVersion)
	if err != nil {
		return err
	}
	rep := &PackageReport{Attr: opts.Attr, File: s.relToDir(p.file.Name), Audit: s.audit,
		Old: PkgVersion{oldVersion, p.target.hash.text}, New: PkgVersion{Version: newVersion}}
	if rep.New.Hash, rep.OutPath, err = s.rewriteAndBuild(ctx, p, opts.Attr, newVersion); err != nil {
		return restoreFile(p.file.Name, p.file.Src, err)
	}
	if opts.Commit {
		message := fmt.Sprintf("%s: %s -> %s\n", packageName(opts.Attr), oldVersion, newVersion)
		branch := "nixaudit/update-" + packageName(opts.Attr) + "-" + newVersion
		err := publish(ctx, s, opts.Common, p.file.Name, message, branch, func(commit, pr string) {
			rep.Commit, rep.PullRequest = commit, pr
		})
		if err != nil {
			return err
		}
	}
	return rep.write(env.Stdout, opts.Gate.Format)
}

// newVersion is --version, or the latest release --version-from names.
func (s *session) newVersion(ctx context.Context, opts PackageOptions) (string, error) {
	if opts.VersionFrom == "" {
		return opts.Version, nil
	}
	v, err := latestRelease(ctx, s.env.HTTP, s.cfg.Update.GitHubAPI, opts.VersionFrom)
	if err != nil {
		return "", gate.Usage("%v", err)
	}
	fmt.Fprintf(s.env.Stderr, "nixaudit: latest release of %s: %s\n", strings.TrimPrefix(opts.VersionFrom, "github:"), v)
	return v, nil
}

// pkgFile is the parsed file defining a package and the two literals an
// update rewrites in it.
type pkgFile struct {
	file   *ast.File
	target target
}

// findPackage parses the package's file and locates its version and
// source hash.
func (s *session) findPackage(ctx context.Context, opts PackageOptions, installable, oldVersion string) (*pkgFile, error) {
	path, posLine, err := packageFile(ctx, s, opts, installable)
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, gate.Usage("%v", err)
	}
	f := parser.ParseFile(token.NewFileSet(), path, src)
	if len(f.Errors) > 0 {
		e := f.Errors[0]
		return nil, gate.Usage("%s:%s: %s", path, position(f, e.Pos), e.Msg)
	}
	t, err := locate(f, oldVersion, posLine)
	if err != nil {
		return nil, gate.Usage("%v", err)
	}
	return &pkgFile{file: f, target: t}, nil
}

// rewriteAndBuild writes the new version with a fake hash, learns the
// real hash from the failing source build, writes it, and builds the
// package. It returns the hash and the package's output path; on error
// the caller restores the file.
func (s *session) rewriteAndBuild(ctx context.Context, p *pkgFile, attr, version string) (hash, out string, err error) {
	path := p.file.Name
	if err := atomicfile.WriteFile(path, p.target.rewrite(p.file, version, fakeHash), atomicfile.ModeOf(path, 0o644)); err != nil {
		return "", "", err
	}
	_, err = s.nix.Build(ctx, s.dir, attr+".src (with a fake hash)", ".#"+attr+".src")
	var runErr *run.Error
	if !errors.As(err, &runErr) {
		if err == nil {
			err = fmt.Errorf("building %s.src with a fake hash succeeded, so its hash cannot be learned that way", attr)
		}
		return "", "", err
	}
	if hash, err = hashFromMismatch(string(runErr.Stderr)); err != nil {
		return "", "", fmt.Errorf("fetching the source of %s %s: %v\n%w", attr, version, err, runErr)
	}
	if err := atomicfile.WriteFile(path, p.target.rewrite(p.file, version, hash), atomicfile.ModeOf(path, 0o644)); err != nil {
		return "", "", err
	}
	built, err := s.nix.Build(ctx, s.dir, attr, ".#"+attr)
	if err != nil {
		return "", "", fmt.Errorf("building %s %s: %w", attr, version, err)
	}
	if len(built) > 0 {
		out = built[0].Outputs["out"]
	}
	return hash, out, nil
}

// packageName is the last component of a flake attribute, as nixpkgs
// names packages in commit messages.
func packageName(attr string) string {
	return attr[strings.LastIndex(attr, ".")+1:]
}

// positionRE splits meta.position ("/nix/store/…-source/pkgs/a.nix:12").
var positionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(.*):(\d+)$`) })

// storeRootRE is the store copy of the flake's source tree.
var storeRootRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^/nix/store/[0-9a-z]{32}-[^/]+/`) })

// packageFile returns the file to edit, from --file or meta.position,
// and the line meta.position names (0 when unknown).
func packageFile(ctx context.Context, s *session, opts PackageOptions, installable string) (string, int, error) {
	var pos string
	posErr := s.nix.EvalJSON(ctx, s.dir, installable+".meta.position", "", &pos)
	m := positionRE().FindStringSubmatch(pos)
	line := 0
	if m != nil {
		line, _ = strconv.Atoi(m[2])
	}
	if opts.File != "" {
		file, err := filepath.Abs(opts.File)
		if err != nil {
			return "", 0, gate.Usage("%v", err)
		}
		if m == nil || filepath.Base(m[1]) != filepath.Base(file) {
			line = 0 // meta.position is about another file
		}
		return file, line, nil
	}
	if posErr != nil || m == nil {
		return "", 0, gate.Usage("%s has no usable meta.position (%v); name its file with --file", opts.Attr, posErr)
	}
	// The flake was evaluated from a store copy of the work tree.
	rel := storeRootRE().ReplaceAllString(m[1], "")
	if rel == m[1] {
		return m[1], line, nil
	}
	file := filepath.Join(s.repo.root, rel)
	if _, err := os.Stat(file); err != nil {
		return "", 0, gate.Usage("meta.position of %s is %s, which is not a file of this repository; name its file with --file", opts.Attr, pos)
	}
	return file, line, nil
}

// relToDir shows path relative to the flake directory when it is inside.
func (s *session) relToDir(path string) string {
	if rel, err := filepath.Rel(s.dir, path); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return path
}
