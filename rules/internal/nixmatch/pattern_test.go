package nixmatch

import (
	"slices"
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		path, pattern string
		match, prefix bool
	}{
		{"users.users.alice.password", "users.users.*.password", true, true},
		{"users.users.alice.password.x", "users.users.*.password", false, true},
		{"users.users.alice", "users.users.*.password", false, false},
		{"users.users.${name}.password", "users.users.*.password", true, true},
		{"users.${x}", "users.users", false, false},
		{"services.nginx", "services", false, true},
		{"a.b", "a.c", false, false},
		{"a", "a", true, true},
		{"x.y", "*.y", true, true},
		{"${n}.y.z", "*.y", false, true},
		{"${n}.y", "${n}.y", false, false},
		{"b.y", "a.y", false, false},
	} {
		path, pat := strings.Split(tc.path, "."), tc.pattern
		if got := Match(path, pat); got != tc.match {
			t.Errorf("Match(%s, %s) = %v, want %v", tc.path, pat, got, tc.match)
		}
		if got := MatchPrefix(path, pat); got != tc.prefix {
			t.Errorf("MatchPrefix(%s, %s) = %v, want %v", tc.path, pat, got, tc.prefix)
		}
		if got := MatchPrefixNames(path, strings.Split(pat, ".")); got != tc.prefix {
			t.Errorf("MatchPrefixNames(%s, %s) = %v, want %v", tc.path, pat, got, tc.prefix)
		}
		defs := []OptionDef{{Path: path}}
		if got := len(Find(defs, pat)) == 1; got != tc.match {
			t.Errorf("Find([%s], %s) found it: %v, want %v", tc.path, pat, got, tc.match)
		}
		if got := len(Under(defs, pat)) == 1; got != tc.prefix {
			t.Errorf("Under([%s], %s) found it: %v, want %v", tc.path, pat, got, tc.prefix)
		}
	}
}

// TestFindFirstName checks Find and Under on definitions whose paths
// share the pattern's first name or not, or are empty.
func TestFindFirstName(t *testing.T) {
	defs := []OptionDef{{Path: []string{"services", "a", "enable"}}, {Path: nil},
		{Path: []string{"servicesX", "a", "enable"}}, {Path: []string{"services", "b", "enable", "x"}}}
	if got := Find(defs, "services.*.enable"); len(got) != 1 || &got[0].Path[0] != &defs[0].Path[0] {
		t.Errorf("Find(services.*.enable) = %v, want the first definition", got)
	}
	if got := Under(defs, "services.*.enable"); len(got) != 2 {
		t.Errorf("Under(services.*.enable) = %v, want the first and last definitions", got)
	}
	if got := Find(defs, "*.a.enable"); len(got) != 2 {
		t.Errorf("Find(*.a.enable) = %v, want two", got)
	}
}

// TestIndexFind checks that Index.Find and Index.Under, which skip the
// files whose paths start with other names, find what Find and Under
// find, also for indexes with too many first names to list.
func TestIndexFind(t *testing.T) {
	var few, many Index
	for _, p := range []string{"services.a.enable", "services.b.enable", "programs.git.enable", "users.users.x.password"} {
		few.Defs = append(few.Defs, OptionDef{Path: strings.Split(p, ".")})
	}
	for i := range maxFirsts + 1 {
		many.Defs = append(many.Defs, OptionDef{Path: []string{strings.Repeat("x", i+1), "enable"}})
	}
	many.Defs = append(many.Defs, OptionDef{Path: []string{"services", "c", "enable"}})
	for _, x := range []*Index{&few, &many} {
		x.listFirsts(nil)
	}
	if !few.firstsKnown || len(few.firsts) != 3 || many.firstsKnown {
		t.Fatalf("first names: %q (known %v), many known %v; want 3 known and too many", few.firsts, few.firstsKnown, many.firstsKnown)
	}
	for _, x := range []*Index{&few, &many, {Defs: few.Defs}} { // the last has no first names listed
		for _, pat := range []string{"services.*.enable", "*.*.enable", "networking.firewall.enable", "users.users.*.password", "services", "xx.enable"} {
			if got, want := len(x.Find(pat)), len(Find(x.Defs, pat)); got != want {
				t.Errorf("Index.Find(%s) found %d, Find %d", pat, got, want)
			}
			if got, want := len(x.Under(pat)), len(Under(x.Defs, pat)); got != want {
				t.Errorf("Index.Under(%s) found %d, Under %d", pat, got, want)
			}
		}
	}
}

// TestMayDefine checks Index.mayDefine, which tells most patterns from
// a file's first names by a bit of each, against comparing the pattern
// with every first name, for first names that are empty, quoted with a
// dot, or share their length and first byte with the pattern's.
func TestMayDefine(t *testing.T) {
	sets := [][]string{{"services", "programs"}, {"home", "hom.e", "x"}, {""}, {"sx", "sy"}, {"a.b"}}
	patterns := []string{"services.a", "servicez.a", "programs", "home.x", "hom.e.x", "hom", "x", "x.y", "", ".a",
		"*", "*.a", "sx.a", "sz.a", "a.b.c", "a.c", "a"}
	for _, firsts := range sets {
		var x Index
		for _, first := range firsts {
			x.Defs = append(x.Defs, OptionDef{Path: []string{first, "enable"}})
		}
		x.listFirsts(nil)
		for _, pat := range patterns {
			want := startsWithName(pat, "*") || slices.ContainsFunc(firsts, func(first string) bool { return startsWithName(pat, first) })
			if got := x.mayDefine(pat); got != want {
				t.Errorf("first names %q: mayDefine(%q) = %v, want %v", firsts, pat, got, want)
			}
		}
	}
}

func TestEndsWithName(t *testing.T) {
	for _, target := range []string{"lib.mkIf", "mkIf", "builtins.isNull", "lib.", "", "a.b.c"} {
		last := target[strings.LastIndexByte(target, '.')+1:]
		for _, name := range []string{"mkIf", "lib.mkIf", "", "isNull", "c", "b.c", "kIf", "lib"} {
			if got, want := endsWithName(target, name), name == last; got != want {
				t.Errorf("endsWithName(%q, %q) = %v, want %v", target, name, got, want)
			}
		}
	}
}

// TestListFirsts checks that an Index lists each first name once, in
// order, whether its definitions in a row share their first name or
// come back to an earlier one.
func TestListFirsts(t *testing.T) {
	var x Index
	for _, first := range []string{"a", "a", "b", "a", "c", "b", "c", "d"} {
		x.Defs = append(x.Defs, OptionDef{Path: []string{first, "enable"}})
	}
	x.listFirsts(nil)
	if want := []string{"a", "b", "c", "d"}; !x.firstsKnown || !slices.Equal(x.firsts, want) {
		t.Errorf("first names %q (known %v), want %q", x.firsts, x.firstsKnown, want)
	}
}

// TestEqualDotted checks equalDotted, which tells names of another
// length in all before comparing them, against joining the names.
func TestEqualDotted(t *testing.T) {
	for _, names := range [][]string{nil, {""}, {"lib"}, {"lib", "mkIf"}, {"lib.mkIf"}, {"lib", "modules", "mkIf"}, {"a", ""}, {"", "b"}, {"ab", "c"}, {"a", "bc"}} {
		for _, dotted := range []string{"", ".", "lib", "lib.mkIf", "libxmkIf", "lib.modules.mkIf", "a.", ".b", "ab.c", "a.bc", "abc.", "a.b.c"} {
			want := strings.Join(names, ".") == dotted && !slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, ".") })
			if names == nil {
				want = dotted == ""
			}
			if got := equalDotted(names, dotted); got != want {
				t.Errorf("equalDotted(%q, %q) = %v, want %v", names, dotted, got, want)
			}
		}
	}
}
