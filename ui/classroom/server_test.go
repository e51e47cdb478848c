package classroom

import (
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"hotline/game"
)

func TestJoinWithTheCodeFromTheBoard(t *testing.T) {
	c := newClass(t, "assistance-request")
	cl := c.dial("ana", 100, 30) // a login name, not a code: the prompt asks
	cl.waitFor("Type the join code from the board")
	cl.typeText(strings.ToUpper(strings.ReplaceAll(c.codes.Teams["fbi"], "-", " ")) + "\r")
	cl.waitFor("You join Federal Bureau of Investigation")
	cl.typeText("Ana Ruiz\r")
	cl.waitFor("FBI (you): Ana Ruiz")
	if p, ok := c.tb.Seated("Ana Ruiz"); !ok || p != (game.Person{Name: "Ana Ruiz", Role: game.Player, Team: "fbi"}) {
		t.Fatalf("Ana is seated as %+v (%v), want a player in fbi", p, ok)
	}
}

func TestCodeAsUserNameSkipsThePrompt(t *testing.T) {
	c := newClass(t, "assistance-request")
	proj := c.dial(c.codes.Projector, 120, 36)
	proj.waitFor("LADDER")
	if strings.Contains(proj.text(), "Name:") {
		t.Fatalf("the projector was asked for a name:\n%s", proj.text())
	}
	ev := c.dial(c.codes.Evaluator, 100, 30)
	ev.waitFor("You join the room as evaluator")
	ev.typeText("Dr Okafor\r")
	ev.waitFor("Observations")
}

func TestTeammatesShareOneViewAndTheFirstDecisionWins(t *testing.T) {
	c := newClass(t, "assistance-request")
	ana := c.join(c.codes.Teams["fbi"], "Ana")
	ben := c.join(c.codes.Teams["fbi"], "Ben")
	ben.waitFor("FBI (you): Ana, Ben")
	ana.waitFor("FBI (you): Ana, Ben")

	ana.typeText("j")
	ana.waitFor("Your decision")
	ben.typeText("j")
	ben.waitFor("Your decision")
	ana.typeText("1")
	ben.waitFor("Decided by Ana (Federal Bureau of Investigation)")
	ben.typeText("2") // too late: the inject is decided
	ben.waitGone("Your decision")
	c.tb.Sync()
	found := 0
	for _, ev := range c.tb.Since(0) {
		if ev.Type == game.InjectChosen {
			found++
			if ev.By != "Ana" {
				t.Errorf("the decision is logged as made by %q, want Ana", ev.By)
			}
		}
	}
	if found != 1 {
		t.Fatalf("%d decisions logged, want Ana's alone", found)
	}
}

func TestAnInjectToOneTeamReachesThatTeamOnly(t *testing.T) {
	c := newClass(t, "assistance-request")
	fbi := c.join(c.codes.Teams["fbi"], "Ana")
	dhs := c.join(c.codes.Teams["dhs"], "Dee")
	mps := c.join(c.codes.Teams["mps"], "Li")
	const title = "Cascade Composites: formulas copied"
	fbi.waitFor(title)
	for _, cl := range []*client{dhs, mps} {
		cl.waitFor("(you)")
		if strings.Contains(cl.text(), title) {
			t.Errorf("an inject to the FBI reached another team:\n%s", cl.text())
		}
	}
}

func TestAReconnectionFindsTheSameSeat(t *testing.T) {
	c := newClass(t, "assistance-request")
	ana := c.join(c.codes.Teams["fbi"], "Ana")
	ana.conn.Close()
	waitPeople(t, c, 0)
	again := c.join(c.codes.Teams["fbi"], "Ana")
	again.waitFor("FBI (you): Ana")
	waitPeople(t, c, 1)
	if p, _ := c.tb.Seated("Ana"); p.Team != "fbi" {
		t.Fatalf("Ana is back in %q, want fbi", p.Team)
	}
	// Someone else cannot take her name for another seat.
	imp := c.dial(c.codes.Teams["mss"], 100, 30)
	imp.waitFor("Name:")
	imp.typeText("Ana\r")
	imp.waitFor("someone called Ana already sits in Federal Bureau of")
}

func TestWhatIsNotATerminalIsRefusedInOneLine(t *testing.T) {
	c := newClass(t, "assistance-request")
	run := func(name string, start func(*gossh.Session) error, want string) {
		t.Run(name, func(t *testing.T) {
			cl := c.connect("ana")
			if err := start(cl.sess); err != nil {
				if want == "" {
					return
				}
				t.Fatal(err)
			}
			err := cl.sess.Wait()
			if got := cl.stderr.String(); got != "hotline: "+want+"\n" {
				t.Errorf("stderr is %q, want the reason alone", got)
			}
			if ee, ok := err.(*gossh.ExitError); !ok || ee.ExitStatus() != 1 {
				t.Errorf("the session ended with %v, want exit status 1", err)
			}
		})
	}
	run("a command", func(s *gossh.Session) error { return s.Start("cat /etc/passwd") },
		"a class's server runs no commands: connect with ssh alone, without a command")
	run("no terminal", func(s *gossh.Session) error { return s.Shell() },
		"the exercise needs a terminal: connect with ssh -t, from a terminal")
	run("a huge terminal", func(s *gossh.Session) error {
		if err := s.RequestPty("xterm", 4000, 4000, gossh.TerminalModes{}); err == nil {
			t.Error("a 4000×4000 terminal was granted")
		}
		return s.Shell()
	}, "the exercise needs a terminal: connect with ssh -t, from a terminal")

	t.Run("sftp", func(t *testing.T) {
		cl := c.connect("ana")
		cl.sess.Stderr = nil
		stderr, err := cl.sess.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cl.sess.RequestSubsystem("sftp"); err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(stderr)
		if string(got) != "hotline: a class's server has no sftp and no files: connect with ssh alone\n" {
			t.Errorf("stderr is %q, want the reason alone", got)
		}
	})
	t.Run("port forwarding", func(t *testing.T) {
		cl := c.connect("ana")
		_, err := cl.conn.Dial("tcp", "127.0.0.1:22")
		var open *gossh.OpenChannelError
		if !asOpenErr(err, &open) || open.Reason != gossh.Prohibited || !strings.Contains(open.Message, "forwards nothing") {
			t.Fatalf("forwarding a port gave %v, want it prohibited with a reason", err)
		}
	})
}

func asOpenErr(err error, target **gossh.OpenChannelError) bool {
	e, ok := err.(*gossh.OpenChannelError)
	*target = e
	return ok
}

func TestASmallTerminalIsToldUntilItIsResized(t *testing.T) {
	c := newClass(t, "assistance-request")
	cl := c.dial(c.codes.Teams["fbi"], 60, 20)
	cl.waitFor("Hotline needs a terminal of at least 80×24")
	cl.waitFor("This one is 60×20")
	cl.screen.Resize(100, 30)
	if err := cl.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	cl.waitFor("Name:")

	small := c.dial("ana", 70, 20)
	small.waitFor("This one is 70×20")
	small.typeText("q")
	small.waitEnd()
}

func TestTheFacilitatorMovesAStudentAndTheirScreenFollows(t *testing.T) {
	c := newClass(t, "assistance-request")
	ana := c.join(c.codes.Teams["fbi"], "Ana")
	c.control(game.Command{Verb: game.Seat, Person: game.Person{Name: "Ana", Role: game.Player, Team: "dhs"}})
	ana.waitFor("DHS (you): Ana")
	ana.waitFor("The facilitator has moved you to Department of Homeland Security.")
	c.control(game.Command{Verb: game.Unseat, Person: game.Person{Name: "Ana"}})
	ana.waitEnd()
	if got := ana.stderr.String(); got != "hotline: the facilitator has taken Ana out of the exercise.\r\n" {
		t.Fatalf("after being unseated Ana is told %q", got)
	}
}

func TestClosingTheTableEndsEverySession(t *testing.T) {
	c := newClass(t, "assistance-request")
	ana := c.join(c.codes.Teams["fbi"], "Ana")
	proj := c.dial(c.codes.Projector, 120, 36)
	proj.waitFor("LADDER")
	c.tb.Close()
	for _, cl := range []*client{ana, proj} {
		cl.waitEnd()
		if got := cl.stderr.String(); !strings.HasPrefix(got, "hotline: the facilitator has closed the class.") {
			t.Errorf("at the close a student is told %q", got)
		}
	}
}

// waitPeople waits until n connections are at the table.
func waitPeople(t *testing.T, c *class, n int) {
	t.Helper()
	deadline := time.Now().Add(settle)
	for {
		sub := c.tb.Subscribe()
		got := len(sub.Next().People)
		sub.Close()
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d connections at the table, want %d", got, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// events returns the table's events of a type.
func (c *class) events(typ game.EventType) []game.Event {
	c.tb.Sync()
	var out []game.Event
	for _, ev := range c.tb.Since(0) {
		if ev.Type == typ {
			out = append(out, ev)
		}
	}
	return out
}

// waitEvent waits for the table to log an event of a type by someone.
func (c *class) waitEvent(typ game.EventType, by string) game.Event {
	c.t.Helper()
	deadline := time.Now().Add(settle)
	for {
		for _, ev := range c.events(typ) {
			if ev.By == by {
				return ev
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no %v event by %s was logged", typ, by)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestASecondFacilitatorControlsTheExerciseOverSSH(t *testing.T) {
	c := newClass(t, "assistance-request")
	ana := c.join(c.codes.Teams["fbi"], "Ana")
	fac := c.named(c.codes.Facilitator, "Mr Lee", 120, 36, "controller's card")

	fac.typeText("j")
	fac.typeText("f") // fire the second inject now
	fired := c.waitEvent(game.InjectFired, "Mr Lee")
	fac.typeText("j")
	fac.typeText("h") // hold the third
	held := c.waitEvent(game.InjectHeld, "Mr Lee")
	fac.typeText("j")
	fac.typeText("x") // skip the fourth, once asked
	fac.waitFor("? y/n")
	fac.typeText("y")
	skipped := c.waitEvent(game.InjectSkipped, "Mr Lee")
	if fired.Inject == held.Inject || held.Inject == skipped.Inject {
		t.Fatalf("fired %s, held %s, skipped %s: want three injects", fired.Inject, held.Inject, skipped.Inject)
	}

	fac.typeText("m")
	fac.waitFor("Title")
	fac.typeText("Power cut at the embassy" + "\t" + "Work from the *residence* until noon.") // to both delegations
	fac.waitFor("Work from the *residence* until noon.")
	fac.typeText("\x13") // ctrl+s sends
	c.waitEvent(game.MessageSent, "Mr Lee")
	ana.waitFor("Power cut at the embassy")
}

func TestAnEvaluatorsObservationIsLoggedAndAnObserverCannotAct(t *testing.T) {
	c := newClass(t, "assistance-request")
	ev := c.named(c.codes.Evaluator, "Dr Okafor", 100, 30, "Observations")
	ev.typeText("o")
	ev.waitFor("Write an observation")
	ev.typeText("\t\t\t" + "FBI asked within the hour, with the hashes attached.")
	ev.typeText("\x13")
	note := c.waitEvent(game.ObservationNoted, "Dr Okafor")
	if note.Text != "FBI asked within the hour, with the hashes attached." || note.Objective == "" {
		t.Fatalf("the observation logged is %+v", note)
	}

	obs := c.named(c.codes.Observer, "Sam", 100, 30, "You: Sam · observer")
	before := len(c.tb.Since(0))
	for _, k := range []string{"o", "m", " ", "1", "f", "r", "E", "y"} {
		obs.typeText(k)
	}
	obs.typeText("\x1b") // esc, in case a form opened
	c.tb.Sync()
	for _, e := range c.tb.Since(before) {
		if e.By == "Sam" {
			t.Fatalf("an observer's keys made a %v event", e.Type)
		}
	}
}

// A seat's powers come from the code typed, never from a name: a student
// who types the facilitator's name is refused, and their keys change
// nothing.
func TestTheFacilitatorsNameGivesNoPowers(t *testing.T) {
	c := newClass(t, "assistance-request")
	for _, code := range []string{c.codes.Observer, c.codes.Evaluator, c.codes.Teams["mss"]} {
		imp := c.dial(code, 100, 30)
		imp.waitFor("Name:")
		imp.typeText(host + "\r")
		imp.waitFor(host + " runs the class: choose another name")
		before := len(c.tb.Since(0))
		imp.typeText("\x15Eve\r") // ctrl+u clears the name refused

		imp.waitUntil("Eve seated", func(screen string) bool {
			return strings.Contains(screen, "(you): Eve") || strings.Contains(screen, "You: Eve")
		})
		imp.typeText(" ") // the facilitator's key that starts the clock
		c.tb.Sync()
		for _, e := range c.tb.Since(before) {
			if e.Type != game.PersonSeated { // the host seats Eve; nothing else may happen

				t.Fatalf("a student with the code %s made a %v event as %q", code, e.Type, e.By)
			}
		}
		if p, ok := c.tb.Seated(host); ok {
			t.Fatalf("the facilitator's name is seated as %+v", p)
		}
		c.control(game.Command{Verb: game.Unseat, Person: game.Person{Name: "Eve"}})
		c.control(game.Command{Verb: game.Readmit, Person: game.Person{Name: "Eve"}})
	}
}

// A student the facilitator moved gets back in with the code from the
// board and their name, to the seat they hold now.
func TestAMovedStudentReturnsToTheSeatTheyHoldNow(t *testing.T) {
	c := newClass(t, "assistance-request")
	dev := c.join(c.codes.Teams["fbi"], "Dev")
	c.control(game.Command{Verb: game.Seat, Person: game.Person{Name: "Dev", Role: game.Player, Team: "doj"}})
	dev.waitFor("DOJ (you): Dev")
	dev.conn.Close() // the laptop drops
	waitPeople(t, c, 0)
	again := c.join(c.codes.Teams["fbi"], "Dev")
	again.waitFor("DOJ (you): Dev")
	if p, _ := c.tb.Seated("Dev"); p.Team != "doj" {
		t.Errorf("Dev sits in %s", p.Team)
	}
	// The code of a team they never sat in, or of another kind of seat,
	// does not bring them back.
	for _, code := range []string{c.codes.Teams["mss"], c.codes.Observer} {
		other := c.dial(code, 100, 30)
		other.waitFor("Name:")
		other.typeText("Dev\r")
		other.waitFor("someone called Dev already sits in Department of Justice")
	}
}

// A student taken out of the class cannot join again until the
// facilitator readmits them.
func TestARemovedStudentStaysOutUntilReadmitted(t *testing.T) {
	c := newClass(t, "assistance-request")
	ana := c.join(c.codes.Teams["fbi"], "Ana")
	c.control(game.Command{Verb: game.Unseat, Person: game.Person{Name: "Ana"}})
	ana.waitEnd()
	back := c.dial(c.codes.Teams["fbi"], 100, 30)
	back.waitFor("Name:")
	back.typeText("Ana\r")
	back.waitFor("Ana was taken out of the exercise by the facilitator")
	c.control(game.Command{Verb: game.Readmit, Person: game.Person{Name: "Ana"}})
	back.typeText("\r")
	back.waitFor("FBI (you): Ana")
}

// A second terminal under a seated name is asked whether to take the seat
// over: n lets it choose another name; y takes it over and ends the first
// terminal's session, which says why.
func TestASecondTerminalIsAskedToTakeTheSeatOver(t *testing.T) {
	c := newClass(t, "assistance-request")
	first := c.join(c.codes.Teams["fbi"], "Ana")
	second := c.dial(c.codes.Teams["fbi"], 100, 30)
	second.waitFor("Name:")
	second.typeText("Ana\r")
	second.waitFor("Ana is already connected to the exercise")
	second.waitFor("Take the seat over here?")
	second.typeText("n")
	second.waitFor("Type another name, or ask the facilitator.")
	if n := len(c.tb.Connections("Ana")); n != 1 {
		t.Fatalf("Ana has %d connections after n", n)
	}
	second.typeText("Ana\r")
	second.waitFor("Take the seat over here?")
	second.typeText("y")
	second.waitFor("FBI (you): Ana")
	first.waitEnd()
	if got := first.stderr.String(); got != "hotline: Ana's seat was taken over from another terminal.\r\n" {
		t.Errorf("the first terminal is told %q", got)
	}
	waitPeople(t, c, 1)
}

// A name that looks like another is that name: invisible characters and
// spaces of other kinds make neither a second Ana nor a second facilitator.
func TestInvisibleCharactersMakeNoNewName(t *testing.T) {
	c := newClass(t, "assistance-request")
	c.join(c.codes.Teams["fbi"], "Ana")
	imp := c.dial(c.codes.Teams["mss"], 100, 30)
	imp.waitFor("Name:")
	imp.typeText("An\u200da\r") // a zero-width joiner inside
	imp.waitFor("someone called Ana already sits in Federal Bureau of")
	imp.typeText("\x15" + strings.Replace(host, " ", "\u034f ", 1) + "\r") // a combining grapheme joiner
	imp.waitFor(host + " runs the class: choose another name")
	imp.typeText("\x15Li\u00a0\u3000 Wei\r") // no-break and ideographic spaces
	imp.waitFor("(you): Li Wei")
	if p, ok := c.tb.Seated("Li Wei"); !ok || p.Team != "mss" {
		t.Fatalf("Li Wei is seated as %+v (%v)", p, ok)
	}
}

// A code and a name pasted into the join screen's boxes are taken as if
// typed.
func TestPastingIntoTheJoinScreen(t *testing.T) {
	c := newClass(t, "assistance-request")
	cl := c.dial("ana", 100, 30)
	cl.waitFor("Code:")
	paste := func(s string) { cl.typeText("\x1b[200~" + s + "\x1b[201~") }
	paste(c.codes.Teams["fbi"])
	cl.waitFor("Code: " + c.codes.Teams["fbi"])
	cl.typeText("\r")
	cl.waitFor("You join Federal Bureau of Investigation")
	paste("Ana Ruiz")
	cl.waitFor("Name: Ana Ruiz")
	cl.typeText("\r")
	cl.waitFor("FBI (you): Ana Ruiz")
}

// The first briefing a student sees after joining, and again after
// rejoining, is drawn from its Markdown at once: no frame shows its
// source (literal asterisks, the author's line ends).
func TestTheFirstBriefingIsRenderedOnEveryFrame(t *testing.T) {
	c := newClass(t, "opm-breach")
	for round := range 2 { // joining, then rejoining
		cl := c.dial(c.codes.Teams["fbi"], 100, 30)
		cl.waitFor("the name the others will know you by")
		var mu sync.Mutex
		var raw string
		cl.watch(func(screen string) {
			mu.Lock()
			defer mu.Unlock()
			if raw == "" && strings.Contains(screen, "**") {
				raw = screen
			}
		})
		cl.typeText("Ana\r")
		cl.waitFor("This exercise imagines the hotline working from October 2015.")
		mu.Lock()
		if raw != "" {
			t.Errorf("round %d: a frame showed the briefing's Markdown source:\n%s", round, raw)
		}
		mu.Unlock()
		cl.conn.Close()
		waitPeople(t, c, 0)
	}
}

// Text pasted into the message and observation forms is taken as if
// typed, as at the join screen.
func TestPastingIntoTheForms(t *testing.T) {
	c := newClass(t, "assistance-request")
	paste := func(cl *client, s string) { cl.typeText("\x1b[200~" + s + "\x1b[201~") }
	fac := c.named(c.codes.Facilitator, "Mr Lee", 120, 36, "controller's card")
	fac.typeText("m")
	fac.waitFor("Title")
	paste(fac, "Power cut at the embassy")
	fac.waitFor("Power cut at the embassy")
	fac.typeText("\t")
	paste(fac, "Work from the residence\nuntil noon.")
	fac.waitFor("until noon.")
	fac.typeText("\x13") // ctrl+s sends
	sent := c.waitEvent(game.MessageSent, "Mr Lee")
	if sent.Title != "Power cut at the embassy" || sent.Text != "Work from the residence\nuntil noon." {
		t.Errorf("the message sent is %q: %q", sent.Title, sent.Text)
	}

	ev := c.named(c.codes.Evaluator, "Dr Okafor", 100, 30, "Observations")
	ev.typeText("o")
	ev.waitFor("Write an observation")
	ev.typeText("\t\t\t")
	paste(ev, "FBI asked within the hour.")
	ev.waitFor("FBI asked within the hour.")
	ev.typeText("\x13")
	if note := c.waitEvent(game.ObservationNoted, "Dr Okafor"); note.Text != "FBI asked within the hour." {
		t.Errorf("the observation logged is %q", note.Text)
	}
}
