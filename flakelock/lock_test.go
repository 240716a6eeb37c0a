package flakelock

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func readLock(t *testing.T, name string) (*Lock, []byte) {
	t.Helper()
	src, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	l, err := Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	return l, src
}

func TestParseFollows(t *testing.T) {
	l, src := readLock(t, "follows.lock")
	if l.Version != 7 || l.Root != "root" {
		t.Errorf("version %d root %q", l.Version, l.Root)
	}
	wantNames := []string{"home-manager", "nixpkgs", "nixpkgs_2", "sops", "assets", "root"}
	if !slices.Equal(l.NodeNames, wantNames) {
		t.Errorf("NodeNames = %v, want %v", l.NodeNames, wantNames)
	}
	np := l.Nodes["nixpkgs"]
	wantLocked := Ref{Type: "github", Owner: "NixOS", Repo: "nixpkgs",
		Rev: "4633a7c72337ea8fd23a4f2ba3972865e3ec685d", NarHash: "sha256-2ThgXBUXAE1oFsVATK1ZX9IjPcS4nKFOAjhPNKuiMn0=",
		LastModified: 1732521221}
	got := *np.Locked
	got.Fields, got.At = nil, Span{}
	if !reflect.DeepEqual(got, wantLocked) {
		t.Errorf("nixpkgs locked = %+v, want %+v", got, wantLocked)
	}
	if np.Original.Ref != "nixos-24.11" || !np.Flake {
		t.Errorf("nixpkgs original ref %q flake %v", np.Original.Ref, np.Flake)
	}
	if id := l.Nodes["nixpkgs_2"].Original.ID; id != "nixpkgs" {
		t.Errorf("indirect original id %q", id)
	}
	if l.Nodes["assets"].Flake {
		t.Errorf("assets: flake = false not read")
	}
	// Offsets point at the text they describe.
	if s := string(src[np.KeyAt.Start:np.KeyAt.End]); s != `"nixpkgs"` {
		t.Errorf("nixpkgs key span holds %q", s)
	}
	for field, want := range map[string]string{
		"lastModified": "1732521221",
		"rev":          `"4633a7c72337ea8fd23a4f2ba3972865e3ec685d"`,
		"owner":        `"NixOS"`,
	} {
		f := np.Locked.Fields[field]
		if k := string(src[f.Key.Start:f.Key.End]); k != `"`+field+`"` {
			t.Errorf("%s key span holds %q", field, k)
		}
		if v := string(src[f.Value.Start:f.Value.End]); v != want {
			t.Errorf("%s value span holds %q, want %q", field, v, want)
		}
	}
	ref := np.Original.Fields["ref"]
	if p := l.Position(ref.Key.Start); p.Line != 35 || p.Column != 9 {
		t.Errorf("original.ref at %d:%d, want 35:9", p.Line, p.Column)
	}
	if p := l.Position(np.KeyAt.Start); p.Line != 24 || p.Column != 5 {
		t.Errorf("nixpkgs key at %d:%d, want 24:5", p.Line, p.Column)
	}
}

func TestRootInputsAndResolve(t *testing.T) {
	l, _ := readLock(t, "follows.lock")
	names := map[string]string{}
	for k, n := range l.RootInputs() {
		names[k] = n.Name
	}
	want := map[string]string{"assets": "assets", "home-manager": "home-manager", "nixpkgs": "nixpkgs",
		"sops": "sops", "pkgs2": "nixpkgs_2", "self-ref": "root"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("RootInputs = %v, want %v", names, want)
	}
	for _, c := range []struct {
		path []string
		want string
	}{
		{nil, "root"},
		{[]string{"home-manager", "nixpkgs"}, "nixpkgs"},
		{[]string{"sops", "nixpkgs"}, "nixpkgs_2"},
		{[]string{"sops", "hm"}, "home-manager"},
		{[]string{"sops", "hmpkgs"}, "nixpkgs"}, // follows through a follows
		{[]string{"sops", "hm", "nixpkgs"}, "nixpkgs"},
	} {
		n, err := l.Resolve(c.path)
		if err != nil || n.Name != c.want {
			t.Errorf("Resolve(%v) = %v, %v; want %s", c.path, n, err, c.want)
		}
	}
	if _, err := l.Resolve([]string{"nixpkgs", "foo"}); err == nil || err.Error() != `input "nixpkgs/foo": node "nixpkgs" has no input "foo"` {
		t.Errorf("Resolve of a missing input: %v", err)
	}
	paths := l.InputPaths()
	if got := paths[l.Nodes["nixpkgs_2"]]; !reflect.DeepEqual(got, [][]string{{"sops", "nixpkgs"}}) {
		t.Errorf("InputPaths(nixpkgs_2) = %v", got)
	}
	if got := paths[l.Nodes["nixpkgs"]]; !reflect.DeepEqual(got, [][]string{{"nixpkgs"}}) {
		t.Errorf("InputPaths(nixpkgs) = %v", got)
	}
}

func TestMissingFields(t *testing.T) {
	l, _ := readLock(t, "missing_fields.lock")
	dev := l.RootInputs()["dev"]
	if dev.Locked.Rev != "" || dev.Locked.LastModified != 0 || dev.Locked.URL != "https://example.org/dev.git" {
		t.Errorf("dev locked = %+v", dev.Locked)
	}
	if _, ok := dev.Locked.Fields["rev"]; ok {
		t.Errorf("absent rev has a position")
	}
	if dev.Original == nil || len(dev.Original.Fields) != 0 {
		t.Errorf("empty original = %+v", dev.Original)
	}
	if l.RootNode().Locked != nil {
		t.Errorf("root has a locked reference")
	}
}

func TestErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"{\n  \"version\": 7,\n  \"nodes\": {\n    \"root\": {,}\n  }\n}", `x.lock:4:14: invalid character ','`},
		{`{"version": 7, "nodes": {"root": {}}`, `x.lock:1:37: unexpected end of JSON input`},
		{`{"version": 7, "nodes": {"root": {}}} {}`, `x.lock:1:39: unexpected data after the top-level value`},
		{`[]`, `x.lock:1:1: flake.lock must be a JSON object, found an array`},
		{`{"nodes": {}}`, `x.lock:1:1: missing "version"`},
		{"{\"version\": 4,\n \"nodes\": {}}", `x.lock:1:13: unsupported lock file version 4 (nixaudit reads versions 5 to 7)`},
		{`{"version": 7, "nodes": {"x": {}}}`, `x.lock:1:16: root node "root" is missing`},
		{`{"version": 7, "nodes": {"root": {"inputs": {"a": "b"}}}}`, `x.lock:1:51: input of "root" refers to node "b", which does not exist`},
		{`{"version": 7, "nodes": {"root": {"inputs": {"a": ["a"]}}}}`, `x.lock:1:51: input "a": follows cycle`},
		{`{"version": 7, "nodes": {"root": {"inputs": {"a": ["b", "c"]}}}}`, `x.lock:1:51: input "b/c": node "root" has no input "b"`},
		{`{"version": 7, "nodes": {"root": {}, "a": {"locked": {"lastModified": "x"}}}}`, `x.lock:1:71: "lastModified" must be an integer, found a string`},
		{`{"version": 7, "nodes": {"root": {}, "a": {"flake": 1}}}`, `x.lock:1:53: "flake" must be a boolean, found a number`},
		{`{"version": 7, "nodes": {"root": {"inputs": {"a": 1}}}}`, `x.lock:1:51: an input must be a node name or a follows path, found a number`},
		{``, `x.lock:1:1: unexpected end of JSON input`},
	} {
		_, err := Parse("x.lock", []byte(c.src))
		if err == nil || err.Error() != c.want {
			t.Errorf("Parse(%q):\n got  %v\n want %s", c.src, err, c.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "x.lock:") {
			t.Errorf("error without a position: %v", err)
		}
	}
}
