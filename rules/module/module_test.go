package module_test

import (
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
	"github.com/nixaudit/nixaudit/rules/module"
)

// TestRules runs every rule over its testdata, checking the "# want"
// comments, the golden files of fixes and fix idempotency.
func TestRules(t *testing.T) { ruletest.RunTestdata(t, module.Rules) }

// TestPack checks the docs, order, category and the catalogue's
// severities and fix safety.
func TestPack(t *testing.T) {
	ruletest.CheckPack(t, ruletest.Pack{Category: "module", Rules: module.Rules, Catalogue: map[string]ruletest.Want{
		"config-shadowing":           ruletest.Warning,
		"deprecated-option":          ruletest.WarningSafe,
		"duplicate-package":          ruletest.Warning,
		"missing-state-version":      ruletest.Warning,
		"mkif-top-level":             ruletest.Error,
		"option-missing-description": ruletest.Warning,
		"option-missing-type":        ruletest.Warning,
	}})
}

func TestPositions(t *testing.T) {
	cases := []struct {
		rule      *analyzer.Rule
		dir, file string
		want      string
	}{
		{module.DeprecatedOption, "testdata/deprecated-option", "config.nix", "" +
			"3:3-3:25: `hardware.opengl.enable` was renamed to `hardware.graphics.enable` in NixOS 24.11\n" +
			"5:5-5:20: `hardware.opengl.driSupport32Bit` was renamed to `hardware.graphics.enable32Bit` in NixOS 24.11\n" +
			"6:5-6:15: `hardware.opengl.driSupport` was removed in NixOS 24.11: DRI support is always enabled; remove the setting\n" +
			"8:3-8:15: `sound.enable` was removed in NixOS 24.11: with PipeWire or PulseAudio remove it; for ALSA volume persistence set hardware.alsa.enablePersistence\n" +
			"9:3-9:39: `services.xserver.displayManager.sddm` was renamed to `services.displayManager.sddm` in NixOS 24.05\n" +
			"15:5-15:15: `services.xserver.xkbVariant` was renamed to `services.xserver.xkb.variant` in NixOS 23.11\n" +
			"16:5-16:13: `services.xserver.libinput` was renamed to `services.libinput` in NixOS 24.05\n" +
			"19:5-19:20: `services.openssh.permitRootLogin` was renamed to `services.openssh.settings.PermitRootLogin` in NixOS 23.05\n" +
			"21:3-21:33: `users.users.alice.passwordFile` was renamed to `users.users.alice.hashedPasswordFile` in NixOS 23.11\n" +
			"22:3-22:35: `users.users.bob-x.passwordFile` was renamed to `users.users.bob-x.hashedPasswordFile` in NixOS 23.11\n" +
			"24:7-24:19: `nix.binaryCaches` was renamed to `nix.settings.substituters` in NixOS 22.05\n" +
			"27:3-27:38: `programs.gnupg.agent.pinentryFlavor` was replaced by `programs.gnupg.agent.pinentryPackage` in NixOS 24.05: it takes a package such as pkgs.pinentry-curses\n" +
			"29:3-29:14: `fonts.fonts` was renamed to `fonts.packages` in NixOS 23.11\n" +
			"31:3-31:15: `services.pds` was renamed to `services.bluesky-pds` in NixOS 25.11\n" +
			"32:3-32:21: `virtualisation.lxd` was removed in NixOS 25.11: migrate to virtualisation.incus\n"},
		{module.MkifTopLevel, "testdata/mkif-top-level", "imports.nix",
			"6:1-6:5: module wrapped in `mkIf` declares `imports`: the module system reads the whole set as config; move the condition into `config = mkIf …;`\n"},
		{module.MissingStateVersion, "testdata/missing-state-version/configuration", "configuration.nix",
			"1:1-1:22: NixOS host without `system.stateVersion` anywhere in the project: set it to the release the machine was installed with\n"},
		{module.ConfigShadowing, "testdata/config-shadowing", "module.nix", "" +
			"4:3-4:9: `config` here hides the module's `config` argument: give it another name (`cfg`, `user`, …)\n" +
			"15:44-15:50: `config` here hides the module's `config` argument: give it another name (`cfg`, `user`, …)\n"},
	}
	for _, c := range cases {
		if got := ruletest.FindingsIn(t, c.rule, c.dir, c.file); got != c.want {
			t.Errorf("%s on %s:\n got\n%s want\n%s", c.rule.Name, c.file, got, c.want)
		}
	}
}

func TestBrokenInput(t *testing.T) {
	ruletest.SurvivesBrokenInput(t, module.Rules)
}
