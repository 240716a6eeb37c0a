// Package gate holds what every fleet operation (update, health, deploy)
// shares around its own work: the audit gate that refuses to change
// anything while `nixaudit check` finds blocking issues, the exit codes,
// the flags every operation takes (--format, --config, --skip-audit,
// --reason) and progress output that only goes to a terminal.
//
// An operation calls Check first, returns the errors Refused, Failed or
// Usage so the CLI can map them to exit codes with ExitCode, and records
// the Audit in its JSON output under "audit".
package gate
