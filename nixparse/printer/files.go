package printer

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// Loaded is a file parsed and bound the way `nix-instantiate --parse`
// reads it.
type Loaded struct {
	File    *ast.File
	Info    *scope.Info
	Errors  []scope.FileError // syntax and semantic errors, in Nix's order
	Options Options           // how Nix resolves the file's paths
}

// Load reads, parses and binds file. Like Nix it parses the target of a
// symbolic link and default.nix of a directory, and resolves relative
// paths against that file's directory and ~ against $HOME. Errors name
// the file as given.
func Load(file string) (*Loaded, error) {
	dir, parsed, err := BaseDir(file)
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(parsed)
	if err != nil {
		return nil, err
	}
	f := parser.ParseFile(token.NewFileSet(), file, src)
	info := scope.Bind(f)
	return &Loaded{File: f, Info: info, Errors: scope.FileErrors(f, info),
		Options: Options{Dir: dir, Home: os.Getenv("HOME")}}, nil
}

// Mode selects what ParseFiles prints.
type Mode string

const (
	ModeNix  Mode = "nix"  // one line per file, as nix-instantiate --parse
	ModeAST  Mode = "ast"  // an indented tree with positions
	ModeJSON Mode = "json" // one JSON document (JSONFile) per line
)

// ParseFiles loads each file and prints it to stdout in mode, and its
// errors to stderr as "FILE:LINE:COL: error: message". In nix mode a file
// with errors prints nothing; the tree modes print what was parsed. It
// reports whether any file had errors; err is an I/O error or a bad mode.
func ParseFiles(stdout, stderr io.Writer, files []string, mode Mode) (hadErrors bool, err error) {
	if mode != ModeNix && mode != ModeAST && mode != ModeJSON {
		return false, fmt.Errorf("unknown print mode %q (want nix, ast or json)", mode)
	}
	for _, file := range files {
		l, err := Load(file)
		if err != nil {
			return hadErrors, err
		}
		for _, e := range l.Errors {
			hadErrors = true
			fmt.Fprintf(stderr, "%s: error: %s\n", l.File.Tok.Position(e.Pos), e.Msg)
		}
		switch {
		case mode == ModeAST:
			err = Dump(stdout, l.File)
		case mode == ModeJSON:
			err = writeJSON(stdout, l)
		case len(l.Errors) == 0:
			err = Print(stdout, l.File, l.Options)
		}
		if err != nil {
			return hadErrors, err
		}
	}
	return hadErrors, nil
}

func writeJSON(w io.Writer, l *Loaded) error {
	doc := JSONFile{File: l.File.Name, Errors: make([]JSONError, len(l.Errors))}
	if l.File.Expr != nil {
		doc.Expr = tree(l.File.Tok, l.File.Expr, 0)
	}
	for i, e := range l.Errors {
		doc.Errors[i] = JSONError{Pos: position(l.File.Tok, e.Pos), End: position(l.File.Tok, e.End), Message: e.Msg}
	}
	return json.NewEncoder(w).Encode(doc)
}
