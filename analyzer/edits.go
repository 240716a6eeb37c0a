package analyzer

import (
	"fmt"
	"go/token"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// ApplyEdits applies edits to src, the content of tf. Edits are applied
// in position order; an edit that overlaps one already taken is skipped
// and counted in skipped (a later pass may apply it).
func ApplyEdits(tf *token.File, src []byte, edits []analysis.TextEdit) (out []byte, skipped int, err error) {
	type span struct {
		start, end int
		text       []byte
	}
	spans := make([]span, 0, len(edits))
	base := tf.Base()
	for _, e := range edits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		s, t := int(e.Pos)-base, int(end)-base
		if s < 0 || t < s || t > len(src) {
			return nil, 0, fmt.Errorf("edit [%d,%d) outside %s", s, t, tf.Name())
		}
		spans = append(spans, span{s, t, e.NewText})
	}
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end < spans[j].end
	})
	out = make([]byte, 0, len(src))
	last := 0
	for _, s := range spans {
		if s.start < last {
			skipped++
			continue
		}
		out = append(out, src[last:s.start]...)
		out = append(out, s.text...)
		last = s.end
	}
	return append(out, src[last:]...), skipped, nil
}
