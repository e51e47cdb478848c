package ui

import (
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// Solo starts an exercise for one player on a table of their own: the
// player takes the setup's side, acting as its team, and a bot with the
// counterpart profile ("" for the scenario's default) the other side. Every
// event goes to log (nil for none); ticker drives the clock (nil for the
// real one).
func Solo(su Setup, log table.Recorder, ticker table.Ticker) (*Game, error) {
	counterpart := su.Counterpart
	if counterpart == "" {
		counterpart = "default"
	}
	var profiles [2]string
	profiles[su.Side.Other()] = counterpart
	var history []game.Event
	s, err := game.NewSession(su.Scenario, su.Seed, profiles, func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		return nil, err
	}
	g, err := soloSeat(s, history, 0, su.Speed, log, ticker)
	if err != nil {
		return nil, err
	}
	if i := slices.Index(g.Actor.Teams, su.Team); i > 0 {
		teams := slices.Clone(g.Actor.Teams)
		teams[0], teams[i] = teams[i], teams[0]
		g.Actor.Teams = teams
	}
	return g, nil
}

// ResumeSolo continues a solo exercise from its log's events. Once the log
// is known to be one to continue (made again from its commands, a solo
// player's), record opens the log for the new events. The player takes the
// side the log says they had.
func ResumeSolo(sc *injects.Scenario, events []game.Event, speed time.Duration, record func() (table.Recorder, error), ticker table.Ticker) (*Game, error) {
	var history []game.Event
	s, err := game.Resume(sc, events, func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		return nil, err
	}
	st := s.Engine.State()
	if _, ok := game.PlayerSide(st.Players); !ok {
		if st.Class {
			return nil, fmt.Errorf("the log is a class's; continue it with: hotline serve --resume LOG")
		}
		return nil, fmt.Errorf("the log was made by a headless run with bots on both sides; there is nothing to play")
	}
	log, err := record()
	if err != nil {
		return nil, err
	}
	return soloSeat(s, history, len(events), speed, log, ticker)
}

func soloSeat(s *game.Session, history []game.Event, recorded int, speed time.Duration, log table.Recorder, ticker table.Ticker) (*Game, error) {
	st := s.Engine.State()
	side, _ := game.PlayerSide(st.Players)
	actor, _ := s.Engine.Actor(game.SoloPlayer)
	sc := st.Scenario
	tb := table.Open(table.Config{Session: s, History: history, Log: log, Recorded: recorded, Speed: speed, Ticker: ticker})
	g := Seat(tb, sc, actor, game.Viewer{Side: side}, side)
	g.alone = true
	return g, nil
}

// ScenarioChanged tells a solo exercise that its scenario file changed on
// disk: Scenario is the new version, or nil when it does not load, with the
// findings that say why.
type ScenarioChanged struct {
	Scenario *injects.Scenario
	Findings injects.Diagnostics
}

// reloadedMsg brings the exercise made again on a changed scenario.
type reloadedMsg struct {
	g       *Game
	dropped []game.Dropped
	err     error
}

// rebase stops this solo exercise and makes it again on a changed
// scenario: the player's decisions that still apply are made again at
// their times, on a new table with a new log. It runs off the update loop.
func (g *Game) rebase(sc *injects.Scenario, relog func(*injects.Scenario) (table.Recorder, error)) tea.Cmd {
	tb, actor, lead := g.table, g.Actor, g.lead()
	speed := g.Speed()
	return func() tea.Msg {
		tb.SetRunning(actor, false, false)
		events := slices.Clone(tb.Since(0))
		tb.Close() // the old run's log ends where its clock stopped
		var history []game.Event
		s, dropped, err := game.Rebase(sc, events, func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
		if err != nil {
			return reloadedMsg{err: err}
		}
		log, err := relog(sc)
		if err != nil {
			return reloadedMsg{err: err}
		}
		ng, err := soloSeat(s, history, 0, speed, log, nil)
		if err != nil {
			return reloadedMsg{err: err}
		}
		if i := slices.Index(ng.Actor.Teams, lead); i > 0 {
			ng.Actor.Teams[0], ng.Actor.Teams[i] = ng.Actor.Teams[i], ng.Actor.Teams[0]
		}
		return reloadedMsg{g: ng, dropped: dropped}
	}
}
