package game_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/injects"
)

// personRun plays a scenario as a solo player would: the story clock moves
// in ticks, and at each tick the person makes whatever the given profile
// would do, as the player; the clock is paused and run now and then. It
// returns the session and every event, and stops when the exercise ends or
// after the given story time.
func personRun(t *testing.T, sc *injects.Scenario, seed uint64, side injects.Side, style string, until time.Duration) (*game.Session, []game.Event) {
	t.Helper()
	var events []game.Event
	var profiles [2]string
	profiles[side.Other()] = "default"
	s, err := game.NewSession(sc, seed, profiles, func(_ *game.State, ev *game.Event) { events = append(events, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	person, ok := s.Engine.Actor(game.SoloPlayer)
	if !ok {
		t.Fatal("no solo player in the exercise")
	}
	mind, err := game.NewBot(sc, side, style, seed+1)
	if err != nil {
		t.Fatal(err)
	}
	st := s.Engine.State()
	tick := 0
	for now := time.Duration(0); !st.Ended && now <= until; now += 13 * time.Minute {
		if err := s.Advance(now); err != nil {
			t.Fatal(err)
		}
		for !st.Ended {
			cmd, ok := mind.Due(s.Engine)
			if !ok || s.Do(person, cmd) != nil {
				break
			}
		}
		tick++
		switch {
		case st.Ended:
		case tick%7 == 0 && st.Running:
			if err := s.Do(person, game.Command{Verb: game.PauseClock}); err != nil {
				t.Fatal(err)
			}
		case tick%7 == 3 && !st.Running:
			if err := s.Do(person, game.Command{Verb: game.RunClock}); err != nil {
				t.Fatal(err)
			}
		case tick%11 == 5:
			s.Engine.Stop()
		}
	}
	if !st.Ended && st.Now < until {
		if err := s.Advance(until); err != nil {
			t.Fatal(err)
		}
	}
	return s, events
}

func TestResumeMakesAPersonsRunAgain(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			sc := builtin(t, id)
			s, events := personRun(t, sc, 4, injects.US, "by-the-book", sc.End)
			commands := 0
			for _, ev := range events {
				if ev.By == game.SoloPlayer {
					commands++
				}
			}
			if commands < 5 {
				t.Fatalf("the person made only %d commands", commands)
			}
			var made []game.Event
			again, err := game.Resume(sc, events, func(_ *game.State, ev *game.Event) { made = append(made, *ev) })
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(jsonl(t, made), jsonl(t, events)) {
				t.Fatalf("made again, the run differs:\n%s", diffLines(jsonl(t, events), jsonl(t, made)))
			}
			if got, want := snapshot(again.Engine.State()), snapshot(s.Engine.State()); got != want {
				t.Errorf("made again, the final state differs:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// A log cut at any event resumes to the very run it was cut from: what the
// cut step lacks is made again, and play goes on as it went.
func TestResumeAfterAnyCutFinishesTheSameRun(t *testing.T) {
	sc := builtin(t, "assistance-request")
	_, whole := personRun(t, sc, 9, injects.CN, "cooperative", sc.End)
	for k := 1; k < len(whole); k += 3 {
		var made []game.Event
		_, err := game.Resume(sc, whole[:k], func(_ *game.State, ev *game.Event) { made = append(made, *ev) })
		if err != nil {
			t.Fatalf("cut after event %d: %v", k, err)
		}
		// The step the cut fell in is complete: it ends where the whole
		// run has its next story time or its next command.
		n := len(made)
		if n < k || !bytes.Equal(jsonl(t, made), jsonl(t, whole[:n])) {
			t.Fatalf("cut after event %d: made %d events that are not the run's", k, n)
		}
		if n < len(whole) && whole[n].At == whole[n-1].At && whole[n].By == "" && whole[n].Type != game.ClockStopped {
			t.Fatalf("cut after event %d: the step is left unfinished at event %d (%s)", k, n, brief(&whole[n]))
		}
	}
}

// A class whose server stopped right after the console's > resumes: the
// jump took the clock to a time where nothing happened, which no event
// marks, and the exercise comes back there.
func TestResumeAfterAJumpToAQuietTime(t *testing.T) {
	c := newClass(t, "campaign")
	for _, team := range c.st().Scenario.Teams {
		c.do(c.white, game.Command{Verb: game.SeatBot, Team: team.ID, Profile: "cooperative"})
	}
	c.seat("Ana", game.Player, "fbi")
	c.seat("Li", game.Player, "mps")
	jumps := 0
	for range 8 {
		evs := c.do(c.white, game.Command{Verb: game.JumpClock})
		jumps++
		if last := evs[len(evs)-1]; last.Type == game.ClockJumped && c.st().Now > last.At {
			break // the clock stands past the log's last event
		}
	}
	if last := c.events[len(c.events)-1]; last.Type != game.ClockJumped || c.st().Now <= last.At {
		t.Fatalf("after %d jumps the log ends with %s at %s, the clock at %s: no jump to a quiet time", jumps, last.Type, last.At, c.st().Now)
	}
	again, err := game.Resume(c.st().Scenario, c.events, nil)
	if err != nil {
		t.Fatalf("a log that ends with a jump does not resume: %v", err)
	}
	if got, want := again.Engine.State().Now, c.st().Now; got != want {
		t.Errorf("resumed at %s, the class stood at %s", got, want)
	}
}

func TestResumeRefusesAnEditedRun(t *testing.T) {
	sc := builtin(t, "opm-breach")
	_, events := personRun(t, sc, 2, injects.US, "by-the-book", sc.End)
	edits := []struct {
		name string
		edit func(ev *game.Event) bool
		want string
	}{
		{"a person's choice", func(ev *game.Event) bool {
			if ev.Type != game.InjectChosen || ev.By != game.SoloPlayer {
				return false
			}
			in, _ := sc.InjectIndex(ev.Inject)
			for _, ch := range sc.Injects[in].Choices {
				if ch.ID != ev.Choice {
					ev.Choice = ch.ID
					return true
				}
			}
			return false
		}, "differs from what its commands make"},
		{"a meter", func(ev *game.Event) bool {
			if ev.Type != game.VariableSet || ev.Var != "tension" {
				return false
			}
			ev.Value.Int = 100000
			return true
		}, "differs from what its commands make"},
		{"a stored score", func(ev *game.Event) bool {
			if ev.Type != game.ReviewHeld {
				return false
			}
			card := *ev.Review
			card.Sides[injects.US].Score += 7
			ev.Review = &card
			return true
		}, "differs from what its commands make"},
		{"the team that acted", func(ev *game.Event) bool {
			if ev.By != game.SoloPlayer || ev.Team == "" {
				return false
			}
			ev.Team = sc.TeamsOf(injects.CN)[0]
			return true
		}, "refused when made again"},
		{"a bot's move", func(ev *game.Event) bool {
			if !strings.HasPrefix(ev.By, "bot:") || ev.Type != game.WorkStarted {
				return false
			}
			ev.Quality = injects.Thorough + 0
			if ev.Quality == injects.Thorough {
				ev.Quality = injects.Thin
			}
			return true
		}, "differs from what its commands make"},
		{"a command by nobody", func(ev *game.Event) bool {
			if ev.By != game.SoloPlayer {
				return false
			}
			ev.By = "mallory"
			return true
		}, `"mallory" made a command without a seat`},
	}
	for _, tc := range edits {
		t.Run(tc.name, func(t *testing.T) {
			log := append([]game.Event(nil), events...)
			at := -1
			for i := range log {
				ev := log[i]
				if tc.edit(&ev) {
					log[i], at = ev, i
					break
				}
			}
			if at < 0 {
				t.Fatal("the run has no event to edit this way")
			}
			_, err := game.Resume(sc, log, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// No log, however damaged, makes Resume panic; each is refused with a
// reason in words.
func TestResumeRefusesBrokenLogsInWords(t *testing.T) {
	sc := builtin(t, "opm-breach")
	_, events := personRun(t, sc, 2, injects.US, "cooperative", sc.End/2)
	future := append([]game.Event(nil), events...)
	rec := *future[0].Start
	rec.Format = game.LogFormat + 1
	future[0].Start = &rec
	cases := []struct {
		name string
		log  []game.Event
		want string
	}{
		{"without its first line", events[1:], "does not start with exercise.started"},
		{"empty", nil, "does not start with exercise.started"},
		{"from a newer hotline", future, "from a newer version of hotline"},
		{"with a line missing", append(append([]game.Event(nil), events[:9]...), events[10:]...), "event 10 has sequence number 11"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := game.Resume(sc, tc.log, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// FuzzResume feeds log bytes through reading and making the run again:
// whatever the bytes, the answer is a log or an error, never a panic.
func FuzzResume(f *testing.F) {
	sc := builtin(f, "opm-breach")
	var events []game.Event
	if _, err := game.Play(sc, 1, [2]string{"cooperative", "stonewalling"}, func(_ *game.State, ev *game.Event) {
		events = append(events, *ev)
	}); err != nil {
		f.Fatal(err)
	}
	data, err := eventlog.Marshal(events)
	if err != nil {
		f.Fatal(err)
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	f.Add(data)
	f.Add(bytes.Join(lines[1:], nil))
	f.Add(bytes.Join(lines[:len(lines)/2], nil))
	f.Add([]byte(strings.Replace(string(data), `"tension","value":`, `"tension","value":1e300,"x":`, 1)))
	f.Add([]byte(strings.Replace(string(data), `"seed":`, `"seed":"x","s":`, 1)))
	f.Add([]byte(`{"seq":1,"at":"0m","type":"exercise.started","start":{"format":1}}` + "\n"))
	f.Add([]byte(`{"seq":1,"at":"-5m","type":"review.held"}` + "\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		log, err := eventlog.Parse(b)
		if err != nil {
			return
		}
		game.Resume(sc, log.Events, nil)
	})
}

// A changed scenario takes a log's decisions that still apply, and says
// which no longer do.
func TestRebaseOnAChangedScenario(t *testing.T) {
	sc := builtin(t, "opm-breach")
	_, events := personRun(t, sc, 4, injects.US, "by-the-book", sc.End/2)
	// The same scenario: every decision applies, and the run is the same.
	var made []game.Event
	s, dropped, err := game.Rebase(sc, events, func(_ *game.State, ev *game.Event) { made = append(made, *ev) })
	if err != nil || len(dropped) != 0 {
		t.Fatalf("rebased on the same scenario: %v, dropped %v", err, dropped)
	}
	if !bytes.Equal(jsonl(t, made), jsonl(t, events)) {
		t.Fatalf("rebased on the same scenario, the run differs:\n%s", diffLines(jsonl(t, events), jsonl(t, made)))
	}
	_ = s
	// With the person's first choice renamed in the file, the decision is
	// dropped, and said why.
	var chosen *game.Event
	for i := range events {
		if events[i].Type == game.InjectChosen && events[i].By == game.SoloPlayer {
			chosen = &events[i]
			break
		}
	}
	if chosen == nil {
		t.Fatal("the person chose nothing")
	}
	src, err := os.ReadFile("../injects/scenarios/opm-breach.yaml")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.ReplaceAll(string(src), chosen.Choice, chosen.Choice+"-renamed")
	sc2 := parseFull(t, changed)
	_, dropped, err = game.Rebase(sc2, events, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(dropped) == 0 || dropped[0].Event.Choice != chosen.Choice || !strings.Contains(dropped[0].Reason.Error(), "no choice") {
		t.Errorf("dropped %+v", dropped)
	}
}

// A condition that fails when it runs is recorded once, with what went
// wrong and where the condition is written, and counts as false.
func TestConditionFailureIsRecordedOnce(t *testing.T) {
	sc := parse(t, `variables:
  zero: {type: int, initial: 0}
injects:
  tick: {at: T+1h, to: us, from: white-cell, channel: note, title: Tick, effects: [change: {tension: 1}]}
  tock: {at: T+2h, to: us, from: white-cell, channel: note, title: Tock, effects: [change: {tension: 1}]}
  broken: {when: 'tension % zero == 1', to: us, from: white-cell, channel: note, title: Never}
`)
	var events []game.Event
	st, err := game.Play(sc, 1, [2]string{"", ""}, func(_ *game.State, ev *game.Event) { events = append(events, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	var failed []game.Event
	for _, ev := range events {
		if ev.Type == game.ConditionFailed {
			failed = append(failed, ev)
		}
	}
	if len(failed) != 1 || failed[0].Inject != "broken" || failed[0].Text != "cannot divide by zero (1:9)" {
		t.Fatalf("condition failures %v", failed)
	}
	if desc := game.Describe(st, &failed[0]); !strings.Contains(desc, "WARNING") || !strings.Contains(desc, "test.yaml:") {
		t.Errorf("described as %q", desc)
	}
	if i, _ := sc.InjectIndex("broken"); st.Injects[i].Status == game.Fired {
		t.Error("a failed condition fired its inject")
	}
	// Made again from the log, the failure is the same event.
	if _, err := game.Resume(sc, events, nil); err != nil {
		t.Fatal(err)
	}
}

// A log of a built-in scenario that has changed since (a newer version of
// the program) is refused with what to do, not as a foreign scenario.
func TestLogOfAChangedBuiltinSaysSo(t *testing.T) {
	sc := builtin(t, "opm-breach")
	var events []game.Event
	if _, err := game.Play(sc, 3, [2]string{"", ""}, func(_ *game.State, ev *game.Event) { events = append(events, *ev) }); err != nil {
		t.Fatal(err)
	}
	start := *events[0].Start
	start.Digest = strings.Repeat("0", len(start.Digest))
	events[0].Start = &start
	_, err := game.Resume(sc, events, nil)
	if err == nil || !strings.Contains(err.Error(), `the built-in scenario "opm-breach" has changed since this log was made`) {
		t.Fatalf("a log of an older built-in: %v", err)
	}
}
