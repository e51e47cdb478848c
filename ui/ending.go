package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"hotline/game"
)

// ending is what a seat's screen shows in place of the panels once the
// exercise has ended: the outcome, where the log is, and the closing
// review, to scroll through.
type ending struct {
	page
	text    string // as prepare wrote it for its stamp
	written stamp
}

func newEnding(c *common) *ending { return &ending{page: page{c: c}} }

// keys is the help at the end: scrolling, and quitting.
func (e *ending) keys() helpKeys {
	k := e.c.keys
	return helpKeys{short: []key.Binding{k.Up, k.Down, k.PageDn, k.Quit},
		full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDn}, {k.Help, k.Quit}}}
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
	if p := g.LogPath(); p != "" {
		b.WriteString("\nThe log is saved in " + p + "\nPrint this review again with: hotline review " + p + "\n")
	}
	b.WriteString("\n")
	if n := len(st.Reviews); n > 0 {
		game.WriteReview(&b, sc, st.Reviews[n-1])
	}
	e.text = fold(b.String(), e.w)
}
