package printer

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// outcome is what parsing one file gives: the printed expression, or the
// first error (its line, 0 when Nix gives no position, and message).
type outcome struct {
	printed string
	errLine int
	errMsg  string
	crashed bool // nix-instantiate died without an error message
	// inherited is set when our error is an undefined variable named by
	// an inherit (Nix 2.8 reports it where the bindings start).
	inherited bool
	// inSource is set when our error is in the source of an
	// inherit (e), which modern Nix binds before the set's attributes.
	inSource bool
	allMsgs  []string // the messages of all our errors
}

func (o outcome) String() string {
	if o.errMsg != "" {
		return fmt.Sprintf("error at line %d: %s", o.errLine, o.errMsg)
	}
	return o.printed
}

// agrees reports whether our outcome matches Nix's: the same printed line
// (Nix's side normalised), or errors on the same line (on the same
// message when Nix gives no position).
func agrees(ours, nix outcome) bool {
	if nix.errMsg == "" || ours.errMsg == "" {
		return nix.errMsg == "" && ours.errMsg == "" && ours.printed == normalizeNix(nix.printed)
	}
	if nix.errLine == 0 {
		return ours.errMsg == nix.errMsg
	}
	return ours.errLine == nix.errLine
}

// batchSize bounds the files given to one nix-instantiate process.
const batchSize = 400

// nixParse runs `nix-instantiate --parse` on files, many per process. Nix
// stops at the first file with an error; the files before it printed one
// line each, so the run resumes after it.
func nixParse(files []string) ([]outcome, error) {
	out := make([]outcome, 0, len(files))
	for len(out) < len(files) {
		batch := files[len(out):min(len(files), len(out)+batchSize)]
		var stdout, stderr bytes.Buffer
		cmd := exec.Command("nix-instantiate", append([]string{"--parse"}, batch...)...)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		runErr := cmd.Run()
		var exit *exec.ExitError
		if runErr != nil && !errors.As(runErr, &exit) {
			return nil, fmt.Errorf("nix-instantiate (is Nix installed? the conformance test needs it): %w", runErr)
		}
		lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
		if stdout.Len() == 0 {
			lines = nil
		}
		if len(lines) > len(batch) || runErr == nil && len(lines) != len(batch) {
			return nil, fmt.Errorf("nix-instantiate printed %d lines for %d files", len(lines), len(batch))
		}
		for _, l := range lines {
			out = append(out, outcome{printed: l})
		}
		if runErr != nil {
			if len(lines) == len(batch) {
				return nil, fmt.Errorf("nix-instantiate failed after printing every file: %s", stderr.String())
			}
			if !strings.Contains(stderr.String(), "error:") {
				out = append(out, outcome{crashed: true, errMsg: "nix-instantiate: " + runErr.Error()})
				continue
			}
			out = append(out, nixError(stderr.String()))
		}
	}
	return out, nil
}

var (
	nixErrMsg = regexp.MustCompile(`(?m)^error: (.*)$`)
	nixErrPos = regexp.MustCompile(`(?m)^\s+at .*:(\d+):(\d+):$`)
)

// nixError extracts the message and line of Nix's error report.
func nixError(stderr string) outcome {
	o := outcome{errMsg: strings.TrimSpace(stderr)}
	if m := nixErrMsg.FindStringSubmatch(stderr); m != nil {
		o.errMsg = m[1]
	}
	if m := nixErrPos.FindStringSubmatch(stderr); m != nil {
		o.errLine, _ = strconv.Atoi(m[1])
	}
	return o
}

// ourParse loads and prints file as `nixaudit parse --print=nix` does.
func ourParse(file string) (outcome, error) {
	l, err := Load(file)
	if err != nil {
		return outcome{}, err
	}
	if len(l.Errors) > 0 {
		e := l.Errors[0]
		o := outcome{errLine: l.File.Tok.Position(e.Pos).Line, errMsg: e.Msg, inherited: inheritedAt(l.File, e.Pos), inSource: inInheritSource(l.File, e.Pos)}
		for _, e := range l.Errors {
			o.allMsgs = append(o.allMsgs, e.Msg)
		}
		return o, nil
	}
	var buf bytes.Buffer
	if err := Print(&buf, l.File, l.Options); err != nil {
		return outcome{errMsg: "printer: " + err.Error()}, nil
	}
	return outcome{printed: strings.TrimSuffix(buf.String(), "\n")}, nil
}

// inInheritSource reports whether pos is in the source of an inherit (e).
func inInheritSource(f *ast.File, pos token.Pos) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if in, ok := n.(*ast.Inherit); ok && in.From != nil {
			found = found || in.From.Pos() <= pos && pos < in.From.End()
		}
		return !found
	})
	return found
}

// inheritedAt reports whether an inherit names something at pos.
func inheritedAt(f *ast.File, pos token.Pos) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if in, ok := n.(*ast.Inherit); ok {
			for _, k := range in.Names {
				found = found || k.Pos() == pos
			}
		}
		return !found
	})
	return found
}
