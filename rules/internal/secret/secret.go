// Package secret recognises secret values in Nix source (API tokens,
// private keys, high-entropy strings bound to password-like names) and
// redacts them for display, so that no output repeats a secret.
package secret

import (
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// A pattern is a token format with a fixed, recognisable shape.
type pattern struct {
	kind string
	expr string
	// re compiles expr on first use: few runs meet a string with a
	// marker, and compiling the counted repetitions costs a millisecond
	// of every run's start.
	re     func() *regexp.Regexp
	prefix int // characters of a match safe to show: the format's marker
	// markers are literal texts every match contains: a string without
	// any cannot match, which is much cheaper to tell than running re on
	// every string of a tree.
	markers []edit.Word
	// minLen is the length of expr's shortest match: most strings are
	// shorter, which costs nothing to tell.
	minLen int
	// common is a byte all of several markers contain (0 for one
	// marker): a string without it has none, told in one search
	// rather than one per marker.
	common byte
	// tail is what a match holds right after its marker: a string with
	// markers but none followed by it (a placeholder such as
	// "ghp_blahblah...") cannot match, which is told without compiling
	// re (a millisecond for the counted repetitions of GitHub tokens).
	tail tail
}

// A tail is a run of at least min bytes of class.
type tail struct {
	class *[256]bool
	min   int
}

// tailOf returns the tail of min bytes of the ASCII letters, the digits
// and the bytes of extra.
func tailOf(min int, letters, digits bool, extra string) tail {
	var class [256]bool
	for c := 0; c < 256; c++ {
		class[c] = letters && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') || digits && '0' <= c && c <= '9'
	}
	for i := 0; i < len(extra); i++ {
		class[extra[i]] = true
	}
	return tail{&class, min}
}

// follows reports whether s starts with t.
func (t tail) follows(s string) bool {
	if len(s) < t.min {
		return false
	}
	for i := 0; i < t.min; i++ {
		if !t.class[s[i]] {
			return false
		}
	}
	return true
}

// minMatchLen returns a lower bound of the length in bytes of the
// matches of the regular expression expr, parsed but not compiled.
func minMatchLen(expr string) int {
	parsed, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic("secret: " + err.Error()) // the patterns are constants
	}
	return minLen(parsed)
}

// minLen returns a lower bound of the length in bytes of the texts re
// matches.
func minLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return len(re.Rune) // a case variant may be shorter in UTF-8
		}
		n := 0
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
		}
		return n
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minLen(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minLen(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			n += minLen(sub)
		}
		return n
	case syntax.OpAlternate:
		n := minLen(re.Sub[0])
		for _, sub := range re.Sub[1:] {
			n = min(n, minLen(sub))
		}
		return n
	}
	return 0 // empty, assertions, star, quest
}

// patterns are the token formats recognised anywhere in a string. Each
// body is checked for entropy too, so placeholders like ghp_xxxx… pass.
var patterns = []pattern{
	newPattern("AWS access key", `\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`, 4, tailOf(16, true, true, ""), "AKIA", "ASIA"),
	newPattern("GitHub token", `\bgh[pousr]_[A-Za-z0-9]{36,255}\b`, 4, tailOf(36, true, true, ""), "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
	newPattern("GitHub token", `\bgithub_pat_[A-Za-z0-9_]{82}\b`, 11, tailOf(82, true, true, "_"), "github_pat_"),
	newPattern("Slack token", `\bxox[abposr]-[A-Za-z0-9-]{10,}`, 5, tailOf(12, true, true, "-"), "xox"),
	newPattern("private key", `-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----[\s\S]+?-----END (?:[A-Z]+ )*PRIVATE KEY-----`, 0, tail{}, "-----BEGIN "),
}

// newPattern makes a pattern of the format kind from the regular
// expression expr, whose matches hold one of markers followed by tail.
func newPattern(kind, expr string, prefix int, tail tail, markers ...string) pattern {
	p := pattern{kind: kind, expr: expr, prefix: prefix, minLen: minMatchLen(expr), tail: tail,
		re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
	for _, m := range markers {
		p.markers = append(p.markers, edit.NewWord(m))
	}
	if len(markers) > 1 {
		c := markers[0][edit.SearchByte(markers[0])]
		if !slices.ContainsFunc(markers, func(m string) bool { return strings.IndexByte(m, c) < 0 }) {
			p.common = c
		}
	}
	return p
}

// mayMatch reports whether s contains one of p's markers followed by
// p's tail.
func (p *pattern) mayMatch(s string) bool {
	for _, m := range p.markers {
		if !edit.ContainsWord(s, m) {
			continue
		}
		word := m.String()
		for from := 0; ; {
			i := strings.Index(s[from:], word)
			if i < 0 {
				break
			}
			from += i + len(word)
			if p.tail.follows(s[from:]) {
				return true
			}
		}
	}
	return false
}

// MayHoldToken reports whether a string of the Nix source src may hold a
// token Find recognises: src contains one of the formats' markers, or
// escapes a byte of one, as an escape may spell a marker ("AK\IA" is
// "AKIA"). The strings of a file without either need no Find; most
// escapes (\n, \", \$) spell none.
func MayHoldToken(src []byte) bool { return tokenMarkers.MayHold(src) }

// tokenMarkers are the markers of all patterns, searched at once by
// MayHoldToken: those that share a search byte take one pass over a
// source.
var tokenMarkers = func() *edit.Spelling {
	var markers []string
	for _, p := range patterns {
		for _, m := range p.markers {
			markers = append(markers, m.String())
		}
	}
	return edit.NewSpelling(markers...)
}()

// Match is a secret found in a string.
type Match struct {
	Kind       string // "GitHub token", "private key", "high-entropy value"…
	Start, End int    // byte offsets of the secret in the searched string
	Redacted   string // the secret as Redact shows it
}

// Find returns the first token of a recognised format in s (an AWS key, a
// GitHub or Slack token, a PEM private key), skipping documentation
// examples and placeholders.
func Find(s string) (Match, bool) {
	for i := range patterns {
		p := &patterns[i]
		if len(s) < p.minLen || p.common != 0 && strings.IndexByte(s, p.common) < 0 || !p.mayMatch(s) {
			continue
		}
		for _, loc := range p.re().FindAllStringIndex(s, -1) {
			v := s[loc[0]:loc[1]]
			if p.kind != "private key" && (isPlaceholder(v) || entropy(v[p.prefix:]) < 3.0) {
				continue
			}
			if p.kind == "private key" && !privateKeyBody(v) {
				continue
			}
			return Match{Kind: p.kind, Start: loc[0], End: loc[1], Redacted: redact(v, p.prefix, p.kind)}, true
		}
	}
	return Match{}, false
}

// privateKeyBody reports whether a PEM block holds key material rather
// than an elided "..." example.
func privateKeyBody(v string) bool {
	body := v[strings.Index(v, "-----\n")+1:]
	body = body[:strings.LastIndex(body, "-----END")]
	return len(strings.Join(strings.Fields(body), "")) >= 64 && !strings.Contains(body, "...")
}

// secretWords are the words of a binding name that say its value is
// secret; secretPairs the pairs of consecutive words that do.
var (
	secretWords = []string{"password", "passwd", "passphrase", "token", "secret", "apikey", "accesskey",
		"privatekey", "secretkey"}
	secretPairs = [][2]string{{"api", "key"}, {"access", "key"}, {"private", "key"}, {"client", "secret"}}
)

// referenceWords end names whose value points at a secret rather than
// holding it (passwordFile, tokenPath, secretName) or describes it.
var referenceWords = []string{"file", "files", "path", "paths", "dir", "directory", "command", "cmd",
	"name", "names", "type", "length", "env", "url", "uri", "endpoint", "user", "username", "field",
	"header", "location", "source", "attr", "option", "options", "id", "format", "policy", "script",
	"mode", "owner", "group", "prompt", "hash", "ref", "store", "helper"}

// IsSecretName reports whether a binding called name would hold a secret:
// one of its words (split at camelCase, _, - and .) is password, token,
// secret, API key…, it is not a reference to one (passwordFile,
// tokenPath, secretName) and not a hash (hashedPassword).
func IsSecretName(name string) bool {
	if !maySecretName(name) {
		return false
	}
	var buf [8]string
	words := asciiWords(buf[:0], name)
	if words == nil {
		words = nameWords(name) // not ASCII
	}
	if len(words) == 0 || containsWord(words, "hashed") {
		return false
	}
	last := words[len(words)-1]
	if containsWord(referenceWords, last) && !isPair(words, len(words)-2) {
		return false
	}
	for i, w := range words {
		if containsWord(secretWords, w) || isPair(words, i) {
			return true
		}
	}
	return false
}

// sameWord reports whether the words a and b, one of nameWords or
// asciiWords and one of a list of lower-case ASCII words, are the same
// but for the case of ASCII letters (the words of asciiWords keep the
// name's). Words hold letters and digits only, which setting bit 0x20
// lowers or keeps; a byte of a non-ASCII word matches no ASCII one.
func sameWord(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i]|0x20 != b[i]|0x20 {
			return false
		}
	}
	return true
}

// containsWord reports whether one of list is the same word as w (see
// sameWord).
func containsWord(list []string, w string) bool {
	return slices.ContainsFunc(list, func(l string) bool { return sameWord(w, l) })
}

// maySecretName reports whether name may have a secret word, telling
// cheaply the many names without one: an ASCII name (whose words lower
// the case of its bytes one by one) can have one only if it contains a
// stem every secret word and pair contains (pass, token, secret, key),
// ignoring case. Other names may. One pass looks for all the stems, at
// the bytes that start one.
func maySecretName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= utf8.RuneSelf {
			return true
		}
		var stem string
		switch c | 0x20 { // lower case for letters; no other byte becomes p, t, s or k
		case 'p':
			stem = "pass"
		case 't':
			stem = "token"
		case 's':
			stem = "secret"
		case 'k':
			stem = "key"
		default:
			continue
		}
		if hasPrefixFold(name[i:], stem) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with lower, a lower-case ASCII
// word, ignoring the case of ASCII letters.
func hasPrefixFold(s, lower string) bool {
	if len(s) < len(lower) {
		return false
	}
	for i := 0; i < len(lower); i++ {
		if s[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

// isPair reports whether words[i] and words[i+1] are a secret pair.
func isPair(words []string, i int) bool {
	if i < 0 || i+1 >= len(words) {
		return false
	}
	return slices.ContainsFunc(secretPairs, func(p [2]string) bool {
		return sameWord(words[i], p[0]) && sameWord(words[i+1], p[1])
	})
}

// asciiWords appends to buf the words of name as nameWords splits them,
// but in their case in name (substrings of it, made without copying),
// when name is ASCII; it returns nil for other names.
func asciiWords(buf []string, name string) []string {
	start := 0
	word := func(end int) {
		if start < end {
			buf = append(buf, name[start:end])
		}
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil
		case !isASCIILetter(c) && !('0' <= c && c <= '9'):
			word(i)
			start = i + 1
		case isASCIIUpper(c) && i > 0 && (isASCIILower(name[i-1]) ||
			i+1 < len(name) && isASCIILower(name[i+1]) && isASCIIUpper(name[i-1])):
			word(i)
			start = i
		}
	}
	word(len(name))
	if buf == nil {
		buf = []string{} // an ASCII name without words
	}
	return buf
}

func isASCIIUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isASCIILower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isASCIILetter(c byte) bool { return isASCIIUpper(c) || isASCIILower(c) }

// nameWords splits a name into lower-case words at camelCase humps and
// at _, - and . (GITHUB_TOKEN, apiKey, x-api-key).
func nameWords(name string) []string {
	var words []string
	var cur []rune
	runes := []rune(name)
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i, r := range runes {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(runes[i-1]) ||
			(i+1 < len(runes) && unicode.IsLower(runes[i+1]) && unicode.IsUpper(runes[i-1]))):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// IsHighEntropy reports whether value looks like generated key material:
// long enough, one word, varied characters, and not a reference (a path,
// a variable, a placeholder).
func IsHighEntropy(value string) bool {
	if len(value) < 16 || len(value) > 4096 || strings.ContainsFunc(value, unicode.IsSpace) {
		return false
	}
	if IsReference(value) || isPlaceholder(value) || isWordy(value) {
		return false
	}
	return entropy(value) >= 3.5 && charClasses(value) >= 2
}

// IsReference reports whether value names a secret instead of holding it:
// a path (/run/secrets/x, ./x.age, ~/x), a variable ($X, ${X}, @X@), or
// a secret manager URI.
func IsReference(value string) bool {
	for _, p := range []string{"/", "./", "../", "~/", "$", "@", "%", "file:", "env:", "vault:", "op://", "sops:"} {
		if strings.HasPrefix(value, p) {
			return true
		}
	}
	return strings.Contains(value, "/run/secrets") || strings.Contains(value, "://") ||
		strings.HasPrefix(value, "{") || strings.HasPrefix(value, "<") // {env:X}, {{ .X }}, <secret>
}

// isWordy reports whether value is made of letter-only words joined by
// separators (home-assistant/mqtt/password, me@example.org): a name or an
// address, not generated key material, which mixes in digits.
func isWordy(value string) bool {
	words := strings.FieldsFunc(value, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if strings.ContainsFunc(w, unicode.IsDigit) {
			return false
		}
	}
	return true
}

// placeholderWords mark values that stand in for a real secret.
var placeholderWords = []string{"example", "changeme", "change-me", "change_me", "placeholder", "replace",
	"your", "dummy", "insecure", "xxxx", "****", "todo", "fixme", "redacted", "sample", "test"}

func isPlaceholder(value string) bool {
	v := strings.ToLower(value)
	for _, w := range placeholderWords {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	counts := map[rune]int{}
	n := 0
	for _, r := range s {
		counts[r]++
		n++
	}
	var h float64
	for _, c := range counts {
		p := float64(c) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

// charClasses counts the kinds of characters in s: lower, upper, digit,
// other.
func charClasses(s string) int {
	var lower, upper, digit, other int
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lower = 1
		case unicode.IsUpper(r):
			upper = 1
		case unicode.IsDigit(r):
			digit = 1
		default:
			other = 1
		}
	}
	return lower + upper + digit + other
}
