package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hotline/game"
	"hotline/injects"
)

// Projector is the screen at the front of the room: the story clocks of
// both capitals, the ladder and the meters, the hotline calls ringing
// (who calls whom, never what is said), both sides' requests with their
// countdowns, the latest headlines, and the review when the dialogue meets
// or the exercise ends, at the part the facilitator has put in front of
// the room. It is drawn to be read from the back: big digits where there
// is room, few words. It takes no key but q, which asks on its last line
// whether to leave.
type Projector struct {
	c        *common
	overlays overlays
	ticks    countdown
	news     []feedItem      // what has reached the room, newest first
	card     *game.Scorecard // the review in front of the room, or nil
	seq      int             // the state news was last listed at
	w, h     int
}

func newProjector(c *common, g *Game) *Projector {
	c.g = g
	p := &Projector{c: c, overlays: overlays{now: c.now}, seq: -1, w: MinWidth, h: MinHeight}
	g.takeNews() // the past is not news
	p.refresh()
	return p
}

func (p *Projector) init() tea.Cmd { return tea.Batch(p.c.g.listen(), p.countdown()) }

// countdown keeps the wait's countdown current while the clock waits.
func (p *Projector) countdown() tea.Cmd {
	g := p.c.g
	st := g.State()
	return p.ticks.arm(st.Running && !st.Ended && len(g.Waits()) > 0, g.manual)
}

func (p *Projector) game() *Game { return p.c.g }

func (p *Projector) update(msg tea.Msg) tea.Cmd {
	g := p.c.g
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.w, p.h = msg.Width, msg.Height
	case tickMsg:
		if p.ticks.tick(msg) {
			return p.countdown()
		}
	case newsMsg:
		if msg.g != g {
			return nil
		}
		g.take(msg.Update)
		g.takeNews() // the projector tells nobody anything
		p.refresh()
		return tea.Batch(g.listen(), p.countdown())
	case tea.KeyPressMsg:
		if a, took := p.overlays.key(msg); took {
			return a.cmd
		}
		if key.Matches(msg, p.c.keys.Quit) {
			p.overlays.push(quitConfirm(p.c, "You leave; the exercise goes on without you."))
		}
	}
	return nil
}

// refresh lists what has reached the room, and finds the review to put in
// front of it, when the state has moved.
func (p *Projector) refresh() {
	if st := p.c.g.State(); st.Seq != p.seq {
		p.seq = st.Seq
		p.news = arrivals(p.c.g, p.news)
		p.card = projectedReview(p.c.g)
	}
}

// view lays the dashboard out for the window, with a question to leave
// on its last line while one is asked.
func (p *Projector) view() string {
	out := p.dashboard(p.w, p.h)
	if o := p.overlays.on(overStatus); o != nil {
		if i := strings.LastIndex(out, "\n"); i >= 0 {
			out = out[:i+1] + o.view(p.w, 1)
		}
	}
	return out
}

// dashboard lays the projector's parts out for the window.
func (p *Projector) dashboard(w, h int) string {
	g := p.c.g
	s, st, sc := p.c.styles, g.State(), g.Scenario()
	top := p.clocks(w, h)
	status := ""
	switch {
	case st.Ended:
		status = s.Bold.Render("■ THE EXERCISE HAS ENDED")
	case st.Running && len(g.Waits()) > 0:
		status = s.Warn.Render("◷ THE CLOCK WAITS FOR THE TEAMS TO ANSWER, " + minutes(waitLeft(g, p.c.now())) + " AT MOST")
	case st.Running:
		status = s.Good.Render("▶ the clock runs at " + span(g.Speed()) + " a second")
	default:
		status = s.Warn.Render("❚❚ PAUSED")
	}
	title := s.Brand.Render("HOTLINE") + "  " + s.Title.Render(sc.Title)
	lines := []string{pad(cut(title, w), w), top, pad(cut(status+"   "+p.ladderLine(), w), w)}
	lines = append(lines, p.ringing(w)...)
	head := lipgloss.JoinVertical(lipgloss.Left, lines...)
	restH := h - lipgloss.Height(head)
	var body string
	if card := p.card; card != nil {
		body = p.review(card, w, restH)
	} else {
		board := p.board(w, restH*3/5)
		news := p.headlines(w, max(1, restH-lipgloss.Height(board)-1))
		body = board + "\n" + s.hrule("latest", w) + "\n" + news
	}
	return head + "\n" + box(body, w, restH)
}

// projectedReview is the review on the projector: the dialogue's, while
// the clock stands paused at its meeting, or the closing one at the end;
// nil while play goes on.
func projectedReview(g *Game) *game.Scorecard {
	st := g.State()
	switch {
	case st.Ended && len(st.Reviews) > 0:
		return st.Reviews[len(st.Reviews)-1]
	case !st.Running:
		return latestMeeting(g)
	}
	return nil
}

// reviewPartWords says which part of a review (game.ReviewParts) is in
// front of the room.
func reviewPartWords(card *game.Scorecard, part int) string {
	n := len(card.Requests)
	switch {
	case part <= 0:
		return "the review from its beginning"
	case part <= n:
		return fmt.Sprintf("request %d of %d, %s", part, n, card.Requests[part-1].Request)
	}
	return "how each side answered"
}

// review shows the review from the part the facilitator put in front of
// the room, as far as the screen goes, after the outcome at the end.
func (p *Projector) review(card *game.Scorecard, w, h int) string {
	g := p.c.g
	s, st, sc := p.c.styles, g.State(), g.Scenario()
	parts := game.ReviewParts(sc, card)
	if st.Ended {
		outcome := s.Bold.Render("OUTCOME: the story clock ran out with no ending reached.") + "\n"
		if i, ok := sc.EndingIndex(st.Ending); ok {
			outcome = s.Bold.Render("OUTCOME: "+strings.ToUpper(sc.Endings[i].Title)) + "\n" + wrap(strings.TrimSpace(sc.Endings[i].Text), w) + "\n\n"
		}
		parts[0] = outcome + parts[0]
	}
	var lines []string
	start := 0
	for k, part := range parts {
		if k == min(g.ReviewPart(), len(parts)-1) {
			start = len(lines)
		}
		lines = append(lines, strings.Split(strings.TrimSuffix(fold(part, w), "\n"), "\n")...)
	}
	start = max(0, min(start, len(lines)-h))
	shown := lines[start:min(len(lines), start+h)]
	if start > 0 {
		shown[0] = s.Dim.Render("… above")
	}
	if start+h < len(lines) {
		shown[h-1] = s.Dim.Render("… more below")
	}
	return strings.Join(shown, "\n")
}

// ringing is a line for each hotline call ringing now: who calls whom and
// how long is left to answer, never what it is about.
func (p *Projector) ringing(w int) []string {
	s, st := p.c.styles, p.c.g.State()
	var lines []string
	for _, c := range st.Calls {
		if c.Open() {
			line := s.Bad.Render("☎ HOTLINE: "+strings.ToUpper(c.From.Noun())+" IS CALLING "+strings.ToUpper(c.From.Other().Noun())) +
				"   " + span(c.AnswerBy-st.Now) + " left to answer"
			lines = append(lines, pad(cut(line, w), w))
		}
	}
	return lines
}

// projectorClocks shows Washington's and Beijing's story time: in big
// digits when the window is wide and tall enough, else on one line.
func (p *Projector) clocks(w, h int) string {
	s, st, sc := p.c.styles, p.c.g.State(), p.c.g.Scenario()
	cities := sc.Clocks(st.Now)
	if w < 120 || h < 36 {
		var parts []string
		for _, c := range cities {
			parts = append(parts, s.Bold.Render(strings.ToUpper(c.City))+" "+c.Time.Format("Mon 02 Jan 2006 15:04"))
		}
		return pad(strings.Join(parts, s.Dim.Render("   ·   ")), w)
	}
	var cols []string
	for _, c := range cities {
		col := s.Bold.Render(strings.ToUpper(c.City)+"  "+c.Time.Format("Monday 2 January 2006")) + "\n" + bigTime(c.Time.Format("15:04"))
		cols = append(cols, lipgloss.NewStyle().Width(w/len(cities)).Render(col))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}

// ladderLine is the ladder's rung and the meters, on one line.
func (p *Projector) ladderLine() string {
	s, st, sc := p.c.styles, p.c.g.State(), p.c.g.Scenario()
	rungs := sc.Hotline.Rungs
	parts := []string{fmt.Sprintf("LADDER %s (%d of %d)", strings.ToUpper(rungs[st.Rung].Title), st.Rung+1, len(rungs))}
	if st.Rung > 0 {
		parts[0] = s.Warn.Render(parts[0])
	}
	for i := range sc.Variables {
		if v := &sc.Variables[i]; v.Meter() {
			parts = append(parts, strings.ToUpper(v.ID)+" "+s.meter(st.Vars[i].Int, v.Min, v.Max, 10)+" "+fmt.Sprint(st.Vars[i].Int))
		}
	}
	return strings.Join(parts, "   ")
}

// projectorBoard shows each side's requests in a column: what it was
// asked and how long it has left.
func (p *Projector) board(w, h int) string {
	colW := (w - 1) / 2
	var cols []string
	rows := 0
	for _, to := range []injects.Side{injects.CN, injects.US} {
		col := p.boardColumn(to, colW, h)
		cols = append(cols, col)
		rows = max(rows, lipgloss.Height(col))
	}
	return p.c.styles.columns(cols[0], colW, cols[1], w-colW-1, rows)
}

func (p *Projector) boardColumn(to injects.Side, w, h int) string {
	s, st, sc := p.c.styles, p.c.g.State(), p.c.g.Scenario()
	lines := []string{s.Title.Render(cut("REQUESTS TO "+strings.ToUpper(to.Title()), w))}
	for i := range sc.Requests {
		req, rs := &sc.Requests[i], &st.Requests[i]
		if req.To != to || !rs.Opened {
			continue
		}
		status := st.RequestStatus(i)
		var state string
		due, j, open := st.NextDue(i)
		switch {
		case status == injects.StatusAnswered:
			state = s.Good.Render("✓ answered")
		case status == injects.StatusDeclined:
			state = s.Warn.Render("✗ declined")
		case rs.Clarifying:
			state = s.Dim.Render("clock stopped: clarifying")
		case open && due < st.Now:
			state = s.Bad.Render("⚠ " + req.Elements[j].Kind.Noun() + " " + span(st.Now-due) + " late")
		case open:
			state = s.bar(due-st.Now, rs.Elements[j].Window, 10) + " " + req.Elements[j].Kind.Noun() + " in " + span(due-st.Now)
		}
		lines = append(lines, cut(s.Bold.Render(req.ID)+"  "+req.Subject, w), cut("  "+state, w))
	}
	if len(lines) == 1 {
		lines = append(lines, s.Dim.Render("none yet"))
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// headlines lists the latest of what reached the room (game.Feed): what
// is addressed to everyone, the requests between the sides, and the
// hotline calls, newest first.
func (p *Projector) headlines(w, h int) string {
	s, sc, st := p.c.styles, p.c.g.Scenario(), p.c.g.State()
	type headline struct {
		at   time.Duration
		text string
	}
	var all []headline
	for _, it := range p.news {
		title, to := "", injects.Audience{}
		switch {
		case it.inject >= 0:
			title, to = sc.Injects[it.inject].Title, sc.Injects[it.inject].To
		case it.request >= 0:
			req := &sc.Requests[it.request]
			title, to = "request: "+req.Subject, injects.Audience{Side: req.To}
		default:
			msg := &st.Messages[it.msg]
			title, to = msg.Title, msg.To
		}
		all = append(all, headline{it.at, audienceTag(to) + " " + title})
	}
	for _, c := range st.Calls {
		all = append(all, headline{c.RangAt, "☎ hotline: " + c.From.Noun() + " rang " + c.From.Other().Noun()})
	}
	slices.SortStableFunc(all, func(a, b headline) int { return cmp.Compare(b.at, a.at) })
	var lines []string
	for _, hl := range all[:min(len(all), h)] {
		lines = append(lines, cut(s.Dim.Render(short(sc, hl.at))+"  "+hl.text, w))
	}
	if len(lines) == 0 {
		lines = append(lines, s.Dim.Render("Nothing has happened yet."))
	}
	return strings.Join(lines, "\n")
}

// bigDigits draws 0-9 and the colon three cells wide and three high.
var bigDigits = map[rune][3]string{
	'0': {"█▀█", "█ █", "▀▀▀"}, '1': {" ▀█", "  █", "  ▀"}, '2': {"▀▀█", "█▀▀", "▀▀▀"},
	'3': {"▀▀█", " ▀█", "▀▀▀"}, '4': {"█ █", "▀▀█", "  ▀"}, '5': {"█▀▀", "▀▀█", "▀▀▀"},
	'6': {"█▀▀", "█▀█", "▀▀▀"}, '7': {"▀▀█", "  █", "  ▀"}, '8': {"█▀█", "█▀█", "▀▀▀"},
	'9': {"█▀█", "▀▀█", "▀▀▀"}, ':': {" ", "▀", " "},
}

func bigTime(hhmm string) string {
	var rows [3]strings.Builder
	for _, r := range hhmm {
		g := bigDigits[r]
		for k := range rows {
			rows[k].WriteString(g[k] + " ")
		}
	}
	return rows[0].String() + "\n" + rows[1].String() + "\n" + rows[2].String()
}
