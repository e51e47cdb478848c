package injects_test

import (
	"path/filepath"
	"strings"
	"testing"

	"hotline/injects"
)

// TestBuiltinsLoadClean checks that every built-in scenario loads with no
// finding at all, warnings included.
func TestBuiltinsLoadClean(t *testing.T) {
	ids := injects.BuiltinIDs()
	if len(ids) == 0 || ids[0] != injects.DefaultScenario {
		t.Fatalf("BuiltinIDs() = %v; the default scenario comes first", ids)
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			sc, diags := injects.LoadBuiltin(id)
			if len(diags) != 0 {
				t.Errorf("LoadBuiltin(%q):\n%s", id, diags.Error())
			}
			if sc == nil {
				t.Fatal("no scenario")
			}
			if sc.ID != id || sc.Source != id || sc.Shared {
				t.Errorf("scenario id %q, source %q, shared %v", sc.ID, sc.Source, sc.Shared)
			}
			if len(sc.Injects) == 0 || len(sc.TeamsOf(injects.US)) == 0 || len(sc.TeamsOf(injects.CN)) == 0 {
				t.Errorf("%d injects, teams %v and %v", len(sc.Injects), sc.TeamsOf(injects.US), sc.TeamsOf(injects.CN))
			}
			if sc.Digest == "" {
				t.Error("no digest")
			}
			again, _ := injects.Open(id)
			if again == nil || again.Digest != sc.Digest {
				t.Error("Open gives a different scenario than LoadBuiltin")
			}
		})
	}
}

func TestUnknownBuiltin(t *testing.T) {
	sc, diags := injects.Open("campain")
	if sc != nil || len(diags) != 1 || diags[0].Code != injects.CodeIO ||
		!strings.Contains(diags[0].Message, `did you mean "campaign"`) {
		t.Errorf("Open(campain) = %v", diags)
	}
}

// TestScenarioFilesCheckClean checks each file of scenarios/ as `hotline
// validate` does, shared common.yaml included.
func TestScenarioFilesCheckClean(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("scenarios", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenario files: %v", err)
	}
	shared := 0
	for _, f := range files {
		if diags := injects.Check(f); len(diags) != 0 {
			t.Errorf("Check(%s):\n%s", f, diags.Error())
		}
		sc, _ := injects.Load(f)
		id := strings.TrimSuffix(filepath.Base(f), ".yaml")
		switch {
		case sc == nil:
			shared++ // a shared file; TestSharedFileCannotBePlayed checks the refusal
		case !injects.IsBuiltin(id) || sc.ID != id:
			t.Errorf("%s holds scenario %q, which is not the built-in %q", f, sc.ID, id)
		}
	}
	if shared != 1 {
		t.Errorf("%d shared files in scenarios/; expected common.yaml only", shared)
	}
}
