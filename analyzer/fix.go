package analyzer

import (
	"go/token"
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
		if len(c.fix.TextEdits) == 0 || overlapsAny(c.fix.TextEdits, taken) || selfOverlapping(c.fix.TextEdits) {
			continue
		}
		taken = append(taken, c.fix.TextEdits...)
		fixes = append(fixes, c.fix.TextEdits)
	}
	return fixes
}

// selfOverlapping reports whether two of a fix's edits overlap: a rule's
// mistake, and applying the fix in part could leave code that parses
// but means something else.
func selfOverlapping(edits []analysis.TextEdit) bool {
	for i, e := range edits {
		if overlapsAny(edits[i+1:], []analysis.TextEdit{e}) {
			return true
		}
	}
	return false
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
