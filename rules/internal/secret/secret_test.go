package secret

import (
	"strings"
	"testing"
)

// Test tokens are assembled at run time so that no scanner mistakes this
// file for a leak.
var (
	ghp  = "ghp_" + "R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0"
	akia = "AKIA" + "Z7QK3M9XW2RB5TLP"
	pem  = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + strings.Repeat("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n", 3) +
		"-----END OPENSSH PRIVATE KEY-----"
)

func TestFind(t *testing.T) {
	cases := []struct {
		in       string
		kind     string
		redacted string
	}{
		{ghp, "GitHub token", "ghp_…(40 chars)"},
		{"https://" + ghp + "@github.com/o/r", "GitHub token", "ghp_…(40 chars)"},
		{"github_pat_" + strings.Repeat("a1B2c3D4e5F6g7H8", 5) + "ab", "GitHub token", "github_pat_…(93 chars)"},
		{akia, "AWS access key", "AKIA…(20 chars)"},
		{"xoxb-" + "2451837465-9Qm3Lz8RtYwPk4Vn", "Slack token", "xoxb-…(32 chars)"},
		{pem, "private key", "-----BEGIN OPENSSH PRIVATE KEY-----…(" + itoa(len(pem)) + " chars)"},
		// Negatives: documentation examples, placeholders, elided keys.
		{"AKIAIOSFODNN7EXAMPLE", "", ""},
		{"ghp_" + strings.Repeat("x", 36), "", ""},
		{"-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----", "", ""},
		{"-----BEGIN PUBLIC KEY-----\n" + strings.Repeat("MIIBIjANBgkqhkiG9w0BAQEFAAOC", 4) + "\n-----END PUBLIC KEY-----", "", ""},
		{"just a normal string", "", ""},
	}
	for _, c := range cases {
		m, ok := Find(c.in)
		if ok != (c.kind != "") || m.Kind != c.kind || m.Redacted != c.redacted {
			t.Errorf("Find(%.20q) = %+v, %v; want kind %q redacted %q", c.in, m, ok, c.kind, c.redacted)
		}
		if ok && c.in[m.Start:m.End] == "" {
			t.Errorf("Find(%.20q): empty range", c.in)
		}
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestIsSecretName(t *testing.T) {
	yes := []string{"password", "adminPassword", "apiKey", "api_key", "secret", "clientSecret", "token", "GITHUB_TOKEN",
		"accessKey", "x-api-key", "secret_key", "privateKey", "mqttPasswordSecret", "AWSSecretAccessKey"}
	no := []string{"passwordFile", "tokenPath", "secretName", "hashedPassword", "initialHashedPassword",
		"environmentFile", "user", "secretKeyFile", "accessKeyId", "passwordCommand", "host", "OSS_SECRETARY_FROM",
		"publicKey", "signingKey", "tokenizer", "passwordStore"}
	for _, n := range yes {
		if !IsSecretName(n) {
			t.Errorf("IsSecretName(%q) = false, want true", n)
		}
	}
	for _, n := range no {
		if IsSecretName(n) {
			t.Errorf("IsSecretName(%q) = true, want false", n)
		}
	}
}

func TestIsHighEntropy(t *testing.T) {
	yes := []string{"q8Zr2LmXv9TkW4bN7pCy", "9f86d081884c7d659a2feaa0c55ad015"}
	no := []string{"hunter2", "correcthorsebatterystaple", "/run/secrets/db-password", "./secrets/db.age",
		"${config.sops.secrets.db.path}", "$DB_PASSWORD", "@DB_PASSWORD@", "changeme-changeme-42",
		"aaaaaaaaaaaaaaaaaaaa", "two words are not one token", "your-api-key-goes-here", "{env:CONTEXT7_API_KEY}",
		"home-assistant/mqtt/username", "oss-secretary@vulcan.lan", "gateway-injects-real-key"}
	for _, v := range yes {
		if !IsHighEntropy(v) {
			t.Errorf("IsHighEntropy(%q) = false, want true", v)
		}
	}
	for _, v := range no {
		if IsHighEntropy(v) {
			t.Errorf("IsHighEntropy(%q) = true, want false", v)
		}
	}
}

func TestRedact(t *testing.T) {
	cases := map[string]string{
		ghp:                    "ghp_…(40 chars)",
		"hunter2":              "…(7 chars)",
		"q8Zr2LmXv9TkW4bN7pCy": "q8…(20 chars)",
		"":                     "…(0 chars)",
		"pässwörd-ünïcödé-xyz": "pä…(20 chars)",
	}
	for in, want := range cases {
		got := Redact(in)
		if got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
		if len(in) > 8 && strings.Contains(got, in[:len(in)/2]) {
			t.Errorf("Redact(%q) = %q shows half the value", in, got)
		}
	}
}

// TestMinLen pins the shortest matches of the token formats, which Find
// uses to skip shorter strings.
func TestMinLen(t *testing.T) {
	want := []int{20, 40, 93, 15, 53}
	for i, p := range patterns {
		if p.minLen != want[i] {
			t.Errorf("%s %s: minLen = %d, want %d", p.kind, p.expr, p.minLen, want[i])
		}
	}
	// The bounds hold for the shortest tokens.
	for _, s := range []string{akia, "xoxb-" + "2451837960"} {
		if m, ok := Find(s); !ok || m.End-m.Start < 15 {
			t.Errorf("Find(%q) = %+v, %v", s, m, ok)
		}
	}
}

// TestMaySecretName checks the prefilter of IsSecretName: it lets
// through every name whose words hold a secret word, whatever the case
// or script, and stops names without one.
func TestMaySecretName(t *testing.T) {
	for _, name := range []string{"password", "PASSWD", "dbPassPhrase", "apiToken", "CLIENT_SECRET", "x-api-key",
		"accessKey", "apiKEY", "api\u212Aey" /* Kelvin sign: lower-cases to k */, strings.Repeat("a", 70) + "Token", "sEcReTs", "MONKEY"} {
		if !maySecretName(name) {
			t.Errorf("maySecretName(%q) = false", name)
		}
	}
	for _, name := range []string{"enable", "package", "settings", "hashedPasswordFile"[:6], "extraConfig",
		"tok", "PAS", "secre", "ke", "P@ss", strings.Repeat("settings", 10)} {
		if maySecretName(name) {
			t.Errorf("maySecretName(%q) = true", name)
		}
	}
	if !IsSecretName("api\u212Aey") {
		t.Errorf("IsSecretName(api\\u212Aey) = false")
	}
}

// TestCommonMarkerByte pins the bytes that patterns with several
// markers search for first.
func TestCommonMarkerByte(t *testing.T) {
	want := []byte{'A', '_', 0, 0, 0}
	for i, p := range patterns {
		if p.common != want[i] {
			t.Errorf("%s %s: common = %q, want %q", p.kind, p.expr, p.common, want[i])
		}
	}
}

func TestMayHoldToken(t *testing.T) {
	for src, want := range map[string]bool{
		`{ a = "plain"; b = ./path; }`:              false,
		`{ key = "` + akia + `"; }`:                 true,
		`{ s = "xoxb-1"; }`:                         true,
		`{ k = "-----BEGIN RSA"; }`:                 true,
		`{ t = "gh` + "u_" + `"; }`:                 true,
		`{ escaped = "AK\IA"; }`:                    true, // an escape may spell a marker
		`{ escaped = "x\\\\"; }`:                    false,
		`{ indented = ''AK''\IA''; }`:               true,
		`{ first = "\gh\p_"; }`:                     true,
		`{ space = "-----BEGIN\ RSA"; }`:            true,
		`{ slack = "xo\x"; }`:                       true,
		`{ doc = ''a ''\n b''; }`:                   false, // ''\n is a line feed
		`{ s = "a\tb\n\"\${x}"; }`:                  false,
		`{ near = "AKI A"; other = "github_pat"; }`: false,
	} {
		if got := MayHoldToken([]byte(src)); got != want {
			t.Errorf("MayHoldToken(%s) = %v, want %v", src, got, want)
		}
	}
}

// TestASCIIWords checks that asciiWords splits ASCII names as nameWords
// does (but for case), on names of every shape a hump rule looks at,
// and that non-ASCII names are left to nameWords.
func TestASCIIWords(t *testing.T) {
	parts := []string{"", "a", "A", "ab", "AB", "aB", "Ab", "ABc", "abC", "x1", "X1y", "1", "_", "-", ".", "__", "HTTPServer", "getHTTPS", "v2Token"}
	var names []string
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				names = append(names, a+b+c)
			}
		}
	}
	for _, name := range names {
		var buf [8]string
		got := asciiWords(buf[:0], name)
		want := nameWords(name)
		if got == nil || len(got) != len(want) {
			t.Fatalf("asciiWords(%q) = %q, want %q", name, got, want)
		}
		for i := range want {
			if strings.ToLower(got[i]) != want[i] {
				t.Fatalf("asciiWords(%q) = %q, want %q", name, got, want)
			}
		}
	}
	if got := asciiWords(nil, "api\u212Aey"); got != nil {
		t.Errorf("asciiWords of a non-ASCII name = %q, want nil", got)
	}
}

// TestMayMatch checks that the strings a pattern's expression matches
// all pass its mayMatch (markers followed by the tail), tails of the
// shortest length included, and that placeholders with a marker but a
// short tail do not.
func TestMayMatch(t *testing.T) {
	alnum36 := "R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0"
	strs := []string{
		ghp, akia, "ASIA" + "Z7QK3M9XW2RB5TLP", "x AKIA then " + akia + ".",
		"gho_" + alnum36, "ghp_short then ghs_" + alnum36, "ghr_" + alnum36 + strings.Repeat("a", 219),
		"github_pat_" + strings.Repeat("a1B2_", 16) + "ab",
		"xoxb-2451837465", "xoxp-1 xoxa-24518-37465", "xoxr-" + strings.Repeat("-", 10),
		pem, "ghp_blahblahblah...", "AKIA1234", "xoxb-123", "github_pat_short", "xox",
	}
	for i := range patterns {
		p := &patterns[i]
		for _, s := range strs {
			if p.re().MatchString(s) && !p.mayMatch(s) {
				t.Errorf("%s: %q matches but mayMatch says it cannot", p.expr, s)
			}
		}
	}
	for _, s := range []string{"ghp_blahblahblah...", "AKIA1234", "xoxb-123", "github_pat_short"} {
		for i := range patterns {
			if patterns[i].mayMatch(s) {
				t.Errorf("%s: mayMatch(%q) = true, want false (short tail)", patterns[i].expr, s)
			}
		}
	}
}
