// Package flakelock reads flake.lock files: the typed node graph Nix
// writes (lock file versions 5 to 7), with every root input resolved
// through `follows` paths, and the byte offsets of node keys and fields
// so that diagnostics can point into the lock file itself.
//
// The data API (Lock, Node, Ref, Input) is small and stable: fleet
// operations read revisions and lastModified from it, and the flake rules
// read owners, refs and offsets.
package flakelock
