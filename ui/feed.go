package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/injects"
)

// feedState is the feed: what has reached the seat (game.Feed), newest
// first, and which item is selected.
type feedState struct {
	items  []feedItem
	cursor int
	top    int // first item shown
	scroll scrollState
}

// feedItem is an inject that fired, a message the control cell sent, or a
// request from the other side.
type feedItem struct {
	inject  int // index in the scenario, or -1
	msg     int // index in the state's messages, or -1
	request int // index in the scenario's requests, or -1
	at      time.Duration
}

// id names the item for the read marks and the Markdown cache.
func (m *Model) itemID(it feedItem) string {
	switch {
	case it.inject >= 0:
		return m.g.Scenario().Injects[it.inject].ID
	case it.request >= 0:
		return "request " + m.g.Scenario().Requests[it.request].ID
	}
	return "message " + strconv.Itoa(it.msg+1)
}

func (m *Model) buildFeed() {
	sel := ""
	if it, ok := m.selectedItem(); ok {
		sel = m.itemID(it)
	}
	m.feed.items = m.feed.items[:0]
	for _, it := range game.Feed(m.g.State(), m.g.Viewer) {
		m.feed.items = append(m.feed.items, feedItem{inject: it.Inject, msg: it.Message, request: it.Request, at: it.At})
	}
	// Keep the selection on the same item as new ones arrive above it.
	m.feed.cursor = 0
	for k, it := range m.feed.items {
		if m.itemID(it) == sel {
			m.feed.cursor = k
		}
	}
	m.markRead()
}

func (m *Model) selectedItem() (feedItem, bool) {
	if m.g == nil || len(m.feed.items) == 0 {
		return feedItem{}, false
	}
	return m.feed.items[min(m.feed.cursor, len(m.feed.items)-1)], true
}

// selectedInject is the selected item's inject, if it is one.
func (m *Model) selectedInject() (int, bool) {
	it, ok := m.selectedItem()
	return it.inject, ok && it.inject >= 0
}

// markRead marks the selected item read while the feed is in view.
func (m *Model) markRead() {
	if it, ok := m.selectedItem(); ok && m.panel == feedPanel {
		m.read[m.itemID(it)] = true
	}
}

// decider is the team the seat decides inject i as: the team it names, or
// the seat's own team of the side it is addressed to.
func (m *Model) decider(i int) string {
	in := &m.g.Scenario().Injects[i]
	if in.To.Team != "" {
		return in.To.Team
	}
	return m.g.lead()
}

// awaitsChoice reports whether the seat still has to decide on inject i:
// whether the engine would take a choice from it now.
func (m *Model) awaitsChoice(i int) bool {
	in := &m.g.Scenario().Injects[i]
	if len(in.Choices) == 0 || m.g.State().Injects[i].Resolved || m.opts.View != PlayView {
		return false
	}
	return m.g.check(game.Command{Team: m.decider(i), Verb: game.Choose, Inject: in.ID, Choice: in.Choices[0].ID}) == nil
}

func (m *Model) feedKeys(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.feed.cursor = max(0, m.feed.cursor-1)
		m.feed.scroll.offset = 0
	case key.Matches(msg, k.Down):
		m.feed.cursor = min(len(m.feed.items)-1, m.feed.cursor+1)
		m.feed.scroll.offset = 0
	case key.Matches(msg, k.PageDn):
		m.feed.scroll.offset += 5
	case key.Matches(msg, k.PageUp):
		m.feed.scroll.offset = max(0, m.feed.scroll.offset-5)
	case key.Matches(msg, k.Option) && m.opts.View == PlayView:
		m.choose(int(msg.String()[0] - '0'))
	}
	m.markRead()
	return nil
}

// choose takes choice n (from 1) on the selected inject.
func (m *Model) choose(n int) {
	i, ok := m.selectedInject()
	if !ok {
		return
	}
	sc := m.g.Scenario()
	in := &sc.Injects[i]
	if n < 1 || n > len(in.Choices) {
		if len(in.Choices) == 0 {
			m.setStatus(statusInfo, "This inject offers no choices.")
		} else {
			m.setStatus(statusBad, fmt.Sprintf("Choose 1 to %d.", len(in.Choices)))
		}
		return
	}
	ch := &in.Choices[n-1]
	m.do(game.Command{Team: m.decider(i), Verb: game.Choose, Inject: in.ID, Choice: ch.ID}, "Decided: "+ch.Label)
}

// feedView lists the feed above the selected briefing, or beside it when
// the terminal is wide.
func (m *Model) feedView(w, h int) string {
	if len(m.feed.items) == 0 {
		if m.g.Actor.RunsClock() {
			return m.styles.Dim.Render("Nothing has arrived yet. Start the clock with space.")
		}
		return m.styles.Dim.Render("Nothing has arrived yet.")
	}
	if bw := m.briefingWidth(); bw < w {
		lw := w - bw - 1
		return m.styles.columns(m.feedList(lw, h), lw, m.briefing(bw, h), bw, h)
	}
	listH := min(m.feedLines()+1, max(4, h/3))
	return m.feedList(w, listH) + "\n" + m.styles.hrule("briefing", w) + "\n" + m.briefing(w, h-listH-1)
}

// feedList is a line per item: unread mark, time, channel and title; an
// item awaiting the seat's decision has a second line with its deadline,
// so that the title keeps its room.
func (m *Model) feedList(w, h int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	f := &m.feed
	var lines []string
	cursorAt := 0
	for k, it := range f.items {
		mark := "  "
		if !m.read[m.itemID(it)] {
			mark = s.Accent.Render("● ")
		}
		var tag, title, flag string
		switch {
		case it.inject >= 0:
			in := &sc.Injects[it.inject]
			tag, title = channelTag(in.Channel.String()), in.Title
			switch {
			case m.awaitsChoice(it.inject) && in.Deadline != nil:
				flag = "⚑ decide by " + calendar(sc, st.Injects[it.inject].FiredAt+in.Deadline.Within) +
					" (" + span(st.Injects[it.inject].FiredAt+in.Deadline.Within-st.Now) + " left)"
			case m.awaitsChoice(it.inject):
				flag = "⚑ awaits your decision"
			}
		case it.request >= 0:
			tag, title = "REQUEST", sc.Requests[it.request].Subject
		default:
			tag, title = "WHITE", st.Messages[it.msg].Title
		}
		if m.g.Viewer.All {
			title = m.audienceTag(m.audienceOf(it)) + " " + title
		}
		line := cut(mark+s.Dim.Render(short(sc, it.at))+" "+s.Accent.Render(fmt.Sprintf("%-7s", tag))+" "+title, w)
		item := []string{line}
		if flag != "" {
			item = append(item, s.Warn.Render(cut("   "+flag, w)))
		}
		if k == f.cursor {
			cursorAt = len(lines)
			for j := range item {
				item[j] = s.Selected.Render(pad(item[j], w))
			}
		}
		lines = append(lines, item...)
	}
	// Keep the selected item in view, and the window full.
	f.top = min(max(f.top, cursorAt-h+2), cursorAt)
	f.top = max(0, min(f.top, len(lines)-h))
	return strings.Join(lines[f.top:min(len(lines), f.top+h)], "\n")
}

func (m *Model) audienceOf(it feedItem) injects.Audience {
	switch {
	case it.inject >= 0:
		return m.g.Scenario().Injects[it.inject].To
	case it.request >= 0:
		return injects.Audience{Side: m.g.Scenario().Requests[it.request].To}
	}
	return m.g.State().Messages[it.msg].To
}

// audienceTag is a short name for whom something is addressed to, for
// seats that see both sides.
func (m *Model) audienceTag(a injects.Audience) string {
	switch {
	case a.All:
		return "[ALL]"
	case a.Team != "":
		return "[" + strings.ToUpper(a.Team) + "]"
	}
	return "[" + sideCode(a.Side) + "]"
}

func channelTag(c string) string {
	switch c {
	case "note":
		return "NOTE"
	case "intel":
		return "INTEL"
	}
	return strings.ToUpper(c)
}

// feedLines counts the feed list's lines.
func (m *Model) feedLines() int {
	n := len(m.feed.items)
	for _, it := range m.feed.items {
		if it.inject >= 0 && m.awaitsChoice(it.inject) {
			n++
		}
	}
	return n
}

// briefing shows the selected item: who sent it, the Markdown body, and an
// inject's choices with the deadline.
func (m *Model) briefing(w, h int) string {
	it, ok := m.selectedItem()
	if !ok {
		return ""
	}
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	var b strings.Builder
	if it.request >= 0 {
		req := &sc.Requests[it.request]
		b.WriteString(s.Title.Render(req.Subject) + "\n")
		kind := req.Kind.Title()
		b.WriteString(s.Dim.Render(fmt.Sprintf("%s%s from %s to %s · %s", strings.ToUpper(kind[:1]), kind[1:], req.From.Title(), req.To.Title(),
			calendar(sc, st.Requests[it.request].OpenedAt))) + "\n")
		if m.opts.View == PlayView && req.To == m.g.Side {
			b.WriteString(s.Warn.Render("Answer it on the Requests panel (tab).") + "\n")
		}
		b.WriteString(m.md.get(mdKey{"feed request", req.ID, w}, req.Body) + "\n")
		return scrolled(b.String(), &m.feed.scroll, h)
	}
	if it.inject < 0 {
		msg := &st.Messages[it.msg]
		b.WriteString(s.Title.Render(msg.Title) + "\n")
		b.WriteString(s.Dim.Render(fmt.Sprintf("Message from %s (White Cell) to %s · %s", msg.By, audienceName(sc, msg.To), calendar(sc, msg.At))) + "\n")
		b.WriteString(m.md.get(mdKey{"message", m.itemID(it), w}, msg.Text) + "\n")
		return scrolled(b.String(), &m.feed.scroll, h)
	}
	i := it.inject
	in, is := &sc.Injects[i], &st.Injects[i]
	from := in.From
	if p, ok := sc.Persona(in.From); ok {
		from = p.Name
	}
	b.WriteString(s.Title.Render(in.Title) + "\n")
	b.WriteString(s.Dim.Render(fmt.Sprintf("%s from %s · %s", in.Channel.Title(), from, calendar(sc, is.FiredAt))) + "\n")
	// The decision comes before the text: with a deadline running, the
	// options must be in sight whatever the window's height.
	if len(in.Choices) > 0 {
		b.WriteString(m.choicesView(i, w))
	}
	b.WriteString(m.md.get(mdKey{"inject", in.ID, w}, in.Body) + "\n")
	return scrolled(b.String(), &m.feed.scroll, h)
}

// audienceName names an audience in full.
func audienceName(sc *injects.Scenario, a injects.Audience) string {
	switch {
	case a.All:
		return "both delegations"
	case a.Team != "":
		if t, ok := sc.Team(a.Team); ok {
			return t.Name
		}
	}
	return a.Side.Title()
}

// choicesView lists an inject's choices, or what was decided and by whom.
func (m *Model) choicesView(i int, w int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	in, is := &sc.Injects[i], &st.Injects[i]
	var b strings.Builder
	switch {
	case is.Resolved && is.Timeout && is.Choice == "":
		b.WriteString(s.Warn.Render("No decision was made before the deadline.") + "\n")
	case is.Resolved:
		ch, _ := in.Choice(is.Choice)
		how := "Decided" + m.byWhom(is.Person, is.By)
		if is.Timeout {
			how = "The deadline passed, so this applied"
		}
		b.WriteString(s.Good.Render(how+": "+ch.Label) + "\n")
	case !m.awaitsChoice(i):
		who := "The other side decides on this."
		switch {
		case m.opts.View != PlayView:
			who = audienceName(sc, in.To) + " decides on this."
		case in.To.Side == m.g.Side && !in.To.All:
			who = audienceName(sc, in.To) + " decides on this."
		}
		b.WriteString(s.Dim.Render(who) + "\n")
		if m.opts.View != PlayView {
			for k, ch := range in.Choices {
				b.WriteString(s.Dim.Render(cut(fmt.Sprintf(" %d  %s", k+1, ch.Label), w)) + "\n")
			}
		}
	default:
		head := "Your decision"
		if dl := in.Deadline; dl != nil {
			left := is.FiredAt + dl.Within - st.Now
			head += fmt.Sprintf(", by %s (%s left) %s", calendar(sc, is.FiredAt+dl.Within), span(left), s.bar(left, dl.Within, 10))
		}
		b.WriteString(s.Warn.Render("⚑ "+head) + "\n")
		for k, ch := range in.Choices {
			b.WriteString(cut(fmt.Sprintf(" %s  %s", s.Accent.Render(fmt.Sprint(k+1)), ch.Label), w) + "\n")
		}
		if dl := in.Deadline; dl != nil && dl.Choose != "" {
			ch, _ := in.Choice(dl.Choose)
			b.WriteString(s.Dim.Render(cut("If time runs out: "+ch.Label, w)) + "\n")
		}
	}
	return b.String()
}

// byWhom says who made a decision, when it was someone other than the one
// looking: " by Ana (FBI)", or nothing.
func (m *Model) byWhom(person, team string) string {
	if person == "" || person == m.g.Actor.Name || person == game.SoloPlayer {
		return ""
	}
	who := person
	if name, ok := strings.CutPrefix(person, "bot:"); ok {
		who = "the " + name + " bot"
	}
	if t, ok := m.g.Scenario().Team(team); ok {
		who += " (" + t.Name + ")"
	}
	return " by " + who
}
