package ui

import (
	"strings"

	"hotline/game"
)

// notes is the Observations panel: what the evaluators and the control
// cell have observed, newest first.
type notes struct{ page }

func newNotes(c *common) *notes { return &notes{page{c: c}} }

func (n *notes) title() string { return "Observations" }

func (n *notes) view() string {
	g, w := n.c.g, n.w
	s, st, sc := n.c.styles, g.State(), g.Scenario()
	if len(st.Notes) == 0 {
		hint := "No observation yet."
		if g.Actor.Role == game.Evaluator || g.Actor.Role == game.Facilitator {
			hint += " o writes one."
		}
		return s.Dim.Render(hint)
	}
	var b strings.Builder
	for k := len(st.Notes) - 1; k >= 0; k-- {
		o := &st.Notes[k]
		head := short(sc, o.At) + "  " + o.By + " on " + o.Objective
		if o.Team != "" {
			head += ", " + o.Team
		}
		if o.Rating != game.Unrated {
			head += "  [" + o.Rating.String() + ": " + o.Rating.Words() + "]"
		}
		b.WriteString(s.Bold.Render(cut(head, w)) + "\n" + wrap(o.Text, w-2) + "\n\n")
	}
	return scrolled(b.String(), &n.scroll, n.h)
}
