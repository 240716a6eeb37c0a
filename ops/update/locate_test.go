package update

import (
	"go/token"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/parser"
)

// letBound keeps the version in a let, as many packages do, next to an
// unrelated version attribute with the same value.
const letBound = `{ fetchurl, stdenv }:
let
  version = "1.0";
  other = { version = "1.0"; };
in
stdenv.mkDerivation {
  pname = "x";
  inherit version;
  src = fetchurl { url = "https://x/x-${version}.tar"; sha256 = "0000000000000000000000000000000000000000000000000000"; };
  doc = "since 1.0";
}
`

func TestLocateLetBoundVersion(t *testing.T) {
	f := parser.ParseFile(token.NewFileSet(), "x.nix", []byte(letBound))
	tg, err := locate(f, "1.0", 7)
	if err != nil {
		t.Fatal(err)
	}
	got := string(tg.rewrite(f, "2.0", "sha256-NEW="))
	want := `{ fetchurl, stdenv }:
let
  version = "2.0";
  other = { version = "1.0"; };
in
stdenv.mkDerivation {
  pname = "x";
  inherit version;
  src = fetchurl { url = "https://x/x-${version}.tar"; sha256 = "sha256-NEW="; };
  doc = "since 1.0";
}
`
	if got != want {
		t.Errorf("rewrite:\n%s\nwant:\n%s", got, want)
	}
	// Without meta.position the two candidates cannot be told apart.
	if _, err := locate(f, "1.0", 0); err == nil || err.Error() != "x.nix: 2 `version` bindings hold \"1.0\" (3:3, 4:13) and none is clearly the derivation's; edit the file by hand" {
		t.Errorf("without a position: err = %v", err)
	}
}

func TestLocateErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{ version = "1.${"0"}"; src = { hash = "h"; }; }`,
			"x.nix: no `version = \"1.0\";` binding (the package's version must be a string literal in this file)"},
		{`{ version = "1.0"; src = { hash = "a"; sha256 = "b"; }; }`,
			"x.nix: src at 1:20: want exactly one `hash` or `sha256` string, found 2"},
		{`{ a = { version = "1.0"; }; b = { src = { hash = "a"; }; }; c = { src = { hash = "b"; }; }; }`,
			"x.nix: found 2 `src` bindings and none next to the version at 1:9"},
	} {
		f := parser.ParseFile(token.NewFileSet(), "x.nix", []byte(tc.src))
		if _, err := locate(f, "1.0", 0); err == nil || err.Error() != tc.want {
			t.Errorf("locate(%s) error = %v, want %q", tc.src, err, tc.want)
		}
	}
}
