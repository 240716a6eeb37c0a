package flakelock_test

import (
	"fmt"

	"github.com/nixaudit/nixaudit/flakelock"
)

func ExampleParse() {
	src := []byte(`{
  "nodes": {
    "home-manager": {
      "inputs": { "nixpkgs": ["nixpkgs"] },
      "locked": { "owner": "nix-community", "repo": "home-manager", "rev": "a9953635d7f34e7358d5189751110f87e3ac17da", "type": "github", "lastModified": 1732482255 }
    },
    "nixpkgs": {
      "locked": { "owner": "NixOS", "repo": "nixpkgs", "rev": "4633a7c72337ea8fd23a4f2ba3972865e3ec685d", "type": "github", "lastModified": 1732521221 },
      "original": { "owner": "NixOS", "ref": "nixos-24.11", "repo": "nixpkgs", "type": "github" }
    },
    "root": { "inputs": { "home-manager": "home-manager", "nixpkgs": "nixpkgs" } }
  },
  "root": "root",
  "version": 7
}`)
	lock, err := flakelock.Parse("flake.lock", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	nixpkgs := lock.RootInputs()["nixpkgs"]
	fmt.Println(nixpkgs.Locked.Rev, nixpkgs.Locked.LastModified, nixpkgs.Original.Ref)
	followed, _ := lock.Resolve([]string{"home-manager", "nixpkgs"})
	fmt.Println(followed == nixpkgs)
	at := lock.Position(nixpkgs.Locked.Fields["rev"].Value.Start)
	fmt.Printf("rev at %d:%d\n", at.Line, at.Column)
	// Output:
	// 4633a7c72337ea8fd23a4f2ba3972865e3ec685d 1732521221 nixos-24.11
	// true
	// rev at 8:63
}
