package flakelock

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Span is a byte range [Start, End) in the lock file.
type Span struct {
	Start, End int
}

// jsonKind is the kind of a decoded JSON value.
type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

func (k jsonKind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an array", "an object"}[k]
}

// value is a JSON value with the span of its text: the generic tree the
// typed lock is read from, so that every field keeps its position.
type value struct {
	kind    jsonKind
	span    Span
	boolean bool
	number  json.Number
	str     string
	elems   []*value
	members []member // in file order
}

// member is one "key": value pair of an object.
type member struct {
	key   string
	keyAt Span
	val   *value
}

// get returns the last member named key (as encoding/json keeps the last
// of duplicate keys), or nil.
func (v *value) get(key string) *member {
	for i := len(v.members) - 1; i >= 0; i-- {
		if v.members[i].key == key {
			return &v.members[i]
		}
	}
	return nil
}

// decoder reads one JSON document token by token, recording spans.
type decoder struct {
	src []byte
	dec *json.Decoder
}

// decodeJSON decodes src, which must hold exactly one JSON value.
func decodeJSON(src []byte) (*value, error) {
	d := &decoder{src: src, dec: json.NewDecoder(bytes.NewReader(src))}
	d.dec.UseNumber()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	start := d.skipSpace(int(d.dec.InputOffset()))
	if _, err := d.dec.Token(); err != io.EOF {
		return nil, posErrorf(start, "unexpected data after the top-level value")
	}
	return v, nil
}

// next returns the next token and where its text starts and ends.
func (d *decoder) next() (json.Token, Span, error) {
	start := d.skipSpace(int(d.dec.InputOffset()))
	tok, err := d.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			return nil, Span{}, posErrorf(int(se.Offset), "%s", se.Error())
		case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
			return nil, Span{}, posErrorf(len(d.src), "unexpected end of JSON input")
		}
		return nil, Span{}, posErrorf(start, "%v", err)
	}
	return tok, Span{start, int(d.dec.InputOffset())}, nil
}

// skipSpace skips whitespace and the separators the decoder consumes
// lazily (',' and ':') from offset i.
func (d *decoder) skipSpace(i int) int {
	for i < len(d.src) {
		switch d.src[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
		default:
			return i
		}
	}
	return i
}

func (d *decoder) value() (*value, error) {
	tok, span, err := d.next()
	if err != nil {
		return nil, err
	}
	return d.valueFrom(tok, span)
}

func (d *decoder) valueFrom(tok json.Token, span Span) (*value, error) {
	v := &value{span: span}
	switch t := tok.(type) {
	case nil:
		v.kind = jsonNull
	case bool:
		v.kind, v.boolean = jsonBool, t
	case json.Number:
		v.kind, v.number = jsonNumber, t
	case string:
		v.kind, v.str = jsonString, t
	case json.Delim:
		switch t {
		case '[':
			v.kind = jsonArray
			for d.dec.More() {
				el, err := d.value()
				if err != nil {
					return nil, err
				}
				v.elems = append(v.elems, el)
			}
		case '{':
			v.kind = jsonObject
			for d.dec.More() {
				ktok, kspan, err := d.next()
				if err != nil {
					return nil, err
				}
				el, err := d.value()
				if err != nil {
					return nil, err
				}
				v.members = append(v.members, member{key: ktok.(string), keyAt: kspan, val: el})
			}
		}
		_, end, err := d.next() // the closing delimiter
		if err != nil {
			return nil, err
		}
		v.span.End = end.End
	default:
		return nil, posErrorf(span.Start, "unexpected JSON token %v", tok)
	}
	return v, nil
}

// posError is an error at a byte offset, located by Parse.
type posError struct {
	offset int
	msg    string
}

func (e *posError) Error() string { return fmt.Sprintf("offset %d: %s", e.offset, e.msg) }

func posErrorf(offset int, format string, args ...any) error {
	return &posError{offset: offset, msg: fmt.Sprintf(format, args...)}
}
