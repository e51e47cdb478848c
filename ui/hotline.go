package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/injects"
)

// hotlineState is the hotline panel: the ladder, the calls, and the moves
// open to the player: answer a call, ring, or take one of the scenario's
// actions (a public statement, a sanctions threat).
type hotlineState struct {
	items  []hotItem
	cursor int
}

type hotItem struct {
	call   int // an incoming call to answer, or 0
	ring   bool
	action int // a scenario action, or -1
}

func (m *Model) buildHotline() {
	st, sc := m.g.State(), m.g.Scenario()
	h := &m.hotline
	h.items = h.items[:0]
	if m.opts.View != PlayView {
		return // seen from above: nothing to do here
	}
	for _, c := range st.Calls {
		if c.Open() && c.From != m.g.Side {
			h.items = append(h.items, hotItem{call: c.N, action: -1})
		}
	}
	h.items = append(h.items, hotItem{ring: true, action: -1})
	for i := range sc.Actions {
		if sc.Actions[i].Side == m.g.Side {
			h.items = append(h.items, hotItem{action: i})
		}
	}
	h.cursor = min(h.cursor, len(h.items)-1)
}

func (m *Model) hotlineKeys(msg tea.KeyPressMsg) tea.Cmd {
	k, h := m.keys, &m.hotline
	if len(h.items) == 0 {
		return nil
	}
	switch {
	case key.Matches(msg, k.Up):
		h.cursor = max(0, h.cursor-1)
	case key.Matches(msg, k.Down):
		h.cursor = min(len(h.items)-1, h.cursor+1)
	case key.Matches(msg, k.Ring):
		m.ring("")
	case key.Matches(msg, k.Option):
		if it := h.items[h.cursor]; it.call > 0 {
			n := int(msg.String()[0] - '0')
			if n >= 1 && n <= 3 {
				a := injects.Answers()[n-1]
				m.do(game.Command{Team: m.g.lead(), Verb: game.Answer, Call: it.call, Answer: a}, fmt.Sprintf("Answered call %d: %s", it.call, a))
			}
		}
	case key.Matches(msg, k.Open):
		it := h.items[h.cursor]
		switch {
		case it.call > 0:
			m.modalCall = it.call
		case it.ring:
			m.ring("")
		case it.action >= 0:
			a := &m.g.Scenario().Actions[it.action]
			m.do(game.Command{Team: m.g.lead(), Verb: game.Act, Action: a.ID}, a.Label)
		}
	}
	return nil
}

func (m *Model) hotlineView(w, h int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	var b strings.Builder
	b.WriteString(s.Title.Render("Escalation ladder") + s.Dim.Render("  (each side's grievances; the ladder stands at the higher)") + "\n")
	for i, r := range sc.Hotline.Rungs {
		mark := "  ○ "
		if i == st.Rung {
			mark = s.Warn.Render("  ● ")
		}
		var who []string
		for side := range injects.Side(2) {
			if st.Levels[side] == i {
				who = append(who, side.Title())
			}
		}
		line := mark + r.Title
		if len(who) > 0 {
			line += s.Dim.Render("  ← " + strings.Join(who, " and "))
		}
		b.WriteString(cut(line, w) + "\n")
	}
	if why := m.ladderWhy(); why != "" {
		b.WriteString(s.Dim.Render(cut("  last moved: "+why, w)) + "\n")
	}
	b.WriteString(s.hrule("calls", w) + "\n")
	if len(st.Calls) == 0 {
		b.WriteString(s.Dim.Render("  No call yet. A call must be answered within "+span(sc.Hotline.AnswerWithin)+".") + "\n")
	}
	first := max(0, len(st.Calls)-4) // the latest calls
	for _, c := range st.Calls[first:] {
		b.WriteString(cut(m.callLine(&c), w) + "\n")
	}
	if len(m.hotline.items) == 0 {
		return b.String()
	}
	b.WriteString(s.hrule("you can", w) + "\n")
	lead := m.g.lead()
	for k, it := range m.hotline.items {
		var text string
		switch {
		case it.call > 0:
			c := &st.Calls[it.call-1]
			text = s.Bad.Render(fmt.Sprintf("☎ answer call %d from %s", c.N, c.From.Title())) +
				fmt.Sprintf(" — %s left (enter, or 1 commit · 2 explain · 3 deny)", span(c.AnswerBy-st.Now))
		case it.ring:
			text = "ring " + m.g.Side.Other().Title() + " on the hotline (a general complaint; r in Requests rings about one request)"
			if err := m.g.check(game.Command{Team: lead, Verb: game.Ring}); err != nil {
				text = s.Dim.Render(text + ": " + err.Error())
			}
		default:
			a := &sc.Actions[it.action]
			text = a.Label
			if m.g.check(game.Command{Team: lead, Verb: game.Act, Action: a.ID}) != nil {
				text = s.Dim.Render(a.Label + " (not possible now)")
			}
		}
		line := "  " + text
		if k == m.hotline.cursor {
			line = s.Selected.Render(pad("▸ "+text, w))
		}
		b.WriteString(cut(line, w) + "\n")
	}
	if it := m.hotline.items[m.hotline.cursor]; it.action >= 0 {
		if a := &sc.Actions[it.action]; a.Text != "" {
			b.WriteString(s.Dim.Render(wrap(a.Text, w-2)) + "\n")
		}
	}
	return b.String()
}

func (m *Model) callLine(c *game.Call) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	who := "You rang " + c.From.Other().Title()
	switch {
	case m.g.Viewer.All:
		who = c.From.Title() + " rang " + c.From.Other().Title()
	case c.From != m.g.Side:
		who = c.From.Title() + " rang you"
	}
	about := ""
	if c.About != "" {
		about = " about " + c.About
	}
	var state string
	switch {
	case c.Open():
		state = s.Bad.Render("☎ RINGING") + fmt.Sprintf(", %s left ", span(c.AnswerBy-st.Now)) + s.bar(c.AnswerBy-st.Now, sc.Hotline.AnswerWithin, 8)
	case c.Missed:
		state = s.Bad.Render("✗ unanswered")
	case c.Kept:
		state = s.Good.Render("commitment kept")
	case c.Broken:
		state = s.Bad.Render("commitment broken")
	case c.Answer == injects.Commit:
		state = fmt.Sprintf("committed, by %s", short(sc, c.PromiseBy))
	default:
		state = "answered: " + c.Answer.String()
	}
	return fmt.Sprintf("  %d  %s %s%s — %s", c.N, short(sc, c.RangAt), who, about, state)
}

// ladderWhy says who last moved the ladder and why, as the log says it.
func (m *Model) ladderWhy() string {
	events := m.g.since(0)
	st := m.g.State()
	for i := min(len(events), st.Seq) - 1; i >= 0; i-- {
		if ev := &events[i]; ev.Type == game.LadderMoved {
			return short(st.Scenario, ev.At) + " " + game.Describe(st, ev)
		}
	}
	return ""
}
