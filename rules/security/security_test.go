package security_test

import (
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
	"github.com/nixaudit/nixaudit/rules/security"
)

func TestRules(t *testing.T) {
	for _, r := range security.Rules {
		t.Run(r.Name, func(t *testing.T) {
			analyzertest.Run(t, filepath.Join("testdata", r.Name), r)
		})
	}
}

func TestMetadata(t *testing.T) {
	for i, r := range security.Rules {
		ruletest.CheckDoc(t, r)
		ruletest.CheckExamples(t, r)
		if r.Category != "security" || !slices.Equal(r.Tags, []string{"security"}) {
			t.Errorf("%s: category %q, tags %v", r.Name, r.Category, r.Tags)
		}
		if s, err := strconv.ParseFloat(r.SecuritySeverity, 64); err != nil || s <= 0 || s > 10 {
			t.Errorf("%s: security severity %q is not a score in (0, 10]", r.Name, r.SecuritySeverity)
		}
		if i > 0 && security.Rules[i-1].Name >= r.Name {
			t.Errorf("Rules not sorted: %s before %s", security.Rules[i-1].Name, r.Name)
		}
	}
}

// analyze returns the findings of r on one file of its testdata.
func analyze(t *testing.T, r *analyzer.Rule, file string) analyzertest.Result {
	t.Helper()
	for _, res := range analyzertest.Analyze(t, filepath.Join("testdata", r.Name), r) {
		if res.File != nil && filepath.Base(res.File.Name) == file {
			return res
		}
	}
	t.Fatalf("%s: no file %s", r.Name, file)
	return analyzertest.Result{}
}

func TestPositions(t *testing.T) {
	cases := []struct {
		rule *analyzer.Rule
		file string
		want string
	}{
		{security.FirewallDisabled, "nested.nix",
			"6:28-6:33: the firewall is disabled: every listening service is reachable from the network; keep it enabled and open only the ports needed\n"},
		{security.TrustedUsersWide, "settings.nix",
			"2:50-2:58: \"@users\" makes every member of the users group a trusted Nix user, which is equivalent to root\n"},
		{security.ServiceRunsAsRoot, "services.nix", "" +
			"8:20-8:26: service backup runs as root (no User or DynamicUser): set serviceConfig.DynamicUser = true or a dedicated User\n" +
			"16:14-16:20: service web runs as root: use DynamicUser = true or a dedicated user\n" +
			"40:20-40:28: service dynFalse runs as root (no User or DynamicUser): set serviceConfig.DynamicUser = true or a dedicated User\n"},
		{security.HardcodedSecret, "secrets.nix", "" +
			"3:41-3:81: hardcoded GitHub token (ghp_…(40 chars)): keep it out of the Nix store (sops-nix, agenix, or a *File option)\n" +
			"5:14-5:36: `apiKey` holds a hardcoded secret (q8…(20 chars)): keep it out of the Nix store (sops-nix, agenix, or a *File option)\n" +
			"6:12-6:32: hardcoded AWS access key (AKIA…(20 chars)): keep it out of the Nix store (sops-nix, agenix, or a *File option)\n" +
			"7:48-7:80: hardcoded Slack token (xoxb-…(32 chars)): keep it out of the Nix store (sops-nix, agenix, or a *File option)\n" +
			"8:14-8:220: hardcoded private key (-----BEGIN OPENSSH PRIVATE KEY-----…(199 chars)): keep it out of the Nix store (sops-nix, agenix, or a *File option)\n"},
	}
	for _, c := range cases {
		if got := analyzertest.Format(analyze(t, c.rule, c.file).Findings); got != c.want {
			t.Errorf("%s on %s:\ngot:\n%s\nwant:\n%s", c.rule.Name, c.file, got, c.want)
		}
	}
}

// TestSecretsRedacted checks that findings over secrets are marked as
// such and never repeat the secret.
func TestSecretsRedacted(t *testing.T) {
	cases := []struct {
		rule *analyzer.Rule
		file string
	}{{security.HardcodedSecret, "secrets.nix"}, {security.PlaintextPassword, "users.nix"}}
	for _, c := range cases {
		res := analyze(t, c.rule, c.file)
		if len(res.Findings) == 0 {
			t.Fatalf("%s: no findings", c.rule.Name)
		}
		for _, f := range res.Findings {
			if f.Diagnostic.Category != "secret" {
				t.Errorf("%s: %s: category %q, want secret", c.rule.Name, f.Pos, f.Diagnostic.Category)
			}
			value := strings.Trim(res.File.Text(rangeNode{f}), `"`)
			if len(value) >= 4 && strings.Contains(f.Message, value[len(value)/2:]) {
				t.Errorf("%s: %s: message repeats the secret: %s", c.rule.Name, f.Pos, f.Message)
			}
		}
	}
}

// rangeNode is a finding's range as a node, to read its source text.
type rangeNode struct{ f analyzertest.Finding }

func (r rangeNode) Pos() token.Pos { return r.f.Diagnostic.Pos }
func (r rangeNode) End() token.Pos { return r.f.Diagnostic.End }

// TestUnpinnedFetchSeverity checks that unpinned fetches are errors in
// flake.nix and warnings (the rule's severity) elsewhere.
func TestUnpinnedFetchSeverity(t *testing.T) {
	for file, want := range map[string]bool{"flake.nix": true, "default.nix": false} {
		for _, f := range analyze(t, security.UnpinnedFetch, file).Findings {
			s, ok := analyzer.DiagnosticSeverity(f.Diagnostic)
			if ok != want || (ok && s != analyzer.SeverityError) {
				t.Errorf("%s: %s: severity override %v %v, want error = %v", file, f.Pos, s, ok, want)
			}
		}
	}
}

func TestBrokenInput(t *testing.T) { ruletest.SurvivesBrokenInput(t, security.Rules) }
