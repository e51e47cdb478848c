package game_test

import (
	"bytes"
	"slices"
	"testing"

	"hotline/game"
)

// A run with a strategy on one side resumes from its log like any other:
// the log names the strategy, and the same strategy finishes the run.
func TestAStrategyResumes(t *testing.T) {
	sc := builtin(t, "campaign")
	players := [2]string{game.StrategyPrefix + "escalate", "slow-walking"}
	orig := playAll(t, sc, 5, players)
	if got := orig.events[0].Start.Players[0]; got != "bot:strategy:escalate" {
		t.Fatalf("the log records the US as %q", got)
	}
	cuts := cutPoints(orig.events)
	k := cuts[len(cuts)/2]
	s, err := game.Resume(sc, slices.Clone(orig.events[:k]), nil)
	if err != nil {
		t.Fatal(err)
	}
	var again []game.Event
	s.Engine.Observe(func(_ *game.State, ev *game.Event) { again = append(again, *ev) })
	if err := s.Advance(sc.End); err != nil {
		t.Fatal(err)
	}
	if want, got := jsonl(t, orig.events[k:]), jsonl(t, again); !bytes.Equal(want, got) {
		t.Errorf("the resumed run differs:\n%s", diffLines(want, got))
	}
}
