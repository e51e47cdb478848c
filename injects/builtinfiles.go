package injects

import (
	"path"
	"strings"
)

// BuiltinFile returns the text of a built-in scenario file by name, such as
// "common.yaml" or "opm-breach.yaml", for facilitators to copy and adapt.
func BuiltinFile(name string) ([]byte, error) {
	return builtinFS.ReadFile(path.Join(builtinDir, strings.TrimPrefix(name, builtinPrefix)))
}
