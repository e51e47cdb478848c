package schema_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hotline/injects/schema"
)

// TestEditorNote: a file that points editors at a schema that is missing,
// or is another version's, gets a note saying how to write it.
func TestEditorNote(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "port.yaml")
	if err := os.WriteFile(file, []byte(schema.EditorLine+"\nformat: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	beside := filepath.Join(dir, schema.FileName)
	if note := schema.EditorNote(file); !strings.Contains(note, "which is not there") || !strings.Contains(note, "hotline schema -o "+beside) {
		t.Errorf("no schema beside the file: %q", note)
	}
	if err := os.WriteFile(beside, []byte(`{"type": "object"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if note := schema.EditorNote(file); !strings.Contains(note, "is not this hotline's schema") {
		t.Errorf("an old schema beside the file: %q", note)
	}
	if err := os.WriteFile(beside, schema.JSON(), 0o644); err != nil {
		t.Fatal(err)
	}
	if note := schema.EditorNote(file); note != "" {
		t.Errorf("this version's schema beside the file: %q", note)
	}
	for _, text := range []string{"format: 1\n", "# yaml-language-server: $schema=https://example.org/s.json\nformat: 1\n"} {
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if note := schema.EditorNote(file); note != "" {
			t.Errorf("%q: %q", text, note)
		}
	}
}
