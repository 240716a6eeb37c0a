package module

// deprecationEntries are the NixOS options renamed or removed, with the
// release whose modules made the change (mkRenamedOptionModule,
// mkRemovedOptionModule and the release notes). Kind is renamed (same
// value, new path: a safe fix), replaced (a new option whose values
// differ) or removed; a note says what to do instead. Paths are dotted;
// "*" matches any name. The table is Go rather than embedded JSON:
// decoding that with encoding/json took 0.3 to 0.4 ms in the first
// worker to need it, early in a run, while any other worker that needed
// it waited.
var deprecationEntries = [...]deprecationEntry{
	{"hardware.opengl.enable", "hardware.graphics.enable", "24.11", "renamed", ""},
	{"hardware.opengl.driSupport32Bit", "hardware.graphics.enable32Bit", "24.11", "renamed", ""},
	{"hardware.opengl.extraPackages", "hardware.graphics.extraPackages", "24.11", "renamed", ""},
	{"hardware.opengl.extraPackages32", "hardware.graphics.extraPackages32", "24.11", "renamed", ""},
	{"hardware.opengl.package", "hardware.graphics.package", "24.11", "renamed", ""},
	{"hardware.opengl.package32", "hardware.graphics.package32", "24.11", "renamed", ""},
	{"hardware.opengl.driSupport", "", "24.11", "removed", "DRI support is always enabled; remove the setting"},
	{"sound.enable", "", "24.11", "removed", "with PipeWire or PulseAudio remove it; for ALSA volume persistence set hardware.alsa.enablePersistence"},
	{"sound.enableOSSEmulation", "", "24.11", "removed", "if still needed, add \"snd_pcm_oss\" to boot.kernelModules"},
	{"sound.extraConfig", "", "24.11", "removed", "configure your sound server, or set environment.etc.\"asound.conf\".text"},
	{"sound.mediaKeys", "", "24.11", "removed", "handle media keys in the desktop environment, or with services.actkbd"},
	{"hardware.pulseaudio", "services.pulseaudio", "25.05", "renamed", ""},
	{"services.xserver.displayManager.gdm", "services.displayManager.gdm", "25.11", "renamed", ""},
	{"services.xserver.desktopManager.gnome", "services.desktopManager.gnome", "25.11", "renamed", ""},
	{"services.dnscrypt-proxy2", "services.dnscrypt-proxy", "25.11", "renamed", ""},
	{"services.pds", "services.bluesky-pds", "25.11", "renamed", ""},
	{"programs.river", "programs.river-classic", "25.11", "renamed", ""},
	{"systemd.watchdog.runtimeTime", "systemd.settings.Manager.RuntimeWatchdogSec", "25.11", "renamed", ""},
	{"systemd.watchdog.rebootTime", "systemd.settings.Manager.RebootWatchdogSec", "25.11", "renamed", ""},
	{"systemd.watchdog.kexecTime", "systemd.settings.Manager.KExecWatchdogSec", "25.11", "renamed", ""},
	{"systemd.watchdog.device", "systemd.settings.Manager.WatchdogDevice", "25.11", "renamed", ""},
	{"systemd.extraConfig", "systemd.settings.Manager", "25.11", "replaced", "write the settings as an attribute set"},
	{"services.logind.extraConfig", "services.logind.settings.Login", "25.11", "replaced", "write the settings as an attribute set"},
	{"systemd.enableCgroupAccounting", "", "25.11", "removed", "disable accounting with systemd.settings.Manager.*Accounting"},
	{"boot.readOnlyNixStore", "", "25.11", "removed", "mount options of /nix/store are set with boot.nixStoreMountOpts"},
	{"virtualisation.lxd", "", "25.11", "removed", "migrate to virtualisation.incus"},
	{"services.xserver.displayManager.sddm", "services.displayManager.sddm", "24.05", "renamed", ""},
	{"services.xserver.displayManager.autoLogin", "services.displayManager.autoLogin", "24.05", "renamed", ""},
	{"services.xserver.displayManager.defaultSession", "services.displayManager.defaultSession", "24.05", "renamed", ""},
	{"services.xserver.libinput", "services.libinput", "24.05", "renamed", ""},
	{"services.oauth2_proxy", "services.oauth2-proxy", "24.05", "renamed", ""},
	{"systemd.oomd.enableUserServices", "systemd.oomd.enableUserSlices", "24.05", "renamed", ""},
	{"services.nextcloud.logLevel", "services.nextcloud.settings.loglevel", "24.05", "renamed", ""},
	{"services.nextcloud.logType", "services.nextcloud.settings.log_type", "24.05", "renamed", ""},
	{"services.nextcloud.config.dbport", "", "24.05", "removed", "put the port in services.nextcloud.config.dbhost"},
	{"security.pam.enableSSHAgentAuth", "security.pam.sshAgentAuth.enable", "24.05", "replaced", "only keys in security.pam.sshAgentAuth.authorizedKeysFiles are trusted now"},
	{"virtualisation.docker.enableNvidia", "hardware.nvidia-container-toolkit.enable", "24.05", "replaced", "GPUs are exposed through CDI (--device)"},
	{"programs.gnupg.agent.pinentryFlavor", "programs.gnupg.agent.pinentryPackage", "24.05", "replaced", "it takes a package such as pkgs.pinentry-curses"},
	{"services.paperless.extraConfig", "services.paperless.settings", "24.05", "replaced", "a free-form settings set"},
	{"services.xserver.layout", "services.xserver.xkb.layout", "23.11", "renamed", ""},
	{"services.xserver.xkbVariant", "services.xserver.xkb.variant", "23.11", "renamed", ""},
	{"services.xserver.xkbOptions", "services.xserver.xkb.options", "23.11", "renamed", ""},
	{"services.xserver.xkbModel", "services.xserver.xkb.model", "23.11", "renamed", ""},
	{"fonts.fonts", "fonts.packages", "23.11", "renamed", ""},
	{"fonts.enableDefaultFonts", "fonts.enableDefaultPackages", "23.11", "renamed", ""},
	{"users.users.*.passwordFile", "users.users.*.hashedPasswordFile", "23.11", "renamed", ""},
	{"boot.cleanTmpDir", "boot.tmp.cleanOnBoot", "23.05", "renamed", ""},
	{"boot.tmpOnTmpfs", "boot.tmp.useTmpfs", "23.05", "renamed", ""},
	{"services.openssh.permitRootLogin", "services.openssh.settings.PermitRootLogin", "23.05", "renamed", ""},
	{"services.openssh.passwordAuthentication", "services.openssh.settings.PasswordAuthentication", "23.05", "renamed", ""},
	{"services.openssh.kbdInteractiveAuthentication", "services.openssh.settings.KbdInteractiveAuthentication", "23.05", "renamed", ""},
	{"nix.useSandbox", "nix.settings.sandbox", "22.05", "renamed", ""},
	{"nix.binaryCaches", "nix.settings.substituters", "22.05", "renamed", ""},
	{"nix.binaryCachePublicKeys", "nix.settings.trusted-public-keys", "22.05", "renamed", ""},
	{"nix.trustedBinaryCaches", "nix.settings.trusted-substituters", "22.05", "renamed", ""},
	{"nix.trustedUsers", "nix.settings.trusted-users", "22.05", "renamed", ""},
	{"nix.allowedUsers", "nix.settings.allowed-users", "22.05", "renamed", ""},
	{"nix.maxJobs", "nix.settings.max-jobs", "22.05", "renamed", ""},
	{"nix.buildCores", "nix.settings.cores", "22.05", "renamed", ""},
	{"nix.autoOptimiseStore", "nix.settings.auto-optimise-store", "22.05", "renamed", ""},
}

// deprecationEntry is an entry of deprecationEntries.
type deprecationEntry struct{ Old, New, Release, Kind, Note string }
