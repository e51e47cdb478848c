package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/injects"
)

// hotline is the escalation ladder and who stands where on it, the latest
// calls, and for a seat that acts the moves open to it: answer a call,
// ring, or take one of the scenario's actions (a public statement, a
// sanctions threat).
type hotline struct {
	c      *common
	acts   bool
	items  []hotItem
	cursor int
	front  bool
	// answered is set when the other side answered one of the seat's
	// side's calls since the panel was last in front.
	answered bool
	w, h     int
}

type hotItem struct {
	call   int // an incoming call to answer, or 0
	ring   bool
	action int // a scenario action, or -1
}

func newHotline(c *common, acts bool) *hotline { return &hotline{c: c, acts: acts} }

func (h *hotline) title() string { return "Hotline" }

func (h *hotline) setSize(w, ht int) { h.w, h.h = w, ht }

// badge says a call to the seat's side is ringing, or the other side
// has answered one of its calls.
func (h *hotline) badge() string {
	g := h.c.g
	for _, c := range g.State().Calls {
		if c.Open() && c.From != g.Side {
			return " ☎ ringing"
		}
	}
	if h.answered {
		return " ↩ answered"
	}
	return ""
}

func (h *hotline) setFocus(front bool) {
	h.front = front
	if front {
		h.answered = false
	}
}

// notice says when the other side answers a call the seat's side made,
// and marks the tab until the panel is in front.
func (h *hotline) notice(ev *game.Event) act {
	g := h.c.g
	if !h.acts || ev.Type != game.Answered || g.State().Calls[ev.Call-1].From != g.Side {
		return act{}
	}
	h.answered = h.answered || !h.front
	return say(statusInfo, "☎ "+game.Describe(g.State(), ev))
}

func (h *hotline) refresh() {
	g := h.c.g
	st, sc := g.State(), g.Scenario()
	h.items = h.items[:0]
	if !h.acts {
		return // seen from above: nothing to do here
	}
	for _, c := range st.Calls {
		if c.Open() && c.From != g.Side {
			h.items = append(h.items, hotItem{call: c.N, action: -1})
		}
	}
	h.items = append(h.items, hotItem{ring: true, action: -1})
	for i := range sc.Actions {
		if sc.Actions[i].Side == g.Side {
			h.items = append(h.items, hotItem{action: i})
		}
	}
	h.cursor = min(h.cursor, len(h.items)-1)
}

func (h *hotline) update(msg tea.KeyPressMsg) act {
	k, g := h.c.keys, h.c.g
	if len(h.items) == 0 {
		return act{}
	}
	switch {
	case key.Matches(msg, k.Up):
		h.cursor = max(0, h.cursor-1)
	case key.Matches(msg, k.Down):
		h.cursor = min(len(h.items)-1, h.cursor+1)
	case key.Matches(msg, k.Ring):
		return ring(g, "")
	case key.Matches(msg, k.Option):
		if it := h.items[h.cursor]; it.call > 0 {
			n := int(msg.String()[0] - '0')
			if n >= 1 && n <= 3 {
				return answer(g, it.call, injects.Answers()[n-1])
			}
		}
	case key.Matches(msg, k.Open):
		it := h.items[h.cursor]
		switch {
		case it.call > 0:
			return act{open: &call{c: h.c, n: it.call}}
		case it.ring:
			return ring(g, "")
		case it.action >= 0:
			a := &g.Scenario().Actions[it.action]
			return command(game.Command{Team: g.lead(), Verb: game.Act, Action: a.ID}, a.Label)
		}
	}
	return act{}
}

func (h *hotline) help() []key.Binding {
	k := h.c.keys
	keys := []key.Binding{k.Up, k.Down}
	if h.acts {
		keys = append(keys, withHelp(k.Open, "enter", "do it"), withHelp(k.Ring, "r", "ring"))
	}
	return keys
}

func (h *hotline) view() string {
	w, g := h.w, h.c.g
	s, st, sc := h.c.styles, g.State(), g.Scenario()
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
	if why := h.ladderWhy(); why != "" {
		b.WriteString(s.Dim.Render(cut("  last moved: "+why, w)) + "\n")
	}
	b.WriteString(s.hrule("calls", w) + "\n")
	if len(st.Calls) == 0 {
		b.WriteString(s.Dim.Render("  No call yet. A call must be answered within "+span(sc.Hotline.AnswerWithin)+".") + "\n")
	}
	first := max(0, len(st.Calls)-4) // the latest calls
	for _, c := range st.Calls[first:] {
		b.WriteString(cut(h.callLine(&c), w) + "\n")
	}
	if len(h.items) == 0 {
		return b.String()
	}
	b.WriteString(s.hrule("you can", w) + "\n")
	lead := g.lead()
	for k, it := range h.items {
		var text string
		switch {
		case it.call > 0:
			c := &st.Calls[it.call-1]
			text = s.Bad.Render(fmt.Sprintf("☎ answer call %d from %s", c.N, c.From.Title())) +
				fmt.Sprintf(" — %s left (enter, or 1 commit · 2 explain · 3 deny)", span(c.AnswerBy-st.Now))
		case it.ring:
			text = "ring " + g.Side.Other().Title() + " on the hotline (a general complaint; r in Requests rings about one request)"
			if err := g.check(game.Command{Team: lead, Verb: game.Ring}); err != nil {
				text = s.Dim.Render(text + ": " + err.Error())
			}
		default:
			a := &sc.Actions[it.action]
			text = a.Label
			if g.check(game.Command{Team: lead, Verb: game.Act, Action: a.ID}) != nil {
				text = s.Dim.Render(a.Label + " (not possible now)")
			}
		}
		if k != h.cursor {
			b.WriteString(hang("  ", text, w) + "\n")
			continue
		}
		for _, line := range strings.Split(hang("▸ ", text, w), "\n") {
			b.WriteString(s.Selected.Render(pad(line, w)) + "\n")
		}
	}
	if it := h.items[h.cursor]; it.action >= 0 {
		if a := &sc.Actions[it.action]; a.Text != "" {
			b.WriteString(s.Dim.Render(wrap(a.Text, w-2)) + "\n")
		}
	}
	return b.String()
}

func (h *hotline) callLine(c *game.Call) string {
	g := h.c.g
	s, st, sc := h.c.styles, g.State(), g.Scenario()
	who := "You rang " + c.From.Other().Title()
	switch {
	case g.Viewer.All:
		who = c.From.Title() + " rang " + c.From.Other().Title()
	case c.From != g.Side:
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
func (h *hotline) ladderWhy() string {
	events := h.c.g.since(0)
	st := h.c.g.State()
	for i := min(len(events), st.Seq) - 1; i >= 0; i-- {
		if ev := &events[i]; ev.Type == game.LadderMoved {
			return short(st.Scenario, ev.At) + " " + game.Describe(st, ev)
		}
	}
	return ""
}
