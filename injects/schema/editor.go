package schema

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// editorLineRe finds the line that points the YAML language server at a
// schema, and the schema it names.
var editorLineRe = regexp.MustCompile(`(?m)^#\s*yaml-language-server:\s*\$schema=(\S+)`)

// EditorNote says what is wrong with the schema an inject file points
// editors at, or "" when nothing is (or the file names none, or names one
// on the web). An editor with no schema file says only "Unable to load
// schema … No content"; one with another version's schema marks keys this
// version accepts, or stays silent on keys it refuses.
func EditorNote(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, 4096))
	m := editorLineRe.FindSubmatch(head)
	if m == nil || strings.Contains(string(m[1]), "://") {
		return ""
	}
	name := string(m[1])
	target := name
	if !filepath.IsAbs(target) {
		target = filepath.Join(filepath.Dir(path), target)
	}
	have, err := os.ReadFile(target)
	switch {
	case err != nil:
		return fmt.Sprintf("%s points editors at %s, which is not there, so they check nothing; write it with: hotline schema -o %s", path, name, target)
	case !bytes.Equal(have, JSON()):
		return fmt.Sprintf("%s is not this hotline's schema, so editors may disagree with validate; write it again with: hotline schema -o %s", target, target)
	}
	return ""
}
