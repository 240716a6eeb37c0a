// Package sariftest validates SARIF logs against the OASIS SARIF 2.1.0
// schema kept in ../shared/schemas beside the repository, for tests.
package sariftest

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	once   sync.Once
	schema *jsonschema.Schema
	err    error
)

// SchemaPath is where the OASIS schema lives: ../shared/schemas beside the
// repository root.
func SchemaPath() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")
}

func compile() (*jsonschema.Schema, error) {
	f, err := os.Open(SchemaPath())
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("sarif-schema-2.1.0.json")
}

// Validate fails t unless log is a SARIF document valid against the
// schema. A missing schema is a failure, not a skip: CI provides it.
func Validate(t testing.TB, log []byte) {
	t.Helper()
	once.Do(func() { schema, err = compile() })
	if err != nil {
		t.Fatalf("the SARIF schema is needed: %v", err)
	}
	doc, derr := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if derr != nil {
		t.Fatalf("SARIF is not JSON: %v", derr)
	}
	if verr := schema.Validate(doc); verr != nil {
		t.Fatalf("SARIF does not validate against the OASIS schema: %v", verr)
	}
}
