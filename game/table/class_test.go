package table_test

import (
	"fmt"
	"hash/fnv"
	"sync"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// wallClock is a wall clock the test moves.
type wallClock struct {
	mu  sync.Mutex
	now time.Time
}

func newWall() *wallClock {
	return &wallClock{now: time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)}
}

func (w *wallClock) Now() time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.now
}

func (w *wallClock) add(d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.now = w.now.Add(d)
}

// classroom is a class at a table on the test's wall clock: a student in
// every team, connected, and the facilitator.
type classroom struct {
	t        *testing.T
	tb       *table.Table
	sc       *injects.Scenario
	wall     *wallClock
	host     game.Actor
	students map[string]game.Actor // by team
	conns    map[string]int        // by team: the student's connection
	mirror   *game.Engine          // the state of play, as the screens follow it
	sub      *table.Sub
	last     table.Update
	seenAt   map[int]time.Time // by event sequence number: when the room first heard of it
}

func newClassroom(t *testing.T, id string, cfg table.Config) *classroom {
	t.Helper()
	sc := builtin(t, id)
	var history []game.Event
	s, err := game.NewClass(sc, 7, "Host", func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	c := &classroom{t: t, sc: sc, wall: newWall(), students: map[string]game.Actor{}, conns: map[string]int{}, mirror: game.Mirror(sc), seenAt: map[int]time.Time{}}
	cfg.Session, cfg.History, cfg.Ticker, cfg.Now = s, history, table.ManualTicker{}, c.wall.Now
	c.tb = table.Open(cfg)
	t.Cleanup(func() { c.tb.Close() })
	c.sub = c.tb.Subscribe()
	c.host, _ = s.Engine.Actor("Host")
	for _, team := range sc.Teams {
		name := "student-" + team.ID
		p := game.Person{Name: name, Role: game.Player, Team: team.ID}
		c.do(c.host, game.Command{Verb: game.Seat, Person: p})
		c.students[team.ID], _ = c.tb.Actor(name)
		c.conns[team.ID] = c.tb.Connect(p)
	}
	c.take()
	return c
}

func (c *classroom) do(a game.Actor, cmd game.Command) error {
	c.t.Helper()
	_, err := c.tb.Do(a, cmd)
	c.take()
	return err
}

// take follows the table's news, noting when each event reached the room.
func (c *classroom) take() {
	c.tb.Sync()
	select {
	case <-c.sub.C():
	default:
		return
	}
	c.last = c.sub.Next()
	for i := range c.last.Events {
		ev := &c.last.Events[i]
		if ev.Seq <= c.mirror.State().Seq {
			continue
		}
		c.mirror.Follow(ev)
		c.seenAt[ev.Seq] = c.wall.Now()
	}
	c.mirror.SetNow(c.last.Now)
}

// step lets real time pass by one tick of the table's ticker: a tenth of
// a second, or a whole second while the clock stands waiting for the room
// (ten ticks at once, which is all they would do).
func (c *classroom) step() {
	d := table.TickEvery
	if len(c.last.Waits) > 0 {
		d = time.Second
	}
	c.wall.add(d)
	c.tb.Tick()
	c.take()
}

// think is how long, in real time, a team talks over what it owes before
// answering: from one to six minutes, and some decisions never (the team
// lets the deadline decide), the same on every run.
func think(o game.Owed) (time.Duration, bool) {
	h := fnv.New32a()
	fmt.Fprint(h, o.Key())
	n := h.Sum32()
	switch {
	case o.Inject != "" && n%5 == 0:
		return 0, false
	case o.Request != "" && !o.New:
		return 20 * time.Second, true // the work on a request already in hand
	}
	return time.Minute + time.Duration(n%300)*time.Second, true
}

// answer makes the team's answer to what it owes, as a student would.
func (c *classroom) answer(o game.Owed) {
	team := o.Team
	if team == "" {
		team = c.sc.TeamsOf(o.Side)[0]
	}
	a := c.students[team]
	switch {
	case o.Inject != "":
		i, _ := c.sc.InjectIndex(o.Inject)
		for _, ch := range c.sc.Injects[i].Choices {
			if c.do(a, game.Command{Team: team, Verb: game.Choose, Inject: o.Inject, Choice: ch.ID}) == nil {
				return
			}
		}
	case o.Call > 0:
		c.do(a, game.Command{Team: team, Verb: game.Answer, Call: o.Call, Answer: injects.Commit})
	default:
		c.do(a, game.Command{Team: team, Verb: game.Deliver, Request: o.Request, Element: o.Element, Quality: injects.Adequate})
	}
}

// A scripted class through the whole campaign at class pace, on the
// table's own clock: every team seated, each talking over what reaches it
// for one to six minutes, a fifth of the decisions left to their
// deadlines, the facilitator resuming after the dialogue meets. The class
// fits in 90 real minutes, with time over for a hot wash, and every
// decision addressed to a seated team is open for at least 3 real minutes
// unless the team decides it sooner.
func TestAClassAtClassPace(t *testing.T) {
	c := newClassroom(t, "campaign", table.Config{Speed: table.ClassSpeed})
	begin := c.wall.Now()
	c.do(c.host, game.Command{Verb: game.RunClock})
	owedSince := map[string]time.Time{}
	waited := 0
	for !c.mirror.State().Ended {
		if c.wall.Now().Sub(begin) > 3*time.Hour {
			t.Fatalf("three real hours in, the story is at %s", game.Clock(c.sc, c.mirror.State().Now))
		}
		c.step()
		if len(c.last.Waits) > 0 {
			waited++
		}
		st := c.mirror.State()
		if !st.Running && !st.Ended {
			// The dialogue has met: the facilitator gives the room two
			// minutes with the review, then runs the clock on.
			c.wall.add(2 * time.Minute)
			c.do(c.host, game.Command{Verb: game.RunClock})
		}
		for _, o := range st.Owed() {
			k := o.Key()
			if _, ok := owedSince[k]; !ok {
				owedSince[k] = c.wall.Now()
			}
			if d, ok := think(o); ok && c.wall.Now().Sub(owedSince[k]) >= d {
				c.answer(o)
			}
		}
	}
	took := c.wall.Now().Sub(begin)
	t.Logf("the campaign took %s of real time; the clock waited for the room on %d steps", took.Round(time.Second), waited)
	if took > 80*time.Minute {
		t.Errorf("the campaign took %s of real time: with a hot wash it does not fit a 90-minute class", took.Round(time.Second))
	}
	if took < 40*time.Minute {
		t.Errorf("the campaign took only %s: the room had no time to talk", took.Round(time.Second))
	}
	// Every decision for a seated team was open 3 real minutes, or until
	// the team decided.
	st, fired := c.mirror.State(), map[string]time.Time{}
	expired := 0
	for _, ev := range c.tb.Since(0) {
		switch ev.Type {
		case game.InjectFired:
			fired[ev.Inject] = c.seenAt[ev.Seq]
		case game.InjectExpired:
			i, _ := c.sc.InjectIndex(ev.Inject)
			if len(c.sc.Injects[i].Choices) == 0 {
				continue
			}
			expired++
			if open := c.seenAt[ev.Seq].Sub(fired[ev.Inject]); open < table.MinWait {
				t.Errorf("%q expired %s after it reached the room", c.sc.Injects[i].Title, open.Round(time.Second))
			}
		}
	}
	if expired == 0 {
		t.Error("no decision was left to its deadline: the test does not see what it checks")
	}
	if st.Ending == "" {
		t.Error("the campaign ended with no ending")
	}
}
