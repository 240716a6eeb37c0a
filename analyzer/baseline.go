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
	return fingerprintWords(rule, file, appendWords(nil, text), occurrence)
}

// fingerprintWords is fingerprint of the flagged text's words, as
// appendWords gives them: a SHA-256 of the parts, each followed by a NUL.
func fingerprintWords(rule, file string, words []byte, occurrence int) string {
	b := make([]byte, 0, len(rule)+len(file)+len(words)+24)
	b = append(append(b, rule...), 0)
	b = append(append(b, file...), 0)
	b = append(append(b, words...), 0)
	b = append(strconv.AppendInt(b, int64(occurrence), 10), 0)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// appendWords appends the words of text separated by single spaces,
// strings.Join(strings.Fields(text), " "), without making either.
func appendWords(dst []byte, text string) []byte {
	first := true
	for word := range strings.FieldsSeq(text) {
		if !first {
			dst = append(dst, ' ')
		}
		dst, first = append(dst, word...), false
	}
	return dst
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
