package debrief_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// Story-time units.
const (
	h = time.Hour
	d = 24 * time.Hour
)

// golden compares a document with its golden file, testdata/golden/NAME,
// or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./game/debrief -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./game/debrief -update rewrites it):\n%s", path, diffLines(want, got))
	}
}

// diffLines shows the first lines that differ.
func diffLines(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	var b bytes.Buffer
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl []byte
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if !bytes.Equal(wl, gl) {
			fmt.Fprintf(&b, "line %d:\n  want %.200s\n  got  %.200s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// builtin loads a built-in scenario.
func builtin(t testing.TB, id string) *injects.Scenario {
	t.Helper()
	sc, diags := injects.LoadBuiltin(id)
	if sc == nil {
		t.Fatalf("built-in %s does not load:\n%v", id, diags)
	}
	return sc
}

// own loads the facilitator's own scenario of the tests.
func own(t testing.TB) *injects.Scenario {
	t.Helper()
	sc, diags := injects.Open(filepath.Join("testdata", "port.yaml"))
	if sc == nil {
		t.Fatalf("testdata/port.yaml does not load:\n%v", diags)
	}
	sc.Source = "testdata/port.yaml" // not the absolute path: goldens hold it
	return sc
}

// scenarios are the built-in scenarios and the tests' own.
func scenarios(t testing.TB) []*injects.Scenario {
	var out []*injects.Scenario
	for _, id := range injects.BuiltinIDs() {
		out = append(out, builtin(t, id))
	}
	return append(out, own(t))
}

// played plays a scenario headless with bots on both sides, then makes
// its log again as the commands do, and returns the events made again.
func played(t testing.TB, sc *injects.Scenario, seed uint64, profiles [2]string) []game.Event {
	t.Helper()
	var log []game.Event
	if _, err := game.Play(sc, seed, profiles, func(_ *game.State, ev *game.Event) { log = append(log, *ev) }); err != nil {
		t.Fatalf("a bot's command was refused: %v", err)
	}
	return again(t, sc, log)
}

// again makes a log again, as hotline report does, and returns its events.
func again(t testing.TB, sc *injects.Scenario, log []game.Event) []game.Event {
	t.Helper()
	var events []game.Event
	if _, err := game.Resume(sc, log, func(_ *game.State, ev *game.Event) { events = append(events, *ev) }); err != nil {
		t.Fatalf("the log is not made again: %v", err)
	}
	return events
}

// classRun is a class playing the tests' own scenario: a facilitator, two
// players, an evaluator and two bots; late parts, an unsound decline, a
// call answered with a commitment, observations and a message.
func classRun(t testing.TB) (*injects.Scenario, []game.Event) {
	t.Helper()
	sc := own(t)
	var log []game.Event
	s, err := game.NewClass(sc, 7, "Ms Rivera", func(_ *game.State, ev *game.Event) { log = append(log, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	actor := func(name string) game.Actor {
		a, ok := s.Engine.Actor(name)
		if !ok {
			t.Fatalf("%s has no seat", name)
		}
		return a
	}
	white := actor("Ms Rivera")
	do := func(a game.Actor, c game.Command) {
		t.Helper()
		if err := s.Do(a, c); err != nil {
			t.Fatalf("%s %v at %s: %v", a.Name, c.Verb, injects.FormatOffset(s.Engine.State().Now), err)
		}
	}
	advance := func(to time.Duration) {
		t.Helper()
		if err := s.Advance(to); err != nil {
			t.Fatal(err)
		}
	}
	seat := func(name string, role game.Role, team string) game.Actor {
		do(white, game.Command{Verb: game.Seat, Person: game.Person{Name: name, Role: role, Team: team}})
		return actor(name)
	}
	ana := seat("Ana", game.Player, "fbi")
	li := seat("Li", game.Player, "port-authority")
	eve := seat("Eve", game.Evaluator, "")
	do(white, game.Command{Verb: game.SeatBot, Team: "cbp", Profile: "by-the-book"})
	do(white, game.Command{Verb: game.SeatBot, Team: "mps", Profile: "slow-walking"})
	do(white, game.Command{Verb: game.RunClock})

	advance(2 * h)
	do(li, game.Command{Team: "port-authority", Verb: game.Choose, Inject: "terminals-down", Choice: "ask-us"})
	advance(5 * h)
	do(ana, game.Command{Team: "fbi", Verb: game.Deliver, Request: "rfa-ransom", Element: "acknowledge", Quality: injects.Adequate})
	do(white, game.Command{Verb: game.HoldInject, Inject: "manifests-leaked"})
	advance(d + 4*h)
	do(white, game.Command{Verb: game.ReleaseInject, Inject: "manifests-leaked"})
	do(ana, game.Command{Team: "fbi", Verb: game.Open, Request: "rfa-manifests"})
	do(ana, game.Command{Team: "fbi", Verb: game.Deliver, Request: "rfa-ransom", Element: "preserve", Quality: injects.Thorough})
	do(ana, game.Command{Team: "fbi", Verb: game.Decline, Request: "rfa-ransom", Element: "mitigate", Ground: "legal-process"})
	do(eve, game.Command{Verb: game.Note, Objective: "answer-fast", Team: "fbi", Rating: game.RatedS, Text: "Acknowledged within hours; preservation ran late."})
	do(li, game.Command{Team: "port-authority", Verb: game.Choose, Inject: "ransom-late", Choice: "ring"})
	advance(d + 5*h)
	do(ana, game.Command{Team: "fbi", Verb: game.Answer, Call: 1, Answer: injects.Commit})
	advance(d + 8*h)
	do(li, game.Command{Team: "port-authority", Verb: game.Deliver, Request: "rfa-manifests", Element: "acknowledge", Quality: injects.Adequate})
	advance(2 * d)
	do(ana, game.Command{Team: "fbi", Verb: game.Deliver, Request: "rfa-ransom", Element: "results", Quality: injects.Thin})
	advance(5 * d)
	do(white, game.Command{Verb: game.SendMessage, Title: "Hotwash at four", Text: "Bring your *notes*.", To: injects.Audience{All: true}})
	do(eve, game.Command{Verb: game.Note, Objective: "keep-scope", Rating: game.RatedP, Text: "Both requests went under cooperation."})
	advance(sc.End)
	if !s.Engine.State().Ended {
		t.Fatal("the class's exercise did not end")
	}
	return sc, again(t, sc, log)
}

// twoTables compares two tables' runs of the OPM breach: one where both
// sides cooperate, one of the goldens' pair.
func twoTables(t testing.TB) *debrief.Comparison {
	t.Helper()
	opm := builtin(t, "opm-breach")
	c, err := debrief.NewComparison(opm, []debrief.Run{
		{Name: "table-a.jsonl", Events: played(t, opm, 1, [2]string{"cooperative", "cooperative"})},
		{Name: "table-b.jsonl", Events: played(t, opm, 1, goldenPair)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
