package analyzer

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/internal/atomicfile"
	"github.com/nixaudit/nixaudit/report"
)

// Options configure one audit run (nixaudit check, and the gate of the
// fleet operations).
type Options struct {
	// Paths are the files and directories to audit; "-" reads Stdin.
	// Empty means ".".
	Paths []string
	// Stdin is read for the path "-", reported as StdinFilename ("-"
	// when empty).
	Stdin         io.Reader
	StdinFilename string
	// ConfigPath is an explicit .nixaudit.toml; "" finds one upward from
	// the first path.
	ConfigPath string
	// Rules is the full registry (callers pass all.Rules()).
	Rules []*Rule
	// Select runs only these rules or categories; Enable and Disable add
	// to and remove from the enabled set. "all" names every rule.
	Select, Enable, Disable []string
	// Exclude adds gitignore-style patterns, relative to the working
	// directory, to the configuration's exclude list.
	Exclude []string
	// FailOn overrides the configuration's fail-on: "error", "warning",
	// "info" or "none"; "" keeps the configuration's (default "error").
	FailOn string
	// Fix applies safe fixes, UnsafeFixes also the unsafe ones; with Diff
	// the fixes are rendered as a unified diff and nothing is written.
	Fix, UnsafeFixes, Diff bool
	// Baseline hides the findings recorded in this file; WriteBaseline
	// records the run's findings in this file.
	Baseline, WriteBaseline string
	// Progress, when set, receives a file counter while files are
	// analyzed (the CLI sets it to stderr on a terminal only).
	Progress io.Writer
}

// Outcome is the result of a run.
type Outcome struct {
	// Result holds the findings left after suppressions, the baseline
	// and fixes.
	Result *report.Result
	// Blocking are the findings at or above FailOn.
	Blocking []report.Diagnostic
	// FailOn is the effective threshold; 0 ("none") blocks nothing.
	FailOn Severity
	Config *config.Config
	// Diff is the unified diff of the fixes (with Options.Diff).
	Diff string
	// FixedFiles lists the files --fix rewrote, sorted.
	FixedFiles []string
	// FixedStdin is the text of stdin after the fixes, also when none
	// applied (with Fix and the path "-", without Diff); nil otherwise.
	FixedStdin []byte
	// Skipped are the files given in Paths that were not checked because
	// they are not .nix files.
	Skipped []string
}

// Check runs the audit described by opts. Its errors are usage,
// configuration and I/O errors (exit code 2); findings are in the
// Outcome.
func Check(ctx context.Context, opts Options) (*Outcome, error) {
	if len(opts.Paths) == 0 {
		opts.Paths = []string{"."}
	}
	if opts.StdinFilename == "" {
		opts.StdinFilename = "-"
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	cfg, err := loadConfig(opts, cwd)
	if err != nil {
		return nil, err
	}
	failOn, err := effectiveFailOn(opts.FailOn, cfg.FailOn)
	if err != nil {
		return nil, err
	}
	rules, err := selectRules(opts.Rules, cfg, opts)
	if err != nil {
		return nil, err
	}
	exclude, err := excludes(cfg, opts.Exclude, cwd)
	if err != nil {
		return nil, err
	}
	flagsMu.Lock()
	defer flagsMu.Unlock()
	if err := setRuleOptions(opts.Rules, cfg); err != nil {
		return nil, err
	}
	r := newRunner(ctx, opts.Rules, rules, projectDir(opts.Paths, opts.StdinFilename), opts.Progress)
	paths := newProjectPaths(projectRoot(cfg, opts, cwd), cwd)
	if !opts.Fix && !opts.Diff {
		// Fixes rewrite any file's text and findings: only a run without
		// them may settle a file's findings as soon as it is analyzed,
		// and reuse the memory of its text.
		r.paths = paths
		r.texts = newTextArena()
	}
	var skipped []string
	discovered := func(yield func(*unit) bool) error {
		var walkErr error
		stopped := false
		skipped, walkErr = discoverEach(opts.Paths, opts.StdinFilename, exclude, r.texts, func(s source) {
			if stopped || walkErr != nil {
				r.texts.release(s.chunk)
				return
			}
			u := &unit{source: s}
			if s.content != nil {
				u.orig, u.text, u.mode = s.content, s.content, s.perm
				u.content = nil
			} else if s.path == "" {
				if walkErr = readStdin(u, opts.Stdin); walkErr != nil {
					return
				}
			}
			r.units = append(r.units, u)
			if stopped = !yield(u); stopped {
				r.ownText(u) // not analyzed: its chunk is not given back otherwise
			}
		})
		sortSources(r.units)
		return walkErr
	}
	if err := r.fixLoop(discovered, opts.Fix || opts.Diff, opts.UnsafeFixes); err != nil {
		return nil, err
	}

	diags := r.diagnostics(paths)
	if opts.WriteBaseline != "" {
		if err := writeBaseline(opts.WriteBaseline, diags, paths); err != nil {
			return nil, err
		}
	}
	if opts.Baseline != "" {
		accepted, err := readBaseline(opts.Baseline)
		if err != nil {
			return nil, err
		}
		diags = applyBaseline(diags, accepted)
	}
	out := &Outcome{Config: cfg, FailOn: failOn, Skipped: skipped, Result: &report.Result{
		Diagnostics: diags,
		Summary:     summarize(len(r.units), diags),
		Rules:       reportRules(rules),
		Source:      r.sourceLines,
	}}
	for _, d := range diags {
		if failOn != 0 && severityOf(d.Severity) >= failOn {
			out.Blocking = append(out.Blocking, d)
		}
	}
	if err := r.finishFixes(opts, out); err != nil {
		return nil, err
	}
	return out, nil
}

// fixLoop analyzes every unit, and with fix applies the fixes and
// re-analyzes the changed files until nothing changes or maxFixPasses.
func (r *runner) fixLoop(discovered feed, fix, unsafe bool) error {
	next, todo := discovered, []*unit(nil)
	for pass := 0; ; pass++ {
		if err := r.analyze(next); err != nil {
			return err
		}
		if pass == 0 {
			todo = r.units
		}
		if err := r.runProject(); err != nil {
			return err
		}
		r.filter()
		if !fix || pass == maxFixPasses {
			return nil
		}
		changed, err := r.applyFixes(todo, unsafe)
		if err != nil {
			return err
		}
		if len(changed) == 0 {
			return nil
		}
		next, todo = unitsFeed(changed), changed
	}
}

// readStdin reads the text of u, the unit standing for "-".
func readStdin(u *unit, stdin io.Reader) error {
	if stdin == nil {
		return fmt.Errorf("-: no standard input")
	}
	src, err := io.ReadAll(stdin)
	if err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	u.orig, u.text = src, src
	return nil
}

// finishFixes renders the diff (with Diff) or writes the fixed files
// (with Fix).
func (r *runner) finishFixes(opts Options, out *Outcome) error {
	if !opts.Fix && !opts.Diff {
		return nil // no text changed
	}
	var diff strings.Builder
	for _, u := range r.units {
		changed := string(u.text) != string(u.orig)
		switch {
		case opts.Diff:
			if !changed {
				continue
			}
			// Unlike the fixed files, the diff is output: mask secrets.
			u.noteSecrets()
			before := report.Redact(string(u.orig), u.secrets)
			after := report.Redact(string(u.text), u.secrets)
			diff.WriteString(unifiedDiff(u.name, []byte(before), []byte(after)))
		case u.path == "":
			if opts.Fix {
				// Editors replace their buffer with it, changed or not.
				out.FixedStdin = u.text
			}
		case changed:
			if err := atomicfile.WriteFile(u.path, u.text, u.mode); err != nil {
				return fmt.Errorf("writing the fixes of %s: %w", u.name, err)
			}
			out.FixedFiles = append(out.FixedFiles, u.name)
		}
	}
	out.Diff = diff.String()
	return nil
}

// sourceLines returns the lines of the named file the report shows: those
// kept of a settled file's text, else its current text's, split by the
// line table of its latest parse unless the text changed since. The units
// are sorted by name: the report looks up the few files with findings,
// which a search finds without a map of every file.
func (r *runner) sourceLines(name string) report.Lines {
	if u := r.unitNamed(name); u != nil {
		switch {
		case u.shown != nil:
			return u.shown
		case u.text == nil:
			return nil
		case u.file != nil && u.file.Tok != nil && sameText(u.file.Src, u.text):
			return report.TextLines(u.text, u.file.Tok.Lines())
		}
		return report.TextLines(u.text, nil)
	}
	if e, ok := r.extra[name]; ok {
		return report.TextLines(e.src, nil)
	}
	return nil
}

// sameText reports whether a and b are the same bytes in memory.
func sameText(a, b []byte) bool {
	return len(a) == len(b) && unsafe.SliceData(a) == unsafe.SliceData(b)
}

func loadConfig(opts Options, cwd string) (*config.Config, error) {
	path := opts.ConfigPath
	if path == "" {
		start := cwd
		if p := opts.Paths[0]; p != "-" {
			start = p
		} else if opts.StdinFilename != "-" {
			start = filepath.Dir(opts.StdinFilename)
		}
		if st, err := os.Stat(start); err == nil && !st.IsDir() {
			start = filepath.Dir(start)
		}
		found, err := config.Find(start)
		if err != nil {
			return nil, err
		}
		if found == "" {
			return config.Default(cwd), nil
		}
		// Errors name the file relative to the working directory, as
		// paths on the command line are.
		path = found
		if rel, err := filepath.Rel(cwd, found); err == nil {
			path = rel
		}
	}
	return config.Load(path)
}

func effectiveFailOn(override, configured string) (Severity, error) {
	v := configured
	if override != "" {
		v = override
	}
	if v == "none" {
		return 0, nil
	}
	s, err := ParseSeverity(v)
	if err != nil {
		return 0, fmt.Errorf("fail-on: unknown severity %q (want error, warning, info or none)", v)
	}
	return s, nil
}

func severityOf(s string) Severity {
	sev, _ := ParseSeverity(s)
	return sev
}

// excludes compiles the configuration's patterns (relative to its
// directory) and the command line's (relative to cwd).
func excludes(cfg *config.Config, extra []string, cwd string) (*ignorer, error) {
	ig := &ignorer{}
	l, err := newIgnoreList(cfg.Dir, cfg.Exclude)
	if err != nil {
		return nil, cfg.Errorf([]string{"exclude"}, "exclude: %v", err)
	}
	ig = ig.with(l)
	if l, err = newIgnoreList(cwd, extra); err != nil {
		return nil, fmt.Errorf("--exclude: %w", err)
	}
	return ig.with(l), nil
}

// projectDir is the directory project-wide rules look at: the first
// target directory, or the directory of the first target file.
func projectDir(paths []string, stdinName string) string {
	p := paths[0]
	if p == "-" {
		return filepath.Dir(stdinName)
	}
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		return filepath.Dir(p)
	}
	return p
}

// projectRoot is the directory fingerprints, and the file names of a
// baseline, are relative to: the configuration's directory, else the git
// repository of the first target, else the directory of the baseline
// written (else read), so a baseline matches whatever the working
// directory; else the working directory.
func projectRoot(cfg *config.Config, opts Options, cwd string) string {
	if cfg.Path != "" {
		return cfg.Dir
	}
	if abs, err := filepath.Abs(projectDir(opts.Paths, "-")); err == nil {
		if root := gitRoot(abs); root != "" {
			return root
		}
	}
	for _, b := range []string{opts.WriteBaseline, opts.Baseline} {
		if b == "" {
			continue
		}
		if abs, err := filepath.Abs(filepath.Dir(b)); err == nil {
			return abs
		}
	}
	return cwd
}
