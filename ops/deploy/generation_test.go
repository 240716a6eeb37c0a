package deploy

import "testing"

func TestGenerations(t *testing.T) {
	for link, want := range map[string]int{"system-42-link": 42, "/nix/var/nix/profiles/system-7-link": 7, "system": 0, "/nix/store/abc-system": 0} {
		if got := generation(link); got != want {
			t.Errorf("generation(%q) = %d, want %d", link, got, want)
		}
	}
	list := "   1   2024-01-01 10:00:00   \n   3   2024-01-02 10:00:00   \n   4   2024-01-03 10:00:00   (current)\n   9   2024-01-04 10:00:00\n"
	for current, want := range map[int]int{4: 3, 3: 1, 1: 0, 9: 4} {
		if got := previousGeneration(list, current); got != want {
			t.Errorf("previousGeneration(…, %d) = %d, want %d", current, got, want)
		}
	}
}

func TestRestoreProfile(t *testing.T) {
	if got := restoreProfile(hostState{profileGen: 12, running: "/nix/store/x"}); len(got) != 2 || got[0] != "--switch-generation" || got[1] != "12" {
		t.Errorf("restoreProfile with a generation = %q", got)
	}
	if got := restoreProfile(hostState{running: "/nix/store/x"}); len(got) != 2 || got[0] != "--set" || got[1] != "/nix/store/x" {
		t.Errorf("restoreProfile without a profile = %q", got)
	}
}

func TestSudo(t *testing.T) {
	d := &Deployer{Options: Options{Sudo: []string{"doas", "-n"}}}
	if got := d.privileged(hostState{root: true}, "nix-env", "-p", "x"); len(got) != 3 || got[0] != "nix-env" {
		t.Errorf("as root: %q", got)
	}
	if got := d.privileged(hostState{}, "nix-env", "-p", "x"); len(got) != 5 || got[0] != "doas" || got[1] != "-n" || got[2] != "nix-env" {
		t.Errorf("as a user: %q", got)
	}
}
