// Package table runs one exercise for everyone at it: a goroutine owns the
// engine, the bots, the story clock and the log; people's programs send it
// commands and follow its events. A solo player's terminal and every seat of
// a classroom are clients of a table in the same way.
//
// The owner never waits on a client: each subscriber is told "there is news"
// by a non-blocking send on a channel of one, and takes the news when it is
// ready. Events are kept in an append-only list whose published part never
// changes, so clients read it without copies.
//
// Nobody hears of an event before it is on disk: the table's writer syncs
// each step of play to the log, and only then publishes it. A screen that
// says "decided" says what a crash cannot take back.
package table

import (
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"hotline/game"
	"hotline/injects"
)

// TickEvery is how often the story clock moves while it runs: each tick
// moves it a tenth of the speed.
const TickEvery = 100 * time.Millisecond

// QuietTicks is how many ticks in a row may move the story clock and
// nothing else before the subscribers are told: a screen shows the clock
// moving twice a second, and whatever else happens at once. Every tick
// told would have each screen drawn and sent ten times a second for a
// clock nobody reads that fast, which is most of what a lecture hall's
// screens cost the server; three times a second cost a quarter more CPU
// than twice (20 OpenSSH clients at 10m/s: 0.35–0.39% of a core a session,
// against 0.27–0.31%).
const QuietTicks = 5

// DefaultSpeed is 30 story minutes a second: a 12-hour deadline lasts 24
// seconds of real time.
const DefaultSpeed = 30 * time.Minute

// Class pace: the story clock runs fast through quiet stretches and waits
// for the room at what a seated team must answer (see Config.Wait).
const (
	// ClassSpeed is a class's pace between waits: an hour of story a
	// second, so that two months of story run in 25 minutes.
	ClassSpeed = time.Hour
	// DefaultWait is how long the clock waits for a team, in real time.
	DefaultWait = 3 * time.Minute
	// MinWait and MaxWait bound the wait a facilitator sets: under three
	// minutes leaves no time to talk a decision over.
	MinWait = 3 * time.Minute
	MaxWait = 30 * time.Minute
	// DefaultGrace is how long a team whose people have all gone waits
	// for one of them before a bot takes it over.
	DefaultGrace = 2 * time.Minute
	// Off turns a class's waits, or its bots taking over, off.
	Off = -1
)

// Recorder keeps the events: an eventlog.Writer, or nil for none.
type Recorder interface {
	// WriteBatch appends events to the log in one write and syncs it:
	// once it returns without an error, a crash loses none of them.
	WriteBatch(events []game.Event) error
	Path() string
	Close() error
}

// Ticker gives the real-time ticks that move the story clock. The table
// starts it when the clock runs and stops it when it stops, so that a paused
// table costs nothing.
type Ticker interface {
	Start(every time.Duration) <-chan time.Time
	Stop()
}

// Config sets up a table.
type Config struct {
	Session *game.Session
	// History is every event the session has made so far, as its
	// observer saw them.
	History []game.Event
	// Log keeps every new event; Recorded is how many events of History
	// it already holds (a resumed log's).
	Log      Recorder
	Recorded int
	// Speed is the clock's pace until someone sets another; 0 means
	// DefaultSpeed.
	Speed time.Duration
	// Ticker drives the clock; nil uses a real one. Tests pass one that
	// never ticks and call Tick.
	Ticker Ticker
	// Now reads the wall clock, for who is idle and who lags, and the
	// waits; nil uses time.Now.
	Now func() time.Time
	// Wait is how long, in real time, the clock waits at what a seated
	// team must answer: a decision on an inject addressed to it, a call
	// ringing at its side, a request that has just reached its side
	// (game.Owed, while New). It runs on when they have all answered, or
	// the wait is up, or the facilitator runs it on (RunOn). 0 means
	// DefaultWait in a class and no waiting alone; Off turns it off.
	Wait time.Duration
	// Grace is how long a team whose people have all gone waits for one
	// of them before its side's default bot takes it over, until one of
	// them is back. 0 means DefaultGrace; Off leaves empty teams empty.
	Grace time.Duration
}

// Table is a running exercise.
type Table struct {
	sess   *game.Session
	log    Recorder
	ticker Ticker
	wall   func() time.Time
	speed  time.Duration // the pace until the state sets one
	work   chan func()
	quit   chan struct{}
	done   chan struct{}
	nudge  chan struct{} // who is connected changed (presenceMoved)
	moved  atomic.Bool

	// Owned by the goroutine.
	recorded int // the last event handed to the writer
	steps    int // steps handed to the writer
	batch    []game.Event
	ticking  bool
	quiet    int   // ticks in a row that moved the clock alone, not yet told
	bad      error // the first bot command refused
	lastTick time.Time
	wait     time.Duration       // the clock's wait at what teams owe; 0 for none
	waits    map[string]*holding // by game.Owed.Key, what the clock waits or has waited for
	grace    time.Duration       // before a bot takes over an empty team; 0 for never
	absent   map[string]*Absence // by team, the teams whose people have all gone
	played   map[string]bool     // the teams people have connected to
	reviews  int                 // the reviews held, for the part on the projector

	disk writer // puts each step on disk, then publishes it

	mu         sync.Mutex // guards what subscribers read
	events     []game.Event
	shown      int        // how many of events are published: on disk, or past a failed log
	stepsShown int        // how many steps are published
	synced     *sync.Cond // on mu: a step is published
	now        time.Duration
	logErr     error
	people     []Presence
	holding    []Waiting // what the clock waits for now
	gone       []Absence // the teams whose people have all gone
	part       int       // the part of the review on the projector
	paced      Pace      // the waits' and the grace's settings
	evicted    map[int]bool
	subs       map[*Sub]struct{}
	closed     bool
	conns      int // connections made, for ids

	closeOnce sync.Once
	closeErr  error
}

// Presence is a person connected to the table, as the room sees them.
type Presence struct {
	ID     int // the connection
	Person game.Person
	Since  time.Time
	Active time.Time // their last keystroke
}

// Open starts a table for a session; the session's events from now on go
// through it. The caller must Close it.
func Open(cfg Config) *Table {
	t := &Table{sess: cfg.Session, log: cfg.Log, ticker: cfg.Ticker, wall: cfg.Now, speed: cfg.Speed, recorded: cfg.Recorded,
		work: make(chan func()), quit: make(chan struct{}), done: make(chan struct{}), nudge: make(chan struct{}, 1), subs: map[*Sub]struct{}{},
		waits: map[string]*holding{}, absent: map[string]*Absence{}, played: map[string]bool{}, evicted: map[int]bool{}}
	t.synced = sync.NewCond(&t.mu)
	t.disk = writer{wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	if t.speed <= 0 {
		t.speed = DefaultSpeed
	}
	class := cfg.Session.Engine.State().Class
	switch {
	case cfg.Wait > 0:
		t.wait = min(max(cfg.Wait, MinWait), MaxWait)
	case cfg.Wait == 0 && class:
		t.wait = DefaultWait
	}
	switch {
	case cfg.Grace > 0:
		t.grace = cfg.Grace
	case cfg.Grace == 0 && class:
		t.grace = DefaultGrace
	}
	if t.ticker == nil {
		t.ticker = &realTicker{}
	}
	if t.wall == nil {
		t.wall = time.Now
	}
	e := t.sess.Engine
	st := e.State()
	// The events so far: the session's own, as its log has them. The
	// session may have made more than the log holds (a step that a crash
	// cut short, made again): those are new and recorded now.
	t.events = slices.Clone(cfg.History)
	t.shown = min(t.recorded, len(t.events))
	if n := len(t.events); n > t.recorded {
		t.batch = append(t.batch, t.events[t.recorded:]...)
	}
	e.Observe(t.observe)
	t.now = st.Now
	go t.write()
	t.reviews = len(st.Reviews)
	t.listWaits()
	t.await(t.flush())
	go t.loop()
	return t
}

func (t *Table) observe(_ *game.State, ev *game.Event) {
	t.mu.Lock()
	t.events = append(t.events, *ev)
	t.mu.Unlock()
	if ev.Seq > t.recorded {
		t.batch = append(t.batch, *ev)
	}
}

// flush hands the step's events to the writer, with where the clock
// stands after it: the writer syncs them to the log in one write, so that
// a crash keeps the whole step or none of it, and then publishes them. It
// returns the step's number, for await.
func (t *Table) flush() int {
	t.quiet = 0
	return t.step(true)
}

// writer is the table's way to the disk: the steps the owner has made and
// the writer has not yet synced. The owner never waits for it; the steps
// that pile up while a slow disk syncs are written together.
type writer struct {
	mu     sync.Mutex
	events []game.Event
	seq    int           // the last event made
	step   int           // the last step made
	now    time.Duration // the clock after it
	told   bool          // a step not yet taken is news to the subscribers
	taken  int           // the last step taken to publish

	wake chan struct{}
	quit chan struct{} // closed once the owner has made its last step
	done chan struct{}
}

// write syncs what the owner hands over and publishes it, in order, until
// the table closes. After the log's first error nothing more is written,
// but everything is still published, under the error, so that every screen
// says decisions are no longer saved rather than freezing.
func (t *Table) write() {
	w := &t.disk
	defer close(w.done)
	for {
		last := false
		select {
		case <-w.wake:
		case <-w.quit:
			last = true
		}
		w.mu.Lock()
		events, seq, step, now, told := w.events, w.seq, w.step, w.now, w.told
		fresh := step > w.taken
		w.events, w.taken, w.told = nil, step, false
		w.mu.Unlock()
		if fresh {
			var err error
			if len(events) > 0 && t.log != nil && t.logError() == nil {
				err = t.log.WriteBatch(events)
			}
			t.publish(seq, step, now, err, told || err != nil)
		}
		if last {
			return
		}
	}
}

// logError is the log's first write error, if any.
func (t *Table) logError() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.logErr
}

// publish makes the events up to seq and the steps up to step public, with
// the clock where it stood after them, and tells the subscribers if told;
// only then does it wake whoever awaits the step, so that a step awaited
// has been told.
func (t *Table) publish(seq, step int, now time.Duration, logErr error, told bool) {
	t.mu.Lock()
	t.shown = max(t.shown, min(seq, len(t.events)))
	t.now = now
	if logErr != nil && t.logErr == nil {
		t.logErr = logErr
	}
	t.mu.Unlock()
	if told {
		t.notify()
	}
	t.mu.Lock()
	t.stepsShown = step
	t.synced.Broadcast()
	t.mu.Unlock()
}

// await waits until the steps up to step are published.
func (t *Table) await(step int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for t.stepsShown < step {
		t.synced.Wait()
	}
}

func (t *Table) loop() {
	defer close(t.done)
	var ticks <-chan time.Time
	graceTimer := time.NewTimer(time.Hour)
	graceTimer.Stop()
	var graceArmed time.Time
	for {
		if run := t.running(); run != t.ticking {
			t.ticking = run
			if run {
				ticks = t.ticker.Start(TickEvery)
				t.lastTick = t.wall()
			} else {
				t.ticker.Stop()
				ticks = nil
			}
		}
		// An absent team's grace runs out on its own time, whether or
		// not the clock runs.
		if at := t.graceUp(); !at.Equal(graceArmed) {
			graceArmed = at
			graceTimer.Stop()
			if !at.IsZero() {
				graceTimer.Reset(max(at.Sub(t.wall()), 0))
			}
		}
		select {
		case f := <-t.work:
			t.onPresence()
			f()
		case <-t.nudge:
			t.onPresence()
		case <-graceTimer.C:
			graceArmed = time.Time{}
			t.moved.Store(true)
			t.onPresence()
		case <-ticks:
			t.tick(true)
		case <-t.quit:
			t.ticker.Stop()
			graceTimer.Stop()
			return
		}
	}
}

// running reports whether the clock should move.
func (t *Table) running() bool {
	st := t.sess.Engine.State()
	return st.Running && !st.Ended
}

// Running reports whether the story clock runs now, once the table has
// done everything asked of it so far.
func (t *Table) Running() bool {
	on := false
	t.call(func() { on = t.running() })
	return on
}

// pace is the clock's speed now.
func (t *Table) pace() time.Duration {
	if sp := t.sess.Engine.State().Speed; sp > 0 {
		return sp
	}
	return t.speed
}

// tick moves the story clock by one tick, unless it waits for the room.
// With quiet, a tick that moves the clock and nothing else is told only
// every QuietTicks ticks (see QuietTicks); the ticker's are, Tick's never.
func (t *Table) tick(quiet bool) {
	if !t.running() {
		return
	}
	now := t.wall()
	elapsed := now.Sub(t.lastTick)
	t.lastTick = now
	if t.hold(elapsed) {
		if t.cover() || t.quiet > 0 {
			t.after(nil) // what moved, and where the clock stopped, is told
		}
		return
	}
	st := t.sess.Engine.State()
	mark := st.Seq
	err := t.sess.Advance(st.Now + t.pace()/time.Duration(time.Second/TickEvery))
	if quiet && err == nil && t.sess.Engine.State().Seq == mark && t.quiet+1 < QuietTicks && !t.cover() {
		t.quiet++
		t.step(false)
		return
	}
	t.after(err)
}

// after ends a step of play: the clock stops where the rules of the room
// stop it, and the step's events go to the writer, which tells the
// subscribers once they are on disk. It returns the step's number.
func (t *Table) after(err error) int {
	if err != nil && t.bad == nil {
		t.bad = err
	}
	t.autoPause()
	t.newReview()
	t.cover()
	if t.logError() != nil && t.running() {
		// Decisions are no longer saved: stop the clock until someone
		// looks at why.
		t.sess.Engine.Do(t.clockKeeper(), game.Command{Verb: game.PauseClock})
	}
	t.listWaits()
	return t.flush()
}

// step hands a step's events to the writer, as flush does; the writer
// tells the subscribers once it has published the step if told is set, or
// if a step it publishes with it is news. A step in which only the clock
// moved is not always news (see QuietTicks).
func (t *Table) step(told bool) int {
	if len(t.batch) > 0 {
		t.recorded = t.batch[len(t.batch)-1].Seq
	}
	t.steps++
	w := &t.disk
	w.mu.Lock()
	w.events = append(w.events, t.batch...)
	w.seq, w.step, w.now = t.recorded, t.steps, t.sess.Engine.State().Now
	w.told = w.told || told
	w.mu.Unlock()
	t.batch = nil
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return t.steps
}

// autoPause stops a solo player's clock when the other side rings, any
// clock when the dialogue meets, so that nobody misses either, and any
// clock that a jump stopped short of what a team owes, so that the team
// has the time to answer it.
func (t *Table) autoPause() {
	st := t.sess.Engine.State()
	if !st.Running || st.Ended {
		return
	}
	solo, isSolo := game.PlayerSide(st.Players)
	t.mu.Lock()
	recent := t.events[t.recorded:]
	t.mu.Unlock()
	for i := range recent {
		ev := &recent[i]
		meeting := ev.Type == game.ReviewHeld && ev.Review.Meeting > 0
		call := ev.Type == game.Rang && isSolo && ev.Side != solo
		short := ev.Type == game.ClockJumped && st.Now == ev.Due && pending(st, ev)
		if meeting || call || short {
			t.sess.Engine.Do(t.clockKeeper(), game.Command{Verb: game.PauseClock})
			return
		}
	}
}

// pending reports whether a jump stopped short of something still owed.
func pending(st *game.State, jump *game.Event) bool {
	_, ok := st.Pending(jump)
	return ok
}

// clockKeeper is who stops the clock when the room's rules do: the solo
// player, or the class's facilitator.
func (t *Table) clockKeeper() game.Actor {
	st := t.sess.Engine.State()
	name := st.Facilitator
	if _, ok := game.PlayerSide(st.Players); ok {
		name = game.SoloPlayer
	}
	a, _ := t.sess.Engine.Actor(name)
	return a
}

// notify tells every subscriber there is news.
func (t *Table) notify() {
	t.mu.Lock()
	subs := make([]*Sub, 0, len(t.subs))
	for s := range t.subs {
		subs = append(subs, s)
	}
	t.mu.Unlock()
	for _, s := range subs {
		s.poke()
	}
}

// ErrClosed is returned for commands to a table that has closed.
var ErrClosed = errors.New("the exercise has closed")

// call runs f on the table's goroutine and waits for it.
func (t *Table) call(f func()) error {
	ran := make(chan struct{})
	select {
	case t.work <- func() { f(); close(ran) }:
	case <-t.done:
		return ErrClosed
	}
	<-ran
	return nil
}

// Do makes a command as the actor and returns the events it made, once
// they are on disk, or the engine's refusal. It waits for the table's
// goroutine and the log, never for another client.
func (t *Table) Do(a game.Actor, c game.Command) ([]game.Event, error) {
	return t.command(func() (game.Actor, game.Command, bool) { return a, c, true })
}

// SetRunning starts or stops the clock as the actor, if it is not so
// already; toggle turns it the other way from however it stands when the
// table gets to it (a keystroke's meaning must not depend on news the
// screen has not shown yet).
func (t *Table) SetRunning(a game.Actor, on, toggle bool) ([]game.Event, error) {
	return t.command(func() (game.Actor, game.Command, bool) {
		running := t.sess.Engine.State().Running
		if toggle {
			on = !running
		}
		if on {
			return a, game.Command{Verb: game.RunClock}, !running
		}
		return a, game.Command{Verb: game.PauseClock}, running
	})
}

// command makes the command that decide gives, if it gives one, on the
// table's goroutine, and returns the events it made or the refusal.
func (t *Table) command(decide func() (game.Actor, game.Command, bool)) ([]game.Event, error) {
	var err error
	var made []game.Event
	step := 0
	if cerr := t.call(func() {
		a, c, ok := decide()
		if !ok {
			return
		}
		mark := t.sess.Engine.State().Seq
		err = t.sess.Do(a, c)
		var bad error
		if err != nil && !isRefusal(err) {
			bad, err = err, nil // a bot's move refused after the command: a bug, not the person's
		}
		t.mu.Lock()
		made = t.events[mark:len(t.events):len(t.events)]
		t.mu.Unlock()
		step = t.after(bad)
	}); cerr != nil {
		return nil, cerr
	}
	t.await(step)
	return made, err
}

// isRefusal tells the engine's refusal of a person's command from a bot's
// refused move after it.
func isRefusal(err error) bool { return !errors.Is(err, game.ErrBotRefused) }

// Check reports whether the table would accept the command now.
func (t *Table) Check(a game.Actor, c game.Command) error {
	var err error
	if cerr := t.call(func() { err = t.sess.Check(a, c) }); cerr != nil {
		return cerr
	}
	return err
}

// Tick moves the clock one tick now, if it runs: what the ticker does ten
// times a second, told to the subscribers every time. Tests drive the
// clock with it; it returns once the tick is published.
func (t *Table) Tick() { t.settle(func() { t.tick(false) }) }

// Sync waits until the table has done everything asked of it so far, and
// published it.
func (t *Table) Sync() { t.settle(func() {}) }

// settle runs f on the table's goroutine and waits until what it made is
// published.
func (t *Table) settle(f func()) {
	step := 0
	t.call(func() { f(); step = t.steps })
	t.await(step)
}

// Actor returns the actor a person's name stands for at this table.
func (t *Table) Actor(name string) (game.Actor, bool) {
	var a game.Actor
	var ok bool
	t.call(func() { a, ok = t.sess.Engine.Actor(name) })
	return a, ok
}

// Seated returns the seat a person's name has in the exercise.
func (t *Table) Seated(name string) (game.Person, bool) {
	var p game.Person
	var ok bool
	t.call(func() { p, ok = t.sess.Engine.State().Seated(name) })
	return p, ok
}

// Now returns where the story clock stands.
func (t *Table) Now() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.now
}

// Scenario returns the scenario in play.
func (t *Table) Scenario() *injects.Scenario { return t.sess.Engine.Scenario() }

// Speed returns the clock's pace now.
func (t *Table) Speed() time.Duration {
	var sp time.Duration
	t.call(func() { sp = t.pace() })
	return sp
}

// BotError returns the first bot move the rules refused, if any: a bug in a
// bot or a scenario, for the facilitator to hear of.
func (t *Table) BotError() error {
	var err error
	t.call(func() { err = t.bad })
	return err
}

// LogPath is where the table's log is, or "".
func (t *Table) LogPath() string {
	if t.log == nil {
		return ""
	}
	return t.log.Path()
}

// Close stops the table: the clock stops where it stands (and the log says
// so, for a resume to start there), everything made is written, and every
// subscriber is told. It returns the log's first error.
func (t *Table) Close() error {
	t.closeOnce.Do(func() {
		t.call(func() {
			t.sess.Engine.Stop()
			t.flush()
		})
		close(t.quit)
		<-t.done
		close(t.disk.quit)
		<-t.disk.done
		t.mu.Lock()
		t.closed = true
		t.mu.Unlock()
		t.notify()
		if t.log != nil {
			t.closeErr = t.log.Close()
		}
		if err := t.logError(); err != nil {
			t.closeErr = err
		}
	})
	return t.closeErr
}

// realTicker is a time.Ticker that exists only while the clock runs.
type realTicker struct{ t *time.Ticker }

func (r *realTicker) Start(every time.Duration) <-chan time.Time {
	r.t = time.NewTicker(every)
	return r.t.C
}

func (r *realTicker) Stop() {
	if r.t != nil {
		r.t.Stop()
		r.t = nil
	}
}

// ManualTicker never ticks on its own: tests move the clock with Tick.
type ManualTicker struct{}

func (ManualTicker) Start(time.Duration) <-chan time.Time { return nil }
func (ManualTicker) Stop()                                {}

// Sub is one client's subscription to the table's news.
type Sub struct {
	t      *Table
	c      chan struct{}
	seen   int // events already taken
	waitMu sync.Mutex
	since  time.Time // when news arrived that it has not taken; zero when none
	gone   bool      // closed: C is closed
}

// Update is the news a subscriber takes: the events since the last update,
// oldest first, and how things stand.
type Update struct {
	Events []game.Event // shared with other subscribers: read only
	Now    time.Duration
	People []Presence
	// Waits is what the story clock waits for, at a class's pace: while
	// it holds anything and the clock runs, the story clock stands still
	// and each wait counts down (Waiting.LeftAt).
	Waits []Waiting
	// Absent is the teams whose people have all gone, and the bots that
	// stand in for them.
	Absent []Absence
	// Pace is how long the clock waits for a team, and an absent team for
	// its people before a bot plays it.
	Pace Pace
	// ReviewPart is the part of the review the facilitator has put on the
	// projector (ShowReviewPart).
	ReviewPart int
	LogErr     error
	Closed     bool      // the table has closed: nothing more will come
	At         time.Time // the real time of the update, for idle times
}

// Since returns the published events after the one with sequence number
// seq: shared with everyone, to be read only.
func (t *Table) Since(seq int) []game.Event {
	t.mu.Lock()
	defer t.mu.Unlock()
	seq = min(max(seq, 0), t.shown)
	return t.events[seq:t.shown:t.shown]
}

// Subscribe starts a subscription; its first update holds every event so
// far.
func (t *Table) Subscribe() *Sub {
	s := &Sub{t: t, c: make(chan struct{}, 1)}
	t.mu.Lock()
	t.subs[s] = struct{}{}
	t.mu.Unlock()
	s.poke()
	return s
}

// C is told when there is news.
func (s *Sub) C() <-chan struct{} { return s.c }

func (s *Sub) poke() {
	s.waitMu.Lock()
	defer s.waitMu.Unlock()
	if s.gone {
		return
	}
	if s.since.IsZero() {
		s.since = s.t.wall()
	}
	select {
	case s.c <- struct{}{}:
	default: // news already waits; it will be taken whole
	}
}

// Next takes the news.
func (s *Sub) Next() Update {
	s.waitMu.Lock()
	s.since = time.Time{}
	s.waitMu.Unlock()
	t := s.t
	t.mu.Lock()
	defer t.mu.Unlock()
	u := Update{Events: t.events[s.seen:t.shown:t.shown], Now: t.now, People: t.people,
		Waits: t.holding, Absent: t.gone, Pace: t.paced, ReviewPart: t.part, LogErr: t.logErr, Closed: t.closed, At: t.wall()}
	s.seen = t.shown
	return u
}

// Waiting returns how long news has waited for this subscriber to take it:
// a client that stops reading falls behind, and the server drops it.
func (s *Sub) Waiting() time.Duration {
	s.waitMu.Lock()
	defer s.waitMu.Unlock()
	if s.since.IsZero() {
		return 0
	}
	return s.t.wall().Sub(s.since)
}

// Close ends the subscription; C is closed, so that a client waiting on it
// stops waiting.
func (s *Sub) Close() {
	s.t.mu.Lock()
	delete(s.t.subs, s)
	s.t.mu.Unlock()
	s.waitMu.Lock()
	defer s.waitMu.Unlock()
	if !s.gone {
		s.gone = true
		close(s.c)
	}
}

// Connect says a person is at the table, with one more connection; it
// returns the connection's id.
func (t *Table) Connect(p game.Person) int {
	t.mu.Lock()
	t.conns++
	id := t.conns
	now := t.wall()
	t.people = append(slices.Clone(t.people), Presence{ID: id, Person: p, Since: now, Active: now})
	t.mu.Unlock()
	t.presenceMoved()
	t.publishPresence()
	return id
}

// Disconnect says a connection has gone.
func (t *Table) Disconnect(id int) {
	t.mu.Lock()
	t.people = slices.DeleteFunc(slices.Clone(t.people), func(p Presence) bool { return p.ID == id })
	t.mu.Unlock()
	t.presenceMoved()
	t.publishPresence()
}

// Move changes the seat a connection shows.
func (t *Table) Move(id int, p game.Person) {
	t.mu.Lock()
	people := slices.Clone(t.people)
	for i := range people {
		if people[i].ID == id {
			people[i].Person = p
		}
	}
	t.people = people
	t.mu.Unlock()
	t.presenceMoved()
	t.publishPresence()
}

// Touch notes a keystroke on a connection, for the facilitator's idle
// times. It tells nobody: idle times change too often to be news.
func (t *Table) Touch(id int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i := range t.people {
		if t.people[i].ID == id {
			people := slices.Clone(t.people)
			people[i].Active = t.wall()
			t.people = people
			return
		}
	}
}

func (t *Table) publishPresence() { t.notify() }
