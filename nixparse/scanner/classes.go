package scanner

import (
	"encoding/binary"
	"math/bits"
)

// Character classes of lexer.l, as 256-entry tables so the hot loops do
// one load per byte.
var (
	idStart  [256]bool // [a-zA-Z_]
	idChar   [256]bool // [a-zA-Z0-9_'-]
	pathChar [256]bool // PATH_CHAR: [a-zA-Z0-9._+-]
	uriChar  [256]bool // the part of URI after ':'
	uriHead  [256]bool // the scheme after its first letter: [a-zA-Z0-9+.-]
	digit    [256]bool
	letter   [256]bool
)

// skipPlain returns the first index from i of a byte a, b or c, or
// len(src): string literals are mostly plain text, which this skips eight
// bytes at a time.
func skipPlain(src []byte, i int, a, b, c byte) int {
	ma, mb, mc := ones*uint64(a), ones*uint64(b), ones*uint64(c)
	for ; i+8 <= len(src); i += 8 {
		w := binary.LittleEndian.Uint64(src[i:])
		if m := (zeroBytes(w^ma) | zeroBytes(w^mb) | zeroBytes(w^mc)) & high; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(src); i++ {
		if d := src[i]; d == a || d == b || d == c {
			return i
		}
	}
	return i
}

// skipPlain2 is skipPlain for two bytes (the text of indented strings).
func skipPlain2(src []byte, i int, a, b byte) int {
	ma, mb := ones*uint64(a), ones*uint64(b)
	for ; i+8 <= len(src); i += 8 {
		w := binary.LittleEndian.Uint64(src[i:])
		if m := (zeroBytes(w^ma) | zeroBytes(w^mb)) & high; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(src); i++ {
		if d := src[i]; d == a || d == b {
			return i
		}
	}
	return i
}

const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// zeroBytes has, within high, the high bit of the first zero byte of x
// set, and of no byte before it (past a zero byte, borrows may set more):
// the lowest bit of zeroBytes(x)&high set is x's first zero byte.
func zeroBytes(x uint64) uint64 { return (x - ones) &^ x }

func init() {
	for c := 0; c < 256; c++ {
		b := byte(c)
		isLetter := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
		isDigit := b >= '0' && b <= '9'
		letter[c] = isLetter
		digit[c] = isDigit
		idStart[c] = isLetter || b == '_'
		idChar[c] = isLetter || isDigit || b == '_' || b == '\'' || b == '-'
		pathChar[c] = isLetter || isDigit || b == '.' || b == '_' || b == '-' || b == '+'
		uriHead[c] = isLetter || isDigit || b == '+' || b == '-' || b == '.'
	}
	for _, b := range []byte("%/?:@&=+$,-_.!~*'") {
		uriChar[b] = true
	}
	for c := 0; c < 256; c++ {
		if letter[c] || digit[c] {
			uriChar[c] = true
		}
	}
}

// span returns the end of the run of bytes in class starting at i.
func span(src []byte, i int, class *[256]bool) int {
	for i+4 <= len(src) {
		b := src[i : i+4 : i+4]
		if !class[b[0]] || !class[b[1]] || !class[b[2]] || !class[b[3]] {
			break
		}
		i += 4
	}
	for i < len(src) && class[src[i]] {
		i++
	}
	return i
}

// at returns src[i], or 0 past the end (no class contains 0).
func at(src []byte, i int) byte {
	if i < len(src) {
		return src[i]
	}
	return 0
}
