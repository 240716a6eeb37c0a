package flake

import (
	"regexp"
	"strings"
	"sync"

	"github.com/nixaudit/nixaudit/flakelock"
)

// rootInput is an input of the root node with the node it resolves to.
type rootInput struct {
	Name string
	Node *flakelock.Node
	// Follows reports that the input follows another input.
	Follows bool
}

// rootInputs returns the root's inputs in file order.
func rootInputs(l *flakelock.Lock) []rootInput {
	root := l.RootNode()
	out := make([]rootInput, 0, len(root.InputNames))
	for _, name := range root.InputNames {
		in := root.Inputs[name]
		out = append(out, rootInput{Name: name, Node: in.Resolved, Follows: in.Follows != nil})
	}
	return out
}

// nixpkgsURL matches git and tarball URLs of nixpkgs (a path segment
// named nixpkgs) and of NixOS channels.
var nixpkgsURL = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)/nixpkgs(?:\.git)?(?:[/?#]|$)|nixos\.org/channels/`)
})

// channelURL matches the URLs of a channel or a GitHub archive of a
// branch, capturing the channel or branch.
var channelURL = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^https?://(?:github\.com/NixOS/nixpkgs/archive/([^/?]+?)\.tar\.gz|(?:channels\.)?nixos\.org/channels/([^/]+)/)`)
})

// nixpkgsRoots returns the root inputs that are nixpkgs itself (not
// through follows): an input named nixpkgs, a repository named nixpkgs,
// the registry's nixpkgs, or a nixpkgs tarball or channel URL.
func nixpkgsRoots(l *flakelock.Lock) []rootInput {
	var out []rootInput
	for _, in := range rootInputs(l) {
		if !in.Follows && in.Node != l.RootNode() && (in.Name == "nixpkgs" || isNixpkgs(in.Node)) {
			out = append(out, in)
		}
	}
	return out
}

// isNixpkgs reports whether a node locks nixpkgs.
func isNixpkgs(n *flakelock.Node) bool {
	for _, r := range []*flakelock.Ref{n.Original, n.Locked} {
		if r != nil && (r.Repo == "nixpkgs" || r.ID == "nixpkgs" || nixpkgsURL().MatchString(r.URL)) {
			return true
		}
	}
	return false
}

// identity is what makes two nodes lock the same flake: forge, owner and
// repository, or the URL. It is "" for local paths and registry names.
func identity(n *flakelock.Node) string {
	r := n.Original
	if r == nil {
		r = n.Locked
	}
	if r == nil {
		return ""
	}
	switch r.Type {
	case "github", "gitlab", "sourcehut":
		return r.Type + ":" + strings.ToLower(r.Owner) + "/" + strings.ToLower(r.Repo)
	case "git", "tarball", "mercurial", "file":
		u, _, _ := strings.Cut(r.URL, "?")
		return r.Type + ":" + strings.TrimSuffix(u, ".git")
	}
	return ""
}
