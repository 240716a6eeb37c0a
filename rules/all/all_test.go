package all

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
)

// TestDocsInSync keeps docs/rules.md equal to what `nixaudit rules
// --format markdown` prints.
func TestDocsInSync(t *testing.T) {
	var want bytes.Buffer
	if err := analyzer.WriteRules(&want, Rules(), "markdown"); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("docs/rules.md is stale; regenerate it with:\n\tgo run ./cmd/nixaudit rules --format markdown > docs/rules.md")
	}
}

// docSections are the headings every rule's doc has, in order.
var docSections = []string{"## What it does", "## Why is this bad?", "## Example", "## Use instead"}

// TestRuleMetadata checks what every rule must declare: a unique
// kebab-case name, a category, a severity, and a doc in the agreed format.
func TestRuleMetadata(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, r := range Rules() {
		if !kebab.MatchString(r.Name) || seen[r.Name] {
			t.Errorf("rule name %q: not kebab-case or not unique", r.Name)
		}
		seen[r.Name] = true
		if r.Category == "" || r.Severity == 0 {
			t.Errorf("%s: missing category or severity", r.Name)
		}
		if summary := r.Summary(); summary == "" || strings.HasPrefix(summary, "#") {
			t.Errorf("%s: the doc must start with a one-line summary", r.Name)
		}
		sections := docSections
		if r.Fix != analyzer.FixNone {
			sections = append(sections[:len(sections):len(sections)], "## Fix safety")
		}
		at := 0
		for _, s := range sections {
			i := strings.Index(r.Doc[at:], "\n"+s+"\n")
			if i < 0 {
				t.Errorf("%s: doc lacks %q (or it is out of order)", r.Name, s)
				break
			}
			at += i + 1
		}
		if strings.Count(r.Doc, "```nix\n") < 2 {
			t.Errorf("%s: doc needs a nix code block in Example and in Use instead", r.Name)
		}
	}
}
