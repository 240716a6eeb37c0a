// Package security holds the rules that flag insecure NixOS
// configuration: open firewalls and SSH, plaintext and hardcoded secrets,
// services running as root, a weakened Nix sandbox, insecure packages and
// unverified downloads. Diagnostics covering a secret carry the category
// "secret" and never repeat the value (see package secret).
package security

import "github.com/nixaudit/nixaudit/analyzer"

// Rules are the security rules, sorted by name.
var Rules = []*analyzer.Rule{
	FirewallDisabled,
	FirewallWidePorts,
	HardcodedSecret,
	InsecurePackages,
	InsecureURL,
	NixSandboxDisabled,
	OpenFirewallService,
	PlaintextPassword,
	SecretReadAtEval,
	ServiceRunsAsRoot,
	SSHPasswordAuth,
	SSHRootLogin,
	SudoNoPassword,
	SystemdMissingHardening,
	TrustedUsersWide,
	UnpinnedFetch,
	WorldReadableSecret,
}

const category = "security"

// tags are the tags of every security rule.
var tags = []string{"security"}

// secretCategory marks diagnostics whose range covers a secret value, so
// that every output masks the range.
const secretCategory = "secret"
