package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hotline/injects/schema"
)

// The authoring commands, as a facilitator runs them.

func TestNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "port.yaml")
	out, errOut, status := hotline(t, "new", path)
	if status != 0 || !strings.Contains(out, "Wrote "+path) || !strings.Contains(errOut, "0 errors, 0 warnings in 1 file") {
		t.Fatalf("new: status %d\n%s%s", status, out, errOut)
	}
	text, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(text), schema.EditorLine+"\n") || !strings.Contains(string(text), "id: port\n") {
		t.Errorf("the new file starts:\n%.300s", text)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, schema.FileName)); string(got) != string(schema.JSON()) {
		t.Errorf("the schema beside the file is not the schema")
	}
	// It plays as written.
	if out, _, status := hotline(t, "run", "--scenario", path); status != 0 || !strings.Contains(out, "Outcome:") {
		t.Errorf("run: status %d\n%s", status, out)
	}

	// Never over a file; the schema already there is left alone.
	if err := os.WriteFile(path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, status := hotline(t, "new", path); status != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("new over a file: status %d, %q", status, errOut)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Errorf("new overwrote the file")
	}
	copyPath := filepath.Join(dir, "opm.yaml")
	out, errOut, status = hotline(t, "new", "--from", "opm-breach", copyPath)
	if status != 0 || strings.Contains(out, schema.FileName) || !strings.Contains(errOut, "0 errors") {
		t.Errorf("new --from: status %d\n%s%s", status, out, errOut)
	}
	if b, _ := os.ReadFile(copyPath); !strings.Contains(string(b), "id: opm-breach") {
		t.Errorf("the copy lacks the built-in's scenario")
	}
	sides := filepath.Join(dir, "sides.yaml")
	if _, errOut, status := hotline(t, "new", "--sides", "us=doj", "--sides", "cn=mps,moj", sides); status != 0 || !strings.Contains(errOut, "0 errors, 0 warnings") {
		t.Errorf("new --sides: status %d, %s", status, errOut)
	}
	if b, _ := os.ReadFile(sides); !strings.Contains(string(b), `moj: "Ministry of Justice"`) || !strings.Contains(string(b), "to: doj") {
		t.Errorf("the teams named are not in the file:\n%s", b)
	}
	for _, args := range [][]string{{"new"}, {"new", "--sides", "uk=mi5", filepath.Join(dir, "a.yaml")},
		{"new", "--from", "no-such-scenario", filepath.Join(dir, "b.yaml")},
		{"new", "--from", "campaign", "--sides", "us=fbi", filepath.Join(dir, "c.yaml")}} {
		if _, errOut, status := hotline(t, args...); status != 2 {
			t.Errorf("%v: status %d, %q", args, status, errOut)
		}
	}
}

// TestValidateSaysWhenTheEditorHasNoSchema: an editor pointed at a schema
// that is not there checks nothing and says only "No content"; validate
// says how to write it, and stops saying so once it is written.
func TestValidateSaysWhenTheEditorHasNoSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "port.yaml")
	if _, _, status := hotline(t, "new", path); status != 0 {
		t.Fatal("new failed")
	}
	beside := filepath.Join(dir, schema.FileName)
	if err := os.Remove(beside); err != nil {
		t.Fatal(err)
	}
	_, errOut, status := hotline(t, "validate", path)
	if status != 0 || !strings.Contains(errOut, "note: "+path+" points editors at "+schema.FileName+", which is not there") ||
		!strings.Contains(errOut, "hotline schema -o "+beside) {
		t.Errorf("validate without the schema: status %d\n%s", status, errOut)
	}
	if _, _, status := hotline(t, "schema", "-o", beside); status != 0 {
		t.Fatal("schema -o failed")
	}
	if _, errOut, _ := hotline(t, "validate", path); strings.Contains(errOut, "note:") {
		t.Errorf("validate with the schema written:\n%s", errOut)
	}
}

func TestSchemaCommand(t *testing.T) {
	out, _, status := hotline(t, "schema")
	var doc map[string]any
	if status != 0 || json.Unmarshal([]byte(out), &doc) != nil || doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("schema: status %d\n%.200s", status, out)
	}
	path := filepath.Join(t.TempDir(), "s.json")
	if _, _, status := hotline(t, "schema", "-o", path); status != 0 {
		t.Errorf("schema -o: status %d", status)
	}
	if b, _ := os.ReadFile(path); string(b) != out {
		t.Errorf("schema -o wrote something else")
	}
}

func TestGraphCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"graph", "opm-breach"}, "flowchart TD\n"},
		{[]string{"graph", "--format", "dot", "opm-breach"}, "digraph scenario {\n"},
		{[]string{"graph", "--timeline", "campaign"}, "gantt\n"},
		{[]string{"graph", "--timeline", "--format", "dot", "campaign"}, "digraph calendar {\n"},
	} {
		out, errOut, status := hotline(t, c.args...)
		if status != 0 || !strings.HasPrefix(out, c.want) {
			t.Errorf("%v: status %d, %s\n%.200s", c.args, status, errOut, out)
		}
	}
	if _, _, status := hotline(t, "graph", "--format", "svg", "campaign"); status != 2 {
		t.Errorf("an unknown format: status %d", status)
	}
	bad := write(t, "bad.yaml", strings.Replace(goodFile, "title: Terminal", "tittle: Terminal", 1))
	if _, errOut, status := hotline(t, "graph", bad); status != 1 || !strings.Contains(errOut, "[unknown-key]") {
		t.Errorf("a file with errors: status %d, %q", status, errOut)
	}
}

func TestSimulateCommand(t *testing.T) {
	out, errOut, status := hotline(t, "simulate", "--runs", "2", "opm-breach")
	if status != 0 || !strings.Contains(out, "32 runs: 2 for each of 16 profile pairs") || !strings.Contains(errOut, "Took ") {
		t.Errorf("simulate: status %d\n%s%s", status, out, errOut)
	}
	out, _, status = hotline(t, "simulate", "--runs", "3", "--profiles", "cooperative,stonewalling", "--format", "json", "--seed", "7", "opm-breach")
	var r struct {
		Runs      int
		FirstSeed uint64 `json:"first_seed"`
		Pairs     []struct{ US, CN string }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || status != 0 || r.Runs != 12 || r.FirstSeed != 7 || len(r.Pairs) != 4 {
		t.Errorf("simulate --format json: status %d, %v, %+v", status, err, r)
	}

	// A scenario with an inject nothing fires: reported, and with --strict
	// the exit status says so.
	gap := write(t, "gap.yaml", goodFile+`  held-back: {to: fbi, from: port-ops, channel: note, title: Nothing fires this}
`)
	out, _, status = hotline(t, "simulate", "--runs", "1", gap)
	if status != 0 || !strings.Contains(out, gap+`:8: inject "held-back" never fired`) {
		t.Errorf("simulate: status %d\n%s", status, out)
	}
	if _, _, status := hotline(t, "simulate", "--runs", "1", "--strict", gap); status != 1 {
		t.Errorf("simulate --strict with a gap: status %d", status)
	}
	if _, _, status := hotline(t, "simulate", "--runs", "20", "--strict", "opm-breach"); status != 0 {
		t.Errorf("simulate --strict without gaps: status %d", status)
	}
	for _, args := range [][]string{{"simulate"}, {"simulate", "--runs", "0", "campaign"},
		{"simulate", "--profiles", "hawk", "campaign"}, {"simulate", "--format", "csv", "campaign"}} {
		if _, errOut, status := hotline(t, args...); status != 2 {
			t.Errorf("%v: status %d, %q", args, status, errOut)
		}
	}
}

func TestTestCommand(t *testing.T) {
	out, errOut, status := hotline(t, "test")
	if status != 0 || !strings.Contains(out, "ok    builtin:playtests/opm-breach.playtest.yaml") || !strings.Contains(errOut, "0 failed") {
		t.Errorf("test: status %d\n%s%s", status, out, errOut)
	}
	dir := t.TempDir()
	if _, _, status := hotline(t, "new", filepath.Join(dir, "port.yaml")); status != 0 {
		t.Fatal("new failed")
	}
	pass := filepath.Join(dir, "port.playtest.yaml")
	if err := os.WriteFile(pass, []byte("side: us\nscript:\n  - on: us-theft-reported\n    choose: go-public\nexpect:\n  - status: unopened\n    request: rfa-us\n  - fired: request-overdue   # nobody answers China\n  - ending: fell-short\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fail := filepath.Join(dir, "fail.playtest.yaml")
	if err := os.WriteFile(fail, []byte("scenario: port.yaml\nside: us\nexpect:\n  - ending: both-answered\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, status = hotline(t, "test", pass, fail)
	if status != 1 || !strings.Contains(out, "ok    "+pass) || !strings.Contains(out, fail+`:4:5: expected the ending "both-answered"`) {
		t.Errorf("test with a failure: status %d\n%s", status, out)
	}
	bad := filepath.Join(dir, "bad.playtest.yaml")
	if err := os.WriteFile(bad, []byte("scenario: port.yaml\nside: uk\nexpect: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{bad, filepath.Join(dir, "none.playtest.yaml")} {
		if out, _, status := hotline(t, "test", pass, f); status != 2 || !strings.Contains(out, f+":") {
			t.Errorf("test %s: status %d\n%s", f, status, out)
		}
	}

	// --trace shows the run a failure cites; --log saves it for replay
	// and report.
	out, _, status = hotline(t, "test", "--trace", fail)
	if status != 1 || !strings.Contains(out, "the run, event by event:") || !strings.Contains(out, "inject.fired") ||
		!strings.Contains(out, "exercise.ended") {
		t.Errorf("test --trace: status %d\n%s", status, out)
	}
	logPath := filepath.Join(dir, "run.jsonl")
	if out, _, status := hotline(t, "test", "--log", logPath, pass); status != 0 || !strings.Contains(out, "Log saved to "+logPath) {
		t.Errorf("test --log: status %d\n%s", status, out)
	}
	if out, _, status := hotline(t, "report", logPath, "-o", filepath.Join(dir, "report.md")); status != 0 {
		t.Errorf("the playtest's log does not make a report: status %d\n%s", status, out)
	}
	if _, errOut, status := hotline(t, "test", "--log", logPath, pass, fail); status != 2 || !strings.Contains(errOut, "name one playtest") {
		t.Errorf("test --log with two playtests: status %d, %q", status, errOut)
	}
}

func TestMselCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "port.yaml")
	if _, _, status := hotline(t, "new", path); status != 0 {
		t.Fatal("new failed")
	}
	for _, ext := range []string{".xlsx", ".csv"} {
		sheet := filepath.Join(dir, "port"+ext)
		out, _, status := hotline(t, "msel", "export", path, "-o", sheet)
		if status != 0 || !strings.Contains(out, "Wrote "+sheet+": 3 injects.") {
			t.Errorf("export: status %d\n%s", status, out)
		}
		if _, errOut, status := hotline(t, "msel", "export", path, "-o", sheet); status != 1 || !strings.Contains(errOut, "already exists") ||
			!strings.Contains(errOut, "without --force") {
			t.Errorf("export over a file: status %d, %q", status, errOut)
		}
		if out, _, status := hotline(t, "msel", "export", path, "-o", sheet, "--force"); status != 0 || !strings.Contains(out, "Wrote "+sheet) {
			t.Errorf("export --force: status %d\n%s", status, out)
		}
		imported := filepath.Join(dir, "imported"+ext+".yaml")
		out, errOut, status := hotline(t, "msel", "import", sheet, "--base", path, "-o", imported)
		if status != 0 || !strings.Contains(out, "Wrote "+imported) || !strings.Contains(errOut, "0 errors, 0 warnings") {
			t.Errorf("import: status %d\n%s%s", status, out, errOut)
		}
		if _, _, status := hotline(t, "validate", imported); status != 0 {
			t.Errorf("the imported file does not validate")
		}
		if _, errOut, status := hotline(t, "msel", "import", sheet, "--base", path, "-o", imported); status != 1 || !strings.Contains(errOut, "--force") {
			t.Errorf("import over a file: status %d, %q", status, errOut)
		}
		if _, _, status := hotline(t, "msel", "import", sheet, "--base", path, "-o", imported, "--force"); status != 0 {
			t.Errorf("import --force: status %d", status)
		}
		// Without the base, the request the third row's condition names is
		// unknown: the cell says so, and nothing is written.
		alone := filepath.Join(dir, "alone"+ext+".yaml")
		out, errOut, status = hotline(t, "msel", "import", sheet, "-o", alone)
		if !strings.Contains(errOut, "give the file it came from with --base FILE") {
			t.Errorf("import alone does not point to --base:\n%s", errOut)
		}
		cell := sheet + ":C4"
		if ext == ".xlsx" {
			cell = sheet + ":MSEL!C4"
		}
		if status != 1 || !strings.Contains(out, cell+`: error: inject "request-overdue" when: no request named "rfa-us"`) {
			t.Errorf("import alone: status %d\n%s", status, out)
		}
		if _, err := os.Stat(alone); err == nil {
			t.Errorf("a file with errors was written")
		}
	}
	for _, args := range [][]string{{"msel"}, {"msel", "export", "campaign"}, {"msel", "import", "x.csv"},
		{"msel", "import", filepath.Join(dir, "none.csv"), "-o", filepath.Join(dir, "n.yaml")}} {
		if _, errOut, status := hotline(t, args...); status != 2 {
			t.Errorf("%v: status %d, %q", args, status, errOut)
		}
	}
	if out, _, status := hotline(t, "msel", "export", "campaign", "-o", filepath.Join(dir, "c.txt")); status != 1 {
		t.Errorf("export to .txt: status %d\n%s", status, out)
	}
}
