package ui

import (
	"fmt"
	"strings"

	"hotline/game"
	"hotline/game/debrief"
)

// tally is the Feedback panel of the hotwash record: how many feedback
// forms have come in and from which seats, never from whom, and what they
// say, summed up as the after-action report will print it.
type tally struct {
	page
	rep     *debrief.Report // the report the record was last made into
	text    string          // as prepare wrote it for its stamp
	written stamp
}

func newTally(c *common) *tally { return &tally{page: page{c: c}} }

func (t *tally) title() string { return "Feedback" }

// setReport shows what a report made again says of the forms.
func (t *tally) setReport(rep *debrief.Report) {
	t.rep = rep
	t.written = stamp{}
}

func (t *tally) view() string { return scrolled(t.text, &t.scroll, t.h) }

// takesForm reports whether a role is offered the feedback form in a
// class: the control cell holds the hotwash instead.
func takesForm(r game.Role) bool {
	return r == game.Player || r == game.Evaluator || r == game.Observer
}

// latestForms is each person's latest feedback form, by name.
func latestForms(st *game.State) map[string]game.Feedback {
	latest := map[string]game.Feedback{}
	for _, f := range st.Feedback {
		if takesForm(f.Seat.Role) {
			latest[f.By] = f
		}
	}
	return latest
}

// formsIn counts the feedback forms handed in, each person's once, and the
// people who may hand one in: those seated now, and any who handed one in
// before they left.
func formsIn(st *game.State) (in, of int) {
	latest := latestForms(st)
	for _, p := range st.People {
		if _, ok := latest[p.Name]; !ok && takesForm(p.Role) {
			of++
		}
	}
	return len(latest), of + len(latest)
}

// prepare writes the panel in Update.
func (t *tally) prepare() {
	if !t.written.renew(t.c.g, t.w) {
		return
	}
	g, s, w := t.c.g, t.c.styles, t.w
	st, sc := g.State(), g.Scenario()
	latest := latestForms(st)
	in, of := formsIn(st)
	var b strings.Builder
	b.WriteString(s.Title.Render(fmt.Sprintf("Feedback forms handed in: %d of %d", in, of)) + "\n")
	b.WriteString(s.Dim.Render(wrap("Each person's latest form counts. The after-action report gives the answers by seat, never by name; so does this panel.", w)) + "\n\n")

	// Each seat's count: the people seated there now, and how many of
	// them handed the form in.
	labelW := len("People no longer seated")
	for _, t := range sc.Teams {
		labelW = max(labelW, len([]rune(t.Side.Title()+" · "+t.Name)))
	}
	labelW = min(labelW+3, w-12)
	seated := map[string]bool{}
	row := func(seat string, here func(p game.Person) bool) {
		n, k := 0, 0
		for _, p := range st.People {
			if here(p) {
				seated[p.Name] = true
				n++
				if _, ok := latest[p.Name]; ok {
					k++
				}
			}
		}
		if n > 0 {
			b.WriteString("  " + pad(seat, labelW) + fmt.Sprintf("%d of %d", k, n) + "\n")
		}
	}
	for _, t := range sc.Teams {
		row(t.Side.Title()+" · "+t.Name, func(p game.Person) bool { return p.Role == game.Player && p.Team == t.ID })
	}
	row("Evaluators", func(p game.Person) bool { return p.Role == game.Evaluator })
	row("Observers", func(p game.Person) bool { return p.Role == game.Observer })
	gone := 0
	for name := range latest {
		if !seated[name] {
			gone++
		}
	}
	if gone > 0 {
		b.WriteString("  " + pad("People no longer seated", labelW) + fmt.Sprintf("%d of %d", gone, gone) + "\n")
	}
	if of == 0 {
		b.WriteString(s.Dim.Render("  Nobody who takes the form is seated.") + "\n")
	}

	switch {
	case t.rep == nil:
		b.WriteString("\n" + s.Dim.Render("Reading the run…") + "\n")
	case t.rep.Feedback.Forms > 0:
		f := t.rep.Feedback
		b.WriteString("\n" + s.Bold.Render("The statements, rated 1 (strongly disagree) to 5 (strongly agree)") + "\n")
		b.WriteString(s.Dim.Render("  rated  average") + "\n")
		for _, r := range f.Ratings {
			n := 0
			for _, c := range r.Count {
				n += c
			}
			avg := r.Average()
			if avg == "" {
				avg = "—"
			}
			b.WriteString(hanging(fmt.Sprintf("  %5d  %7s  ", n, avg), r.Statement, w) + "\n")
		}
		for _, q := range f.Questions {
			b.WriteString("\n" + s.Bold.Render(wrap(q.Question, w)) + "\n")
			if len(q.Answers) == 0 {
				b.WriteString(s.Dim.Render("  No answer yet.") + "\n")
			}
			for _, a := range q.Answers {
				b.WriteString(hanging("  ", upperFirst(a.Seat)+": "+a.Text, w) + "\n")
			}
		}
	}
	t.text = b.String()
}

// hanging writes text after a lead, its lines after the first indented
// under the text.
func hanging(lead, text string, w int) string {
	indent := strings.Repeat(" ", len([]rune(lead)))
	lines := strings.Split(wrap(text, max(10, w-len(indent))), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
		if i == 0 {
			lines[i] = lead + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// upperFirst writes s with a capital first letter.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
