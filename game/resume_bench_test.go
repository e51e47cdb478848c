package game_test

import (
	"testing"

	"hotline/game"
)

// BenchmarkResumeCampaign makes a whole campaign's log again from its start
// record, as review, resume and replay do before they trust it.
func BenchmarkResumeCampaign(b *testing.B) {
	sc := builtin(b, "campaign")
	var events []game.Event
	if _, err := game.Play(sc, 1, [2]string{"by-the-book", "slow-walking"}, func(_ *game.State, ev *game.Event) {
		events = append(events, *ev)
	}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := game.Resume(sc, events, nil); err != nil {
			b.Fatal(err)
		}
	}
}
