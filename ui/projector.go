package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"hotline/game"
	"hotline/injects"
)

// The projector is the screen at the front of the room: the story clocks of
// both capitals, the ladder and the meters, both sides' requests with their
// countdowns, the latest headlines, and the review when the dialogue meets.
// It takes no keys but q, and is drawn to be read from the back: big
// digits where there is room, few words, and nothing that scrolls.

// projectorView lays the dashboard out for the window.
func (m *Model) projectorView(w, h int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	top := m.projectorClocks(w)
	status := ""
	switch {
	case st.Ended:
		status = s.Bold.Render("■ THE EXERCISE HAS ENDED")
	case st.Running && len(m.g.Waits()) > 0:
		status = s.Warn.Render("◷ THE CLOCK WAITS FOR THE TEAMS TO ANSWER")
	case st.Running:
		status = s.Good.Render("▶ the clock runs at " + span(m.g.Speed()) + " a second")
	default:
		status = s.Warn.Render("❚❚ PAUSED")
	}
	title := s.Brand.Render("HOTLINE") + "  " + s.Title.Render(sc.Title)
	head := lipgloss.JoinVertical(lipgloss.Left, pad(cut(title, w), w), top, pad(cut(status+"   "+m.ladderLine(), w), w))
	restH := h - lipgloss.Height(head)
	var body string
	if card := m.meetingNow(); card != nil {
		var b strings.Builder
		game.WriteReview(&b, sc, card)
		body = scrolled(b.String(), &scrollState{}, restH)
	} else {
		board := m.projectorBoard(w, restH*3/5)
		news := m.projectorNews(w, max(1, restH-lipgloss.Height(board)-1))
		body = board + "\n" + s.hrule("latest", w) + "\n" + news
	}
	return head + "\n" + box(body, w, restH)
}

// meetingNow is the review to show: the dialogue's, while the clock stands
// at the meeting, or the closing one at the end.
func (m *Model) meetingNow() *game.Scorecard {
	st := m.g.State()
	n := len(st.Reviews)
	if n == 0 {
		return nil
	}
	r := st.Reviews[n-1]
	if st.Ended || r.Meeting > 0 && !st.Running && r.At == game.Offset(st.Now) {
		return r
	}
	return nil
}

// projectorClocks shows Washington's and Beijing's story time: in big
// digits when the window is wide and tall enough, else on one line.
func (m *Model) projectorClocks(w int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	t := sc.Time(st.Now)
	cities := []struct {
		name string
		at   time.Time
	}{{"WASHINGTON", t}, {"BEIJING", t.In(beijing)}}
	if w < 120 || m.height < 36 {
		var parts []string
		for _, c := range cities {
			parts = append(parts, s.Bold.Render(c.name)+" "+c.at.Format("Mon 02 Jan 2006 15:04"))
		}
		return pad(strings.Join(parts, s.Dim.Render("   ·   ")), w)
	}
	var cols []string
	for _, c := range cities {
		col := s.Bold.Render(c.name+"  "+c.at.Format("Monday 2 January 2006")) + "\n" + bigTime(c.at.Format("15:04"))
		cols = append(cols, lipgloss.NewStyle().Width(w/2).Render(col))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}

// ladderLine is the ladder's rung and the meters, on one line.
func (m *Model) ladderLine() string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
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
func (m *Model) projectorBoard(w, h int) string {
	colW := (w - 1) / 2
	var cols []string
	rows := 0
	for _, to := range []injects.Side{injects.CN, injects.US} {
		col := m.boardColumn(to, colW, h)
		cols = append(cols, col)
		rows = max(rows, lipgloss.Height(col))
	}
	return m.styles.columns(cols[0], colW, cols[1], w-colW-1, rows)
}

func (m *Model) boardColumn(to injects.Side, w, h int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
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

// projectorNews lists the latest of what reached the room (game.Feed):
// what is addressed to everyone, and the requests between the sides,
// newest first.
func (m *Model) projectorNews(w, h int) string {
	s, sc := m.styles, m.g.Scenario()
	var lines []string
	for _, it := range m.feed.items {
		if len(lines) >= h {
			break
		}
		var title string
		switch {
		case it.inject >= 0:
			title = sc.Injects[it.inject].Title
		case it.request >= 0:
			title = "request: " + sc.Requests[it.request].Subject
		default:
			title = m.g.State().Messages[it.msg].Title
		}
		lines = append(lines, cut(s.Dim.Render(short(sc, it.at))+"  "+m.audienceTag(m.audienceOf(it))+" "+title, w))
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
