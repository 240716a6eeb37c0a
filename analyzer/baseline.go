package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/nixaudit/nixaudit/internal/atomicfile"
	"github.com/nixaudit/nixaudit/report"
)

// baselineVersion is the format version of baseline files.
const baselineVersion = 1

// baselineFile is the JSON form of a baseline: the fingerprints of the
// findings a project accepts, with the rule, file and message for people
// reading the file.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Message     string `json:"message"`
}

// fingerprint identifies a finding without its line numbers, so it
// survives edits elsewhere in the file: the rule, the file (relative to
// the project root), the flagged text with blanks normalized, and the
// index of this finding among the file's findings with the same rule and
// text.
func fingerprint(rule, file, text string, occurrence int) string {
	h := sha256.New()
	for _, part := range []string{rule, file, strings.Join(strings.Fields(text), " "), strconv.Itoa(occurrence)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// readBaseline returns the number of accepted findings per fingerprint.
func readBaseline(path string) (map[string]int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("baseline %s: unsupported version %d (want %d)", path, b.Version, baselineVersion)
	}
	counts := make(map[string]int, len(b.Findings))
	for _, e := range b.Findings {
		counts[e.Fingerprint]++
	}
	return counts, nil
}

// applyBaseline removes the findings the baseline accepts. Each entry
// accepts one finding.
func applyBaseline(diags []report.Diagnostic, accepted map[string]int) []report.Diagnostic {
	out := diags[:0:0]
	for _, d := range diags {
		if accepted[d.Fingerprint] > 0 {
			accepted[d.Fingerprint]--
			continue
		}
		out = append(out, d)
	}
	return out
}

// writeBaseline records diags in path, naming their files by their
// project paths, as their fingerprints do.
func writeBaseline(path string, diags []report.Diagnostic, paths *projectPaths) error {
	b := baselineFile{Version: baselineVersion, Findings: make([]baselineEntry, 0, len(diags))}
	for _, d := range diags {
		b.Findings = append(b.Findings, baselineEntry{Fingerprint: d.Fingerprint, Rule: d.Rule, File: paths.of(d.File), Message: d.Message})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(path, append(data, '\n'), 0o644)
}
