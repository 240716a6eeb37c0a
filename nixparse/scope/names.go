package scope

import "strings"

// QuoteName renders an attribute name the way Nix 2.8 prints a symbol: bare
// when it is an identifier other than "if", else as a quoted string.
func QuoteName(s string) string {
	if s != "if" && isIdentifier(s) {
		return s
	}
	return QuoteString(s)
}

// QuoteString renders s as a Nix string literal, escaping as Nix 2.8's
// showString does: backslash, double quote and dollar get a backslash,
// newline, carriage return and tab become \n, \r and \t.
func QuoteString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '"', '$':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// isIdentifier reports whether s matches [a-zA-Z_][a-zA-Z0-9_'-]*.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if i == 0 && !letter {
			return false
		}
		if !letter && !(c >= '0' && c <= '9') && c != '\'' && c != '-' {
			return false
		}
	}
	return true
}
