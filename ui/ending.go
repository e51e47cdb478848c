package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
)

// ending is what a seat's screen shows in place of the panels once the
// exercise has ended: the outcome, what the seat does after play (hand in
// the feedback form, or at the console hold the hotwash), where the log
// is, and the closing review, to scroll through. It keeps the seat's
// feedback form while the screen lives.
type ending struct {
	page
	text    string // as prepare wrote it for its stamp
	written stamp
	form    *feedbackForm // the seat's feedback form, once opened
	formOf  *Game         // the game the form was made for
}

func newEnding(c *common) *ending { return &ending{page: page{c: c}} }

// offers reports whether the seat is offered the feedback form: anyone the
// engine takes one from but the control cell, who holds the hotwash.
func (e *ending) offers() bool { return e.c.g.Actor.Role != game.Facilitator && mayHandIn(e.c.g) }

// records reports whether the seat records the hotwash: the control cell,
// at a table (not in a replay).
func (e *ending) records() bool { return e.c.g.Actor.Role == game.Facilitator && e.c.g.table != nil }

// atClass reports whether the seat is a student's, an evaluator's or an
// observer's at a class: the log is on the facilitator's machine, not
// theirs.
func (e *ending) atClass() bool {
	g := e.c.g
	return g.table != nil && g.State().Class && g.Actor.Role != game.Facilitator
}

// keys is the help at the end: scrolling, the feedback form or the
// hotwash record, and quitting.
func (e *ending) keys() helpKeys {
	k := e.c.keys
	var after []key.Binding
	switch {
	case e.offers():
		after = append(after, k.Feedback)
	case e.records():
		after = append(after, k.Hotwash)
	}
	short := append(append([]key.Binding{k.Up, k.Down, k.PageDn}, after...), k.Quit)
	return helpKeys{short: short, full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDn}, after, {k.Help, k.Quit}}}
}

// update scrolls, or opens the feedback form where it was left.
func (e *ending) update(msg tea.KeyPressMsg) act {
	if key.Matches(msg, e.c.keys.Feedback) && e.offers() {
		if e.form == nil || e.formOf != e.c.g {
			e.form, e.formOf = newFeedbackForm(e.c), e.c.g
		}
		return e.form.opening()
	}
	return e.page.update(msg)
}

// arrival is what the status line says when the exercise ends.
func (e *ending) arrival() string {
	switch {
	case e.offers():
		return "The exercise has ended: f opens the feedback form; q quits."
	case e.records():
		return "The exercise has ended: [ and ] take the projector through the closing review; H opens the hotwash record; q quits."
	}
	return "The exercise has ended: the closing review is below. q quits."
}

// beforeQuit adds to what quitting leaves behind a word on a feedback
// form not handed in.
func (e *ending) beforeQuit(words string) string {
	if _, ok := handedIn(e.c.g); ok || !e.c.g.State().Ended || !e.offers() {
		return words
	}
	return "Your feedback form is not handed in (f opens it). " + words
}

// leaveWords say what a seat at a class leaves behind when it quits.
func leaveWords(g *Game) string {
	if g.State().Ended {
		return "You leave; the exercise has ended."
	}
	return "You leave; the exercise goes on without you."
}

func (e *ending) view() string { return scrolled(e.text, &e.scroll, e.h) }

// prepare writes the ending in Update, as the review's is.
func (e *ending) prepare() {
	if !e.written.renew(e.c.g, e.w) {
		return
	}
	g := e.c.g
	st, sc := g.State(), g.Scenario()
	s := e.c.styles
	var b strings.Builder
	b.WriteString(s.Title.Render("The exercise has ended") + "\n\n")
	if i, ok := sc.EndingIndex(st.Ending); ok {
		b.WriteString(s.Bold.Render("Outcome: "+sc.Endings[i].Title) + "\n")
		b.WriteString(wrap(sc.Endings[i].Text, e.w) + "\n")
	} else {
		b.WriteString(s.Bold.Render("Outcome: the story clock ran out with no ending reached.") + "\n")
	}
	if after := e.afterPlay(); after != "" {
		b.WriteString("\n" + after + "\n")
	}
	if p := g.LogPath(); p != "" && !e.atClass() {
		b.WriteString("\nThe log is saved in " + p + "\nPrint this review again with: hotline review " + p + "\n")
	}
	b.WriteString("\n")
	if n := len(st.Reviews); n > 0 {
		game.WriteReview(&b, sc, st.Reviews[n-1])
	}
	e.text = fold(b.String(), e.w)
}

// afterPlay says what the seat does now the exercise is over: hand in the
// feedback form, or hold the hotwash.
func (e *ending) afterPlay() string {
	g, s := e.c.g, e.c.styles
	switch {
	case e.offers():
		if _, ok := handedIn(g); ok {
			return s.Good.Render(wrap("✓ Your feedback form is handed in. Thank you! f opens it again if you want to change it: your latest counts.", e.w))
		}
		where := "The after-action report gives the answers by seat, never by name."
		switch {
		case g.Actor.Role == game.Solo && g.LogPath() != "":
			where = "Your answers go into this run's log, and into its after-action report (hotline report)."
		case g.Actor.Role == game.Solo:
			where = "Your answers go with this run's decisions."
		}
		return s.Accent.Render(wrap(fmt.Sprintf("▸ Feedback form: press f to rate the exercise and answer %s. It takes a few minutes. %s",
			countWords(len(g.Scenario().Feedback), "question"), where), e.w))
	case e.records():
		in, of := formsIn(g.State())
		return s.Accent.Render(wrap(fmt.Sprintf("▸ Feedback forms: %d of %d handed in. H opens the hotwash record: the questions for the room, the improvement plan and the forms by seat.",
			in, of), e.w))
	}
	return ""
}
