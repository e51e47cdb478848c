package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hotline/game"
	"hotline/injects"
)

// Rows around the body: three header lines and the tab bar above, the
// status and help lines below.
const chromeRows = 6

// View draws the screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "Hotline"
	if m.g != nil {
		v.WindowTitle = "Hotline — " + m.g.Scenario().Title
	}
	return v
}

// render draws the screen's content.
func (m *Model) render() string {
	if m.width < MinWidth || m.height < MinHeight {
		return m.tooSmall()
	}
	if m.screen == startScreen {
		return m.startView()
	}
	bodyH := m.height - chromeRows
	var body string
	switch {
	case m.showHelp:
		body = m.fullHelp(m.width, bodyH)
	case m.screen == endScreen:
		body = m.endView(m.width, bodyH)
	case m.modalCall != 0:
		body = m.callView(m.width, bodyH)
	default:
		body = m.panelView(m.width, bodyH)
	}
	return strings.Join([]string{
		m.headerView(m.width),
		m.tabsView(m.width),
		box(body, m.width, bodyH),
		m.statusView(m.width),
		m.helpView(m.width),
	}, "\n")
}

func (m *Model) tooSmall() string {
	msg := fmt.Sprintf("Hotline needs a terminal of at least %d×%d.\nThis one is %d×%d: enlarge the window or make the font smaller.\n\nThe story clock is paused until then. q quits.",
		MinWidth, MinHeight, m.width, m.height)
	w := max(m.width, 1)
	return lipgloss.Place(w, max(m.height, 1), lipgloss.Center, lipgloss.Center, wrap(msg, min(w, 60)))
}

func (m *Model) panelView(w, h int) string {
	switch m.panel {
	case feedPanel:
		return m.feedView(w, h)
	case requestsPanel:
		return m.requestsView(w, h)
	case hotlinePanel:
		return m.hotlineView(w, h)
	case reviewPanel:
		return m.reviewView(w, h)
	default:
		return m.journalView(w, h)
	}
}

// headerView shows the scenario, both capitals' clocks, the clock's state,
// the escalation rung and the meters.
func (m *Model) headerView(w int) string {
	s, g := m.styles, m.g
	st, sc := g.State(), g.Scenario()
	t := sc.Time(st.Now)
	you := "You: " + sc.Sides[g.Side].Name
	title := s.Brand.Render("HOTLINE") + "  " + s.Title.Render(sc.Title)
	line1 := pad(title, w-lipglossWidth(you)-1) + " " + s.Dim.Render(you)

	clock := s.Warn.Render("❚❚ PAUSED")
	switch {
	case st.Ended:
		clock = s.Bold.Render("■ ENDED")
	case st.Running:
		clock = s.Good.Render("▶ running at " + span(g.Speed()) + "/s")
	}
	line2 := t.Format("Mon 02 Jan 2006 15:04") + " Washington" + s.Dim.Render(" · ") +
		t.In(beijing).Format("Mon 02 Jan 2006 15:04") + " Beijing" + s.Dim.Render(" · ") + clock

	rungs := sc.Hotline.Rungs
	ladder := fmt.Sprintf("Ladder: %s (%d of %d)", rungs[st.Rung].Title, st.Rung+1, len(rungs))
	if st.Rung > 0 {
		ladder = s.Warn.Render(ladder)
	}
	parts := []string{ladder}
	for i := range sc.Variables {
		v := &sc.Variables[i]
		if !v.Meter() {
			continue
		}
		val := st.Vars[i].Int
		parts = append(parts, v.ID+" "+s.meter(val, v.Min, v.Max, 10)+" "+fmt.Sprint(val))
	}
	line3 := strings.Join(parts, s.Dim.Render(" · "))
	if lipglossWidth(line3) > w {
		parts = parts[:1]
		for i := range sc.Variables {
			if v := &sc.Variables[i]; v.Meter() {
				parts = append(parts, fmt.Sprintf("%s %d", v.ID, st.Vars[i].Int))
			}
		}
		line3 = strings.Join(parts, s.Dim.Render(" · "))
	}
	return pad(line1, w) + "\n" + pad(line2, w) + "\n" + pad(line3, w)
}

func lipglossWidth(s string) int { return lipgloss.Width(s) }

// tabsView names the panels, marks the one in focus with brackets and
// says where something waits.
func (m *Model) tabsView(w int) string {
	s := m.styles
	var tabs []string
	for p := panel(0); p < numPanels; p++ {
		name := panelNames[p] + m.tabBadge(p)
		if p == m.panel && m.screen == playScreen {
			tabs = append(tabs, s.ActiveTab.Render("["+name+"]"))
		} else {
			tabs = append(tabs, s.Tab.Render(" "+name+" "))
		}
	}
	return pad(strings.Join(tabs, s.Rule.Render("│")), w)
}

// tabBadge says what waits in a panel, in words and symbols.
func (m *Model) tabBadge(p panel) string {
	switch p {
	case feedPanel:
		unread, decide := 0, 0
		for _, i := range m.feed.items {
			in := &m.g.Scenario().Injects[i]
			if !m.read[in.ID] {
				unread++
			}
			if m.awaitsChoice(i) {
				decide++
			}
		}
		badge := ""
		if unread > 0 {
			badge += fmt.Sprintf(" ●%d new", unread)
		}
		if decide > 0 {
			badge += fmt.Sprintf(" ⚑%d", decide)
		}
		return badge
	case requestsPanel:
		if n := m.overdueIncoming(); n > 0 {
			return fmt.Sprintf(" ⚠%d overdue", n)
		}
	case hotlinePanel:
		for _, c := range m.g.State().Calls {
			if c.Open() && c.From != m.g.Side {
				return " ☎ ringing"
			}
		}
	}
	return ""
}

func (m *Model) statusView(w int) string {
	s := m.styles
	if m.confirmQuit {
		msg := "Every decision so far is saved"
		if p := m.g.LogPath(); p != "" {
			msg += " in " + p + "; resume with: hotline resume " + p
		}
		return pad(s.Warn.Render("Quit? y/n")+"  "+msg, w)
	}
	text := m.status
	switch m.statusKind {
	case statusGood:
		text = s.Good.Render(text)
	case statusBad:
		text = s.Bad.Render(text)
	}
	return pad(text, w)
}

// helpView is the short help for where the player is.
func (m *Model) helpView(w int) string {
	m.help.SetWidth(w)
	return pad(m.help.ShortHelpView(m.contextKeys().short), w)
}

func (m *Model) fullHelp(w, h int) string {
	m.help.SetWidth(w)
	title := m.styles.Title.Render("Keys") + m.styles.Dim.Render("  (? closes)")
	return title + "\n\n" + m.help.FullHelpView(m.contextKeys().full)
}

// contextKeys are the keys that do something where the player is.
func (m *Model) contextKeys() helpKeys {
	k := m.keys
	global := []key.Binding{k.Pause, k.Faster, k.Next, k.Help, k.Quit}
	var here []key.Binding
	switch {
	case m.screen == endScreen:
		return helpKeys{short: []key.Binding{k.Up, k.Down, k.PageDn, k.Quit},
			full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDn}, {k.Help, k.Quit}}}
	case m.modalCall != 0:
		here = []key.Binding{withHelp(k.Option, "1-3", "commit · explain · deny"), withHelp(k.Back, "esc", "let it ring")}
	default:
		here = m.panelKeys()
	}
	short := append(append([]key.Binding{}, here...), global...)
	return helpKeys{short: short, full: [][]key.Binding{here,
		{k.Pause, withHelp(k.Faster, "+", "faster"), k.Slower},
		missing(here, k.Next, k.Prev, k.PageUp, k.PageDn), {k.Help, k.Quit}}}
}

// missing returns the bindings of more that are not already in have.
func missing(have []key.Binding, more ...key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range more {
		if !slices.ContainsFunc(have, func(h key.Binding) bool { return slices.Equal(h.Keys(), b.Keys()) }) {
			out = append(out, b)
		}
	}
	return out
}

func (m *Model) panelKeys() []key.Binding {
	k := m.keys
	switch m.panel {
	case feedPanel:
		keys := []key.Binding{k.Up, k.Down}
		if i, ok := m.selectedInject(); ok && m.awaitsChoice(i) {
			keys = append(keys, withHelp(k.Option, "1-9", "decide"))
		}
		return append(keys, k.PageDn)
	case requestsPanel:
		return m.requestHelp()
	case hotlinePanel:
		return []key.Binding{k.Up, k.Down, withHelp(k.Open, "enter", "do it"), withHelp(k.Ring, "r", "ring")}
	default:
		return []key.Binding{k.Up, k.Down, k.PageDn}
	}
}

// scrollState is a scroll position in a long text.
type scrollState struct{ offset int }

func (m *Model) scrollKeys(msg tea.KeyPressMsg, s *scrollState) tea.Cmd {
	k := m.keys
	page := max(1, m.height-chromeRows-2)
	switch {
	case key.Matches(msg, k.Up):
		s.offset--
	case key.Matches(msg, k.Down):
		s.offset++
	case key.Matches(msg, k.PageUp):
		s.offset -= page
	case key.Matches(msg, k.PageDn):
		s.offset += page
	}
	s.offset = max(s.offset, 0)
	return nil
}

// scrolled shows the part of text starting at the scroll offset, keeping the
// offset within the text, and says when there is more above or below.
func scrolled(text string, s *scrollState, h int) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) <= h {
		s.offset = 0
		return strings.Join(lines, "\n")
	}
	maxOff := len(lines) - h
	s.offset = min(s.offset, maxOff)
	shown := slices.Clone(lines[s.offset : s.offset+h])
	if s.offset > 0 {
		shown[0] = fmt.Sprintf("↑ %d more lines above (pgup)", s.offset)
	}
	if below := len(lines) - s.offset - h; below > 0 {
		shown[h-1] = fmt.Sprintf("↓ %d more lines below (pgdn)", below+1)
	}
	return strings.Join(shown, "\n")
}

// reviewView shows the newest dialogue review, or the review as play stands.
func (m *Model) reviewView(w, h int) string {
	return scrolled(m.reviewText, &m.review, h)
}

// prepare builds, in Update, the long texts the visible screen shows, so
// that View only cuts them to size: a review of many requests takes
// milliseconds to write.
func (m *Model) prepare() {
	if m.g == nil {
		return
	}
	st, sc := m.g.State(), m.g.Scenario()
	visible := m.screen == endScreen || m.screen == playScreen && m.panel == reviewPanel
	if !visible || m.textSeq == st.Seq && m.textScreen == m.screen && m.textWidth == m.width {
		return
	}
	m.textSeq, m.textScreen, m.textWidth = st.Seq, m.screen, m.width
	var b strings.Builder
	if m.screen == endScreen {
		m.endText(&b)
		m.reviewText = b.String()
		return
	}
	card := game.Review(st, -1)
	if n := len(st.Reviews); n > 0 && st.Reviews[n-1].At == game.Offset(st.Now) {
		card = st.Reviews[n-1] // the meeting just held
	}
	game.WriteReview(&b, sc, card)
	m.reviewText = b.String() + m.nextMeeting()
}

func (m *Model) nextMeeting() string {
	st, sc := m.g.State(), m.g.Scenario()
	held := 0
	for _, r := range st.Reviews {
		if r.Meeting > 0 {
			held++
		}
	}
	if held < len(sc.Review.Meetings) {
		at := sc.Review.Meetings[held]
		return fmt.Sprintf("\nThe dialogue next meets %s (in %s); a closing review follows the end, %s.\n",
			calendar(sc, at), span(at-st.Now), calendar(sc, sc.End))
	}
	return fmt.Sprintf("\nThe closing review follows the end, %s.\n", calendar(sc, sc.End))
}

// journalView is every event so far, newest last, in story time.
func (m *Model) journalView(w, h int) string {
	sc, all := m.g.Scenario(), m.g.journal
	if m.journal.offset == 0 {
		m.journal.offset = max(0, len(all)-h) // follow the newest
	}
	m.journal.offset = min(m.journal.offset, max(0, len(all)-h))
	var lines []string
	for _, l := range all[m.journal.offset:min(len(all), m.journal.offset+h)] {
		lines = append(lines, m.styles.Dim.Render(short(sc, l.at))+"  "+l.text)
	}
	return strings.Join(lines, "\n")
}

// endView shows the outcome, the closing review and where the log is.
func (m *Model) endView(w, h int) string {
	return scrolled(m.reviewText, &m.ending, h)
}

func (m *Model) endText(b *strings.Builder) {
	s, w := m.styles, m.width
	st, sc := m.g.State(), m.g.Scenario()
	b.WriteString(s.Title.Render("The exercise has ended") + "\n\n")
	if i, ok := sc.EndingIndex(st.Ending); ok {
		b.WriteString(s.Bold.Render("Outcome: "+sc.Endings[i].Title) + "\n")
		b.WriteString(wrap(sc.Endings[i].Text, w) + "\n")
	} else {
		b.WriteString(s.Bold.Render("Outcome: the story clock ran out with no ending reached.") + "\n")
	}
	if p := m.g.LogPath(); p != "" {
		b.WriteString("\nThe log is saved in " + p + "\nPrint this review again with: hotline review " + p + "\n")
	}
	b.WriteString("\n")
	if n := len(st.Reviews); n > 0 {
		game.WriteReview(b, sc, st.Reviews[n-1])
	}
}

// callView interrupts the screen with an incoming hotline call.
func (m *Model) callView(w, h int) string {
	s := m.styles
	st, sc := m.g.State(), m.g.Scenario()
	c := st.Calls[m.modalCall-1]
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
	moves := sc.Hotline.Moves
	b.WriteString(fmt.Sprintf("1  Commit: promise what is outstanding within %s\n", span(sc.Hotline.CommitWithin)))
	b.WriteString(s.Dim.Render(fmt.Sprintf("   ladder %s now; %s if kept, %s if broken", signed(moves.Commit), signed(moves.Kept), signed(moves.Broken))) + "\n")
	b.WriteString("2  Explain: give your reasons without promising\n")
	b.WriteString(s.Dim.Render("   ladder "+signed(moves.Explain)) + "\n")
	b.WriteString("3  Deny: reject the complaint\n")
	b.WriteString(s.Dim.Render("   ladder "+signed(moves.Deny)) + "\n")
	b.WriteString(s.Dim.Render(fmt.Sprintf("\nesc lets it ring; unanswered by then, it moves the ladder %s.", signed(moves.Missed))))
	boxW := min(w-4, 76)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, s.Modal.Width(boxW).Render(b.String()))
}

func signed(n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf("+%d", n)
	case n < 0:
		return fmt.Sprint(n)
	}
	return "±0"
}

func (m *Model) callKeys(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		m.modalCall = 0
		m.setStatus(statusInfo, "The call is still ringing: answer it in the Hotline panel.")
	case key.Matches(msg, k.Option):
		n := int(msg.String()[0] - '0')
		if n < 1 || n > 3 {
			return nil
		}
		a := injects.Answers()[n-1]
		call := m.modalCall
		m.do(game.Command{Team: m.g.lead(), Verb: game.Answer, Call: call, Answer: a}, fmt.Sprintf("Answered call %d: %s", call, a))
		m.modalCall = 0
	}
	return nil
}
