package report

import (
	"fmt"
	"io"
	"sort"
)

// writeStatistics prints the number of findings per rule, most frequent
// first.
func writeStatistics(w io.Writer, res *Result) error {
	type row struct {
		rule, severity string
		n              int
	}
	counts := map[string]*row{}
	var rows []*row
	for _, d := range res.Diagnostics {
		r, ok := counts[d.Rule]
		if !ok {
			r = &row{rule: d.Rule, severity: d.Severity}
			counts[d.Rule] = r
			rows = append(rows, r)
		}
		r.n++
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].n != rows[j].n {
			return rows[i].n > rows[j].n
		}
		return rows[i].rule < rows[j].rule
	})
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%5d  %-30s %s\n", r.n, r.rule, r.severity); err != nil {
			return err
		}
	}
	return nil
}
