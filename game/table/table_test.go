package table_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// memLog is a Recorder in memory.
type memLog struct {
	mu      sync.Mutex
	batches [][]game.Event
	closed  bool
}

func (l *memLog) WriteBatch(b []game.Event) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.batches = append(l.batches, b)
	return nil
}
func (l *memLog) Path() string { return "mem" }
func (l *memLog) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	return nil
}

func (l *memLog) events() []game.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	var all []game.Event
	for _, b := range l.batches {
		all = append(all, b...)
	}
	return all
}

// countTicker counts how often the table starts and stops it.
type countTicker struct {
	mu           sync.Mutex
	starts, stop int
}

func (c *countTicker) Start(time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.starts++
	return nil
}

func (c *countTicker) Stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stop++
}

func builtin(t testing.TB, id string) *injects.Scenario {
	t.Helper()
	sc, diags := injects.LoadBuiltin(id)
	if sc == nil {
		t.Fatal(diags)
	}
	return sc
}

// classTable opens a class's table with a bot on every team.
func classTable(t *testing.T, id string, log table.Recorder, ticker table.Ticker, wall func() time.Time) (*table.Table, game.Actor) {
	t.Helper()
	sc := builtin(t, id)
	var history []game.Event
	s, err := game.NewClass(sc, 3, "Host", func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	host, _ := s.Engine.Actor("Host")
	tb := table.Open(table.Config{Session: s, History: history, Log: log, Ticker: ticker, Speed: 2 * time.Hour, Now: wall})
	t.Cleanup(func() { tb.Close() })
	for _, team := range sc.Teams {
		if _, err := tb.Do(host, game.Command{Verb: game.SeatBot, Team: team.ID, Profile: "cooperative"}); err != nil {
			t.Fatal(err)
		}
	}
	return tb, host
}

// Many people at once: every command is answered, and the log holds every
// event once, in order, in batches of whole steps.
func TestManyClientsAtOnce(t *testing.T) {
	log := &memLog{}
	tb, host := classTable(t, "campaign", log, table.ManualTicker{}, nil)
	sc := builtin(t, "campaign")
	var wg sync.WaitGroup
	for k, team := range sc.Teams {
		name := fmt.Sprintf("student-%d", k)
		if _, err := tb.Do(host, game.Command{Verb: game.Seat, Person: game.Person{Name: name, Role: game.Player, Team: team.ID}}); err != nil {
			t.Fatal(err)
		}
		a, _ := tb.Actor(name)
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub := tb.Subscribe()
			defer sub.Close()
			for range 50 {
				// Refusals are fine: the actions may not be theirs or
				// may be spent; what matters is an answer each time.
				tb.Do(a, game.Command{Team: team.ID, Verb: game.Act, Action: "condemn-hacking"})
				tb.Do(a, game.Command{Team: team.ID, Verb: game.Ring})
				select {
				case <-sub.C():
					sub.Next()
				default:
				}
			}
		}()
	}
	if _, err := tb.Do(host, game.Command{Verb: game.RunClock}); err != nil {
		t.Fatal(err)
	}
	for range 300 {
		tb.Tick()
	}
	wg.Wait()
	stopped := tb.Since(0)
	now := stopped[len(stopped)-1].At
	sub := tb.Subscribe()
	now = max(now, sub.Next().Now)
	tb.Close()
	all := log.events()
	if len(all) == 0 {
		t.Fatal("nothing was recorded")
	}
	for i, ev := range all {
		if ev.Seq != i+1 {
			t.Fatalf("recorded event %d has sequence number %d", i+1, ev.Seq)
		}
	}
	if last := all[len(all)-1]; last.At != now {
		t.Errorf("the log ends at %v with %s, not where the clock stopped (%v)", last.At, last.Type, now)
	}
	// What was recorded is a log that is made again, byte for byte.
	if _, err := game.Resume(sc, all, nil); err != nil {
		t.Fatalf("the table's log does not make the same run again: %v", err)
	}
}

// A client that stops taking news never holds the table up; how long its
// news has waited says it lags.
func TestAStalledClientDoesNotBlock(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	wall := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	tb, host := classTable(t, "opm-breach", nil, table.ManualTicker{}, wall)
	stalled := tb.Subscribe()
	live := tb.Subscribe()
	live.Next()
	stalled.Next()
	if _, err := tb.Do(host, game.Command{Verb: game.RunClock}); err != nil {
		t.Fatal(err)
	}
	for range 500 {
		tb.Tick()
		select {
		case <-live.C():
			live.Next()
		default:
		}
		mu.Lock()
		now = now.Add(100 * time.Millisecond)
		mu.Unlock()
	}
	if w := stalled.Waiting(); w < 49*time.Second {
		t.Errorf("the stalled client's news has waited %v", w)
	}
	if w := live.Waiting(); w > time.Second {
		t.Errorf("the live client's news has waited %v", w)
	}
	u := stalled.Next()
	if len(u.Events) == 0 || u.Events[len(u.Events)-1].Seq != tb.Since(0)[len(tb.Since(0))-1].Seq {
		t.Error("taken at last, the stalled client's news is not everything since")
	}
}

// A paused table costs nothing: the ticker runs only while the clock does.
func TestTickerRunsOnlyWithTheClock(t *testing.T) {
	tick := &countTicker{}
	tb, host := classTable(t, "opm-breach", nil, tick, nil)
	tb.Sync()
	if tick.starts != 0 {
		t.Fatalf("the ticker started %d times while the clock was paused", tick.starts)
	}
	tb.Do(host, game.Command{Verb: game.RunClock})
	tb.Sync()
	tb.Do(host, game.Command{Verb: game.PauseClock})
	tb.Sync()
	tick.mu.Lock()
	defer tick.mu.Unlock()
	if tick.starts != 1 || tick.stop != 1 {
		t.Errorf("starts %d, stops %d; want one each", tick.starts, tick.stop)
	}
}

// A solo player's clock stops when the other side rings, so the call is
// not missed while they read something else.
func TestSoloClockStopsForACall(t *testing.T) {
	sc := builtin(t, "hotline-escalation")
	var history []game.Event
	s, err := game.NewSession(sc, 1, [2]string{"", "by-the-book"}, func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	player, _ := s.Engine.Actor(game.SoloPlayer)
	tb := table.Open(table.Config{Session: s, History: history, Ticker: table.ManualTicker{}, Speed: 2 * time.Hour})
	defer tb.Close()
	sub := tb.Subscribe()
	tb.Do(player, game.Command{Verb: game.RunClock})
	rang := false
	for i := 0; i < 5000 && !rang; i++ {
		tb.Tick()
		for _, ev := range sub.Next().Events {
			if ev.Type == game.Rang && ev.Side == injects.CN {
				rang = true
			}
		}
		if !rang {
			// Nothing else should stop it: start it again if it did.
			tb.SetRunning(player, true, false)
		}
	}
	if !rang {
		t.Fatal("China never rang")
	}
	events := tb.Since(0)
	if last := events[len(events)-1]; last.Type != game.ClockPaused {
		t.Errorf("after China rang, the last event is %s, not the clock pausing", last.Type)
	}
}

// slowDisk is a log whose writes wait while the test holds it, as on a
// slow or full disk. What it has synced is what a crash would leave.
type slowDisk struct {
	stall  sync.RWMutex // the test holds it to stall every write
	begun  chan []game.Event
	mu     sync.Mutex
	synced []game.Event
}

func newSlowDisk() *slowDisk { return &slowDisk{begun: make(chan []game.Event, 1024)} }

func (d *slowDisk) WriteBatch(b []game.Event) error {
	select {
	case d.begun <- b:
	default:
	}
	d.stall.RLock()
	defer d.stall.RUnlock()
	d.mu.Lock()
	defer d.mu.Unlock()
	d.synced = append(d.synced, b...)
	return nil
}
func (d *slowDisk) Path() string { return "slow.jsonl" }
func (d *slowDisk) Close() error { return nil }

// onDisk is how many events a crash now would keep.
func (d *slowDisk) onDisk() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.synced)
}

// Nobody hears of a decision before it is on disk: while the log's write
// is stalled, the student's command has not returned and no subscriber has
// the event, so a crash then loses nothing anyone was told was decided.
func TestADecisionIsNewsOnlyOnceOnDisk(t *testing.T) {
	disk := newSlowDisk()
	tb, host := classTable(t, "assistance-request", disk, table.ManualTicker{}, nil)
	if _, err := tb.Do(host, game.Command{Verb: game.Seat, Person: game.Person{Name: "Ana", Role: game.Player, Team: "fbi"}}); err != nil {
		t.Fatal(err)
	}
	ana, _ := tb.Actor("Ana")
	sc := tb.Scenario()
	var choose game.Command
	for _, ev := range tb.Since(0) {
		if i, ok := sc.InjectIndex(ev.Inject); ev.Type == game.InjectFired && ok && len(sc.Injects[i].Choices) > 0 {
			in := &sc.Injects[i]
			c := game.Command{Team: "fbi", Verb: game.Choose, Inject: in.ID, Choice: in.Choices[0].ID}
			if tb.Check(ana, c) == nil {
				choose = c
				break
			}
		}
	}
	if choose.Inject == "" {
		t.Fatal("the FBI has no inject to decide")
	}
	sub := tb.Subscribe()
	seen := len(sub.Next().Events)

	disk.stall.Lock() // the disk stalls
	decided := make(chan error, 1)
	go func() {
		_, err := tb.Do(ana, choose)
		decided <- err
	}()
	for b := range disk.begun {
		if slices.ContainsFunc(b, func(ev game.Event) bool { return ev.Type == game.InjectChosen }) {
			break // the decision is made and being written
		}
	}
	select {
	case err := <-decided:
		t.Fatalf("the decision was answered (%v) before it was on disk", err)
	default:
	}
	seen += len(sub.Next().Events)
	told := max(seen, len(tb.Since(0)))
	// A crash now keeps what the disk has: everything anyone was told.
	if kept := disk.onDisk(); told > kept {
		t.Fatalf("subscribers were told of %d events; a crash now keeps %d", told, kept)
	}
	for _, ev := range tb.Since(0) {
		if ev.Type == game.InjectChosen {
			t.Fatal("the decision is published before it is on disk")
		}
	}

	disk.stall.Unlock() // the disk catches up
	if err := <-decided; err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(tb.Since(0), func(ev game.Event) bool { return ev.Type == game.InjectChosen }) {
		t.Fatal("once on disk, the decision is not published")
	}
	if !slices.ContainsFunc(sub.Next().Events, func(ev game.Event) bool { return ev.Type == game.InjectChosen }) {
		t.Fatal("once on disk, the decision is not news to subscribers")
	}
}
