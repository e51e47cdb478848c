package game_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/injects"
)

// class is a classroom exercise under test: the session, every event, and
// the facilitator who started it.
type class struct {
	t      *testing.T
	s      *game.Session
	events []game.Event
	white  game.Actor
}

func newClass(t *testing.T, id string) *class {
	t.Helper()
	c := &class{t: t}
	s, err := game.NewClass(builtin(t, id), 5, "Ms Rivera", func(_ *game.State, ev *game.Event) { c.events = append(c.events, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	c.s = s
	c.white, _ = s.Engine.Actor("Ms Rivera")
	return c
}

func (c *class) st() *game.State { return c.s.Engine.State() }

// do makes a command that must be accepted, and returns its events.
func (c *class) do(a game.Actor, cmd game.Command) []game.Event {
	c.t.Helper()
	mark := len(c.events)
	if err := c.s.Do(a, cmd); err != nil {
		c.t.Fatalf("%s %v: %v", a.Name, cmd.Verb, err)
	}
	return c.events[mark:]
}

// refused makes a command that must be refused with an error saying want,
// and checks it changed nothing.
func (c *class) refused(a game.Actor, cmd game.Command, want string) error {
	c.t.Helper()
	mark := len(c.events)
	err := c.s.Do(a, cmd)
	if err == nil || !strings.Contains(err.Error(), want) {
		c.t.Fatalf("%s %v: %v, want a refusal saying %q", a.Name, cmd.Verb, err, want)
	}
	if len(c.events) != mark {
		c.t.Errorf("the refused command made events")
	}
	return err
}

// seat seats a person and returns their actor as the exercise sees them.
func (c *class) seat(name string, role game.Role, team string) game.Actor {
	c.t.Helper()
	c.do(c.white, game.Command{Verb: game.Seat, Person: game.Person{Name: name, Role: role, Team: team}})
	a, ok := c.s.Engine.Actor(name)
	if !ok {
		c.t.Fatalf("%s is not seated", name)
	}
	return a
}

func TestClassSeatsAndRoles(t *testing.T) {
	c := newClass(t, "opm-breach")
	if c.white.Role != game.Facilitator {
		t.Fatalf("the class's facilitator is %v", c.white.Role)
	}
	// Bots first play every team; a student taking a seat takes it
	// from the bot.
	for _, team := range c.st().Scenario.Teams {
		c.do(c.white, game.Command{Verb: game.SeatBot, Team: team.ID, Profile: "by-the-book"})
	}
	if got := len(c.s.Bots()); got != 2 {
		t.Fatalf("with one profile on every team there are %d bots, want one a side", got)
	}
	ana := c.seat("Ana", game.Player, "fbi")
	if c.st().Bots[c.st().Scenario.TeamIndex("fbi")] != "" {
		t.Error("the FBI's bot still plays beside Ana")
	}
	if got := len(c.s.Bots()); got != 4 {
		// China's side bot, and the three US teams nobody took.
		t.Errorf("%d bots, want 4", got)
	}
	obs := c.seat("Omar", game.Observer, "")
	eva := c.seat("Eve", game.Evaluator, "")

	// Who may do what is the engine's to say.
	c.refused(ana, game.Command{Team: "doj", Verb: game.Act, Action: "public-attribution"}, "Ana cannot act for Department of Justice")
	c.refused(ana, game.Command{Verb: game.HoldInject, Inject: "nsc-memo"}, "Ana cannot give the control cell's commands")
	c.refused(ana, game.Command{Verb: game.PauseClock}, "Ana cannot run the clock")
	c.refused(obs, game.Command{Team: "fbi", Verb: game.Act, Action: "public-attribution"}, "Omar cannot act for")
	c.refused(obs, game.Command{Verb: game.Note, Objective: "tell-apart", Text: "x"}, "Omar cannot write observations")
	c.refused(eva, game.Command{Team: "fbi", Verb: game.Act, Action: "public-attribution"}, "Eve cannot act for")
	err := c.refused(eva, game.Command{Verb: game.SeatBot, Team: "fbi", Profile: "cooperative"}, "Eve cannot seat bots")
	if !errors.Is(err, game.ErrForbidden) {
		t.Errorf("%v does not wrap ErrForbidden", err)
	}
	c.refused(c.white, game.Command{Verb: game.Seat, Person: game.Person{Name: "bot:x", Role: game.Player, Team: "fbi"}}, "kept for the program")
	c.refused(c.white, game.Command{Verb: game.Seat, Person: game.Person{Name: "Z\x1b[31m", Role: game.Player, Team: "fbi"}}, "plain text")
	// A name that shows the same as another is refused until it is the
	// same string: invisible characters and extra spaces are not names.
	for _, name := range []string{"Ms Rivera\u034f", "Z\u200ded", "Ms  Rivera", " Zed", "Jose\u0301"} {
		c.refused(c.white, game.Command{Verb: game.Seat, Person: game.Person{Name: name, Role: game.Observer}}, "invisible characters or extra spaces")
	}
	c.refused(c.white, game.Command{Verb: game.Seat, Person: game.Person{Name: "Zed", Role: game.Observer, Team: "fbi"}}, "only players sit in a team")
	// The facilitator's name carries the facilitator's powers: nobody
	// else sits under it, whatever the seat.
	for _, p := range []game.Person{{Name: "Ms Rivera", Role: game.Observer}, {Name: "Ms Rivera", Role: game.Player, Team: "fbi"}, {Name: "Ms Rivera", Role: game.Evaluator}} {
		c.refused(c.white, game.Command{Verb: game.Seat, Person: p}, "Ms Rivera runs the class")
	}

	// An evaluator's observation is logged with who wrote it.
	evs := c.do(eva, game.Command{Verb: game.Note, Objective: "tell-apart", Team: "fbi", Rating: game.RatedS, Text: "Kept the breach out of the pledge."})
	if len(evs) != 1 || evs[0].Type != game.ObservationNoted || evs[0].By != "Eve" || c.st().Notes[0].Rating != game.RatedS {
		t.Errorf("the observation: %+v", evs)
	}
	c.refused(eva, game.Command{Verb: game.Note, Objective: "nope", Text: "x"}, `no objective "nope"`)

	// Moving a student, and removing one.
	c.seat("Ana", game.Player, "doj")
	ana, _ = c.s.Engine.Actor("Ana")
	if len(ana.Teams) != 1 || ana.Teams[0] != "doj" {
		t.Errorf("moved, Ana acts for %v", ana.Teams)
	}
	c.do(c.white, game.Command{Verb: game.Unseat, Person: game.Person{Name: "Omar"}})
	if _, ok := c.s.Engine.Actor("Omar"); ok {
		t.Error("Omar is still seated")
	}
	// Taken out, Omar stays out, whatever the seat, until readmitted.
	for _, p := range []game.Person{{Name: "Omar", Role: game.Observer}, {Name: "Omar", Role: game.Player, Team: "fbi"}} {
		c.refused(c.white, game.Command{Verb: game.Seat, Person: p}, "Omar was taken out of the exercise by the facilitator")
	}
	c.refused(ana, game.Command{Verb: game.Readmit, Person: game.Person{Name: "Omar"}}, "Ana cannot give the control cell's commands")
	c.do(c.white, game.Command{Verb: game.Readmit, Person: game.Person{Name: "Omar"}})
	c.refused(c.white, game.Command{Verb: game.Readmit, Person: game.Person{Name: "Omar"}}, "was not taken out")
	c.seat("Omar", game.Observer, "")
	c.refused(c.white, game.Command{Verb: game.Unseat, Person: game.Person{Name: "Ms Rivera"}}, "keeps their seat")
}

func TestControlCellOverTheScript(t *testing.T) {
	c := newClass(t, "opm-breach")
	ana := c.seat("Ana", game.Player, "fbi")
	in := func(id string) *game.InjectState {
		i, _ := c.st().Scenario.InjectIndex(id)
		return &c.st().Injects[i]
	}
	// Hold the NSC memo (due at T+1d); it does not fire when due, and
	// fires at once when released.
	c.do(c.white, game.Command{Verb: game.HoldInject, Inject: "nsc-memo"})
	c.do(c.white, game.Command{Verb: game.RunClock})
	if err := c.s.Advance(30 * time.Hour); err != nil {
		t.Fatal(err)
	}
	if in("nsc-memo").Status == game.Fired {
		t.Fatal("a held inject fired")
	}
	evs := c.do(c.white, game.Command{Verb: game.ReleaseInject, Inject: "nsc-memo"})
	if find(evs, game.InjectFired, "nsc-memo") == nil || in("nsc-memo").FiredAt != 30*time.Hour {
		t.Errorf("released after its time, the memo did not fire at once: %v", evs)
	}
	// Skip one; fire another early, by hand.
	c.do(c.white, game.Command{Verb: game.SkipInject, Inject: "norms-track"})
	if in("norms-track").Status != game.Skipped {
		t.Error("the norms track was not skipped")
	}
	if err := c.s.Advance(7 * 24 * time.Hour); err != nil {
		t.Fatal(err)
	}
	if in("norms-track").Status != game.Skipped {
		t.Error("a skipped inject fired")
	}
	c.refused(c.white, game.Command{Verb: game.FireInject, Inject: "norms-track"}, "was skipped")
	// An ad-hoc message reaches its audience as an inject would, and is
	// logged with who sent it.
	evs = c.do(c.white, game.Command{Verb: game.SendMessage, Title: "Press conference at noon", Text: "The *Post* asks for a **comment**.", To: injects.Audience{Team: "fbi"}})
	if len(evs) != 1 || evs[0].By != "Ms Rivera" || len(c.st().Messages) != 1 || c.st().Messages[0].To.Side != injects.US {
		t.Errorf("the message: %+v %+v", evs, c.st().Messages)
	}
	sc := c.st().Scenario
	if !game.Visible(sc, &evs[0], game.Viewer{Side: injects.US, Team: "fbi"}) || game.Visible(sc, &evs[0], game.Viewer{Side: injects.US, Team: "doj"}) ||
		game.Visible(sc, &evs[0], game.Viewer{Side: injects.CN}) {
		t.Error("a message to the FBI reaches someone else, or not the FBI")
	}
	c.refused(c.white, game.Command{Verb: game.SendMessage, Title: " ", Text: "x"}, "needs a title")
	// The clock: speed, a jump to the next thing that happens, and the end.
	c.do(c.white, game.Command{Verb: game.SetSpeed, Speed: 2 * time.Hour})
	c.refused(c.white, game.Command{Verb: game.SetSpeed, Speed: 48 * time.Hour}, "the speed must be between")
	c.do(ana, game.Command{Team: "fbi", Verb: game.Act, Action: "public-attribution"})
	before := c.st().Now
	evs = c.do(c.white, game.Command{Verb: game.JumpClock})
	if evs[0].Type != game.ClockJumped || c.st().Now <= before || len(evs) < 2 {
		t.Errorf("the jump from %v: %v", before, evs)
	}
	for c.s.Check(c.white, game.Command{Verb: game.JumpClock}) == nil {
		c.do(c.white, game.Command{Verb: game.JumpClock})
	}
	if next, _ := c.s.NextEvent(injects.US); c.st().Ended || next != c.st().Scenario.End {
		t.Errorf("jumping on and on, the clock stops at %v, before the end, ended %v", c.st().Now, c.st().Ended)
	}
	evs = c.do(c.white, game.Command{Verb: game.EndExercise})
	if evs[0].Type != game.ReviewHeld || evs[0].By != "Ms Rivera" || !c.st().Ended {
		t.Errorf("ending the exercise: %v", evs)
	}

	// The class's log is made again, command by command, to the byte.
	var made []game.Event
	if _, err := game.Resume(sc, c.events, func(_ *game.State, ev *game.Event) { made = append(made, *ev) }); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(jsonl(t, made), jsonl(t, c.events)) {
		t.Fatalf("made again, the class's run differs:\n%s", diffLines(jsonl(t, c.events), jsonl(t, made)))
	}
}

// A bot plays the teams nobody took; it decides the injects addressed to its
// own team, and leaves the side's shared business to the people of the side.
func TestBotsBesidePeople(t *testing.T) {
	c := newClass(t, "assistance-request")
	for _, team := range []string{"mps", "mss", "moj", "siio"} {
		c.do(c.white, game.Command{Verb: game.SeatBot, Team: team, Profile: "cooperative"})
	}
	c.seat("Li", game.Player, "mps") // one person on China's side
	c.do(c.white, game.Command{Verb: game.RunClock})
	if err := c.s.Advance(3 * 24 * time.Hour); err != nil {
		t.Fatal(err)
	}
	for _, ev := range c.events {
		if !strings.HasPrefix(ev.By, "bot:") {
			continue
		}
		switch ev.Type {
		case game.InjectChosen:
			i, _ := c.st().Scenario.InjectIndex(ev.Inject)
			if to := c.st().Scenario.Injects[i].To; to.Team == "" || to.Team == "mps" {
				t.Errorf("a bot decided %s, addressed to %v, beside a person of the side", ev.Inject, to)
			}
		case game.WorkStarted, game.Delivered, game.Declined, game.Rang, game.Answered, game.ActionTaken, game.RequestOpened:
			t.Errorf("a bot did the side's shared business beside a person: %s", brief(&ev))
		}
	}
	// Li leaves and the bot takes the seat back: the side is all bots
	// again, and its shared business is a bot's.
	c.do(c.white, game.Command{Verb: game.Unseat, Person: game.Person{Name: "Li"}})
	c.do(c.white, game.Command{Verb: game.SeatBot, Team: "mps", Profile: "cooperative"})
	mark := len(c.events)
	if err := c.s.Advance(10 * 24 * time.Hour); err != nil {
		t.Fatal(err)
	}
	worked := false
	for _, ev := range c.events[mark:] {
		worked = worked || ev.By == "bot:cooperative" && (ev.Type == game.WorkStarted || ev.Type == game.Delivered)
	}
	if !worked {
		t.Error("with every team of China a bot's again, no bot answered a request")
	}
}

// A class's bots hold the empty teams from the moment the server starts,
// while the room is still sitting down: they make no move for a team
// before the facilitator first starts the clock (a bot that publicly
// accused China before the United States' students sat down would take
// their first decision from them). Once it runs, they play at once.
func TestBotsWaitForTheClassToBegin(t *testing.T) {
	sc := builtin(t, "campaign")
	before, after := 0, 0
	for seed := range uint64(40) {
		var events []game.Event
		s, err := game.NewClass(sc, seed, "Ms Rivera", func(_ *game.State, ev *game.Event) { events = append(events, *ev) })
		if err != nil {
			t.Fatal(err)
		}
		white, _ := s.Engine.Actor("Ms Rivera")
		do := func(cmd game.Command) {
			t.Helper()
			if err := s.Do(white, cmd); err != nil {
				t.Fatalf("seed %d: %v: %v", seed, cmd.Verb, err)
			}
		}
		for _, team := range sc.Teams {
			do(game.Command{Verb: game.SeatBot, Team: team.ID, Profile: "cooperative"})
		}
		botMoves := func() int {
			n := 0
			for _, ev := range events {
				if strings.HasPrefix(ev.By, "bot:") {
					n++
				}
			}
			return n
		}
		if n := botMoves(); n > 0 {
			before++
			t.Errorf("seed %d: bots made %d moves before the clock first ran", seed, n)
		}
		do(game.Command{Verb: game.RunClock})
		if err := s.Advance(time.Hour); err != nil {
			t.Fatal(err)
		}
		if botMoves() > 0 {
			after++
		}
	}
	if after == 0 {
		t.Error("with the clock running, no bot moved in the first hour of any seed")
	}
	t.Logf("bots moved before the start with %d seeds of 40, in the first hour with %d", before, after)
}
