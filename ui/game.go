package ui

import (
	"errors"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// Game is an exercise as one seat's screen shows it: a mirror of the
// table's state, made from the events the table sends; who sits there and
// what they may see; and the way to the table for their commands. The
// mirror answers the screen's questions (what may I do now?) without a
// round trip.
type Game struct {
	Side   injects.Side // the side the seat plays, or looks at first
	Actor  game.Actor
	Viewer game.Viewer

	table   *table.Table
	alone   bool // the table is this game's alone: closing the game closes it
	sub     *table.Sub
	mirror  *game.Engine
	speed   time.Duration // the table's pace until the state sets one
	journal []journalLine
	// news holds the events the screen must react to, from the last
	// update; the model takes them after applying it.
	news   []game.Event
	people []table.Presence
	waits  []table.Waiting // what the clock waits for, at a class's pace
	absent []table.Absence
	pace   table.Pace // how long the clock waits for a team, and an absent team for a bot
	part   int        // the part of the review on the projector
	logErr error
	closed bool
	acted  bool       // an event is the seat's own doing
	at     time.Time  // the real time of the last news
	manual bool       // the caller delivers the table's news (Model.Pump)
	replay *replayLog // set for a replay, which has no table

	qmu      sync.Mutex
	queue    []job
	wake     chan struct{}
	stop     chan struct{}
	stopOnce sync.Once
}

type journalLine struct {
	at   time.Duration
	text string
}

// Seat makes a game for a seat at a table: it subscribes to the table and
// takes the events so far.
func Seat(tb *table.Table, sc *injects.Scenario, actor game.Actor, viewer game.Viewer, side injects.Side) *Game {
	g := &Game{Side: side, Actor: actor, Viewer: viewer, table: tb, sub: tb.Subscribe(), mirror: game.Mirror(sc),
		speed: tb.Speed(), wake: make(chan struct{}, 1), stop: make(chan struct{})}
	go g.work()
	g.take(g.sub.Next())
	g.news = nil // the past is not news
	return g
}

// newsMsg is an update from the table, for the game that listened for it.
type newsMsg struct {
	g *Game
	table.Update
}

// listen waits for the table's next update, unless the caller delivers
// it or there is no table to listen to.
func (g *Game) listen() tea.Cmd {
	if g.manual || g.closed || g.table == nil {
		return nil
	}
	sub := g.sub
	return func() tea.Msg {
		if _, ok := <-sub.C(); !ok {
			return newsMsg{g, table.Update{Closed: true}}
		}
		return newsMsg{g, sub.Next()}
	}
}

// take applies an update to the mirror.
func (g *Game) take(u table.Update) {
	g.apply(u.Events)
	g.mirror.SetNow(u.Now)
	g.people = u.People
	g.at = u.At
	g.waits, g.absent, g.pace, g.part = u.Waits, u.Absent, u.Pace, u.ReviewPart
	if u.LogErr != nil {
		g.logErr = u.LogErr
	}
	g.closed = g.closed || u.Closed
}

// apply folds events into the mirror, each once and in order: a command's
// own events arrive with its answer and again with the next update, and an
// answer may overtake the update before it; what it skipped is fetched from
// the table.
func (g *Game) apply(events []game.Event) {
	if len(events) > 0 && events[0].Seq > g.mirror.State().Seq+1 {
		events = g.since(g.mirror.State().Seq)
	}
	sc := g.Scenario()
	for i := range events {
		ev := &events[i]
		if ev.Seq <= g.mirror.State().Seq {
			continue
		}
		g.mirror.Follow(ev)
		g.acted = g.acted || ev.By == g.Actor.Name
		if game.Visible(sc, ev, g.Viewer) && !g.own(ev) {
			g.journal = append(g.journal, journalLine{at: ev.At, text: game.DescribeTo(g.mirror.State(), ev, g.Viewer)})
			g.news = append(g.news, *ev)
		}
	}
}

// own reports whether an event is the seat's own handling of the clock,
// which is no news to the seat.
func (g *Game) own(ev *game.Event) bool {
	switch ev.Type {
	case game.ClockPaused, game.ClockResumed, game.SpeedSet:
		return ev.By == g.Actor.Name
	}
	return false
}

// takeNews returns the events to react to since the last call.
func (g *Game) takeNews() []game.Event {
	n := g.news
	g.news = nil
	return n
}

// State is the state of play, as far as this seat has heard.
func (g *Game) State() *game.State { return g.mirror.State() }

// Scenario is the scenario in play.
func (g *Game) Scenario() *injects.Scenario { return g.mirror.Scenario() }

// Speed is the clock's pace.
func (g *Game) Speed() time.Duration {
	if sp := g.State().Speed; sp > 0 {
		return sp
	}
	return g.speed
}

// Table is the table the seat is at.
func (g *Game) Table() *table.Table { return g.table }

// since returns the events after seq: the table's, or a replay's up to its
// cursor.
func (g *Game) since(seq int) []game.Event {
	if g.table != nil {
		return g.table.Since(seq)
	}
	return g.replay.events[min(seq, g.replay.cursor):g.replay.cursor]
}

// LogPath is where the log is written, or the replay's log.
func (g *Game) LogPath() string {
	if g.table == nil {
		return g.replay.path
	}
	return g.table.LogPath()
}

// At is the real time of the table's latest news, for idle times.
func (g *Game) At() time.Time { return g.at }

// LogErr reports a failure to write the log.
func (g *Game) LogErr() error { return g.logErr }

// Lag is how long news from the table has waited for this seat to take it:
// a screen whose client stopped reading falls behind, and a server drops it.
func (g *Game) Lag() time.Duration {
	if g.sub == nil {
		return 0
	}
	return g.sub.Waiting()
}

// Closed reports whether the table has closed: the exercise is over for
// this screen.
func (g *Game) Closed() bool { return g.closed }

// People are the people connected to the table.
func (g *Game) People() []table.Presence { return g.people }

// Waits is what the story clock waits for, at a class's pace: while it
// holds anything and the clock runs, the story clock stands still.
func (g *Game) Waits() []table.Waiting { return g.waits }

// WaitsFor reports whether the clock waits for the owed thing with the
// given key (game.Owed.Key).
func (g *Game) WaitsFor(key string) bool {
	for _, w := range g.waits {
		if w.Owed.Key() == key {
			return true
		}
	}
	return false
}

// Absent is the teams whose people have all gone, and the bots that stand
// in for them.
func (g *Game) Absent() []table.Absence { return g.absent }

// Pace is how long the clock waits for a team, and an absent team for its
// people before a bot plays it; 0 for not at all.
func (g *Game) Pace() table.Pace { return g.pace }

// ReviewPart is the part of the review the facilitator has put on the
// projector (game.ReviewParts).
func (g *Game) ReviewPart() int { return g.part }

// Close leaves the table, and closes it if it was this game's alone.
func (g *Game) Close() error {
	if g.table == nil {
		return nil
	}
	g.stopOnce.Do(func() { close(g.stop) })
	g.sub.Close()
	if g.alone {
		return g.table.Close()
	}
	return nil
}

// doneMsg is the table's answer to a command: the error, if refused, and
// what to say of it once the events it made are in the mirror.
type doneMsg struct {
	g      *Game
	err    error
	events []game.Event
	now    time.Duration // where the table's clock stood after it
	then   func(error)
}

// job is work for the table, in the order the screen asked for it.
type job struct {
	do   func() tea.Msg
	done chan tea.Msg
}

// submit queues work for the table and returns a command that waits for its
// answer. The queue keeps the order of the seat's keystrokes (a command, then
// the clock, then another) that commands run on goroutines of their own
// would not; Update never waits on it.
func (g *Game) submit(do func() tea.Msg) tea.Cmd {
	j := job{do: do, done: make(chan tea.Msg, 1)}
	g.qmu.Lock()
	g.queue = append(g.queue, j)
	g.qmu.Unlock()
	select {
	case g.wake <- struct{}{}:
	default:
	}
	return func() tea.Msg { return <-j.done }
}

// work carries out the queued jobs, one after another, until the game
// closes.
func (g *Game) work() {
	for {
		select {
		case <-g.wake:
		case <-g.stop:
			return
		}
		for {
			g.qmu.Lock()
			jobs := g.queue
			g.queue = nil
			g.qmu.Unlock()
			if len(jobs) == 0 {
				break
			}
			for _, j := range jobs {
				j.done <- j.do()
			}
		}
	}
}

// errReplay refuses every command made in a replay.
var errReplay = errors.New("this is a replay of what happened: it changes nothing")

// send makes a command at the table.
func (g *Game) send(c game.Command, then func(error)) tea.Cmd {
	if g.table == nil {
		return func() tea.Msg { return doneMsg{g: g, err: errReplay, then: then} }
	}
	tb, a := g.table, g.Actor
	return g.submit(func() tea.Msg {
		events, err := tb.Do(a, c)
		return doneMsg{g: g, err: err, events: events, now: tb.Now(), then: then}
	})
}

// setRunning starts, stops (on) or turns (toggle) the table's clock.
func (g *Game) setRunning(on, toggle bool, then func(error)) tea.Cmd {
	if g.table == nil {
		return func() tea.Msg { return doneMsg{g: g, err: errReplay, then: then} }
	}
	tb, a := g.table, g.Actor
	return g.submit(func() tea.Msg {
		events, err := tb.SetRunning(a, on, toggle)
		return doneMsg{g: g, err: err, events: events, now: tb.Now(), then: then}
	})
}

// room asks the table for one of the facilitator's settings of the room
// that are not play (the clock's waits, the projector's review): do runs
// off the update loop, in turn with the seat's commands.
func (g *Game) room(do func(tb *table.Table, a game.Actor) error, then func(error)) tea.Cmd {
	if g.table == nil {
		return func() tea.Msg { return doneMsg{g: g, err: errReplay, then: then} }
	}
	tb, a := g.table, g.Actor
	return g.submit(func() tea.Msg { return doneMsg{g: g, err: do(tb, a), then: then} })
}

// step moves the table's clock by a tick, in turn with the seat's commands.
func (g *Game) step() tea.Cmd {
	if g.table == nil {
		return nil
	}
	tb := g.table
	return g.submit(func() tea.Msg { tb.Tick(); return nil })
}

// check asks whether a command would be accepted now.
func (g *Game) check(c game.Command) error { return g.mirror.Check(g.Actor, c) }

// answers reports whether the seat can answer call n now, as the engine
// says: the called side's players can, a replay answers nothing.
func (g *Game) answers(n int) bool {
	return g.table != nil && g.check(game.Command{Team: g.lead(), Verb: game.Answer, Call: n, Answer: injects.Commit}) == nil
}

// lead is the team the seat's requests and calls are made in.
func (g *Game) lead() string {
	if len(g.Actor.Teams) > 0 {
		return g.Actor.Teams[0]
	}
	return ""
}
