// Package analyzer is nixaudit's driver: it finds Nix files, loads the
// configuration, runs the rules (each a go/analysis Analyzer) over every
// file, applies suppressions and fixes, and returns findings.
package analyzer

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Severity is how serious a finding is. Errors block by default.
type Severity uint8

const (
	SeverityInfo Severity = iota + 1
	SeverityWarning
	SeverityError
)

func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return "none"
}

// ParseSeverity parses "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return SeverityError, nil
	case "warning":
		return SeverityWarning, nil
	case "info":
		return SeverityInfo, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// FixSafety says whether a rule's suggested fixes keep the meaning of the
// code (safe: applied by --fix) or may change it (unsafe: only with
// --unsafe-fixes).
type FixSafety uint8

const (
	FixNone FixSafety = iota
	FixSafe
	FixUnsafe
)

func (f FixSafety) String() string {
	switch f {
	case FixSafe:
		return "safe"
	case FixUnsafe:
		return "unsafe"
	}
	return "none"
}

// Rule is an analyzer with the metadata nixaudit needs. The Analyzer's Name
// is the rule ID; its Doc is the rule's documentation in Markdown: a
// one-line summary, then the sections "## What it does", "## Why is this
// bad?", "## Example" (a nix code block), "## Use instead" (a nix code
// block) and, for rules with fixes, "## Fix safety".
type Rule struct {
	*analysis.Analyzer
	Category string // syntax, deadcode, style, antipattern, security, module, package, flake
	Severity Severity
	Fix      FixSafety
	Tags     []string
	// SecuritySeverity is the CVSS-like score GitHub code scanning shows
	// for security rules ("8.0"); empty for other rules.
	SecuritySeverity string
}

// Summary returns the first line of the rule's doc.
func (r *Rule) Summary() string {
	s, _, _ := strings.Cut(r.Doc, "\n")
	return s
}

// unsafePrefix marks a SuggestedFix as unsafe regardless of its rule's
// default safety (a rule whose fixes are safe only in some cases).
const unsafePrefix = "[unsafe] "

// Unsafe returns fix marked as unsafe.
func Unsafe(fix analysis.SuggestedFix) analysis.SuggestedFix {
	fix.Message = unsafePrefix + fix.Message
	return fix
}

// FixIsSafe reports whether fix, suggested by rule r, is safe to apply
// with --fix, and returns its message without any marker.
func FixIsSafe(r *Rule, fix analysis.SuggestedFix) (safe bool, message string) {
	if m, ok := strings.CutPrefix(fix.Message, unsafePrefix); ok {
		return false, m
	}
	return r.Fix == FixSafe, fix.Message
}
