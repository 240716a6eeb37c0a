// Package update implements `nixaudit update`: moving a flake's inputs
// (UpdateFlake) and a package's version and source hash (UpdatePackage),
// each behind the audit gate, in a clean git work tree, with an optional
// build that restores the previous state when it fails, and an optional
// commit and pull request.
package update
