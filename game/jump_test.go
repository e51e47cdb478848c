package game_test

import (
	"strings"
	"testing"

	"hotline/game"
	"hotline/injects"
)

// seatEveryTeam seats a student in every team of the class.
func (c *class) seatEveryTeam() map[string]game.Actor {
	students := map[string]game.Actor{}
	for _, team := range c.st().Scenario.Teams {
		students[team.ID] = c.seat("student-"+team.ID, game.Player, team.ID)
	}
	return students
}

// passedUnseen returns, among events, any that says something the people
// owed passed its time: a decision of a played audience expired, a part
// of a request to a played side fell overdue, or a call to one rang out.
func passedUnseen(st *game.State, evs []game.Event) []string {
	sc := st.Scenario
	var bad []string
	for _, ev := range evs {
		switch ev.Type {
		case game.InjectExpired:
			i, _ := sc.InjectIndex(ev.Inject)
			if st.Played(sc.Injects[i].To) {
				bad = append(bad, brief(&ev))
			}
		case game.Overdue:
			i, _ := sc.RequestIndex(ev.Request)
			if st.Played(injects.Audience{Side: sc.Requests[i].To}) {
				bad = append(bad, brief(&ev))
			}
		case game.Missed:
			if st.Played(injects.Audience{Side: st.Calls[ev.Call-1].From.Other()}) {
				bad = append(bad, brief(&ev))
			}
		}
	}
	return bad
}

// Eight presses of > from the start of the campaign, with a student in
// every team, carry the clock past nothing a seated team still owes: each
// press stops at the next thing someone sees, or an hour before what is
// owed, and says so; a press with something owed within the hour is
// refused, naming it, and the students answer it before the next.
func TestTheJumpStopsBeforeWhatIsOwed(t *testing.T) {
	c := newClass(t, "campaign")
	students := c.seatEveryTeam()
	sc := c.st().Scenario
	moved := 0
	for press := 1; press <= 8; press++ {
		before, mark := c.st().Now, len(c.events)
		err := c.s.Do(c.white, game.Command{Verb: game.JumpClock})
		if err != nil {
			// Refused: something is owed within the hour. The
			// students answer the first thing owed, and press again.
			owed := c.st().Owed()
			if len(owed) == 0 || !strings.Contains(err.Error(), owed[0].Words(sc)) {
				t.Fatalf("press %d at %s refused with %v; owed %v", press, game.Clock(sc, before), err, owed)
			}
			t.Logf("press %d refused: %v", press, err)
			c.answer(students, owed[0])
			continue
		}
		moved++
		evs := c.events[mark:]
		if bad := passedUnseen(c.st(), evs); len(bad) > 0 {
			t.Fatalf("press %d from %s to %s passed what was owed: %s", press, game.Clock(sc, before), game.Clock(sc, c.st().Now), strings.Join(bad, "; "))
		}
		for _, o := range c.st().Owed() {
			if o.Due > 0 && o.Due <= c.st().Now {
				t.Fatalf("press %d landed at %s, on or past the time %s is due", press, game.Clock(sc, c.st().Now), o.Words(sc))
			}
		}
		jumped := evs[0]
		if jumped.Type != game.ClockJumped {
			t.Fatalf("press %d's first event is %s", press, jumped.Type)
		}
		words := game.JumpWords(c.st(), &jumped, game.ViewerOf(game.ControlSeat, 0, ""))
		t.Logf("press %d: %s -> %s", press, game.Clock(sc, before), words)
		if o, ok := c.st().Pending(&jumped); ok && c.st().Now == jumped.Due {
			if !strings.Contains(words, "1h before "+o.Words(sc)+" is due") {
				t.Errorf("press %d stopped short of %s, and says %q", press, o.Words(sc), words)
			}
		} else if !seenAt(c, evs) {
			t.Errorf("press %d stopped at %s, where nobody sees anything: %q", press, game.Clock(sc, c.st().Now), words)
		}
	}
	if moved < 4 || c.st().Now < 24*h {
		t.Errorf("eight presses moved the clock %d times, to %s", moved, game.Clock(sc, c.st().Now))
	}
}

// seenAt reports whether a seated person sees something that happened at
// the time the clock now stands at.
func seenAt(c *class, evs []game.Event) bool {
	sc := c.st().Scenario
	for _, ev := range evs[1:] {
		for _, v := range c.s.Watchers() {
			if ev.At == c.st().Now && game.Visible(sc, &ev, v) {
				return true
			}
		}
	}
	return false
}

// answer makes a student answer something owed: the first choice of a
// decision, a denial on a call, a thin delivery of a part.
func (c *class) answer(students map[string]game.Actor, o game.Owed) {
	c.t.Helper()
	sc := c.st().Scenario
	team := o.Team
	if team == "" {
		team = sc.TeamsOf(o.Side)[0]
	}
	a := students[team]
	switch {
	case o.Inject != "":
		i, _ := sc.InjectIndex(o.Inject)
		for _, ch := range sc.Injects[i].Choices {
			if c.s.Check(a, choose(team, o.Inject, ch.ID)) == nil {
				c.do(a, choose(team, o.Inject, ch.ID))
				return
			}
		}
		c.t.Fatalf("no choice on %s can be taken", o.Inject)
	case o.Call > 0:
		c.do(a, answer(team, o.Call, injects.Deny))
	default:
		c.do(a, deliver(team, o.Request, o.Element, injects.Thin))
	}
}

// A solo player's > follows the same rule: it stops an hour before their
// own decision is due, says so, and then refuses to pass it.
func TestTheSoloJumpStopsBeforeTheDecision(t *testing.T) {
	sc := builtin(t, "opm-breach")
	var events []game.Event
	s, err := game.NewSession(sc, 1, [2]string{"", "default"}, func(_ *game.State, ev *game.Event) { events = append(events, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	player, _ := s.Engine.Actor(game.SoloPlayer)
	for s.Check(player, game.Command{Verb: game.JumpClock}) == nil {
		mark := len(events)
		if err := s.Do(player, game.Command{Verb: game.JumpClock}); err != nil {
			t.Fatal(err)
		}
		if bad := passedUnseen(s.Engine.State(), events[mark:]); len(bad) > 0 {
			t.Fatalf("the jump passed %s", strings.Join(bad, "; "))
		}
	}
	st := s.Engine.State()
	err = s.Do(player, game.Command{Verb: game.JumpClock})
	if err == nil || !strings.Contains(err.Error(), "the United States' decision on “Personnel-records system breached” is due at Thu 01 Oct 21:00") {
		t.Fatalf("at %s, the jump says %v", game.Clock(sc, st.Now), err)
	}
	if st.Now != 11*h {
		t.Errorf("the jumps stopped at %s, not an hour before the decision", game.Clock(sc, st.Now))
	}
}

// The clock stops at what the engine could not foresee: an inject waiting
// on the clock, which fires on the way.
func TestTheJumpStopsAtWhatItCouldNotForesee(t *testing.T) {
	sc := parse(t, `
injects:
  late:
    at: 20h
    to: us
    from: white-cell
    channel: note
    title: Twenty hours in
  waiting:
    when: "hours >= 5"
    to: us
    from: white-cell
    channel: note
    title: Five hours in
`)
	s, err := game.NewSession(sc, 1, [2]string{"", "default"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	player, _ := s.Engine.Actor(game.SoloPlayer)
	if err := s.Do(player, game.Command{Verb: game.JumpClock}); err != nil {
		t.Fatal(err)
	}
	if now := s.Engine.State().Now; now != 5*h {
		t.Errorf("the jump went on to %s, past the inject that fired at 5h", now)
	}
}
