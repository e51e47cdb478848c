package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/game/table"
	"hotline/injects"
)

// afterClass is a class of the assistance-request scenario the bots have
// played to its end around two students, an evaluator, an observer and
// the projector: the run raises five questions for the hotwash and six
// areas for improvement.
type afterClass struct {
	*room
	ana, li, eve, omar, wall, white *Model
}

func endedClass(t testing.TB, w, h int) *afterClass {
	t.Helper()
	r := newRoom(t, "assistance-request")
	c := &afterClass{room: r,
		ana:  r.seat("Ana", game.Player, "dhs", PlayView, w, h),
		li:   r.seat("Li", game.Player, "mps", PlayView, w, h),
		eve:  r.seat("Eve", game.Evaluator, "", WatchView, w, h),
		omar: r.seat("Omar", game.Observer, "", WatchView, w, h),
		wall: projectorAt(r, w, h),
	}
	c.white = r.seat("Ms Rivera", game.Facilitator, "", ControlView, w, h)
	r.control(game.Command{Verb: game.SetSpeed, Speed: 12 * time.Hour})
	r.run(300, c.screens()...)
	keys(c.white, "E", "y")
	c.pump()
	return c
}

// projectorAt is the projector's screen: it sits nowhere, as the
// classroom server has it.
func projectorAt(r *room, w, h int) *Model {
	g := Seat(r.tb, r.sc, game.Actor{Name: "projector", Role: game.Observer}, game.ViewerOf(game.ProjectorSeat, 0, ""), injects.US)
	r.t.Cleanup(func() { g.Close() })
	m := New(Options{Game: g, View: ProjectorView, Manual: true, Now: unhurried()})
	send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func (c *afterClass) screens() []*Model { return []*Model{c.ana, c.li, c.eve, c.omar, c.wall, c.white} }

// pump lets every screen take the table's news.
func (c *afterClass) pump() {
	for _, m := range c.screens() {
		m.Pump()
	}
}

// feedbackOpen reports whether the feedback form is in front.
func feedbackOpen(m *Model) bool {
	_, ok := frameOf(m).overlays.top().(*feedbackForm)
	return ok
}

// latestForm is the feedback form a person handed in last.
func latestForm(t *testing.T, m *Model, name string) game.FeedbackForm {
	t.Helper()
	st := m.Game().State()
	for i := len(st.Feedback) - 1; i >= 0; i-- {
		if st.Feedback[i].By == name {
			return st.Feedback[i].Form
		}
	}
	t.Fatalf("%s handed in no form", name)
	return game.FeedbackForm{}
}

// When the class ends, a student's closing review offers the feedback
// form on a key, and the form opens over it.
func TestTheEndOffersTheFeedbackForm(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		c := endedClass(t, w, h)
		if feedbackOpen(c.ana) {
			t.Fatal("the form opened by itself over the closing review")
		}
		s := plain(c.ana)
		mustContain(t, s, "Outcome:", "▸ Feedback form: press f", "The exercise has ended: f opens the feedback form; q quits.", "f feedback form")
		t.Run("offer", func(t *testing.T) { golden.RequireEqual(t, s) })

		keys(c.ana, "f")
		if !feedbackOpen(c.ana) {
			t.Fatalf("f did not open the form:\n%s", plain(c.ana))
		}
		keys(c.ana, "4", "5", "right") // statements 1 and 2 rated, 3 moved to 1
		t.Run("form", func(t *testing.T) { golden.RequireEqual(t, plain(c.ana)) })
	})
}

// The form is handed in with its ratings and answers (typed or pasted),
// said to be; it can be opened again as it was, revised and handed in
// again, and a screen opened later finds it as it was last handed in.
func TestTheFeedbackFormIsHandedInAndRevised(t *testing.T) {
	c := endedClass(t, 100, 30)
	ana := c.ana
	keys(ana, "f", "4", "5", "3", "0")
	keys(ana, "down", "down", "down") // statements 4 and 5 and 6 left blank, the first question
	typeText(ana, "The hotline's own clock")
	keys(ana, "tab")
	send(ana, tea.PasteMsg{Content: "Ring sooner.\nWrite the grounds down."})
	ctrlS(ana)
	if feedbackOpen(ana) {
		t.Fatalf("the form stayed open:\n%s", plain(ana))
	}
	got := latestForm(t, ana, "Ana")
	if !slices.Equal(got.Ratings, []int{4, 5, 3, 0, 0, 0}) ||
		!slices.Equal(got.Answers, []string{"The hotline's own clock", "Ring sooner.\nWrite the grounds down.", ""}) {
		t.Fatalf("the form handed in is %+v", got)
	}
	mustContain(t, statusOf(ana), "✓ Your feedback form is handed in")
	mustContain(t, plain(ana), "✓ Your feedback form is handed in. Thank you!")
	c.white.Pump()
	if latestForm(t, c.white, "Ana").Ratings[0] != 4 {
		t.Error("the control cell does not have Ana's form")
	}

	keys(ana, "f") // opened again from the top
	mustContain(t, plain(ana), "✓ handed in", "[4]", "[5]", "[3]")
	keys(ana, "1") // statement 1, now strongly disagree
	mustContain(t, plain(ana), "changed since you handed it in")
	keys(ana, "esc")
	mustContain(t, statusOf(ana), "not handed in")
	keys(ana, "f")
	mustContain(t, plain(ana), "[1]") // the change is kept
	ctrlS(ana)
	if r := latestForm(t, ana, "Ana").Ratings[0]; r != 1 {
		t.Errorf("the revised form rates statement 1 %d, want 1", r)
	}

	// Ana's terminal comes back: the form opens as she last handed it in.
	a, _ := c.tb.Actor("Ana")
	g := Seat(c.tb, c.sc, a, game.ViewerFor(c.sc, game.Person{Role: game.Player, Team: "dhs"}), injects.US)
	t.Cleanup(func() { g.Close() })
	again := New(Options{Game: g, Manual: true, Now: unhurried()})
	send(again, tea.WindowSizeMsg{Width: 100, Height: 30})
	mustContain(t, plain(again), "✓ Your feedback form is handed in")
	keys(again, "f", "down", "down", "down", "down", "down", "down")
	mustContain(t, plain(again), "✓ handed in", "The hotline's own clock")
	keys(again, "up", "up", "up", "up", "up", "up")
	mustContain(t, plain(again), "[1]")
}

// A blank form, or one the engine would refuse, stays open and says why;
// nothing is handed in.
func TestABlankFeedbackFormIsRefusedInTheForm(t *testing.T) {
	c := endedClass(t, 100, 30)
	keys(c.li, "f")
	ctrlS(c.li)
	if !feedbackOpen(c.li) {
		t.Fatal("a blank form closed")
	}
	mustContain(t, plain(c.li), "✗ the form is blank")
	if n := len(c.li.Game().State().Feedback); n != 0 {
		t.Errorf("%d forms handed in", n)
	}
}

// Players, evaluators and observers are offered the form (HSEEP's form
// asks for each of these roles); the projector is not, and the control
// cell is offered the hotwash record instead, with the forms' count.
func TestWhoIsOfferedTheForm(t *testing.T) {
	c := endedClass(t, 100, 30)
	for name, m := range map[string]*Model{"an evaluator": c.eve, "an observer": c.omar} {
		keys(m, "f")
		if !feedbackOpen(m) {
			t.Errorf("%s is not offered the form:\n%s", name, plain(m))
		}
	}
	keys(c.wall, "f")
	if s := plain(c.wall); strings.Contains(s, "Feedback form") {
		t.Errorf("the projector offers the form:\n%s", s)
	}
	keys(c.eve, "3")
	ctrlS(c.eve)
	c.pump()
	s := plain(c.white)
	mustContain(t, s, "Feedback forms: 1 of 4 handed in. H opens the hotwash record", "H hotwash record")
	if strings.Contains(s, "Feedback form:") {
		t.Errorf("the console offers the facilitator the form:\n%s", s)
	}
}

// Quitting before handing the form in says so; the host's console says
// how many forms are in before it closes the class.
func TestQuittingSaysWhatOfTheForms(t *testing.T) {
	c := endedClass(t, 100, 30)
	keys(c.ana, "q")
	mustContain(t, plain(c.ana), "Quit? y/n", "Your feedback form is not handed in (f opens it). You leave; the exercise has ended.")
	keys(c.ana, "n", "f", "5")
	ctrlS(c.ana)
	keys(c.ana, "q")
	if s := plain(c.ana); strings.Contains(s, "not handed in") {
		t.Errorf("quitting after handing in still says it is not:\n%s", s)
	}
	c.white.Pump()
	x := c.white.root.(*Console)
	x.host = true
	mustContain(t, x.quitWords(), "Quitting closes the class for everyone (1 of 4 feedback forms are in).")
}

// A solo player is offered the form too; it goes into the run's log.
func TestASoloPlayerHandsInTheFormIntoTheLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.jsonl")
	w, err := eventlog.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Solo(Setup{Scenario: load(t, "opm-breach"), Side: injects.US, Counterpart: "cooperative", Seed: 7, Speed: 12 * time.Hour}, w, table.ManualTicker{})
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Game: g, Manual: true, Now: unhurried()})
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	playUntil(t, m, 1000, "the end", func() bool { return ended(m) })
	mustContain(t, plain(m), "Feedback form: press f")
	keys(m, "f", "5", "4")
	ctrlS(m)
	mustContain(t, statusOf(m), "✓ Your feedback form is handed in")
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	log, err := eventlog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	ev := log.Events[len(log.Events)-1]
	if ev.Type != game.FeedbackGiven || ev.By != game.SoloPlayer || ev.Feedback == nil || !slices.Equal(ev.Feedback.Ratings, []int{5, 4, 0, 0, 0, 0}) {
		t.Fatalf("the log ends with %+v", ev)
	}
}
