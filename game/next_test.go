package game_test

import (
	"testing"
	"time"

	"hotline/game"
	"hotline/injects"
)

// TestNextEvent: a clock that jumps to the next event skips quiet stretches
// and nothing else. The engine's hourly checks of clock conditions are not
// events; an inject is one only for the side it reaches.
func TestNextEvent(t *testing.T) {
	p := start(t, parse(t, triggerScenario))
	if at, _ := p.e.Next(); at != 1*h {
		t.Fatalf("the engine next has something to do at %v; the test wants its hourly check at 1h", at)
	}
	next := func(side injects.Side) time.Duration {
		t.Helper()
		at, ok := p.e.NextEvent(side)
		if !ok {
			t.Fatalf("no next event for %v", side)
		}
		return at
	}
	if got := next(injects.US); got != 2*h {
		t.Errorf("the US's next event at %v, want 2h, when the first inject reaches it", got)
	}
	if got := next(injects.CN); got != 10*d {
		t.Errorf("China's next event at %v, want the end at 10d: nothing else reaches it", got)
	}
	// Jumping there fires what is due on the way, the clock inject included.
	p.advance(next(injects.US))
	p.must(p.events, game.InjectFired, "first")
	if got := next(injects.US); got != 5*h {
		t.Errorf("then at %v, want 5h, when the second and third arrive", got)
	}
	p.advance(10 * d)
	if _, ok := p.e.NextEvent(injects.US); ok {
		t.Error("a next event after the end")
	}
}

func TestNextEventCountsDueTimesCallsAndBots(t *testing.T) {
	sc := parse(t, requestScenario)
	s, err := game.NewSession(sc, 1, [2]string{"", "cooperative"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	us := game.SideActor(sc, "us-player", injects.US)
	if err := s.Engine.Do(us, open("fbi", "rfa")); err != nil {
		t.Fatal(err)
	}
	// The acknowledgement falls due at 24h; the cooperative bot means to
	// start on it before then, and a player would see it land.
	engineAt, _ := s.Engine.NextEvent(injects.US)
	sessionAt, _ := s.NextEvent(injects.US)
	if engineAt != 24*h || sessionAt <= 0 || sessionAt >= engineAt {
		t.Errorf("next event: engine %v, session %v; want the due time at 24h and the bot's move before it", engineAt, sessionAt)
	}
	// A call rings out at its deadline.
	if err := s.Engine.Do(us, ring("fbi", "rfa")); err != nil {
		t.Fatal(err)
	}
	if at, _ := s.Engine.NextEvent(injects.CN); at != 4*h {
		t.Errorf("China's next event at %v, want the call's deadline at 4h", at)
	}
}
