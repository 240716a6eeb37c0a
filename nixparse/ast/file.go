package ast

import (
	"go/token"
	"sort"
)

// File is one parsed Nix file.
type File struct {
	Name     string
	Tok      *token.File // the file's entry in the FileSet
	Src      []byte
	Expr     Expr       // a *BadExpr when nothing could be parsed (never nil from the parser)
	Comments []*Comment // every comment, in source order
	// Tokens holds every token and every trivia run (whitespace,
	// comments) in source order; their texts concatenated are Src, byte
	// for byte.
	Tokens []Token
	// Errors lists the syntax errors in source order; the tree holds
	// *BadExpr where they were.
	Errors []SyntaxError
}

func (f *File) Pos() token.Pos { return token.Pos(f.Tok.Base()) }
func (f *File) End() token.Pos { return token.Pos(f.Tok.Base() + f.Tok.Size()) }

// Text returns the source text of n.
func (f *File) Text(n Node) string {
	return string(f.Src[f.Offset(n.Pos()):f.Offset(n.End())])
}

// Offset returns the byte offset of p in f.Src.
func (f *File) Offset(p token.Pos) int { return int(p) - f.Tok.Base() }

// Comment is a # line comment (Text excludes the newline) or a /* block */
// comment, with its delimiters.
type Comment struct {
	Slash token.Pos // position of "#" or "/*"
	Text  string
}

func (c *Comment) Pos() token.Pos { return c.Slash }
func (c *Comment) End() token.Pos { return c.Slash + token.Pos(len(c.Text)) }

// CommentsIn returns the comments that lie within [from, to), in order.
func (f *File) CommentsIn(from, to token.Pos) []*Comment {
	i := sort.Search(len(f.Comments), func(i int) bool { return f.Comments[i].Slash >= from })
	j := i
	for j < len(f.Comments) && f.Comments[j].End() <= to {
		j++
	}
	return f.Comments[i:j]
}

// Token is one lexical token or trivia run, as byte offsets into Src.
type Token struct {
	Kind      TokenKind
	Offset    int32
	EndOffset int32
}

// TokenKind classifies a Token.
type TokenKind uint8

const (
	ILLEGAL TokenKind = iota
	EOF
	WHITESPACE   // a run of spaces, tabs, CRs and newlines
	COMMENT      // # … or /* … */
	IDENT        // x, a-b, a'
	INT          // 42
	FLOAT        // 1.5
	PATH         // ./a, /a, ~/a, a/b (a literal run of a path)
	LOOKUP_PATH  // <nixpkgs>
	URI          // https://…
	STRING_OPEN  // "
	STRING_CLOSE // "
	IND_OPEN     // ''
	IND_CLOSE    // ''
	STRING_TEXT  // literal run inside a string
	INTERP_OPEN  // ${
	PATH_END     // zero-width end of a path (after every path literal, as Nix's lexer)
	KEYWORD_IF   // if
	KEYWORD_THEN // then
	KEYWORD_ELSE // else
	KEYWORD_ASSERT
	KEYWORD_WITH
	KEYWORD_LET
	KEYWORD_IN
	KEYWORD_REC
	KEYWORD_INHERIT
	KEYWORD_OR
	CUR_POS // __curPos
	LBRACE  // {
	RBRACE  // }
	LBRACK  // [
	RBRACK  // ]
	LPAREN  // (
	RPAREN  // )
	SEMI    // ;
	COLON   // :
	COMMA   // ,
	DOT     // .
	ELLIPSIS
	AT       // @
	QUESTION // ?
	ASSIGN   // =
	OPERATOR // + - * / ++ // == != < <= > >= && || -> ! |> <|
)

var tokenKindNames = [...]string{
	ILLEGAL: "ILLEGAL", EOF: "EOF", WHITESPACE: "WHITESPACE", COMMENT: "COMMENT",
	IDENT: "IDENT", INT: "INT", FLOAT: "FLOAT", PATH: "PATH", LOOKUP_PATH: "LOOKUP_PATH",
	URI: "URI", STRING_OPEN: "STRING_OPEN", STRING_CLOSE: "STRING_CLOSE",
	IND_OPEN: "IND_OPEN", IND_CLOSE: "IND_CLOSE", STRING_TEXT: "STRING_TEXT",
	INTERP_OPEN: "INTERP_OPEN", PATH_END: "PATH_END", KEYWORD_IF: "if", KEYWORD_THEN: "then",
	KEYWORD_ELSE: "else", KEYWORD_ASSERT: "assert", KEYWORD_WITH: "with",
	KEYWORD_LET: "let", KEYWORD_IN: "in", KEYWORD_REC: "rec",
	KEYWORD_INHERIT: "inherit", KEYWORD_OR: "or", CUR_POS: "__curPos",
	LBRACE: "{", RBRACE: "}", LBRACK: "[", RBRACK: "]", LPAREN: "(", RPAREN: ")",
	SEMI: ";", COLON: ":", COMMA: ",", DOT: ".", ELLIPSIS: "...", AT: "@",
	QUESTION: "?", ASSIGN: "=", OPERATOR: "OPERATOR",
}

func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) && tokenKindNames[k] != "" {
		return tokenKindNames[k]
	}
	return "TokenKind(?)"
}

// IsTrivia reports whether tokens of kind k carry no syntax.
func (k TokenKind) IsTrivia() bool { return k == WHITESPACE || k == COMMENT }

// ErrorKind classifies a syntax error.
type ErrorKind uint8

const (
	SyntaxErr      ErrorKind = iota // the text does not parse
	InvalidLiteral                  // a literal Nix rejects: int overflow, path ending in "/", …
)

// SyntaxError is an error found while scanning or parsing, worded as Nix
// words it where Nix reports the same error.
type SyntaxError struct {
	Kind ErrorKind
	Pos  token.Pos
	End  token.Pos
	Msg  string
}
