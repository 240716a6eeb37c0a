package transport

import "strings"

// QuoteCommand joins argv into the one command line ssh hands to the
// remote login shell, each argument quoted so the shell passes it to the
// program unchanged: arguments of only letters, digits and @%+:,./_-
// stay as they are, any other is single-quoted (a ' inside becomes '\”).
//
// It is stricter than run.Quote, which leaves '#' and '=' bare: a word
// starting with '#' begins a comment for the shell and a first word
// "a=b" is an assignment, so both would change the command.
func QuoteCommand(argv []string) string {
	parts := make([]string, len(argv))
	for i, a := range argv {
		parts[i] = quote(a)
	}
	return strings.Join(parts, " ")
}

func quote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+:,./_-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
