package debrief_test

import (
	"fmt"
	"io"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

// longCampaign is a class's campaign, long as a day of class makes it: the
// facilitator pauses and resumes the clock every story hour and an
// evaluator notes something every other hour, while bots play the teams.
func longCampaign(b *testing.B) (*injects.Scenario, []game.Event) {
	sc := builtin(b, "campaign")
	var log []game.Event
	s, err := game.NewClass(sc, 3, "Ms Rivera", func(_ *game.State, ev *game.Event) { log = append(log, *ev) })
	if err != nil {
		b.Fatal(err)
	}
	white, _ := s.Engine.Actor("Ms Rivera")
	do := func(a game.Actor, c game.Command) {
		if err := s.Do(a, c); err != nil {
			b.Fatal(err)
		}
	}
	for _, t := range sc.Teams {
		profile := "by-the-book"
		if t.Side == injects.CN {
			profile = "slow-walking"
		}
		do(white, game.Command{Verb: game.SeatBot, Team: t.ID, Profile: profile})
	}
	do(white, game.Command{Verb: game.Seat, Person: game.Person{Name: "Eve", Role: game.Evaluator}})
	eve, _ := s.Engine.Actor("Eve")
	for at := time.Hour; at < sc.End && !s.Engine.State().Ended; at += time.Hour {
		do(white, game.Command{Verb: game.RunClock})
		if err := s.Advance(at); err != nil {
			b.Fatal(err)
		}
		if s.Engine.State().Ended {
			break
		}
		do(white, game.Command{Verb: game.PauseClock})
		if at%(2*time.Hour) == 0 {
			do(eve, game.Command{Verb: game.Note, Objective: sc.Objectives[int(at/time.Hour)%len(sc.Objectives)].ID,
				Rating: game.Rating(1 + int(at/time.Hour)%4), Text: fmt.Sprintf("Note at %s.", injects.FormatOffset(at))})
		}
	}
	if err := s.Advance(sc.End); err != nil {
		b.Fatal(err)
	}
	return sc, log
}

// BenchmarkReport builds the after-action report of a campaign's log, as
// hotline report does once the log is made again: a headless run, and a
// class's long day.
func BenchmarkReport(b *testing.B) {
	campaign := builtin(b, "campaign")
	runs := []struct {
		name string
		sc   *injects.Scenario
		log  []game.Event
	}{{"bots", campaign, played(b, campaign, 1, goldenPair)}}
	sc, long := longCampaign(b)
	runs = append(runs, struct {
		name string
		sc   *injects.Scenario
		log  []game.Event
	}{"class", sc, long})
	for _, r := range runs {
		b.Run(fmt.Sprintf("%s-%d-events/build", r.name, len(r.log)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := debrief.NewReport(r.sc, r.log, debrief.Info{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		rep, err := debrief.NewReport(r.sc, r.log, debrief.Info{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%s-%d-events/html", r.name, len(r.log)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := rep.WriteHTML(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%s-%d-events/markdown", r.name, len(r.log)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := rep.WriteMarkdown(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
