package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game/debrief"
)

// Hotwash is the facilitator's hotwash record, after play: the after-action
// report's ranked questions with the room's answers, the improvement plan
// with the corrective actions agreed, the feedback forms come in, and the
// review, the observations and the log to look back on. It is the frame
// with those panels; what it saves are the engine's commands, and what
// its panels show is the report made again from the table's events (off
// the update loop) each time the record moves, as `hotline report` will
// print it. H goes back to the closing review.
type Hotwash struct {
	f         *frame
	questions *questions
	plan      *plan
	tally     *tally
	back      func() tea.Cmd // to the closing review; nil for none
	making    bool           // a report is being made
	madeAt    int            // the last event the panels' report was made from
}

func newHotwash(c *common, g *Game, back func() tea.Cmd) *Hotwash {
	h := &Hotwash{questions: newQuestions(c), plan: newPlan(c), tally: newTally(c), back: back, madeAt: -1}
	h.f = newFrame(c, ControlView, seatName(g), []panel{h.questions, h.plan, h.tally, newReview(c, true), newNotes(c), newJournal(c)})
	h.f.postPlay = true
	h.f.keys = h.key
	if back != nil {
		h.f.ownHelp = []key.Binding{withHelp(c.keys.Hotwash, "H", "closing review")}
	}
	h.f.begin(g)
	h.f.say(statusInfo, "The hotwash record: what you save goes into the log and the report.")
	return h
}

func (h *Hotwash) init() tea.Cmd { return tea.Batch(h.f.init(), h.make()) }
func (h *Hotwash) game() *Game   { return h.f.c.g }
func (h *Hotwash) view() string  { return h.f.view() }

func (h *Hotwash) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return tea.Batch(h.f.key(msg), h.make())
	case reportMsg:
		if msg.g != h.f.c.g {
			return nil
		}
		h.making, h.madeAt = false, msg.last
		h.questions.setReport(msg.rep, msg.err)
		if msg.err == nil {
			h.plan.setReport(msg.rep)
			h.tally.setReport(msg.rep)
		}
		return tea.Batch(h.make(), h.f.settle())
	}
	return tea.Batch(h.f.update(msg), h.make())
}

// key is the record's own: H goes back to the closing review; the clock's
// keys rest, the exercise being over.
func (h *Hotwash) key(msg tea.KeyPressMsg) (act, bool) {
	k := h.f.c.keys
	switch {
	case key.Matches(msg, k.Hotwash) && h.back != nil:
		return act{cmd: h.back()}, true
	case key.Matches(msg, k.Pause), key.Matches(msg, k.Faster), key.Matches(msg, k.Slower), key.Matches(msg, k.Jump):
		return say(statusInfo, "The exercise has ended: the story clock has stopped for good."), true
	}
	return act{}, false
}

// reportMsg is the after-action report made again for the record, from the
// events up to last.
type reportMsg struct {
	g    *Game
	last int
	rep  *debrief.Report
	err  error
}

// make makes the report again, off the update loop, when the table has
// moved since the last one and none is being made.
func (h *Hotwash) make() tea.Cmd {
	g := h.f.c.g
	if h.making || g.table == nil || g.State().Seq <= h.madeAt {
		return nil
	}
	h.making = true
	tb, sc := g.table, g.Scenario()
	return func() tea.Msg {
		events := tb.Since(0)
		last := 0
		if n := len(events); n > 0 {
			last = events[n-1].Seq
		}
		rep, err := debrief.NewReport(sc, events, debrief.Info{})
		return reportMsg{g: g, last: last, rep: rep, err: err}
	}
}

// reportList is what the record's Hotwash and Improvement plan panels
// share: the report made again, an entry of lines for each of its items
// (written in Update, when the report or the width changes), a selection,
// and the size they were given.
type reportList struct {
	c       *common
	rep     *debrief.Report // the report the record was last made into
	entries [][]string
	write   func() [][]string // the entries, for the report and the width
	written stamp
	cursor  int
	first   int // the entry shown first
	w, h    int
}

func (l *reportList) badge() string    { return "" }
func (l *reportList) setSize(w, h int) { l.w, l.h = w, h }
func (l *reportList) refresh()         {}

// setReport shows a report made again.
func (l *reportList) setReport(rep *debrief.Report) {
	l.rep = rep
	l.written = stamp{}
}

// prepare writes the entries in Update, when the report or the width has
// changed.
func (l *reportList) prepare() {
	if l.written.renew(l.c.g, l.w) {
		l.entries = l.write()
	}
}

// move moves the selection on ↑ and ↓ among n items, and reports whether
// the key was one of them.
func (l *reportList) move(msg tea.KeyPressMsg, n int) bool {
	k := l.c.keys
	switch {
	case key.Matches(msg, k.Up):
		l.cursor = max(0, l.cursor-1)
	case key.Matches(msg, k.Down):
		l.cursor = min(max(0, n-1), l.cursor+1)
	default:
		l.cursor = min(l.cursor, max(0, n-1))
		return false
	}
	return true
}

// show draws a dim head over the entries, the selected one in view.
func (l *reportList) show(head string) string {
	s := l.c.styles
	lines := append(strings.Split(s.Dim.Render(wrap(head, l.w)), "\n"), "")
	return strings.Join(lines, "\n") + "\n" + blockList(s, l.entries, l.cursor, &l.first, l.w, max(1, l.h-len(lines)))
}
