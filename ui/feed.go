package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
)

// feedState is the inject feed: what has reached the player's side,
// newest first, and which one is selected.
type feedState struct {
	items  []int // inject indexes, newest first
	cursor int
	top    int // first item shown
	scroll scrollState
}

func (m *Model) buildFeed() {
	st, sc := m.g.State(), m.g.Scenario()
	var sel string
	if i, ok := m.selectedInject(); ok {
		sel = sc.Injects[i].ID
	}
	m.feed.items = m.feed.items[:0]
	for i := range sc.Injects {
		in := &sc.Injects[i]
		if st.Injects[i].Status == game.Fired && (in.To.All || in.To.Side == m.g.Side) {
			m.feed.items = append(m.feed.items, i)
		}
	}
	slices.SortFunc(m.feed.items, func(a, b int) int {
		return cmp.Or(cmp.Compare(st.Injects[b].FiredAt, st.Injects[a].FiredAt), b-a)
	})
	// Keep the selection on the same inject as new ones arrive above it.
	m.feed.cursor = 0
	for k, i := range m.feed.items {
		if sc.Injects[i].ID == sel {
			m.feed.cursor = k
		}
	}
	m.markRead()
}

func (m *Model) selectedInject() (int, bool) {
	if m.g == nil || len(m.feed.items) == 0 {
		return 0, false
	}
	return m.feed.items[min(m.feed.cursor, len(m.feed.items)-1)], true
}

// markRead marks the selected inject read while the feed is in view.
func (m *Model) markRead() {
	if i, ok := m.selectedInject(); ok && m.panel == feedPanel {
		m.read[m.g.Scenario().Injects[i].ID] = true
	}
}

// awaitsChoice reports whether the player's side still has to decide on
// inject i.
func (m *Model) awaitsChoice(i int) bool {
	in, is := &m.g.Scenario().Injects[i], &m.g.State().Injects[i]
	return len(in.Choices) > 0 && !is.Resolved && !in.To.All && in.To.Side == m.g.Side
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
	case key.Matches(msg, k.Option):
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
	m.do(game.Command{Team: game.AddressedTeam(sc, in), Verb: game.Choose, Inject: in.ID, Choice: ch.ID}, "Decided: "+ch.Label)
}

// feedView lists the feed above the selected briefing, or beside it when
// the terminal is wide.
func (m *Model) feedView(w, h int) string {
	if len(m.feed.items) == 0 {
		return m.styles.Dim.Render("Nothing has arrived yet. Start the clock with space.")
	}
	if bw := m.briefingWidth(); bw < w {
		lw := w - bw - 1
		return m.styles.columns(m.feedList(lw, h), lw, m.briefing(bw, h), bw, h)
	}
	listH := min(len(m.feed.items)+1, max(4, h/3))
	return m.feedList(w, listH) + "\n" + m.styles.hrule("briefing", w) + "\n" + m.briefing(w, h-listH-1)
}

// feedList is one line per inject: unread mark, time, channel, title, and
// whether a decision is due.
func (m *Model) feedList(w, h int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	f := &m.feed
	rows := h
	f.top = min(max(f.top, f.cursor-rows+1), f.cursor)
	f.top = max(0, min(f.top, len(f.items)-rows))
	var lines []string
	for k := f.top; k < len(f.items) && len(lines) < rows; k++ {
		i := f.items[k]
		in := &sc.Injects[i]
		mark := "  "
		if !m.read[in.ID] {
			mark = s.Accent.Render("● ")
		}
		tag := fmt.Sprintf("%-7s", channelTag(in.Channel.String()))
		flag := ""
		switch {
		case m.awaitsChoice(i) && in.Deadline != nil:
			flag = s.Warn.Render(" ⚑ decide in " + span(st.Injects[i].FiredAt+in.Deadline.Within-st.Now))
		case m.awaitsChoice(i):
			flag = s.Warn.Render(" ⚑ decide")
		}
		line := mark + s.Dim.Render(short(sc, st.Injects[i].FiredAt)) + " " + s.Accent.Render(tag) + " " + in.Title
		line = cut(line, w-lipglossWidth(flag)) + flag
		if k == f.cursor {
			line = s.Selected.Render(pad(line, w))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
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

// briefing shows the selected inject: who sent it, the Markdown body, and
// its choices with the deadline.
func (m *Model) briefing(w, h int) string {
	i, ok := m.selectedInject()
	if !ok {
		return ""
	}
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	in, is := &sc.Injects[i], &st.Injects[i]
	from := in.From
	if p, ok := sc.Persona(in.From); ok {
		from = p.Name
	}
	var b strings.Builder
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

// choicesView lists an inject's choices, or what was decided.
func (m *Model) choicesView(i int, w int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	in, is := &sc.Injects[i], &st.Injects[i]
	var b strings.Builder
	switch {
	case is.Resolved && is.Timeout && is.Choice == "":
		b.WriteString(s.Warn.Render("No decision was made before the deadline.") + "\n")
	case is.Resolved:
		ch, _ := in.Choice(is.Choice)
		how := "Decided"
		if is.Timeout {
			how = "The deadline passed, so this applied"
		}
		b.WriteString(s.Good.Render(how+": "+ch.Label) + "\n")
	case in.To.Side != m.g.Side || in.To.All:
		b.WriteString(s.Dim.Render("The other side decides on this.") + "\n")
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
