package injects

import (
	"embed"
	"io/fs"
	"path"
	"strings"
)

// BuiltinFile returns the text of a built-in scenario file by name, such as
// "common.yaml", "opm-breach.yaml" or "playtests/opm-breach.playtest.yaml",
// for facilitators to copy and adapt and for hotline test.
func BuiltinFile(name string) ([]byte, error) {
	name = path.Join(builtinDir, strings.TrimPrefix(name, builtinPrefix))
	if strings.HasPrefix(name, builtinDir+"/playtests/") {
		return builtinPlaytestFS.ReadFile(name)
	}
	return builtinFS.ReadFile(name)
}

//go:embed scenarios/playtests/*.playtest.yaml
var builtinPlaytestFS embed.FS

// BuiltinPlaytests returns the names of the built-in scenarios' playtests,
// such as "playtests/opm-breach.playtest.yaml", for BuiltinFile.
func BuiltinPlaytests() []string {
	entries, _ := fs.ReadDir(builtinPlaytestFS, path.Join(builtinDir, "playtests"))
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = "playtests/" + e.Name()
	}
	return names
}
