package classroom

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/game/eventlog"
	"hotline/game/table"
)

// After the facilitator ends the class, the students' sessions stay: two
// students hand in the feedback form (an answer pasted), a second
// facilitator records a hotwash answer and a corrective action over SSH,
// and the log holds them all, as the after-action report made from it
// shows.
func TestAfterTheClassTheFormsAndTheHotwashReachTheReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "class.jsonl")
	w, err := eventlog.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	c := openClass(t, "assistance-request", table.Config{Ticker: table.ManualTicker{}, Log: w, Wait: table.Off})
	ana := c.join(c.codes.Teams["dhs"], "Ana")
	li := c.join(c.codes.Teams["mps"], "Li")
	lee := c.dial(c.codes.Facilitator, 120, 40)
	lee.waitFor("Name:")
	lee.typeText("Mr Lee\r")
	lee.waitFor("controller's card")

	c.control(game.Command{Verb: game.SetSpeed, Speed: 12 * time.Hour})
	c.control(game.Command{Verb: game.RunClock})
	for range 300 {
		c.tb.Tick()
	}
	lee.typeText("E")
	lee.waitFor("End the exercise for everyone now?")
	lee.typeText("y")
	for _, cl := range []*client{ana, li, lee} {
		cl.waitFor("The exercise has ended")
	}

	ana.waitFor("Feedback form: press f")
	if strings.Contains(ana.text(), "The log is saved in") {
		t.Errorf("a student is told where the server keeps the log:\n%s", ana.text())
	}
	lee.waitFor("The log is saved in " + path)
	ana.typeText("f")
	ana.waitFor("Rate each statement")
	ana.typeText("445")
	ana.typeText("\x1b[B\x1b[B\x1b[B") // to the first question
	ana.typeText("\x1b[200~The clock waited for us.\x1b[201~")
	ana.waitFor("The clock waited for us.")
	ana.typeText("\x13")
	ana.waitFor("Your feedback form is handed in")
	li.typeText("f")
	li.waitFor("Rate each statement")
	li.typeText("3\x13")
	li.waitFor("Your feedback form is handed in")

	lee.waitFor("Feedback forms: 2 of 2 handed in")
	lee.typeText("H")
	lee.waitFor("Q1")
	lee.typeText("\r")
	lee.waitFor("Q1: the hotwash's answer")
	lee.typeText("The desk waited for legal advice; ")
	lee.typeText("\x1b[200~nobody rang the hotline.\x1b[201~")
	lee.waitFor("nobody rang the hotline.")
	lee.typeText("\x13")
	lee.waitFor("Q1: the answer is recorded")
	lee.typeText("\t")
	lee.waitFor("No corrective action agreed yet")
	lee.typeText("\r")
	lee.waitFor("Row A1: the corrective action")
	lee.typeText("Name a duty officer for requests\x13")
	lee.waitFor("Row A1: the corrective action is recorded")
	lee.waitFor("✓ Action: Name a duty officer for requests")

	// The class is still open: it closes when the facilitator closes it.
	if err := c.tb.Check(mustActor(t, c, "Ana"), game.Command{Verb: game.GiveFeedback, Feedback: game.FeedbackForm{Ratings: []int{5}}}); err != nil {
		t.Fatalf("after the end the table refuses a form: %v", err)
	}
	if err := c.tb.Close(); err != nil {
		t.Fatal(err)
	}
	log, err := eventlog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	var forms []string
	var answered, agreed bool
	for _, ev := range log.Events {
		switch ev.Type {
		case game.FeedbackGiven:
			forms = append(forms, ev.By)
		case game.HotwashAnswered:
			answered = ev.By == "Mr Lee" && ev.Question == "Q1" && ev.Text == "The desk waited for legal advice; nobody rang the hotline."
		case game.CorrectiveActionAgreed:
			agreed = ev.By == "Mr Lee" && ev.Correction.Row == "A1" && ev.Correction.Action == "Name a duty officer for requests"
		}
	}
	if !slices.Equal(forms, []string{"Ana", "Li"}) || !answered || !agreed {
		t.Fatalf("the log holds forms by %v, the answer %v, the action %v", forms, answered, agreed)
	}

	// hotline report LOG: the run made again from the log's commands.
	var events []game.Event
	if _, err := game.Resume(c.sc, log.Events, func(_ *game.State, ev *game.Event) { events = append(events, *ev) }); err != nil {
		t.Fatal(err)
	}
	rep, err := debrief.NewReport(c.sc, events, debrief.Info{Log: path})
	if err != nil {
		t.Fatal(err)
	}
	var md strings.Builder
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"The desk waited for legal advice; nobody rang the hotline.",
		"Name a duty officer for requests",
		"a player (United States, Department of Homeland Security)",
		"The clock waited for us.",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if rep.Feedback.Forms != 2 {
		t.Errorf("the report counts %d forms, want 2", rep.Feedback.Forms)
	}
}

func mustActor(t *testing.T, c *class, name string) game.Actor {
	t.Helper()
	a, ok := c.tb.Actor(name)
	if !ok {
		t.Fatalf("%s is not at the table", name)
	}
	return a
}
