package ui

import (
	"fmt"
	"time"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/injects"
)

// Game is an exercise in play as the terminal shows it: the session, the
// side the player plays, the recorder keeping its log, and the lines of the
// event log panel.
type Game struct {
	Session *game.Session
	Side    injects.Side
	Speed   time.Duration // story time per second of real time

	actor    game.Actor
	rec      *eventlog.Recorder
	recorded int          // events up to this sequence number are already in the log
	batch    []game.Event // made by the current step of play, not yet recorded
	journal  []journalLine
	// news holds copies of the events the screen must react to, from the
	// last engine call; the model takes them after each call.
	news []game.Event
}

type journalLine struct {
	at   time.Duration
	text string
}

// NewGame starts an exercise: the player takes side, a bot with the
// counterpart profile ("" for the scenario's default) takes the other, and
// every event goes to rec.
func NewGame(sc *injects.Scenario, side injects.Side, counterpart string, seed uint64, speed time.Duration, rec *eventlog.Recorder) (*Game, error) {
	if counterpart == "" {
		counterpart = "default"
	}
	var profiles [2]string
	profiles[side.Other()] = counterpart
	g := &Game{Side: side, Speed: speed, rec: rec}
	s, err := game.NewSession(sc, seed, profiles, g.observe)
	if err != nil {
		return nil, err
	}
	g.Session = s
	g.actor = game.SideActor(sc, "player", side)
	g.record()
	return g, nil
}

// ResumeGame continues the exercise whose log held events, recording new
// events with rec. The player takes the side the log says a player had.
func ResumeGame(sc *injects.Scenario, events []game.Event, speed time.Duration, rec *eventlog.Recorder) (*Game, error) {
	g := &Game{Speed: speed, rec: rec, recorded: len(events)}
	s, err := game.ResumeObserved(sc, events, g.observe)
	if err != nil {
		return nil, err
	}
	side, ok := game.PlayerSide(s.Engine.State().Players)
	if !ok {
		return nil, fmt.Errorf("the log was made by a headless run with bots on both sides; there is nothing to play")
	}
	g.Session, g.Side = s, side
	g.actor = game.SideActor(sc, "player", side)
	g.news = nil // the past is not news
	return g, nil
}

// observe sees every event the engine makes, from the first.
func (g *Game) observe(st *game.State, ev *game.Event) {
	if ev.Seq > g.recorded {
		g.batch = append(g.batch, *ev)
	}
	if game.Visible(st.Scenario, ev, g.Side) {
		g.journal = append(g.journal, journalLine{at: ev.At, text: game.Describe(st, ev)})
	}
	switch ev.Type {
	case game.InjectFired, game.Rang, game.Answered, game.Missed, game.ReviewHeld, game.Ended,
		game.RequestOpened, game.ClarificationAsked, game.Overdue:
		g.news = append(g.news, *ev)
	}
}

// takeNews returns the events to react to since the last call.
func (g *Game) takeNews() []game.Event {
	n := g.news
	g.news = nil
	return n
}

// State is the state of play.
func (g *Game) State() *game.State { return g.Session.Engine.State() }

// Scenario is the scenario in play.
func (g *Game) Scenario() *injects.Scenario { return g.Session.Engine.Scenario() }

// LogPath is where the log is written.
func (g *Game) LogPath() string {
	if g.rec == nil {
		return ""
	}
	return g.rec.Path()
}

// LogErr reports a failure to write the log.
func (g *Game) LogErr() error {
	if g.rec == nil {
		return nil
	}
	return g.rec.Err()
}

// Close writes out everything recorded and closes the log.
func (g *Game) Close() error {
	if g.rec == nil {
		return nil
	}
	return g.rec.Close()
}

// do makes a command in the player's name.
func (g *Game) do(c game.Command) error {
	defer g.record()
	return g.Session.Do(g.actor, c)
}

// advance moves the story clock.
func (g *Game) advance(to time.Duration) error {
	defer g.record()
	return g.Session.Advance(to)
}

// stop records where the story clock stands, for a resume to start there.
func (g *Game) stop() {
	defer g.record()
	g.Session.Engine.Stop()
}

// record hands one step's events to the recorder, to be written together.
func (g *Game) record() {
	if len(g.batch) == 0 {
		return
	}
	if g.rec != nil {
		g.rec.Record(g.batch)
	}
	g.batch = nil
}

// check asks whether a command would be accepted now.
func (g *Game) check(c game.Command) error { return g.Session.Engine.Check(g.actor, c) }

// lead is the team the player's requests and calls are made in.
func (g *Game) lead() string { return g.actor.Teams[0] }
