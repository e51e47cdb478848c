package table_test

import (
	"testing"

	"hotline/game"
	"hotline/game/table"
)

// BenchmarkClassTick is one tick of a class's clock: the story moves a
// tenth of its pace, the bots on every team act, and the table looks at
// what the teams owe and who is absent, as it does ten times a second.
//
//	go test ./game/table -run '^$' -bench ClassTick
func BenchmarkClassTick(b *testing.B) {
	sc := builtin(b, "campaign")
	var history []game.Event
	s, err := game.NewClass(sc, 3, "Host", func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		b.Fatal(err)
	}
	tb := table.Open(table.Config{Session: s, History: history, Ticker: table.ManualTicker{}})
	defer tb.Close()
	host, _ := tb.Actor("Host")
	for _, team := range sc.Teams {
		if _, err := tb.Do(host, game.Command{Verb: game.SeatBot, Team: team.ID, Profile: "cooperative"}); err != nil {
			b.Fatal(err)
		}
	}
	tb.Do(host, game.Command{Verb: game.SetSpeed, Speed: game.MinSpeed}) // a long run: the story never ends
	tb.Do(host, game.Command{Verb: game.RunClock})
	b.ReportAllocs()
	for b.Loop() {
		tb.Tick()
	}
}
