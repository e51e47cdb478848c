package injects

import (
	"embed"
	"os"
	"path"
	"strings"
)

//go:embed scenarios/*.yaml
var builtinFS embed.FS

const (
	builtinDir = "scenarios"
	// builtinPrefix marks names of built-in files in diagnostics and
	// includes, so they never collide with a path on disk.
	builtinPrefix = "builtin:"
)

// DefaultScenario is the built-in scenario played when none is named.
const DefaultScenario = "campaign"

// builtinOrder lists the built-in scenarios in story order.
var builtinOrder = []string{"campaign", "opm-breach", "assistance-request", "hotline-escalation"}

type builtinFiles struct{}

func (builtinFiles) read(name string) ([]byte, error) {
	return builtinFS.ReadFile(path.Join(builtinDir, strings.TrimPrefix(name, builtinPrefix)))
}

func (builtinFiles) resolve(from, include string) string {
	dir := path.Dir(strings.TrimPrefix(from, builtinPrefix))
	return builtinPrefix + path.Clean(path.Join(dir, include))
}

// BuiltinIDs returns the ids of the built-in scenarios, in story order.
func BuiltinIDs() []string { return append([]string(nil), builtinOrder...) }

// IsBuiltin reports whether id names a built-in scenario.
func IsBuiltin(id string) bool { return contains(builtinOrder, id) }

// LoadBuiltin loads a built-in scenario by id.
func LoadBuiltin(id string) (*Scenario, Diagnostics) {
	if !IsBuiltin(id) {
		r := &reporter{}
		r.at(Error, Pos{File: id, Line: 1, Col: 1}, CodeIO, "no built-in scenario %q%s", id, suggestOr(id, builtinOrder))
		return nil, r.diags
	}
	s, diags := loadTop(builtinFiles{}, builtinPrefix+id+".yaml")
	if s != nil {
		s.Source = id
	}
	return s, diags
}

// Open loads a built-in scenario by id, or else the scenario file at ref.
func Open(ref string) (*Scenario, Diagnostics) {
	if IsBuiltin(ref) {
		return LoadBuiltin(ref)
	}
	if _, err := os.Stat(ref); err != nil && !strings.ContainsAny(ref, `./\`) {
		return LoadBuiltin(ref) // reports the unknown id with a suggestion
	}
	return Load(ref)
}
