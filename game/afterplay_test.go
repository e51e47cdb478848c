package game_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"hotline/game"
	"hotline/injects"
)

// After the facilitator ends a class, every seated person hands in a
// feedback form and the facilitator records the hotwash: the engine takes
// both once play is over, from whom they are for, refuses what is wrong in
// words, and the log made again from its commands holds them.
func TestFeedbackAndHotwashAfterTheEnd(t *testing.T) {
	c := newClass(t, "opm-breach")
	ana := c.seat("Ana", game.Player, "fbi")
	eve := c.seat("Eve", game.Evaluator, "")
	olu := c.seat("Olu", game.Observer, "")
	c.do(c.white, game.Command{Verb: game.EndExercise})
	if !c.st().Ended {
		t.Fatal("the class did not end")
	}
	c.refused(ana, choose("fbi", "opm-discovery", "request-information"), "the exercise has ended")

	questions := len(c.st().Scenario.Feedback)
	form := game.FeedbackForm{Ratings: []int{5, 4, 0, 3, 5, 2}, Answers: []string{"The hotline drill.", "", "Nothing\x1b[31m red"}}
	evs := c.do(ana, game.Command{Verb: game.GiveFeedback, Feedback: form})
	if len(evs) != 1 || evs[0].Type != game.FeedbackGiven || evs[0].By != "Ana" {
		t.Fatalf("Ana's form made %v", evs)
	}
	got := c.st().Feedback
	if len(got) != 1 || got[0].Seat.Team != "fbi" || got[0].Seat.Role != game.Player {
		t.Fatalf("the state holds %+v", got)
	}
	if f := got[0].Form; len(f.Answers) != questions || f.Answers[2] != "Nothing red" || !slices.Equal(f.Ratings, form.Ratings) {
		t.Errorf("the form is kept as %+v: every question, plain text", f)
	}
	// Ratings only, or one answer only: a form may leave things blank.
	c.do(eve, game.Command{Verb: game.GiveFeedback, Feedback: game.FeedbackForm{Ratings: []int{4}}})
	c.do(olu, game.Command{Verb: game.GiveFeedback, Feedback: game.FeedbackForm{Answers: []string{"", "More time on the ladder."}}})
	c.do(c.white, game.Command{Verb: game.GiveFeedback, Feedback: game.FeedbackForm{Ratings: []int{3, 3, 3, 3, 3, 3}}})
	if n := len(c.st().Feedback); n != 4 {
		t.Errorf("%d forms kept, want 4", n)
	}

	for _, tc := range []struct {
		name string
		who  game.Actor
		form game.FeedbackForm
		want string
	}{
		{"blank", ana, game.FeedbackForm{Ratings: []int{0, 0}, Answers: []string{" "}}, "the form is blank"},
		{"off the scale", ana, game.FeedbackForm{Ratings: []int{6}}, "statement 1 is rated 6; rate each from 1 to 5, or leave it blank"},
		{"below the scale", ana, game.FeedbackForm{Ratings: []int{1, -1}}, "statement 2 is rated -1"},
		{"too many ratings", ana, game.FeedbackForm{Ratings: make([]int, 7)}, "the form has 6 statements to rate, not 7"},
		{"too many answers", ana, game.FeedbackForm{Answers: make([]string, questions+1)}, "not 4"},
		{"too long", ana, game.FeedbackForm{Answers: []string{strings.Repeat("a", game.MaxTextLen+1)}}, "at most 4000 characters"},
		{"a bot", game.Actor{Name: "bot:cooperative", Teams: []string{"mps"}}, game.FeedbackForm{Ratings: []int{5}}, "it is for the people the exercise seats"},
		{"a stranger", game.Actor{Name: "Zed", Role: game.Observer}, game.FeedbackForm{Ratings: []int{5}}, "it is for the people the exercise seats"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.refused(tc.who, game.Command{Verb: game.GiveFeedback, Feedback: tc.form}, tc.want)
		})
	}

	// The hotwash: the facilitator's alone.
	answer := game.Command{Verb: game.AnswerHotwash, Question: "Q1", Title: "Who owned the decision?", Text: "The FBI's desk; the attaché was out."}
	if err := c.refused(ana, answer, "cannot give the control cell's commands"); !errors.Is(err, game.ErrForbidden) {
		t.Errorf("a player recording the hotwash: %v", err)
	}
	c.do(c.white, answer)
	answer.Text = "The FBI's desk."
	c.do(c.white, answer)
	if h := c.st().Hotwash; len(h) != 1 || h[0].Text != "The FBI's desk." || h[0].Asked != "Who owned the decision?" {
		t.Errorf("the hotwash's answers: %+v; the second answer replaces the first", h)
	}
	c.refused(c.white, game.Command{Verb: game.AnswerHotwash, Question: "Q2", Title: "Why?"}, "question Q2 has no answer to withdraw")
	c.refused(c.white, game.Command{Verb: game.AnswerHotwash, Question: "", Title: "Why?", Text: "x"}, "a hotwash question needs a key")
	c.refused(c.white, game.Command{Verb: game.AnswerHotwash, Question: "Q2", Text: "x"}, "say the question the hotwash answered")

	action := game.CorrectiveAction{Row: "A1", Issue: "A1", Title: "The acknowledgement went overdue.", Action: "Name a duty officer for the hotline desk.",
		Capability: "Timely responses", Element: "organization", Organization: "FBI Cyber Division", Contact: "J. Doe, duty desk", Start: "2026-12-01", Completion: "2027-03-31"}
	c.do(c.white, game.Command{Verb: game.AgreeAction, Correction: action})
	raised := game.CorrectiveAction{Row: "H1", Title: "Nobody knew who takes the hotline at night.", Action: "Write the night roster.", Element: "planning"}
	c.do(c.white, game.Command{Verb: game.AgreeAction, Correction: raised})
	for _, tc := range []struct {
		name string
		edit func(*game.CorrectiveAction)
		want string
	}{
		{"a date in words", func(a *game.CorrectiveAction) { a.Completion = "yesterday" }, `the completion date "yesterday" is not a date: write it as year-month-day, like 2026-12-01`},
		{"no such day", func(a *game.CorrectiveAction) { a.Start = "2026-02-30" }, `the start date "2026-02-30" is not a date`},
		{"done before begun", func(a *game.CorrectiveAction) { a.Start, a.Completion = "2027-01-01", "2026-12-01" }, "the completion date 2026-12-01 is before the start date 2027-01-01"},
		{"another element", func(a *game.CorrectiveAction) { a.Element = "money" }, `"money" is not a capability element; the elements are planning, organization, equipment, training, exercise`},
		{"no issue", func(a *game.CorrectiveAction) { a.Title = " " }, "say the issue the corrective action answers"},
		{"no row", func(a *game.CorrectiveAction) { a.Row = "" }, "a row of the improvement plan needs a key"},
		{"withdrawing what is not there", func(a *game.CorrectiveAction) { *a = game.CorrectiveAction{Row: "H9"} }, "row H9 of the improvement plan has no corrective action to withdraw"},
		{"a half withdrawal", func(a *game.CorrectiveAction) { a.Action = "" }, "a corrective action needs the action agreed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := action
			tc.edit(&a)
			c.refused(c.white, game.Command{Verb: game.AgreeAction, Correction: a}, tc.want)
		})
	}
	c.refused(eve, game.Command{Verb: game.AgreeAction, Correction: action}, "cannot give the control cell's commands")
	c.do(c.white, game.Command{Verb: game.AgreeAction, Correction: game.CorrectiveAction{Row: "H1"}})
	if rows := c.st().Corrections; len(rows) != 1 || rows[0] != action {
		t.Errorf("the plan's rows: %+v; H1 was withdrawn", rows)
	}

	// The log made again from its commands holds all of it, and its lines
	// read back as they were written.
	var lines []game.Event
	for _, ev := range c.events {
		b, err := json.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		var back game.Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		lines = append(lines, back)
	}
	s, err := game.Resume(c.st().Scenario, lines, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := s.Engine.State()
	if len(st.Feedback) != 4 || len(st.Hotwash) != 1 || len(st.Corrections) != 1 || st.Corrections[0] != action {
		t.Errorf("made again, the log holds %d forms, %d answers, %+v", len(st.Feedback), len(st.Hotwash), st.Corrections)
	}
	// An edited form is refused: the form is the command's.
	for k := range lines {
		if lines[k].Type == game.FeedbackGiven {
			lines[k].Feedback = &game.FeedbackForm{Ratings: []int{9, 0, 0, 0, 0, 0}, Answers: make([]string, questions)}
			break
		}
	}
	if _, err := game.Resume(c.st().Scenario, lines, nil); err == nil || !strings.Contains(err.Error(), "statement 1 is rated 9") {
		t.Errorf("a log whose form was edited: %v", err)
	}
}

// Players see nothing of the forms and the hotwash's record; the control
// cell sees all of it, in words.
func TestAfterPlayIsTheControlCells(t *testing.T) {
	c := newClass(t, "opm-breach")
	ana := c.seat("Ana", game.Player, "fbi")
	evs := c.do(ana, game.Command{Verb: game.GiveFeedback, Feedback: game.FeedbackForm{Ratings: []int{4, 4}, Answers: []string{"Good."}}})
	evs = append(evs, c.do(c.white, game.Command{Verb: game.AnswerHotwash, Question: "Q1", Title: "What worked?", Text: "The hotline."})...)
	evs = append(evs, c.do(c.white, game.Command{Verb: game.AgreeAction, Correction: game.CorrectiveAction{Row: "H1", Title: "Rosters", Action: "Write them."}})...)
	sc := c.st().Scenario
	for _, ev := range evs {
		for _, v := range []game.Viewer{{Side: injects.US}, {Side: injects.US, Team: "fbi"}, {Side: injects.CN}} {
			if game.Visible(sc, &ev, v) {
				t.Errorf("%s is visible to %+v", ev.Type, v)
			}
		}
		if !game.Visible(sc, &ev, game.Viewer{All: true}) {
			t.Errorf("%s is hidden from the control cell", ev.Type)
		}
	}
	want := []string{
		"Ana hands in a feedback form: 2 statements rated, 1 question answered",
		`the hotwash answers Q1 ("What worked?"): The hotline.`,
		`the hotwash agrees a corrective action, row H1, on "Rosters": Write them.`,
	}
	for i, ev := range evs {
		if got := game.Describe(c.st(), &ev); got != want[i] {
			t.Errorf("%s in words: %q, want %q", ev.Type, got, want[i])
		}
	}
}
