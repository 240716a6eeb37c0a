package analyzer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// source is one Nix file to audit.
type source struct {
	// name is how the file is reported: as given on the command line, or
	// joined to the directory given.
	name string
	// path is where the file is read and written; "" for stdin.
	path string
	// content and perm are the file's text and permission bits when the
	// walk read them (see discoverer.texts), content is nil otherwise;
	// chunk is the textChunk content is in, if any.
	content []byte
	chunk   *textChunk
	perm    fs.FileMode
}

// discoverer finds the Nix files under the paths of a run.
type discoverer struct {
	// exclude holds the configured and --exclude patterns; they apply to
	// explicit files too, so pre-commit's file lists honour them.
	exclude *ignorer
	// seen holds the files emitted, when several paths are walked.
	seen map[string]bool
	emit func(source)
	// texts, when set, makes the walk read the files it finds in
	// directories into its memory: it opens them relative to the
	// directory it is listing (see readIn).
	texts *textArena
	// skipped are the files given explicitly that are not .nix files.
	skipped []string
	// direntBuf is listDir's buffer, reused from directory to directory.
	direntBuf []byte
}

// discover returns the files to audit for paths, sorted by name, and the
// files given that it skipped: a file not named *.nix, such as flake.lock,
// is not Nix and is not parsed (the flake rules read flake.lock next to
// the flake.nix of a run). "-" stands for stdin, reported as stdinName.
func discover(paths []string, stdinName string, exclude *ignorer) (srcs []source, skipped []string, err error) {
	skipped, err = discoverEach(paths, stdinName, exclude, nil, func(s source) { srcs = append(srcs, s) })
	if err != nil {
		return nil, nil, err
	}
	sortSources(srcs)
	return srcs, skipped, nil
}

// discoverEach is discover calling emit for each file as the walk finds
// it, so that the analysis of the first files overlaps the walk. Every
// path is checked to exist before the first call of emit. With texts,
// the files found in directories come with their content, in its memory,
// when it could be read (the caller reads the others, and reports their
// errors).
func discoverEach(paths []string, stdinName string, exclude *ignorer, texts *textArena, emit func(source)) (skipped []string, err error) {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return nil, statError(p, err)
		}
	}
	d := &discoverer{exclude: exclude, emit: emit, texts: texts}
	if texts != nil {
		defer texts.retire()
	}
	if len(paths) > 1 {
		// One walk meets each file once (it does not follow symlinks to
		// directories); several paths may overlap.
		d.seen = map[string]bool{}
	}
	for _, p := range paths {
		if p == "-" {
			emit(source{name: stdinName})
			continue
		}
		if err := d.add(p); err != nil {
			return nil, err
		}
	}
	return d.skipped, nil
}

// sortSources puts srcs in the order of the run's output: by name.
func sortSources[S ~[]E, E interface{ sourceName() string }](srcs S) {
	slices.SortStableFunc(srcs, func(a, b E) int { return strings.Compare(a.sourceName(), b.sourceName()) })
}

func (s source) sourceName() string { return s.name }

// statError words a missing or unreadable path given to the run.
func statError(given string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", given, pe.Err)
	}
	return err
}

func (d *discoverer) add(given string) error {
	st, err := os.Stat(given)
	if err != nil {
		return statError(given, err)
	}
	abs, err := filepath.Abs(given)
	if err != nil {
		return err
	}
	if d.exclude.ignoredWithParents(abs, st.IsDir()) {
		return nil
	}
	if !st.IsDir() {
		if !strings.HasSuffix(given, ".nix") {
			d.skipped = append(d.skipped, given)
			return nil
		}
		d.file(filepath.Clean(given), abs, nil, "")
		return nil
	}
	git, err := gitIgnorer(abs)
	if err != nil {
		return err
	}
	return d.walk(filepath.Clean(given), abs, git)
}

// file emits the file abs, reported as name; when the walk is listing
// its directory, dir is that directory and entry the file's name in it.
func (d *discoverer) file(name, abs string, dir *os.File, entry string) {
	if d.seen != nil {
		if d.seen[abs] {
			return
		}
		d.seen[abs] = true
	}
	s := source{name: name, path: name}
	if d.texts != nil && dir != nil {
		// A file that cannot be read now is read again by the caller,
		// which reports the error.
		if text, chunk, perm, err := readIn(dir, entry, name, d.texts); err == nil {
			s.content, s.chunk, s.perm = text, chunk, perm
		}
	}
	d.emit(s)
}

// walk adds the Nix files under the directory abs (reported under name),
// honouring the .gitignore files met on the way.
func (d *discoverer) walk(name, abs string, git *ignorer) error {
	dir, err := os.Open(abs)
	if err != nil {
		return err
	}
	return d.walkOpen(dir, name, abs, git)
}

// walkOpen is walk of the open directory dir, which it closes.
func (d *discoverer) walkOpen(dir *os.File, name, abs string, git *ignorer) error {
	defer dir.Close()
	entries, err := listDir(dir, abs, &d.direntBuf)
	if err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	// Look for .gitignore among the entries rather than trying to open
	// it: most directories have none, and a failed open costs as much as
	// reading the directory.
	if _, found := slices.BinarySearchFunc(entries, ".gitignore", func(e fs.DirEntry, name string) int {
		return strings.Compare(e.Name(), name)
	}); found {
		l, err := readIgnoreFile(abs, filepath.Join(abs, ".gitignore"))
		if err != nil {
			return err
		}
		git = git.with(l)
	}
	for _, e := range entries {
		// Most entries of a tree are other files: decide on the name
		// before making paths of it.
		entry := e.Name()
		isDir, ok := d.kind(e, abs)
		if !ok || !isDir && !strings.HasSuffix(entry, ".nix") {
			continue
		}
		childAbs := joinEntry(abs, entry)
		if d.exclude.ignored(childAbs, isDir) || git.ignored(childAbs, isDir) {
			continue
		}
		childName := childAbs // when the walk was given an absolute path
		if name != abs {
			childName = joinEntry(name, entry)
		}
		if !isDir {
			d.file(childName, childAbs, dir, entry)
			continue
		}
		sub, err := openIn(dir, entry, childAbs)
		if err != nil {
			return err
		}
		if err := d.walkOpen(sub, childName, childAbs, git); err != nil {
			return err
		}
	}
	return nil
}

// joinEntry is filepath.Join(dir, entry) for a clean dir and the name of
// one of its entries, without Join's cleaning of a result that is clean.
func joinEntry(dir, entry string) string {
	if dir == "." || dir == "" || os.IsPathSeparator(dir[len(dir)-1]) || filepath.VolumeName(dir) == dir {
		return filepath.Join(dir, entry)
	}
	return dir + string(filepath.Separator) + entry
}

// kind classifies an entry of the directory dir for the walk. ok is false
// for entries the walk never enters: .git, result* symlinks (nix build
// outputs), symlinks to directories (which may loop) and special files.
func (d *discoverer) kind(e fs.DirEntry, dir string) (isDir, ok bool) {
	switch t := e.Type(); {
	case e.Name() == ".git":
		return false, false
	case t&fs.ModeSymlink != 0:
		if strings.HasPrefix(e.Name(), "result") {
			return false, false
		}
		st, err := os.Stat(joinEntry(dir, e.Name()))
		return false, err == nil && st.Mode().IsRegular()
	case t.IsDir():
		return true, true
	default:
		return false, t.IsRegular()
	}
}

// gitIgnorer returns the ignore rules that apply to the directory abs
// from outside it: .git/info/exclude of its repository and the
// .gitignore files of its ancestors inside the repository.
func gitIgnorer(abs string) (*ignorer, error) {
	root := gitRoot(abs)
	ig := &ignorer{}
	if root == "" {
		return ig, nil
	}
	if dir := gitCommonDir(root); dir != "" {
		l, err := readIgnoreFile(root, filepath.Join(dir, "info", "exclude"))
		if err != nil {
			return nil, err
		}
		ig = ig.with(l)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return nil, err
	}
	dir := root
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if part == "." {
			break
		}
		l, err := readIgnoreFile(dir, filepath.Join(dir, ".gitignore"))
		if err != nil {
			return nil, err
		}
		ig = ig.with(l)
		dir = filepath.Join(dir, part)
	}
	return ig, nil
}

// gitCommonDir returns the git directory whose info/exclude applies to
// the work tree at root, or "" if there is none. In a linked worktree or
// a submodule, .git is a file naming the real git directory
// ("gitdir: …"), and a worktree's git directory names, in its commondir
// file, the repository's directory that holds info/exclude.
func gitCommonDir(root string) string {
	dotGit := filepath.Join(root, ".git")
	st, err := os.Stat(dotGit)
	if err != nil {
		return ""
	}
	if st.IsDir() {
		return dotGit
	}
	dir := relativeLink(root, dotGit, "gitdir:")
	if dir == "" {
		return ""
	}
	if common := relativeLink(dir, filepath.Join(dir, "commondir"), ""); common != "" {
		return common
	}
	return dir
}

// relativeLink reads a one-line file holding a path after prefix and
// resolves it against base; "" if the file cannot be read or lacks prefix.
func relativeLink(base, file, prefix string) string {
	data, err := os.ReadFile(file)
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(string(data), "\n")
	target, ok := strings.CutPrefix(line, prefix)
	if target = strings.TrimSpace(target); !ok || target == "" {
		return ""
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(base, target)
	}
	return target
}

// gitRoot returns the nearest directory at or above abs that holds a
// .git entry, or "".
func gitRoot(abs string) string {
	for dir := abs; ; {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// ignoredWithParents reports whether abs, or a directory above it inside
// a list's base, is excluded: an explicit target inside an excluded
// directory is excluded too.
func (ig *ignorer) ignoredWithParents(abs string, isDir bool) bool {
	if ig.ignored(abs, isDir) {
		return true
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		if ig.ignored(dir, true) {
			return true
		}
		if parent := filepath.Dir(dir); parent == dir {
			return false
		}
	}
}
