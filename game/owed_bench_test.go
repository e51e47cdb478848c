package game_test

import (
	"testing"

	"hotline/game"
)

// BenchmarkOwed is what the table asks ten times a second at a class's
// pace: what the seated teams still owe, mid-campaign with every team
// seated.
//
//	go test ./game -run '^$' -bench Owed
func BenchmarkOwed(b *testing.B) {
	s, err := game.NewClass(builtin(b, "campaign"), 5, "Ms Rivera", nil)
	if err != nil {
		b.Fatal(err)
	}
	white, _ := s.Engine.Actor("Ms Rivera")
	for _, team := range s.Engine.Scenario().Teams {
		if err := s.Do(white, game.Command{Verb: game.Seat, Person: game.Person{Name: "s-" + team.ID, Role: game.Player, Team: team.ID}}); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Advance(26 * 24 * h); err != nil { // the grid part under way
		b.Fatal(err)
	}
	st := s.Engine.State()
	b.ReportAllocs()
	for b.Loop() {
		st.Owed()
	}
}
