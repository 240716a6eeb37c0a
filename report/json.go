package report

import (
	"io"
)

type jsonReport struct {
	Version     int            `json:"version"`
	Diagnostics []Diagnostic   `json:"diagnostics"`
	Summary     Summary        `json:"summary"`
	Statistics  map[string]int `json:"statistics,omitempty"`
}

func writeJSON(w io.Writer, res *Result, opts Options) error {
	out := jsonReport{Version: 1, Diagnostics: make([]Diagnostic, len(res.Diagnostics)), Summary: res.Summary}
	for i, d := range res.Diagnostics {
		if d.Fixes == nil {
			d.Fixes = []Fix{}
		}
		for j := range d.Fixes {
			if d.Fixes[j].Edits == nil {
				d.Fixes[j].Edits = []Edit{}
			}
		}
		out.Diagnostics[i] = d
	}
	if opts.Statistics {
		out.Statistics = map[string]int{}
		for _, d := range res.Diagnostics {
			out.Statistics[d.Rule]++
		}
	}
	return writeIndented(w, out)
}
