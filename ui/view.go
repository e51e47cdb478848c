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
	if m.opts.View == ProjectorView {
		return m.projectorView(m.width, m.height)
	}
	header := m.headerView(m.width)
	bodyH := m.height - lipgloss.Height(header) - 3 // tabs, status, help
	strip := ""
	if m.rp != nil {
		strip = m.replayStrip(m.width)
		bodyH -= lipgloss.Height(strip)
	}
	var body string
	switch {
	case m.showHelp:
		body = m.fullHelp(m.width, bodyH)
	case m.screen == endScreen:
		body = m.endView(m.width, bodyH)
	case m.form != nil:
		body = m.formView(m.width, bodyH)
	case m.modalCall != 0:
		body = m.callView(m.width, bodyH)
	default:
		body = m.panelView(m.width, bodyH)
	}
	parts := []string{header, m.tabsView(m.width), box(body, m.width, bodyH)}
	if strip != "" {
		parts = append(parts, strip)
	}
	return strings.Join(append(parts, m.statusView(m.width), m.helpView(m.width)), "\n")
}

// quitWords say what quitting leaves behind: the log and how to go on, or
// that the log could not be written.
func (m *Model) quitWords() string {
	path := m.g.LogPath()
	switch {
	case m.rp != nil:
		return "The log is as it was."
	case m.g.LogErr() != nil:
		return "Decisions are no longer saved: the log cannot be written (" + m.g.LogErr().Error() + ")."
	case m.opts.Host:
		return "Quitting closes the class for everyone. Every decision is saved in " + path + "; continue with: hotline serve --resume " + path
	case m.opts.View != PlayView || m.g.Actor.Role == game.Player:
		return "You leave; the exercise goes on without you."
	case path == "":
		return "This exercise has no log."
	case m.g.State().Ended:
		return "The log is saved in " + path + "; print the review with: hotline review " + path
	}
	return "Every decision so far is saved in " + path + "; resume with: hotline resume " + path
}

func (m *Model) tooSmall() string {
	return TooSmall(m.width, m.height, m.g == nil || m.g.Actor.RunsClock())
}

// TooSmall is the screen of a window under MinWidth×MinHeight: what it
// needs, and whether the story clock waits meanwhile (it does for whoever
// keeps it).
func TooSmall(w, h int, clockWaits bool) string {
	meanwhile := "\n\nThe story clock is paused until then. q quits."
	if !clockWaits {
		meanwhile = "\n\nThe exercise goes on meanwhile. q quits."
	}
	msg := fmt.Sprintf("Hotline needs a terminal of at least %d×%d.\nThis one is %d×%d: enlarge the window or make the font smaller.",
		MinWidth, MinHeight, w, h) + meanwhile
	w = max(w, 1)
	return lipgloss.Place(w, max(h, 1), lipgloss.Center, lipgloss.Center, wrap(msg, min(w, 60)))
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
	case scriptPanel:
		return m.scriptView(w, h)
	case seatsPanel:
		return m.seatsView(w, h)
	case notesPanel:
		return m.notesView(w, h)
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
	you := "You: " + m.seatName()
	title := s.Brand.Render("HOTLINE") + "  " + s.Title.Render(sc.Title)
	line1 := pad(title, w-lipglossWidth(you)-1) + " " + s.Dim.Render(you)

	clock := s.Warn.Render("❚❚ PAUSED")
	switch {
	case st.Ended:
		clock = s.Bold.Render("■ ENDED")
	case st.Running && len(g.Waits()) > 0:
		clock = s.Warn.Render("◷ waiting for the teams to answer")
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
	head := pad(line1, w) + "\n" + pad(line2, w) + "\n" + pad(line3, w)
	if line4 := m.presenceLine(); line4 != "" {
		head += "\n" + pad(line4, w)
	}
	return head
}

// seatName says who the seat is: a side, a team, or a role in the room.
func (m *Model) seatName() string {
	g := m.g
	a := g.Actor
	if m.rp != nil {
		return "replay, " + replayViews[m.rp.view].name
	}
	switch {
	case a.Role == game.Solo:
		return g.Side.Title() + " · " + strings.ToUpper(g.lead())
	case a.Role == game.Player && len(a.Teams) == 1:
		return a.Name + " · " + strings.ToUpper(a.Teams[0]) + " (" + sideCode(g.Side) + ")"
	}
	return a.Name + " · " + a.Role.String()
}

// presenceLine says, in a class, who is at the seat's team and who plays
// the delegation's other teams; the control cell's and watchers' say who is
// in the room.
func (m *Model) presenceLine() string {
	g := m.g
	st, sc := g.State(), g.Scenario()
	if !st.Class {
		return ""
	}
	online := map[string]bool{}
	for _, p := range g.People() {
		online[p.Person.Name] = true
	}
	who := func(team string) string {
		var names []string
		for _, p := range st.People {
			if p.Role == game.Player && p.Team == team {
				name := p.Name
				if !online[name] {
					name += " (away)"
				}
				names = append(names, name)
			}
		}
		if b := st.Bots[sc.TeamIndex(team)]; b != "" {
			names = append(names, "bot")
		}
		if len(names) == 0 {
			return "nobody"
		}
		return strings.Join(names, ", ")
	}
	var parts []string
	sides := []injects.Side{g.Side}
	if m.opts.View != PlayView {
		sides = []injects.Side{injects.US, injects.CN}
	}
	for _, side := range sides {
		for _, id := range sc.TeamsOf(side) {
			name := strings.ToUpper(id)
			if g.Viewer.Team == id {
				name = m.styles.Bold.Render(name + " (you)")
			}
			parts = append(parts, name+": "+who(id))
		}
	}
	return strings.Join(parts, m.styles.Dim.Render(" · "))
}

func lipglossWidth(s string) int { return lipgloss.Width(s) }

// tabsView names the panels, marks the one in focus with brackets and
// says where something waits.
func (m *Model) tabsView(w int) string {
	s := m.styles
	var tabs []string
	for _, p := range m.panels {
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
		for _, it := range m.feed.items {
			if !m.read[m.itemID(it)] {
				unread++
			}
			if it.inject >= 0 && m.awaitsChoice(it.inject) {
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
		return pad(s.Warn.Render("Quit? y/n")+"  "+m.quitWords(), w)
	}
	if m.rp != nil && m.rp.jump != nil {
		return pad(s.Warn.Render("Go to:")+" "+m.rp.jump.View()+s.Dim.Render("  (enter goes, esc cancels)"), w)
	}
	if m.confirmEnd {
		return pad(s.Warn.Render("End the exercise for everyone now? y/n")+"  The closing review goes to every screen.", w)
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
	global := []key.Binding{k.Next, k.Help, k.Quit}
	clock := []key.Binding{}
	if m.g != nil && m.g.Actor.RunsClock() {
		clock = []key.Binding{k.Pause, withHelp(k.Faster, "+", "faster"), k.Slower, k.Jump}
		if m.opts.View == ControlView && len(m.g.Waits()) > 0 {
			clock = append(clock, k.RunOn)
		}
		global = append([]key.Binding{k.Pause, k.Faster}, global...)
	}
	var here []key.Binding
	if m.rp != nil {
		replay := []key.Binding{withHelp(k.Left, "←/→", "step"), key.NewBinding(key.WithKeys("]"), key.WithHelp("[/]", "decisions")),
			withHelp(k.Pause, "space", "play"), key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "view")),
			key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "go to")), k.Next, k.Quit}
		return helpKeys{short: replay, full: [][]key.Binding{replay, {k.Up, k.Down, k.PageUp, k.PageDn}, {k.Help}}}
	}
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
	return helpKeys{short: short, full: [][]key.Binding{here, clock,
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
	var keys []key.Binding
	switch m.panel {
	case feedPanel:
		keys = []key.Binding{k.Up, k.Down}
		if i, ok := m.selectedInject(); ok && m.awaitsChoice(i) {
			keys = append(keys, withHelp(k.Option, "1-9", "decide"))
		}
		keys = append(keys, k.PageDn)
	case requestsPanel:
		keys = m.requestHelp()
	case hotlinePanel:
		keys = []key.Binding{k.Up, k.Down}
		if m.opts.View == PlayView {
			keys = append(keys, withHelp(k.Open, "enter", "do it"), withHelp(k.Ring, "r", "ring"))
		}
	case scriptPanel:
		keys = []key.Binding{k.Up, k.Down, k.Fire, k.Hold, k.Skip}
	case seatsPanel:
		keys = []key.Binding{k.Up, k.Down, k.Bot, withHelp(k.Left, "←/→", "move"), k.Remove}
	default:
		keys = []key.Binding{k.Up, k.Down, k.PageDn}
	}
	switch {
	case m.opts.View == ControlView:
		keys = append(keys, k.Message, k.Observe, k.End)
	case m.opts.View == WatchView && m.g.Actor.Role == game.Evaluator:
		keys = append(keys, k.Observe)
	}
	return keys
}

// bodyHeight is the height the panels get: the window less the header, the
// tab bar, the status and help lines.
func (m *Model) bodyHeight() int {
	if m.g == nil {
		return m.height
	}
	h := m.height - lipgloss.Height(m.headerView(m.width)) - 3
	if m.rp != nil {
		h -= 2 // the timeline strip
	}
	return h
}

// scrollState is a scroll position in a long text.
type scrollState struct{ offset int }

func (m *Model) scrollKeys(msg tea.KeyPressMsg, s *scrollState) tea.Cmd {
	k := m.keys
	page := max(1, m.bodyHeight()-2)
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
	if r := m.latestMeeting(); r != nil {
		card = r // the meeting just held, under its own time
	}
	if m.opts.View != PlayView {
		b.WriteString(m.objectivesView(m.width) + "\n")
	}
	game.WriteReview(&b, sc, card)
	m.reviewText = b.String() + m.nextMeeting()
}

// latestMeeting is the review of the dialogue's latest meeting while
// nothing has changed the requests since it: the clock may have run a few
// minutes past it before it stopped.
func (m *Model) latestMeeting() *game.Scorecard {
	st := m.g.State()
	n := len(st.Reviews)
	if n == 0 || st.Reviews[n-1].Meeting <= 0 {
		return nil
	}
	r := st.Reviews[n-1]
	for _, ev := range m.g.since(m.meetingSeq) {
		switch ev.Type {
		case game.RequestOpened, game.Delivered, game.Declined, game.Overdue, game.Rang, game.Answered,
			game.Missed, game.Kept, game.Broken:
			return nil
		}
	}
	return r
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
	// What becomes of the call moves the caller's escalation, not the
	// ringing: a denial, a call left to ring out or a promise broken
	// raises it; a promise kept lowers it.
	moves := sc.Hotline.Moves
	b.WriteString(fmt.Sprintf("1  Commit: promise what is outstanding within %s\n", span(sc.Hotline.CommitWithin)))
	b.WriteString(s.Dim.Render(fmt.Sprintf("   %s's escalation %s if you keep it, %s if you break it", c.From.Title(), signed(moves.Kept), signed(moves.Broken))) + "\n")
	b.WriteString("2  Explain: give your reasons without promising\n")
	b.WriteString(s.Dim.Render(fmt.Sprintf("   %s's escalation %s", c.From.Title(), signed(moves.Explain))) + "\n")
	b.WriteString("3  Deny: reject the complaint\n")
	b.WriteString(s.Dim.Render(fmt.Sprintf("   %s's escalation %s", c.From.Title(), signed(moves.Deny))) + "\n")
	b.WriteString(s.Dim.Render(fmt.Sprintf("\nesc lets it ring; unanswered by then, %s's escalation moves %s.", c.From.Title(), signed(moves.Missed))))
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
