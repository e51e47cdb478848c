package debrief_test

import (
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/debrief"
)

// The report lists what the control cell did to the clock and the seats
// as control actions, and files an observation about no team under both
// sides, not under the White Cell.
func TestTheReportListsTheControlCellsActions(t *testing.T) {
	sc := builtin(t, "opm-breach")
	var events []game.Event
	s, err := game.NewClass(sc, 1, "Ms Rivera", func(_ *game.State, ev *game.Event) { events = append(events, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	white, _ := s.Engine.Actor("Ms Rivera")
	do := func(a game.Actor, c game.Command) {
		t.Helper()
		if err := s.Do(a, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []game.Person{{Name: "Ana", Role: game.Player, Team: "fbi"}, {Name: "Omar", Role: game.Player, Team: "mps"}, {Name: "Eve", Role: game.Evaluator}} {
		do(white, game.Command{Verb: game.Seat, Person: p})
	}
	do(white, game.Command{Verb: game.RunClock})
	do(white, game.Command{Verb: game.Seat, Person: game.Person{Name: "Ana", Role: game.Player, Team: "doj"}})
	do(white, game.Command{Verb: game.PauseClock})
	do(white, game.Command{Verb: game.Unseat, Person: game.Person{Name: "Omar"}})
	do(white, game.Command{Verb: game.Readmit, Person: game.Person{Name: "Omar"}})
	eve, _ := s.Engine.Actor("Eve")
	do(eve, game.Command{Verb: game.Note, Objective: sc.Objectives[0].ID, Text: "The room kept to time."})
	rep, err := debrief.NewReport(sc, events, debrief.Info{Log: "class.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	var control []string
	for _, m := range rep.Timeline.Marks {
		switch m.Kind {
		case debrief.MarkControl:
			control = append(control, m.Text)
		case debrief.MarkObservation:
			if m.Side != "all" {
				t.Errorf("an observation about no team is filed under %q", m.Side)
			}
		}
	}
	got := strings.Join(control, "\n")
	for _, want := range []string{"starts the story clock", "moves Ana to United States (Department of Justice)", "pauses the story clock",
		"Omar is taken out of the exercise", "Omar may join the exercise again"} {
		if !strings.Contains(got, want) {
			t.Errorf("the control actions lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Eve") {
		t.Errorf("seating Eve for the first time is listed as a control action:\n%s", got)
	}
}
