package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hotline/game"
	"hotline/injects"
)

// feedbackForm is HSEEP's participant feedback form, offered once the
// exercise has ended: a rating of each of injects.FeedbackRatings from 1
// (strongly disagree) to 5 (strongly agree), and an answer to each of the
// scenario's questions. ↑/↓ and tab move between them; 1–5 rate a
// statement, ←/→ change the rating, 0 clears it; ctrl+s hands the form
// in, esc puts it away as it is. The screen keeps it, so that it opens
// again where it was left (from the top once handed in), and a person may
// hand it in again: their latest counts.
type feedbackForm struct {
	c       *common
	ratings []int
	answers []*textarea.Model
	focus   int    // a statement (0–5), then a question
	note    string // the engine's refusal of the last try to hand it in
	top     int    // the first item shown, when the form is taller than the screen
}

// scaleWords are the feedback form's ratings in words.
var scaleWords = [...]string{"not rated", "strongly disagree", "disagree", "neither", "agree", "strongly agree"}

// newFeedbackForm makes the seat's form, filled in as they last handed it
// in, if they did.
func newFeedbackForm(c *common) *feedbackForm {
	x := &feedbackForm{c: c, ratings: make([]int, len(injects.FeedbackRatings))}
	last, _ := handedIn(c.g)
	copy(x.ratings, last.Ratings)
	for i := range c.g.Scenario().Feedback {
		a := newArea()
		a.SetHeight(4)
		if i < len(last.Answers) {
			a.SetValue(last.Answers[i])
		}
		x.answers = append(x.answers, a)
	}
	return x
}

// handedIn is the form the seat's person handed in last, if any.
func handedIn(g *Game) (game.FeedbackForm, bool) {
	st := g.State()
	for i := len(st.Feedback) - 1; i >= 0; i-- {
		if st.Feedback[i].By == g.Actor.Name {
			return st.Feedback[i].Form, true
		}
	}
	return game.FeedbackForm{}, false
}

// mayHandIn reports whether the engine would take a feedback form from the
// seat: it takes one from anyone the exercise seats, never from a replay
// or the projector.
func mayHandIn(g *Game) bool {
	probe := game.Command{Verb: game.GiveFeedback, Feedback: game.FeedbackForm{Ratings: []int{game.MinFeedbackRating}}}
	return g.table != nil && g.check(probe) == nil
}

// form is what the person has filled in.
func (x *feedbackForm) form() game.FeedbackForm {
	f := game.FeedbackForm{Ratings: slices.Clone(x.ratings)}
	for _, a := range x.answers {
		f.Answers = append(f.Answers, a.Value())
	}
	return f
}

// changed reports whether the form differs from the one handed in last.
func (x *feedbackForm) changed() bool {
	last, ok := handedIn(x.c.g)
	if !ok {
		return !x.form().Blank()
	}
	now := x.form()
	if !slices.Equal(now.Ratings, last.Ratings) {
		return true
	}
	for i, a := range now.Answers {
		if i >= len(last.Answers) || strings.TrimSpace(injects.CleanText(a)) != last.Answers[i] { // as the engine keeps it
			return true
		}
	}
	return false
}

func (x *feedbackForm) items() int { return len(x.ratings) + len(x.answers) }

// area is the text area in focus, or nil on a statement.
func (x *feedbackForm) area() *textarea.Model {
	if x.focus < len(x.ratings) {
		return nil
	}
	return x.answers[x.focus-len(x.ratings)]
}

// move puts the focus on the next (1) or previous (-1) item.
func (x *feedbackForm) move(d int) tea.Cmd {
	x.focus = (x.focus + d + x.items()) % x.items()
	return x.focusArea()
}

func (x *feedbackForm) focusArea() tea.Cmd {
	var cmd tea.Cmd
	for _, a := range x.answers {
		a.Blur()
	}
	if a := x.area(); a != nil {
		cmd = a.Focus()
	}
	return cmd
}

// opening opens the form over the screen, where it was left.
func (x *feedbackForm) opening() act { return act{open: x, cmd: x.focusArea()} }

func (x *feedbackForm) update(msg tea.KeyPressMsg) act {
	k := x.c.keys
	switch msg.String() {
	case "ctrl+s":
		return x.handIn()
	case "esc":
		a := say(statusInfo, "The feedback form is put away as it is, not handed in: f opens it again.")
		if !x.changed() {
			a = say(statusInfo, "f opens the feedback form again.")
		}
		a.close = true
		return a
	case "tab":
		return act{cmd: x.move(1)}
	case "shift+tab":
		return act{cmd: x.move(-1)}
	}
	if a := x.area(); a != nil {
		// ↑ on an answer's first line and ↓ on its last leave it.
		switch {
		case msg.String() == "up" && a.Line() == 0 && x.focus > 0:
			return act{cmd: x.move(-1)}
		case msg.String() == "down" && a.Line() == a.LineCount()-1 && x.focus < x.items()-1:
			return act{cmd: x.move(1)}
		}
		return x.edit(msg)
	}
	r := &x.ratings[x.focus]
	switch s := msg.String(); {
	case len(s) == 1 && s[0] >= '1' && s[0] <= '5':
		*r = int(s[0] - '0')
		return act{cmd: x.move(1)}
	case s == "0", s == "backspace", s == "delete":
		*r = 0
	case key.Matches(msg, k.Left):
		*r = max(*r-1, game.MinFeedbackRating)
	case key.Matches(msg, k.Right):
		*r = min(*r+1, game.MaxFeedbackRating)
	case key.Matches(msg, k.Up) && x.focus > 0:
		return act{cmd: x.move(-1)}
	case key.Matches(msg, k.Down), s == "enter":
		return act{cmd: x.move(1)}
	}
	return act{}
}

// edit gives a key or a paste to the answer in focus.
func (x *feedbackForm) edit(msg tea.Msg) act {
	a := x.area()
	if a == nil {
		return act{}
	}
	var cmd tea.Cmd
	*a, cmd = a.Update(msg)
	return act{cmd: cmd}
}

func (x *feedbackForm) paste(msg tea.PasteMsg) act { return x.edit(msg) }

// handIn sends the form, unless the engine would refuse it: then the form
// stays open and says why.
func (x *feedbackForm) handIn() act {
	c := game.Command{Verb: game.GiveFeedback, Feedback: x.form()}
	if err := x.c.g.check(c); err != nil {
		x.note = "✗ " + err.Error()
		return act{}
	}
	x.note, x.focus, x.top = "", 0, 0 // opened again, it starts from the top
	a := command(c, "Your feedback form is handed in. Thank you! f opens it again if you want to change it.")
	a.close = true
	return a
}

func (x *feedbackForm) view(w, h int) string {
	s := x.c.styles
	boxW := min(w-4, 80)
	inner := boxW - 4
	sc := x.c.g.Scenario()
	state := s.Dim.Render("not handed in")
	if _, ok := handedIn(x.c.g); ok {
		state = s.Good.Render("✓ handed in")
		if x.changed() {
			state = s.Warn.Render("changed since you handed it in")
		}
	}
	title := s.Title.Render("Feedback form") + "  " + state
	title += strings.Repeat(" ", max(1, inner-lipgloss.Width(title)-8)) + s.Dim.Render(fmt.Sprintf("%d of %d", x.focus+1, x.items()))
	head := append([]string{cut(title, inner)}, strings.Split(wrap(
		"Rate each statement from 1 (strongly disagree) to 5 (strongly agree) and answer what you wish; leave blank what does not apply. "+
			"The after-action report gives the answers by seat, never by name.", inner), "\n")...)
	head = append(head, "")

	var blocks [][]string // a block for each statement, then each question
	for i, statement := range injects.FeedbackRatings {
		blocks = append(blocks, append(x.itemHead(i, statement, inner), "     "+x.scale(x.ratings[i], i == x.focus)))
	}
	for k, q := range sc.Feedback {
		i := len(x.ratings) + k
		b := x.itemHead(i, q, inner)
		a := x.answers[k]
		switch {
		case i == x.focus:
			a.SetWidth(inner - 5)
			for _, l := range strings.Split(a.View(), "\n") {
				b = append(b, "     "+l)
			}
		case strings.TrimSpace(a.Value()) == "":
			b = append(b, "     "+s.Dim.Render("no answer"))
		default:
			answer := strings.Split(wrap(strings.TrimSpace(a.Value()), inner-5), "\n")
			if len(answer) > 3 {
				answer = append(answer[:2], cut(strings.TrimRight(answer[2], " ")+" …", inner-5))
			}
			for _, l := range answer {
				b = append(b, "     "+l)
			}
		}
		blocks = append(blocks, b)
	}

	keys := "1–5 rate · ←/→ change · 0 clear · ↑/↓ move · ctrl+s hand in · esc later"
	if x.area() != nil {
		keys = "type your answer · tab next · shift+tab back · ctrl+s hand in · esc later"
	}
	foot := []string{""}
	if x.note != "" {
		for _, l := range strings.Split(wrap(x.note, inner), "\n") {
			foot = append(foot, s.Bad.Render(l))
		}
	}
	foot = append(foot, s.Dim.Render(cut(keys, inner)))
	room := max(1, h-2-len(head)-len(foot))
	shown := blocksIn(blocks, &x.top, x.focus, room)
	body := strings.Join(append(append(head, shown...), foot...), "\n")
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, s.Form.Width(boxW).Render(body))
}

// itemHead is a statement or question, numbered, marked when in focus.
func (x *feedbackForm) itemHead(i int, text string, inner int) []string {
	s := x.c.styles
	lines := strings.Split(wrap(text, inner-5), "\n")
	for k := range lines {
		lines[k] = "     " + strings.TrimRight(lines[k], " ")
	}
	num := fmt.Sprintf("%2d. ", i+1)
	if i == x.focus {
		lines[0] = s.Accent.Render("▸"+num) + s.Bold.Render(strings.TrimPrefix(lines[0], "     "))
	} else {
		lines[0] = " " + num + strings.TrimPrefix(lines[0], "     ")
	}
	return lines
}

// scale draws a statement's rating: the five marks, the chosen one in
// brackets, and its words.
func (x *feedbackForm) scale(r int, focused bool) string {
	s := x.c.styles
	var b strings.Builder
	for v := game.MinFeedbackRating; v <= game.MaxFeedbackRating; v++ {
		mark := fmt.Sprintf(" %d ", v)
		if v == r {
			mark = s.Selected.Render(fmt.Sprintf("[%d]", v))
		}
		b.WriteString(mark + "  ")
	}
	words := scaleWords[r]
	if r == 0 {
		words = s.Dim.Render(words)
	}
	if focused && r == 0 {
		words = s.Dim.Render("not rated: press 1 to 5")
	}
	return b.String() + words
}

func (x *feedbackForm) help() []key.Binding {
	k := x.c.keys
	move := []key.Binding{key.NewBinding(key.WithKeys("1"), key.WithHelp("1-5", "rate")), withHelp(k.Up, "↑/↓", "move")}
	if x.area() != nil {
		move = []key.Binding{key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back"))}
	}
	return append(move,
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "hand in")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "later")))
}

func (x *feedbackForm) region() region { return overPanels }
