package game

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"hotline/injects"
)

// After play come the participants' feedback forms and the hotwash. Both
// are commands like any other, so that what people answered and agreed is
// in the log, with who and when, and lands in the after-action report.
// They still count once the exercise has ended: that is when they are
// given.

// FeedbackForm is a participant's answers to the feedback form: a rating
// of each of injects.FeedbackRatings in order, from 1 (strongly disagree)
// to 5 (strongly agree), 0 for one left blank; and an answer to each of
// the scenario's questions (Scenario.Feedback) in order, "" for one left
// blank.
type FeedbackForm struct {
	Ratings []int    `json:"ratings"`
	Answers []string `json:"answers"`
}

// The feedback form's scale.
const (
	MinFeedbackRating = 1
	MaxFeedbackRating = 5
)

// Blank reports whether nothing on the form was answered.
func (f FeedbackForm) Blank() bool {
	return !slices.ContainsFunc(f.Ratings, func(r int) bool { return r != 0 }) &&
		!slices.ContainsFunc(f.Answers, func(a string) bool { return strings.TrimSpace(a) != "" })
}

// CorrectiveAction is a row of the improvement plan as the hotwash agreed
// it: the issue it answers and HSEEP's columns. Row keys it: an action
// recorded again under the same Row replaces the last, and one with no
// Action withdraws it.
type CorrectiveAction struct {
	// Row is the plan row's key: the id of the area for improvement it
	// answers, as the after-action report numbers them ("A2"), for the
	// first action on it; any other key for a second action on one issue,
	// or for an issue the hotwash raised.
	Row string `json:"row"`
	// Issue is the id of the area for improvement it answers, if any.
	Issue string `json:"issue,omitempty"`
	// Title is the issue in words, as the hotwash saw it.
	Title  string `json:"title"`
	Action string `json:"action,omitempty"`
	// Capability is the core capability, Element the capability element
	// (one of CapabilityElements).
	Capability   string `json:"capability,omitempty"`
	Element      string `json:"element,omitempty"`
	Organization string `json:"organization,omitempty"` // the primary responsible organization
	Contact      string `json:"contact,omitempty"`      // its point of contact
	// Start and Completion are dates, as 2006-01-02.
	Start      string `json:"start,omitempty"`
	Completion string `json:"completion,omitempty"`
}

// CapabilityElements are HSEEP's capability elements, which say what kind
// of corrective action a row of the improvement plan is.
var CapabilityElements = []string{"planning", "organization", "equipment", "training", "exercise"}

// DateLayout is how the improvement plan writes its dates.
const DateLayout = "2006-01-02"

// CheckPlanDates checks a plan row's start and completion dates: each
// empty or a date written as 2026-12-01, and the completion not before
// the start. The error says which date is wrong, in words.
func CheckPlanDates(start, completion string) error {
	var days [2]time.Time
	for i, d := range []struct{ name, value string }{{"start date", start}, {"completion date", completion}} {
		if d.value == "" {
			continue
		}
		t, err := time.Parse(DateLayout, d.value)
		if err != nil {
			return fmt.Errorf("the %s %q is not a date: write it as year-month-day, like 2026-12-01", d.name, d.value)
		}
		days[i] = t
	}
	if !days[0].IsZero() && !days[1].IsZero() && days[1].Before(days[0]) {
		return fmt.Errorf("the completion date %s is before the start date %s", completion, start)
	}
	return nil
}

// CheckCapabilityElement checks a capability element: empty, or one of
// CapabilityElements.
func CheckCapabilityElement(element string) error {
	if element != "" && !slices.Contains(CapabilityElements, element) {
		return fmt.Errorf("%q is not a capability element; the elements are %s", element, strings.Join(CapabilityElements, ", "))
	}
	return nil
}

// Feedback is a feedback form a participant handed in.
type Feedback struct {
	At   time.Duration
	By   string
	Seat Person // where they sat when they handed it in
	Form FeedbackForm
}

// HotwashAnswer is what the hotwash answered to one of its questions.
type HotwashAnswer struct {
	At       time.Duration
	By       string
	Question string // the question's key, as the after-action report numbers them ("Q1")
	Asked    string // the question as it was asked
	Text     string
}

// afterPlay reports whether a command still counts once the exercise has
// ended.
func afterPlay(v Verb) bool { return v == GiveFeedback || v == AnswerHotwash || v == AgreeAction }

// MaxKeyLen bounds the keys of hotwash questions and plan rows.
const MaxKeyLen = 40

// giveFeedback hands in a participant's feedback form. A person may hand
// one in again: their latest counts.
func (e *Engine) giveFeedback(_ *injects.Team, c Command, do bool) error {
	form := c.Feedback
	switch {
	case len(form.Ratings) > len(injects.FeedbackRatings):
		return e.refuse("the form has %d statements to rate, not %d", len(injects.FeedbackRatings), len(form.Ratings))
	case len(form.Answers) > len(e.sc.Feedback):
		return e.refuse("the form has %s, not %d", countWords(len(e.sc.Feedback), "question"), len(form.Answers))
	}
	out := FeedbackForm{Ratings: make([]int, len(injects.FeedbackRatings)), Answers: make([]string, len(e.sc.Feedback))}
	for i, r := range form.Ratings {
		if r != 0 && (r < MinFeedbackRating || r > MaxFeedbackRating) {
			return e.refuse("statement %d is rated %d; rate each from %d to %d, or leave it blank", i+1, r, MinFeedbackRating, MaxFeedbackRating)
		}
		out.Ratings[i] = r
	}
	for i, a := range form.Answers {
		a = strings.TrimSpace(injects.CleanText(a))
		if utf8.RuneCountInString(a) > MaxTextLen {
			return e.refuse("the answer to question %d may be at most %d characters", i+1, MaxTextLen)
		}
		out.Answers[i] = a
	}
	if out.Blank() {
		return e.refuse("the form is blank: rate a statement or answer a question")
	}
	if do {
		e.emit(Event{Type: FeedbackGiven, Feedback: &out})
	}
	return nil
}

// key checks the key of a hotwash question or plan row.
func (e *Engine) key(what, key string) error {
	switch {
	case strings.TrimSpace(key) == "" || injects.CleanLine(key) != key:
		return e.refuse("%s needs a key, in plain text", what)
	case utf8.RuneCountInString(key) > MaxKeyLen:
		return e.refuse("%s's key may be at most %d characters", what, MaxKeyLen)
	}
	return nil
}

// answerHotwash records the hotwash's answer to one of its questions: the
// question's key and words, and the answer. An answer given again
// replaces the last; an empty one withdraws it.
func (e *Engine) answerHotwash(_ *injects.Team, c Command, do bool) error {
	if err := e.key("a hotwash question", c.Question); err != nil {
		return err
	}
	asked, text := strings.TrimSpace(injects.CleanText(c.Title)), strings.TrimSpace(injects.CleanText(c.Text))
	switch {
	case asked == "":
		return e.refuse("say the question the hotwash answered")
	case utf8.RuneCountInString(asked) > MaxTextLen || utf8.RuneCountInString(text) > MaxTextLen:
		return e.refuse("a question and its answer may be at most %d characters each", MaxTextLen)
	case text == "" && !slices.ContainsFunc(e.st.Hotwash, func(a HotwashAnswer) bool { return a.Question == c.Question }):
		return e.refuse("question %s has no answer to withdraw", c.Question)
	}
	if do {
		e.emit(Event{Type: HotwashAnswered, Question: c.Question, Title: asked, Text: text})
	}
	return nil
}

// agreeAction records a corrective action the hotwash agreed, a row of
// the improvement plan. One recorded again under the same row replaces
// the last; one with no action withdraws it.
func (e *Engine) agreeAction(_ *injects.Team, c Command, do bool) error {
	a := c.Correction
	if err := e.key("a row of the improvement plan", a.Row); err != nil {
		return err
	}
	if a.Issue != "" {
		if err := e.key("the issue", a.Issue); err != nil {
			return err
		}
	}
	out := CorrectiveAction{Row: a.Row, Issue: a.Issue}
	long := []struct {
		name string
		in   string
		out  *string
	}{{"the issue", a.Title, &out.Title}, {"the corrective action", a.Action, &out.Action}}
	for _, f := range long {
		*f.out = strings.TrimSpace(injects.CleanText(f.in))
		if utf8.RuneCountInString(*f.out) > MaxTextLen {
			return e.refuse("%s may be at most %d characters", f.name, MaxTextLen)
		}
	}
	short := []struct {
		name string
		in   string
		out  *string
	}{{"the core capability", a.Capability, &out.Capability}, {"the organization", a.Organization, &out.Organization},
		{"the point of contact", a.Contact, &out.Contact}, {"the start date", a.Start, &out.Start}, {"the completion date", a.Completion, &out.Completion},
		{"the capability element", a.Element, &out.Element}}
	for _, f := range short {
		*f.out = strings.TrimSpace(injects.CleanLine(f.in))
		if utf8.RuneCountInString(*f.out) > MaxTitleLen {
			return e.refuse("%s may be at most %d characters", f.name, MaxTitleLen)
		}
	}
	if out.Action == "" {
		if out.Title != "" || out.Capability != "" || out.Element != "" || out.Organization != "" || out.Contact != "" || out.Start != "" || out.Completion != "" {
			return e.refuse("a corrective action needs the action agreed")
		}
		if !slices.ContainsFunc(e.st.Corrections, func(r CorrectiveAction) bool { return r.Row == a.Row }) {
			return e.refuse("row %s of the improvement plan has no corrective action to withdraw", a.Row)
		}
	} else if out.Title == "" {
		return e.refuse("say the issue the corrective action answers")
	}
	if err := CheckCapabilityElement(out.Element); err != nil {
		return e.refuse("%v", err)
	}
	if err := CheckPlanDates(out.Start, out.Completion); err != nil {
		return e.refuse("%v", err)
	}
	if do {
		e.emit(Event{Type: CorrectiveActionAgreed, Correction: &out})
	}
	return nil
}

// applyAfterPlay folds the events of after play into the state.
func (st *State) applyAfterPlay(e *Event) {
	switch e.Type {
	case FeedbackGiven:
		if e.Feedback != nil {
			st.Feedback = append(st.Feedback, Feedback{At: e.At, By: e.By, Seat: st.seatOf(e.By), Form: *e.Feedback})
		}
	case HotwashAnswered:
		st.Hotwash = slices.DeleteFunc(slices.Clone(st.Hotwash), func(a HotwashAnswer) bool { return a.Question == e.Question })
		if e.Text != "" {
			st.Hotwash = append(st.Hotwash, HotwashAnswer{At: e.At, By: e.By, Question: e.Question, Asked: e.Title, Text: e.Text})
		}
	case CorrectiveActionAgreed:
		if e.Correction == nil {
			return
		}
		k := slices.IndexFunc(st.Corrections, func(r CorrectiveAction) bool { return r.Row == e.Correction.Row })
		switch {
		case e.Correction.Action == "" && k >= 0:
			st.Corrections = slices.Delete(slices.Clone(st.Corrections), k, k+1)
		case k >= 0:
			st.Corrections = slices.Clone(st.Corrections)
			st.Corrections[k] = *e.Correction
		case e.Correction.Action != "":
			st.Corrections = append(st.Corrections, *e.Correction)
		}
	}
}

// seatOf says where a person sits: their seat, the class's facilitator's,
// or the solo player's.
func (st *State) seatOf(name string) Person {
	if p, ok := st.Seated(name); ok {
		return p
	}
	if name == SoloPlayer {
		return Person{Name: name, Role: Solo}
	}
	return Person{Name: name, Role: Facilitator}
}

// describeAfterPlay says an event of after play in words, for transcripts
// and the control cell's log.
func describeAfterPlay(st *State, ev *Event) string {
	switch ev.Type {
	case FeedbackGiven:
		rated, answered := 0, 0
		if f := ev.Feedback; f != nil {
			for _, r := range f.Ratings {
				if r != 0 {
					rated++
				}
			}
			for _, a := range f.Answers {
				if a != "" {
					answered++
				}
			}
		}
		return fmt.Sprintf("%s hands in a feedback form: %s rated, %s answered", byWords(st, ev), countWords(rated, "statement"), countWords(answered, "question"))
	case HotwashAnswered:
		if ev.Text == "" {
			return fmt.Sprintf("%s withdraws the hotwash's answer to %s", byWords(st, ev), ev.Question)
		}
		return fmt.Sprintf("the hotwash answers %s (%q): %s", ev.Question, ev.Title, ev.Text)
	case CorrectiveActionAgreed:
		a := ev.Correction
		if a == nil {
			break
		}
		if a.Action == "" {
			return fmt.Sprintf("%s withdraws row %s of the improvement plan", byWords(st, ev), a.Row)
		}
		return fmt.Sprintf("the hotwash agrees a corrective action, row %s, on %q: %s", a.Row, a.Title, a.Action)
	}
	return ev.Type.String()
}

// countWords counts things: "1 statement", "3 questions".
func countWords(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// afterPlayCommand reads the command of an event of after play, for a log
// made again.
func afterPlayCommand(ev *Event, c *Command) {
	switch ev.Type {
	case FeedbackGiven:
		c.Verb = GiveFeedback
		if ev.Feedback != nil {
			c.Feedback = *ev.Feedback
		}
	case HotwashAnswered:
		c.Verb, c.Question, c.Title, c.Text = AnswerHotwash, ev.Question, ev.Title, ev.Text
	case CorrectiveActionAgreed:
		c.Verb = AgreeAction
		if ev.Correction != nil {
			c.Correction = *ev.Correction
		}
	}
}
