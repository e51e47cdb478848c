package table_test

import (
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// run lets real time pass with the clock running, a tick at a time.
func (c *classroom) run(d time.Duration) {
	for end := c.wall.Now().Add(d); c.wall.Now().Before(end); {
		c.wall.add(table.TickEvery)
		c.tb.Tick()
	}
	c.take()
}

// waitsFor reports whether the clock waits for something owed with the
// given key.
func (c *classroom) waitsFor(key string) bool {
	for _, w := range c.last.Waits {
		if w.Owed.Key() == key {
			return true
		}
	}
	return false
}

// A decision that reaches a seated team holds the clock for the wait, in
// real time, and the screens are told what the clock waits for and how
// long is left; the clock runs on when the wait is up. A pause keeps what
// is left of the wait.
func TestTheClockWaitsForADecision(t *testing.T) {
	c := newClassroom(t, "opm-breach", table.Config{Speed: table.ClassSpeed})
	c.do(c.host, game.Command{Verb: game.RunClock})
	c.take()
	key := game.Owed{Inject: "opm-discovery", Side: injects.US}.Key()
	if !c.waitsFor(key) {
		t.Fatalf("the clock does not wait for the US's first decision: %+v", c.last.Waits)
	}
	c.run(time.Minute)
	if now := c.mirror.State().Now; now != 0 {
		t.Fatalf("a minute into the wait, the story clock is at %s", now)
	}
	c.do(c.host, game.Command{Verb: game.PauseClock})
	c.wall.add(10 * time.Minute) // a long talk with the clock paused
	c.do(c.host, game.Command{Verb: game.RunClock})
	c.run(time.Minute)
	if w := c.last.Waits; len(w) != 1 || w[0].LeftAt(c.wall.Now()) != time.Minute {
		t.Fatalf("two running minutes into a three-minute wait, with a pause between, the waits are %+v", w)
	}
	c.run(61 * time.Second)
	if c.waitsFor(key) || c.mirror.State().Now == 0 {
		t.Errorf("the wait is up, yet the clock waits (%+v) at %s", c.last.Waits, c.mirror.State().Now)
	}
	if owed := c.mirror.State().Owed(); len(owed) == 0 || owed[0].Inject != "opm-discovery" {
		t.Errorf("the decision is no longer owed once the wait is up: %v", owed)
	}
}

// A hotline call ringing at a seated team holds the clock until it is
// answered; the caller hears the answer. The facilitator can run the
// clock on past what it waits for.
func TestACallHoldsTheClockUntilAnswered(t *testing.T) {
	c := newClassroom(t, "opm-breach", table.Config{Speed: table.ClassSpeed})
	c.do(c.host, game.Command{Verb: game.RunClock})
	if err := c.tb.RunOn(c.students["fbi"]); err == nil {
		t.Error("a student ran the clock on")
	}
	if err := c.tb.RunOn(c.host); err != nil {
		t.Fatal(err)
	}
	c.take()
	if len(c.last.Waits) > 0 {
		t.Fatalf("run on, the clock still waits for %+v", c.last.Waits)
	}
	c.run(5 * time.Second) // China's first decision arrives, and is waited for
	if err := c.tb.RunOn(c.host); err != nil {
		t.Fatal(err)
	}
	if err := c.do(c.students["fbi"], game.Command{Team: "fbi", Verb: game.Ring}); err != nil {
		t.Fatal(err)
	}
	rang := c.mirror.State().Now
	if !c.waitsFor(game.Owed{Call: 1}.Key()) {
		t.Fatalf("a call rings at China and the clock does not wait: %+v", c.last.Waits)
	}
	c.run(2 * time.Minute)
	if now := c.mirror.State().Now; now != rang {
		t.Fatalf("the call rang at %s; two minutes on the clock is at %s", rang, now)
	}
	mark := c.mirror.State().Seq
	if err := c.do(c.students["mps"], game.Command{Team: "mps", Verb: game.Answer, Call: 1, Answer: injects.Explain}); err != nil {
		t.Fatal(err)
	}
	heard := false
	for _, ev := range c.tb.Since(mark) {
		heard = heard || ev.Type == game.Answered && game.Visible(c.sc, &ev, game.ViewerOf(game.TeamSeat, injects.US, "fbi"))
	}
	if !heard {
		t.Error("the FBI, who rang, does not hear the answer")
	}
	c.run(time.Second)
	if c.waitsFor(game.Owed{Call: 1}.Key()) || c.mirror.State().Now == rang {
		t.Errorf("answered, the call still holds the clock at %s", c.mirror.State().Now)
	}
}

// The facilitator sets the wait, within bounds, or turns it off.
func TestTheFacilitatorSetsTheWait(t *testing.T) {
	c := newClassroom(t, "opm-breach", table.Config{})
	if c.tb.Wait() != table.DefaultWait {
		t.Errorf("a class waits %s by default", c.tb.Wait())
	}
	if want := (table.Pace{Wait: table.DefaultWait, Grace: table.DefaultGrace}); c.last.Pace != want {
		t.Errorf("the screens are told the pace is %+v, want %+v", c.last.Pace, want)
	}
	for _, bad := range []time.Duration{time.Minute, time.Hour} {
		if err := c.tb.SetWait(c.host, bad); err == nil || !strings.Contains(err.Error(), "from 3 minutes to 30 minutes") {
			t.Errorf("a wait of %s: %v", bad, err)
		}
	}
	if err := c.tb.SetWait(c.students["fbi"], 5*time.Minute); err == nil {
		t.Error("a student set the wait")
	}
	c.do(c.host, game.Command{Verb: game.RunClock})
	if err := c.tb.SetWait(c.host, table.Off); err != nil {
		t.Fatal(err)
	}
	c.run(time.Second)
	if len(c.last.Waits) > 0 || c.mirror.State().Now == 0 {
		t.Errorf("with the wait off, the clock waits for %+v", c.last.Waits)
	}
	if err := c.tb.SetGrace(c.host, 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	c.take()
	if want := (table.Pace{Grace: 5 * time.Minute}); c.last.Pace != want {
		t.Errorf("the screens are told the pace is %+v, want %+v", c.last.Pace, want)
	}
}

// A solo table never waits: the player pauses when they want to think.
func TestASoloTableDoesNotWait(t *testing.T) {
	sc := builtin(t, "opm-breach")
	var history []game.Event
	s, err := game.NewSession(sc, 1, [2]string{"", "default"}, func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	tb := table.Open(table.Config{Session: s, History: history, Ticker: table.ManualTicker{}})
	defer tb.Close()
	if tb.Wait() != 0 {
		t.Errorf("a solo table waits %s", tb.Wait())
	}
}

// A jump that stops short of what a team owes leaves the clock paused,
// so that the team has the time to answer it.
func TestAJumpShortOfADeadlinePauses(t *testing.T) {
	c := newClassroom(t, "opm-breach", table.Config{Wait: table.Off})
	c.do(c.host, game.Command{Verb: game.RunClock})
	for c.mirror.State().Running {
		if err := c.do(c.host, game.Command{Verb: game.JumpClock}); err != nil {
			t.Fatalf("at %s: %v", game.Clock(c.sc, c.mirror.State().Now), err)
		}
	}
	evs := c.tb.Since(0)
	jumped := evs[len(evs)-2]
	if _, pending := c.mirror.State().Pending(&jumped); jumped.Type != game.ClockJumped || !pending || evs[len(evs)-1].Type != game.ClockPaused {
		t.Errorf("the clock paused after %s, not a jump short of a deadline", jumped.Type)
	}
}
