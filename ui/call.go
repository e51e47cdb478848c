package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hotline/game"
	"hotline/injects"
)

// call is an incoming hotline call over the screen: who rings about what,
// how long is left, and the three answers with what each does to the
// caller's escalation. 1-3 answers, esc lets it ring; the clock's keys,
// help and quit work under it.
type call struct {
	c *common
	n int // the call's number
}

func (x *call) update(msg tea.KeyPressMsg) act {
	k := x.c.keys
	switch {
	case key.Matches(msg, k.Back):
		a := say(statusInfo, "The call is still ringing: answer it in the Hotline panel.")
		a.close = true
		return a
	case key.Matches(msg, k.Option):
		n := int(msg.String()[0] - '0')
		if n < 1 || n > 3 {
			return act{}
		}
		a := answer(x.c.g, x.n, injects.Answers()[n-1])
		a.close = true
		return a
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		return act{} // the call stays in front until answered or let ring
	}
	return act{pass: true}
}

// answer answers call n.
func answer(g *Game, n int, a injects.Answer) act {
	return command(game.Command{Team: g.lead(), Verb: game.Answer, Call: n, Answer: a}, fmt.Sprintf("Answered call %d: %s", n, a))
}

func (x *call) view(w, h int) string {
	s, g := x.c.styles, x.c.g
	st, sc := g.State(), g.Scenario()
	c := st.Calls[x.n-1]
	left := c.AnswerBy - st.Now
	var b strings.Builder
	b.WriteString(s.Bad.Render(fmt.Sprintf("☎  INCOMING HOTLINE CALL %d from %s", c.N, c.From.Title())) + "\n\n")
	if c.About != "" {
		r := &sc.Requests[mustRequest(sc, c.About)]
		b.WriteString("About " + r.ID + ": " + r.Subject + "\n")
		if due, _, ok := st.NextDue(mustRequest(sc, c.About)); ok && due < st.Now {
			b.WriteString(s.Warn.Render("Your response is overdue by "+span(st.Now-due)) + "\n")
		}
	} else {
		b.WriteString("A general complaint about how requests are being handled.\n")
	}
	b.WriteString(fmt.Sprintf("\nAnswer by %s — %s left  %s\n\n", calendar(sc, c.AnswerBy), span(left),
		s.bar(left, sc.Hotline.AnswerWithin, 20)))
	// What becomes of the call moves the caller's escalation, not the
	// ringing: a denial, a call left to ring out or a promise broken
	// raises it; a promise kept lowers it.
	moves := sc.Hotline.Moves
	theirs := c.From.Possessive() + " escalation" // "the United States' escalation"
	Theirs := strings.ToUpper(theirs[:1]) + theirs[1:]
	b.WriteString(fmt.Sprintf("1  Commit: promise what is outstanding within %s\n", span(sc.Hotline.CommitWithin)))
	b.WriteString(s.Dim.Render(fmt.Sprintf("   %s %s if you keep it, %s if you break it", Theirs, signed(moves.Kept), signed(moves.Broken))) + "\n")
	b.WriteString("2  Explain: give your reasons without promising\n")
	b.WriteString(s.Dim.Render(fmt.Sprintf("   %s %s", Theirs, signed(moves.Explain))) + "\n")
	b.WriteString("3  Deny: reject the complaint\n")
	b.WriteString(s.Dim.Render(fmt.Sprintf("   %s %s", Theirs, signed(moves.Deny))) + "\n")
	b.WriteString(s.Dim.Render(fmt.Sprintf("\nesc lets it ring; unanswered by then, %s moves %s.", theirs, signed(moves.Missed))))
	modal := s.Modal.Width(min(w-4, 76))
	out := modal.Render(b.String())
	if lipgloss.Height(out) > h {
		// Short of lines, the blank ones go first: the answers and the
		// box's edge stay in sight.
		out = modal.Render(strings.ReplaceAll(b.String(), "\n\n", "\n"))
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, out)
}

func (x *call) help() []key.Binding {
	k := x.c.keys
	return append([]key.Binding{withHelp(k.Option, "1-3", "commit · explain · deny"), withHelp(k.Back, "esc", "let it ring")},
		x.c.seatKeys(false)...)
}

func (x *call) region() region { return overPanels }

func signed(n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf("+%d", n)
	case n < 0:
		return fmt.Sprint(n)
	}
	return "±0"
}
