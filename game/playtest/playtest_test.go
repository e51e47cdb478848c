package playtest_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hotline/game/playtest"
	"hotline/injects"
)

// TestBuiltinPlaytests runs the playtests that pin the built-in scenarios'
// main paths. A change to the rules, the bots or a scenario that takes a
// main path elsewhere fails here, at the playtest's line.
func TestBuiltinPlaytests(t *testing.T) {
	names := injects.BuiltinPlaytests()
	covered := map[string]bool{}
	for _, name := range names {
		pt, err := playtest.Builtin(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		covered[pt.Scenario] = true
		r, err := playtest.RunFile(pt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, f := range r.Failures {
			t.Errorf("%s", f)
		}
		if r.Checks == 0 || r.Steps != len(pt.Steps) {
			t.Errorf("%s: %d checks, %d of %d steps carried out", name, r.Checks, r.Steps, len(pt.Steps))
		}
	}
	for _, id := range injects.BuiltinIDs() {
		if !covered[id] {
			t.Errorf("built-in scenario %s has no playtest", id)
		}
	}
}

func TestPassingPlaytests(t *testing.T) {
	for file, steps := range map[string]int{"port.playtest.yaml": 4, "port-us.playtest.yaml": 5} {
		r := run(t, "testdata/"+file)
		if len(r.Failures) > 0 || r.Steps != steps || r.Checks < 6 {
			t.Errorf("%s: %d steps, %d checks, failures:\n%v", file, r.Steps, r.Checks, r.Failures)
		}
		if r.Scenario.ID != "port" {
			t.Errorf("%s ran against %q, not port.yaml beside it", file, r.Scenario.ID)
		}
	}
}

// TestFailuresSayWhereAndWhy: each failure points at the step or the
// expectation, and names the event that went otherwise.
func TestFailuresSayWhereAndWhy(t *testing.T) {
	r := run(t, "testdata/port-fails.playtest.yaml")
	want := []string{
		`port-fails.playtest.yaml:10:5: at T+01:00 the engine refused this step (deliver): request "rfa-cn" has not been sent`,
		`port-fails.playtest.yaml:15:5: at T+2d14:00 the engine refused this step (ring): request "rfa-us" has not been sent`,
		`port-fails.playtest.yaml:20:5: expected "send-request" to be chosen on inject "us-theft-reported"; the run went otherwise (event 3 at T+00:00, inject.chosen: United States (Federal Bureau of Investigation) chose "Name China's government in public instead" on "Designs copied to servers in Guangdong")`,
		`port-fails.playtest.yaml:22:5: expected inject "cn-theft-reported" not to fire; it fired (event 6 at T+1d00:00, inject.fired: Email to China (Ministry of Public Security) from Security department, a Chinese network-equipment maker: "Router designs sent to servers in Virginia")`,
		`port-fails.playtest.yaml:23:5: expected request "rfa-cn" to be answered; it is overdue (last: event `,
		`port-fails.playtest.yaml:25:5: expected the ladder on "ministerial" at the end; it is on "sanctions-threatened" (last moved: event `,
		`port-fails.playtest.yaml:26:5: expected the ending "both-answered"; the run ended with "fell-short" (event `,
	}
	if len(r.Failures) != len(want) {
		t.Errorf("%d failures, want %d:\n%v", len(r.Failures), len(want), r.Failures)
	}
	for i := range min(len(want), len(r.Failures)) {
		got := strings.TrimPrefix(r.Failures[i].String(), "testdata/")
		if !strings.HasPrefix(got, want[i]) {
			t.Errorf("failure %d:\n got %s\nwant %s…", i, got, want[i])
		}
	}
}

// TestFailuresGiveTheCause: a failure says, from the run, why: what the
// inject waited on and what became of it, what stalled a request, which
// choice that would have fired an inject was not taken.
func TestFailuresGiveTheCause(t *testing.T) {
	r := run(t, "testdata/port-stalled.playtest.yaml")
	stalled := `request "rfa-us" stalled on a question nobody answered (event 7 at T+20:12, request.clarification-asked: China (Ministry of Public Security) asks United States to clarify rfa-us; its clock stops)`
	want := []string{
		`port-stalled.playtest.yaml:24:5: expected request "rfa-us" to be answered; it is open: ` + stalled,
		`port-stalled.playtest.yaml:26:5: expected inject "request-overdue" to fire; it never did: it waits on when: status("rfa-us") == "overdue" || status("rfa-cn") == "overdue", which never held: ` +
			stalled + `; request "rfa-cn" ended answered`,
		`port-stalled.playtest.yaml:27:5: expected the ending "both-answered"; the run ended with "fell-short" (event 19 at T+10d00:00, exercise.ended: the exercise ends: The mechanism fell short): its if: did not hold: ` +
			stalled + `; request "rfa-cn" ended answered`,
	}
	got := failures(r)
	if !slices.Equal(got, want) {
		t.Errorf("failures:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Along a chain: an inject after one that never fired, held in reserve
	// for a choice the run did not take.
	dir := t.TempDir()
	scenario, _ := os.ReadFile("testdata/port.yaml")
	chain := strings.Replace(string(scenario), "\nhotline:", `
  leak:
    to: all
    from: white-cell
    channel: press
    title: The press has the story
  reaction:
    after: leak
    delay: 2h
    to: cn
    from: white-cell
    channel: note
    title: Beijing reacts

hotline:`, 1)
	chain = strings.Replace(chain, "        label: Name China's government in public instead\n",
		"        label: Name China's government in public instead\n        next: leak\n", 1)
	if !strings.Contains(chain, "next: leak") {
		t.Fatal("the fixture did not take the edit")
	}
	for name, text := range map[string]string{"port.yaml": chain, "chain.playtest.yaml": `side: us
scenario: port.yaml
script:
  - on: us-theft-reported
    choose: send-request
expect:
  - fired: reaction
`} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r = run(t, filepath.Join(dir, "chain.playtest.yaml"))
	if got := failures(r); len(got) != 1 || !strings.HasSuffix(got[0], `expected inject "reaction" to fire; it never did: it comes after inject "leak", which never fired: `+
		`it is held in reserve: the choice "go-public" of inject "us-theft-reported", which does, was not taken (event 3 at T+00:00, inject.chosen: United States (Federal Bureau of Investigation) chose "Send China a request for assistance under the pledge" on "Designs copied to servers in Guangdong")`) {
		t.Errorf("failures:\n%s", strings.Join(got, "\n"))
	}
}

// failures are a result's failures as hotline test prints them, their
// files without the folder.
func failures(r *playtest.Result) []string {
	var out []string
	for _, f := range r.Failures {
		f.File = filepath.Base(f.File)
		out = append(out, f.String())
	}
	return out
}

func run(t *testing.T, path string) *playtest.Result {
	t.Helper()
	pt, err := playtest.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := playtest.RunFile(pt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestBadPlaytests: mistakes in a playtest are reported at their line and
// column, all at once, before anything runs.
func TestBadPlaytests(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"empty", "", []string{"1:1: error: the file is empty"}},
		{"syntax", "side: us\nscript: [\n", []string{"error: "}},
		{"no side, no expect", "seed: 1\n", []string{
			"1:1: error: missing side:", "1:1: error: missing expect:"}},
		{"unknown key", "side: us\ncounterparts: cooperative\nexpect: []\n", []string{
			`2:1: error: the playtest: unknown key "counterparts"`}},
		{"a step without a time", "side: us\nscript:\n  - choose: x\nexpect: []\n", []string{
			"3:5: error: script step: say when", "3:13: error: choose: say which inject"}},
		{"two commands", "side: us\nscript:\n  - at: T+1h\n    open: a\n    act: b\nexpect: []\n", []string{
			"5:10: error: script step: one command per step; open and act are two"}},
		{"a bad duration", "side: us\nscript:\n  - at: 2 days\n    act: b\nexpect: []\n", []string{
			`3:9: error: at: expected a duration like 48h, 2d or 1d12h, found "2 days"`}},
		{"deliver without request", "side: us\nscript:\n  - at: T+1h\n    deliver: acknowledge\nexpect: []\n", []string{
			"3:5: error: script step: deliver needs request:"}},
		{"decline without ground", "side: us\nscript:\n  - at: T+1h\n    decline: preserve\n    request: r\nexpect: []\n", []string{
			"3:5: error: script step: decline needs ground:"}},
		{"a bad answer", "side: us\nscript:\n  - on-call: 1\n    answer: maybe\nexpect: []\n", []string{
			`4:13: error: answer: expected commit, explain or deny, found "maybe"`}},
		{"bad expectations", "side: us\nexpect:\n  - fired: a\n    ending: b\n  - status: late\n    request: r\n  - score: {us: lots}\n  - chosen: a\n", []string{
			"4:13: error: expectation: one check per item; fired and ending are two",
			`5:13: error: status: expected one of unopened, open, overdue, answered, declined, found "late"`,
			`7:17: error: score: expected a range like 60..100`,
			`8:13: error: chosen: write the inject and its choice as inject/choice`}},
	} {
		_, err := playtest.Parse("bad.playtest.yaml", []byte(c.text))
		var fs playtest.Findings
		if !errors.As(err, &fs) {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		got := fs.Error()
		for _, w := range c.want {
			if !strings.Contains(got, "bad.playtest.yaml:"+w) && !(strings.HasPrefix(w, "error: ") && strings.Contains(got, w)) {
				t.Errorf("%s: the findings lack %q:\n%s", c.name, w, got)
			}
		}
	}
}

// TestPlaytestNamesWhatTheScenarioLacks: ids are checked against the
// scenario before the run, each at its place.
func TestPlaytestNamesWhatTheScenarioLacks(t *testing.T) {
	text := `scenario: port.yaml
side: us
counterpart: hawkish
script:
  - on: us-theft-reportd
    choose: send-request
  - on-request: rfa-cn
    deliver: ackowledge
  - at: T+1d
    team: mps
    act: walk-out
expect:
  - chosen: us-theft-reported/send
  - ending: glory
  - rung: minister
`
	pt, err := playtest.Parse("testdata/names.playtest.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	_, err = playtest.RunFile(pt)
	want := []string{
		`3:14: error: counterpart: no profile "hawkish" in port; it has cooperative, by-the-book, slow-walking, stonewalling`,
		`5:9: error: no inject "us-theft-reportd" in scenario port (did you mean "us-theft-reported"?)`,
		`8:14: error: "rfa-cn" has no element "ackowledge" (did you mean "acknowledge"?); there are: acknowledge, preserve, results`,
		`10:11: error: team "mps" is on the cn side; the script plays us`,
		`11:10: error: no action "walk-out" in scenario port`,
		`13:13: error: "us-theft-reported" has no choice "send"; there are: send-request, go-public`,
		`14:13: error: no ending "glory" in scenario port; there are: both-answered, fell-short`,
		`15:11: error: no rung "minister" in scenario port; there are: working-level, ministerial, sanctions-threatened`,
	}
	if err == nil {
		t.Fatal("the playtest ran")
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), "testdata/names.playtest.yaml:"+w) {
			t.Errorf("the findings lack %q:\n%s", w, err)
		}
	}
}
