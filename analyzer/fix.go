package analyzer

import (
	"errors"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// maxFixPasses bounds the fix loop: each pass applies the fixes that do
// not overlap, and re-analyzes to find the fixes that became possible.
const maxFixPasses = 10

// candidate is a suggested fix the run may apply.
type candidate struct {
	rule  string
	fix   analysis.SuggestedFix
	start int // position of the fix's first edit
}

// chooseFixes picks the fixes to apply to one file in one pass: the
// applicable fixes in order of their first edit (then rule name and
// message, so the choice is deterministic), each taken only when none of
// its edits overlaps an edit already taken. It returns the edits of each
// fix taken.
func chooseFixes(cands []candidate) [][]analysis.TextEdit {
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.rule != b.rule {
			return a.rule < b.rule
		}
		return a.fix.Message < b.fix.Message
	})
	var taken []analysis.TextEdit
	var fixes [][]analysis.TextEdit
	for _, c := range cands {
		if len(c.fix.TextEdits) == 0 || overlapsAny(c.fix.TextEdits, taken) {
			continue
		}
		taken = append(taken, c.fix.TextEdits...)
		fixes = append(fixes, c.fix.TextEdits)
	}
	return fixes
}

func overlapsAny(edits, taken []analysis.TextEdit) bool {
	for _, e := range edits {
		for _, t := range taken {
			if overlaps(e, t) {
				return true
			}
		}
	}
	return false
}

// overlaps reports whether two edits touch the same text: their ranges
// intersect, an insertion falls strictly inside the other's range, or
// both insert at the same place (whose order would be arbitrary).
func overlaps(a, b analysis.TextEdit) bool {
	as, ae, bs, be := a.Pos, editEnd(a), b.Pos, editEnd(b)
	switch {
	case as == ae && bs == be:
		return as == bs
	case as == ae:
		return bs < as && as < be
	case bs == be:
		return as < bs && bs < ae
	}
	return max(as, bs) < min(ae, be)
}

// editEnd is the end of e; a missing End means an insertion.
func editEnd(e analysis.TextEdit) token.Pos {
	if e.End.IsValid() {
		return e.End
	}
	return e.Pos
}

// firstEdit returns the position of the earliest edit of fix.
func firstEdit(fix analysis.SuggestedFix) int {
	start := -1
	for _, e := range fix.TextEdits {
		if start < 0 || int(e.Pos) < start {
			start = int(e.Pos)
		}
	}
	return start
}

// writeFileAtomic replaces path with data through a temporary file in the
// same directory and a rename, so readers never see a partial file. The
// new file gets mode. When path is a symlink, the file it points to is
// replaced and the link is left as it is (renaming over the link would
// turn it into a copy and leave the real file unchanged).
func writeFileAtomic(path string, data []byte, mode fs.FileMode) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".nixaudit-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
