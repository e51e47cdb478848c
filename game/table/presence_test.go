package table_test

import (
	"testing"
	"time"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// A team whose one student drops is absent: after the grace period its
// side's bot plays it, and the screens are told so; when the student is
// back, the bot leaves. Meanwhile the clock does not wait for the team.
func TestABotStandsInForAnAbsentTeam(t *testing.T) {
	c := newClassroom(t, "opm-breach", table.Config{Grace: time.Minute})
	c.tb.Disconnect(c.conns["fbi"])
	c.take()
	if a := c.last.Absent; len(a) != 1 || a[0].Team != "fbi" || a[0].Bot != "" || a[0].Until(time.Minute) != c.wall.Now().Add(time.Minute) {
		t.Fatalf("the FBI's student dropped; absent: %+v", a)
	}
	c.wall.add(59 * time.Second)
	c.take()
	if c.mirror.State().Bots[c.sc.TeamIndex("fbi")] != "" {
		t.Fatal("a bot took over before the grace was up")
	}
	c.wall.add(time.Second)
	c.take()
	bot := c.sc.Sides[injects.US].Counterparts[0]
	if got := c.mirror.State().Bots[c.sc.TeamIndex("fbi")]; got != bot {
		t.Fatalf("the grace is up and the FBI is played by %q", got)
	}
	if a := c.last.Absent; len(a) != 1 || a[0].Bot != bot {
		t.Errorf("the screens are told %+v", a)
	}
	for _, o := range c.mirror.State().Owed() {
		if o.Team == "fbi" {
			t.Errorf("with a bot in its seat, the FBI still owes %s", o.Words(c.sc))
		}
	}
	c.conns["fbi"] = c.tb.Connect(game.Person{Name: "student-fbi", Role: game.Player, Team: "fbi"})
	c.take()
	if got := c.mirror.State().Bots[c.sc.TeamIndex("fbi")]; got != "" || len(c.last.Absent) != 0 {
		t.Errorf("the student is back, and the FBI is played by %q; absent: %+v", got, c.last.Absent)
	}
	evs := c.tb.Since(0)
	if last := evs[len(evs)-1]; last.Type != game.BotRemoved || last.By != "Host" {
		t.Errorf("the bot left with %s by %q", last.Type, last.By)
	}
}

// With the grace off, an absent team stays empty; the facilitator seating
// a bot ends the absence.
func TestNoBotStandsInWithTheGraceOff(t *testing.T) {
	c := newClassroom(t, "opm-breach", table.Config{Grace: table.Off})
	c.tb.Disconnect(c.conns["mps"])
	c.wall.add(time.Hour)
	c.take()
	if got := c.mirror.State().Bots[c.sc.TeamIndex("mps")]; got != "" || len(c.last.Absent) != 0 {
		t.Errorf("with the grace off, the MPS is played by %q; absent %+v", got, c.last.Absent)
	}
	if err := c.tb.SetGrace(c.host, time.Minute); err != nil {
		t.Fatal(err)
	}
	c.take()
	if len(c.last.Absent) != 1 {
		t.Fatalf("with a grace set, absent: %+v", c.last.Absent)
	}
	c.do(c.host, game.Command{Verb: game.SeatBot, Team: "mps", Profile: "cooperative"})
	if len(c.last.Absent) != 0 {
		t.Errorf("the facilitator seated a bot; absent: %+v", c.last.Absent)
	}
}

// A second connection under a seated name can take the seat over: the
// first is evicted, and is told so.
func TestASeatIsTakenOver(t *testing.T) {
	c := newClassroom(t, "opm-breach", table.Config{})
	first := c.conns["doj"]
	second := c.tb.Connect(game.Person{Name: "student-doj", Role: game.Player, Team: "doj"})
	if n := len(c.tb.Connections("student-doj")); n != 2 {
		t.Fatalf("%d connections for the name", n)
	}
	c.tb.Evict(first)
	if !c.tb.Evicted(first) || c.tb.Evicted(second) {
		t.Error("the wrong connection is evicted")
	}
	if ps := c.tb.Connections("student-doj"); len(ps) != 1 || ps[0].ID != second {
		t.Errorf("after the take-over: %+v", ps)
	}
	c.take()
	if len(c.last.Absent) != 0 {
		t.Errorf("a team with its student connected is absent: %+v", c.last.Absent)
	}
}
