package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/nixaudit/nixaudit/internal/spelling"
)

// FileName is the name Find looks for.
const FileName = ".nixaudit.toml"

// Error is a problem in a configuration file, at a line when known.
type Error struct {
	File string
	Line int // 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Default returns the configuration used when no file is found, with
// relative paths resolved against dir.
func Default(dir string) *Config {
	return &Config{Dir: dir, FailOn: "error"}
}

// Find looks for .nixaudit.toml in startDir and each of its parents and
// returns the path of the first one found, or "" when there is none.
func Find(startDir string) (string, error) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		} else if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates the configuration file at path. Syntax errors,
// unknown keys and invalid values are *Error values naming the line.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	cfg := &Config{Path: path, Dir: filepath.Dir(abs), src: src}
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &Error{File: path, Line: pe.Position.Line, Msg: pe.Message}
		}
		return nil, typeError(path, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		k := undecoded[0]
		msg := fmt.Sprintf("unknown key %s", k)
		if best := spelling.Closest(k[len(k)-1], keysAt(reflect.TypeOf(*cfg), k[:len(k)-1])...); best != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", best)
		}
		return nil, cfg.Errorf([]string(k), "%s", msg)
	}
	if cfg.FailOn == "" {
		cfg.FailOn = "error"
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// decodeErrorRE matches the decoder's type errors, which are not
// ParseErrors: "toml: line 2 (last key \"fail-on\"): incompatible types: …".
var decodeErrorRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)
})

// typeError turns a decoder error into an *Error with the line of the key.
func typeError(path string, err error) error {
	m := decodeErrorRE().FindStringSubmatch(err.Error())
	if m == nil {
		return &Error{File: path, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	line, _ := strconv.Atoi(m[1])
	return &Error{File: path, Line: line, Msg: m[2] + ": " + m[3]}
}

// failOnValues and ruleLevels are the values fail-on and [rules] accept.
var (
	failOnValues = []string{"error", "warning", "info", "none"}
	ruleLevels   = []string{"off", "error", "warning", "info"}
)

func (c *Config) validate() error {
	if !contains(failOnValues, c.FailOn) {
		return c.Errorf([]string{"fail-on"}, "fail-on = %q: want one of %s", c.FailOn, strings.Join(failOnValues, ", "))
	}
	for name, level := range c.Rules {
		if !contains(ruleLevels, level) {
			return c.Errorf([]string{"rules", name}, "rules.%s = %q: want one of %s", name, level, strings.Join(ruleLevels, ", "))
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Errorf returns an *Error about the key path key (e.g. ["rules",
// "url-literal"]), at the line where the key is written.
func (c *Config) Errorf(key []string, format string, args ...any) error {
	return &Error{File: c.Path, Line: keyLine(c.src, key), Msg: fmt.Sprintf(format, args...)}
}

// Open returns the configuration at path when it is given, else the one
// found upward from dir, else the defaults for dir: what the operations
// use for a flake directory and its --config flag.
func Open(dir, path string) (*Config, error) {
	if path == "" {
		found, err := Find(dir)
		if err != nil {
			return nil, err
		}
		if found == "" {
			return Default(dir), nil
		}
		path = found
	}
	return Load(path)
}

// keysAt returns the keys the table at path may hold: the toml names of
// the fields of the struct type t leads to there, or none when it leads
// to a map (whose keys are any names) or to no table.
func keysAt(t reflect.Type, path []string) []string {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice: // optional tables, arrays of tables
			t = t.Elem()
		case reflect.Map:
			if len(path) == 0 {
				return nil
			}
			t, path = t.Elem(), path[1:]
		case reflect.Struct:
			if len(path) == 0 {
				var keys []string
				for i := range t.NumField() {
					if name := tomlName(t.Field(i)); name != "" {
						keys = append(keys, name)
					}
				}
				return keys
			}
			f, ok := fieldTagged(t, path[0])
			if !ok {
				return nil
			}
			t, path = f.Type, path[1:]
		default:
			return nil
		}
	}
}

func fieldTagged(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if tomlName(t.Field(i)) == name {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// tomlName is the key a struct field is decoded from, or "" for none.
func tomlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	return name
}
