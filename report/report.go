// Package report renders nixaudit findings for people (text), tools
// (json, errfmt), GitHub (github workflow commands) and code scanning
// (SARIF 2.1.0).
package report

// Edit replaces the text between (Line, Column) and (EndLine, EndColumn)
// with NewText. Lines and columns are 1-based; columns count bytes; the
// end is one past the last byte replaced.
type Edit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	NewText   string `json:"new_text"`
}

// Fix is a suggested fix: edits applied together.
type Fix struct {
	Description string `json:"description"`
	Safe        bool   `json:"safe"`
	Edits       []Edit `json:"edits"`
}

// Diagnostic is one finding. Positions as in Edit.
type Diagnostic struct {
	File      string `json:"file"` // as given, or relative to the working directory
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Rule      string `json:"rule"`
	Category  string `json:"category"`
	Severity  string `json:"severity"` // error, warning or info
	Message   string `json:"message"`
	Fixes     []Fix  `json:"fixes"`
	// Fingerprint identifies the finding across edits that shift lines
	// (baselines, SARIF partialFingerprints).
	Fingerprint string `json:"-"`
	// Secret marks a finding whose range covers a secret value: every
	// output that shows source masks that range.
	Secret bool `json:"-"`
}

// Rule describes a rule for outputs that list rules (SARIF's
// tool.driver.rules).
type Rule struct {
	Name             string
	Category         string
	Severity         string
	Fix              string // none, safe or unsafe
	Summary          string // one line
	Doc              string // Markdown
	Tags             []string
	SecuritySeverity string // for security rules, e.g. "8.0"
}

// Summary counts files and findings by severity.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Result is everything a run reports.
type Result struct {
	Diagnostics []Diagnostic // sorted by file, line, column, rule
	Summary     Summary
	Rules       []Rule // the rules that ran, sorted by name
	ToolVersion string
	// Source returns the lines of a file for excerpts, nil when they are
	// not available. The reports read only the lines KeepLines keeps.
	Source func(file string) Lines
	// lines caches Source's lines of each file (see linesOf); secrets
	// the secret findings of each file (see secretsIn).
	lines   map[string]Lines
	secrets map[string][]int
}
