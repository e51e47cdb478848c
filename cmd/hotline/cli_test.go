package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/fang/v2"

	"hotline/injects"
)

// hotline runs the command line in-process and returns its output and exit
// status.
func hotline(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	root := rootCommand()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		printError(&errOut, fangStyles, err)
	}
	return out.String(), errOut.String(), exitCode(err)
}

func write(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodFile = `format: 1
scenario: {id: port, title: Ransomware at the port, start: 2015-10-12 08:00, end: T+3d}
include: [common.yaml]
personas:
  port-ops: {name: Port operations centre, affiliation: company}
injects:
  port-down: {at: T+1h, to: fbi, from: port-ops, channel: email, title: Terminal systems encrypted}
`

func TestValidateExitStatus(t *testing.T) {
	good := write(t, "good.yaml", goodFile)
	bad := write(t, "bad.yaml", strings.Replace(goodFile, "title: Terminal", "tittle: Terminal", 1))
	cases := []struct {
		name   string
		args   []string
		status int
		out    string
	}{
		{"a good file", []string{"validate", good}, 0, ""},
		{"a file with errors", []string{"validate", good, bad}, 1, bad + `:7:66: error: inject "port-down": unknown key "tittle" (did you mean "title"?) [unknown-key]`},
		{"a missing file", []string{"validate", filepath.Join(t.TempDir(), "nope.yaml")}, 2, "cannot read: no such file [io]"},
		{"a directory", []string{"validate", t.TempDir()}, 2, "it is a directory, not an inject file [io]"},
		{"no file", []string{"validate"}, 2, ""},
		{"a wrong format", []string{"validate", "--format", "xml", good}, 2, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, _, status := hotline(t, tc.args...)
			if status != tc.status {
				t.Errorf("exit status %d, want %d; output:\n%s", status, tc.status, out)
			}
			if !strings.Contains(out, tc.out) {
				t.Errorf("output lacks %q:\n%s", tc.out, out)
			}
		})
	}
}

func TestValidateJSON(t *testing.T) {
	bad := write(t, "bad.yaml", strings.Replace(goodFile, "from: port-ops", "from: port-operations", 1))
	out, _, status := hotline(t, "validate", "--format", "json", bad)
	var diags []struct {
		File, Severity, Code, Message string
		Line, Col                     int
	}
	if err := json.Unmarshal([]byte(out), &diags); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// The persona nobody uses is a warning, the one that does not exist an error.
	if status != 1 || len(diags) != 2 || diags[1].Code != "unknown-ref" || diags[1].Line != 7 || diags[1].Col != 40 ||
		diags[1].Severity != "error" || diags[0].Code != "unused-persona" || diags[0].Severity != "warning" {
		t.Errorf("status %d, findings %+v", status, diags)
	}
}

func TestRunAndReview(t *testing.T) {
	logPath := filepath.Join(t.TempDir(), "run.jsonl")
	out, _, status := hotline(t, "run", "--scenario", "assistance-request", "--seed", "2", "--log", logPath)
	if status != 0 {
		t.Fatalf("run: status %d\n%s", status, out)
	}
	for _, want := range []string{"Cascade Composites", "Closing review of the exercise", "Outcome:", "Log saved to " + logPath} {
		if !strings.Contains(out, want) {
			t.Errorf("the run's output lacks %q", want)
		}
	}
	review, _, status := hotline(t, "review", logPath)
	if status != 0 || !strings.Contains(review, "Closing review") || !strings.Contains(out, strings.SplitN(review, "\n", 2)[0]) {
		t.Errorf("review: status %d\n%s", status, review)
	}
	if _, errOut, status := hotline(t, "run", "--log", logPath); status != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("a second run over the same log: status %d, %q", status, errOut)
	}

	// A log cut short by a crash still gives its review, and says so.
	data, _ := os.ReadFile(logPath)
	cut := write(t, "cut.jsonl", string(data[:len(data)/2]))
	review, errOut, status := hotline(t, "review", cut)
	if status != 0 || !strings.Contains(errOut, "cut short") || !strings.Contains(review, "has not ended") {
		t.Errorf("review of a cut log: status %d, stderr %q\n%s", status, errOut, review)
	}
	// Cut inside the last step, the step is made again whole: the review
	// is the closing one.
	cut = write(t, "cut-end.jsonl", string(data[:len(data)-40]))
	review, errOut, status = hotline(t, "review", cut)
	if status != 0 || !strings.Contains(errOut, "cut short") || !strings.Contains(review, "Outcome:") {
		t.Errorf("review of a log cut in its last step: status %d, stderr %q\n%s", status, errOut, review)
	}
	// An edited log is refused, naming the first event that differs.
	edited := write(t, "edited.jsonl", strings.Replace(string(data), `"quality":"thorough"`, `"quality":"thin"`, 1))
	if _, errOut, status := hotline(t, "review", edited); status != 1 || !strings.Contains(errOut, "differs from what its commands make") {
		t.Errorf("review of an edited log: status %d, stderr %q", status, errOut)
	}
}

func TestScenarios(t *testing.T) {
	out, _, status := hotline(t, "scenarios")
	for _, id := range []string{"campaign", "opm-breach", "assistance-request", "hotline-escalation"} {
		if !strings.Contains(out, id) {
			t.Errorf("scenarios lacks %s", id)
		}
	}
	if status != 0 {
		t.Errorf("status %d", status)
	}
}

func TestRunWithAStrategy(t *testing.T) {
	out, _, status := hotline(t, "run", "--scenario", "hotline-escalation", "--us", "strategy:escalate")
	if status != 0 || !strings.Contains(out, "United States: strategy:escalate bot") {
		t.Errorf("status %d:\n%s", status, out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"bogus"}, {"run", "--sed", "3"}, {"play", "--side", "uk"}, {"run", "--us", "hawk"},
		{"run", "--cn", "strategy:hawk"}} {
		_, errOut, status := hotline(t, args...)
		if status != 2 || !strings.HasPrefix(errOut, "hotline: ") {
			t.Errorf("%v: status %d, %q", args, status, errOut)
		}
	}
}

// fangStyles stands in for the styles fang passes the error handler, which
// printError does not use.
var fangStyles = fang.Styles{}

// No log, however damaged, makes a command panic: each says what is wrong
// in a line, and changes nothing.
func TestDamagedLogsAreRefusedInWords(t *testing.T) {
	logPath := filepath.Join(t.TempDir(), "run.jsonl")
	if out, _, status := hotline(t, "run", "--scenario", "opm-breach", "--seed", "3", "--log", logPath); status != 0 {
		t.Fatalf("run: status %d\n%s", status, out)
	}
	data, _ := os.ReadFile(logPath)
	lines := strings.SplitAfter(string(data), "\n")
	headless := write(t, "headless.jsonl", strings.Join(lines[1:], ""))
	for _, cmd := range []string{"review", "resume", "replay"} {
		_, errOut, status := hotline(t, cmd, headless)
		if status != 1 || !strings.Contains(errOut, "does not start with its start record") || strings.Contains(errOut, "goroutine") {
			t.Errorf("%s of a log without its first line: status %d, %q", cmd, status, errOut)
		}
	}
	if got, _ := os.ReadFile(headless); string(got) != strings.Join(lines[1:], "") {
		t.Error("a refused resume changed the log")
	}
}

// --log names a file; a directory is said to be one.
func TestLogFlagNamesAFile(t *testing.T) {
	dir := t.TempDir()
	_, errOut, status := hotline(t, "run", "--scenario", "opm-breach", "--log", dir)
	if status != 1 || !strings.Contains(errOut, "is a directory; name a file for the log") {
		t.Errorf("run --log DIR: status %d, %q", status, errOut)
	}
}

// Without a home, the log has no private place: the command says so rather
// than write it where anyone can read it.
func TestNoHomeNoDefaultLog(t *testing.T) {
	t.Setenv("HOME", "")
	t.Setenv("XDG_STATE_HOME", "")
	if _, err := defaultLogPath("campaign"); err == nil || !strings.Contains(err.Error(), "name a file with --log") {
		t.Errorf("with no HOME: %v", err)
	}
	t.Setenv("XDG_STATE_HOME", "/var/lib/me")
	if p, err := defaultLogPath("campaign"); err != nil || !strings.HasPrefix(p, "/var/lib/me/hotline/campaign-") {
		t.Errorf("with XDG_STATE_HOME: %q, %v", p, err)
	}
}

// The built-in scenarios are read side by side for the start screen: each
// comes out whole, in story order, as when read alone.
func TestLoadBuiltins(t *testing.T) {
	ids := injects.BuiltinIDs()
	scenarios, err := loadBuiltins(ids)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		alone, _ := injects.LoadBuiltin(id)
		if sc := scenarios[i]; sc.ID != id || sc.Digest != alone.Digest || len(sc.Injects) != len(alone.Injects) {
			t.Errorf("scenario %d: %s (digest %s, %d injects), want %s (digest %s, %d injects)",
				i, sc.ID, sc.Digest, len(sc.Injects), id, alone.Digest, len(alone.Injects))
		}
	}
}
