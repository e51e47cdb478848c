package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/injects"
)

// requestsState is the request queue and, when one is open, its detail.
type requestsState struct {
	rows      []reqRow
	cursor    int
	top       int
	open      int  // the request shown in detail, or -1
	part      int  // the selected element of the open request
	declining bool // picking a legal ground to decline the selected part
	scroll    scrollState
}

// reqRow is one request in the queue.
type reqRow struct {
	i      int // request index
	dir    direction
	due    time.Duration // the next unresolved element's due time
	el     int           // that element, or -1 when all are resolved
	status string
}

type direction uint8

const (
	incoming direction = iota // the player's side must answer it
	outgoing                  // the player's side sent it
	unsent                    // the player's side may send it
	between                   // seen from above: one side's request to the other
)

func (m *Model) buildRequests() {
	st, sc := m.g.State(), m.g.Scenario()
	r := &m.requests
	sel := -1
	if len(r.rows) > 0 {
		sel = r.rows[min(r.cursor, len(r.rows)-1)].i
	}
	r.rows = r.rows[:0]
	for i := range sc.Requests {
		req, rs := &sc.Requests[i], &st.Requests[i]
		row := reqRow{i: i, el: -1, status: st.RequestStatus(i)}
		switch {
		case m.g.Viewer.All && rs.Opened:
			row.dir = between
		case m.g.Viewer.All:
			continue
		case rs.Opened && req.To == m.g.Side:
			row.dir = incoming
		case rs.Opened && req.From == m.g.Side:
			row.dir = outgoing
		case !rs.Opened && req.From == m.g.Side && req.Available != nil &&
			m.g.check(game.Command{Team: m.g.lead(), Verb: game.Open, Request: req.ID}) == nil:
			row.dir, row.status = unsent, "not sent"
		default:
			continue
		}
		if rs.Opened {
			row.due, row.el, _ = st.NextDue(i)
			if rs.Clarifying {
				row.status = "clarifying"
			}
		}
		r.rows = append(r.rows, row)
	}
	// What the player owes comes first, soonest due first; then what they
	// wait for; then what is settled; last, what they may still send.
	rank := func(r reqRow) int {
		switch {
		case r.dir == unsent:
			return 4
		case r.el < 0:
			return 3 // settled
		case r.dir == outgoing:
			return 2
		case r.dir == between && r.status != injects.StatusOverdue:
			return 1 // from above, what is overdue comes first
		}
		return 0
	}
	slices.SortStableFunc(r.rows, func(a, b reqRow) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.due, b.due), cmp.Compare(a.i, b.i))
	})
	r.cursor = 0
	for k, row := range r.rows {
		if row.i == sel {
			r.cursor = k
		}
	}
}

// overdueIncoming counts the requests with parts the player owes past due.
func (m *Model) overdueIncoming() int {
	n := 0
	for _, row := range m.requests.rows {
		if row.dir == incoming && row.status == injects.StatusOverdue {
			n++
		}
	}
	return n
}

func (m *Model) selectedRow() (reqRow, bool) {
	r := &m.requests
	if len(r.rows) == 0 {
		return reqRow{}, false
	}
	return r.rows[min(r.cursor, len(r.rows)-1)], true
}

func (m *Model) requestKeys(msg tea.KeyPressMsg) tea.Cmd {
	k, r := m.keys, &m.requests
	if r.open >= 0 {
		return m.detailKeys(msg)
	}
	switch {
	case key.Matches(msg, k.Up):
		r.cursor = max(0, r.cursor-1)
	case key.Matches(msg, k.Down):
		r.cursor = min(len(r.rows)-1, r.cursor+1)
	case key.Matches(msg, k.Open):
		if row, ok := m.selectedRow(); ok {
			r.open, r.part, r.declining, r.scroll.offset = row.i, 0, false, 0
			if row.el >= 0 {
				r.part = row.el
			}
		}
	case m.opts.View != PlayView:
		// Seen from above, the queue is read only.
	case key.Matches(msg, k.Send):
		if row, ok := m.selectedRow(); ok {
			m.send(row.i)
		}
	case key.Matches(msg, k.Ring):
		if row, ok := m.selectedRow(); ok && row.dir != unsent {
			m.ring(m.g.Scenario().Requests[row.i].ID)
		}
	}
	return nil
}

func (m *Model) send(i int) {
	req := &m.g.Scenario().Requests[i]
	m.do(game.Command{Team: m.g.lead(), Verb: game.Open, Request: req.ID}, "Sent "+req.ID+" to "+req.To.Title())
}

func (m *Model) ring(about string) {
	done := "You rang " + m.g.Side.Other().Title() + " on the hotline"
	if about != "" {
		done += " about " + about
	}
	m.do(game.Command{Team: m.g.lead(), Verb: game.Ring, Request: about}, done)
}

func (m *Model) detailKeys(msg tea.KeyPressMsg) tea.Cmd {
	k, r := m.keys, &m.requests
	sc := m.g.Scenario()
	req := &sc.Requests[r.open]
	switch {
	case key.Matches(msg, k.PageDn):
		r.scroll.offset += 5
		return nil
	case key.Matches(msg, k.PageUp):
		r.scroll.offset = max(0, r.scroll.offset-5)
		return nil
	case m.opts.View != PlayView:
		switch {
		case key.Matches(msg, k.Back):
			r.open = -1
		case key.Matches(msg, k.Up):
			r.part = max(0, r.part-1)
		case key.Matches(msg, k.Down):
			r.part = min(len(req.Elements)-1, r.part+1)
		}
		return nil
	}
	if r.declining {
		switch {
		case key.Matches(msg, k.Back):
			r.declining = false
		case key.Matches(msg, k.Option):
			n := int(msg.String()[0] - '0')
			if n >= 1 && n <= len(req.Grounds) {
				el := req.Elements[r.part]
				m.do(game.Command{Team: m.g.lead(), Verb: game.Decline, Request: req.ID, Element: el.ID, Ground: req.Grounds[n-1]},
					"Declined the "+el.Kind.Noun()+" of "+req.ID)
				r.declining = false
			}
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		r.open = -1
	case key.Matches(msg, k.Up):
		r.part = max(0, r.part-1)
	case key.Matches(msg, k.Down):
		r.part = min(len(req.Elements)-1, r.part+1)
	case key.Matches(msg, k.Option):
		n := int(msg.String()[0] - '0')
		if n >= 1 && n <= 3 && req.To == m.g.Side {
			m.deliver(req, r.part, injects.Quality(n-1))
		}
	case key.Matches(msg, k.Decline):
		if req.To != m.g.Side {
			return nil
		}
		probe := game.Command{Team: m.g.lead(), Verb: game.Decline, Request: req.ID, Element: req.Elements[r.part].ID}
		if len(req.Grounds) > 0 {
			probe.Ground = req.Grounds[0]
		}
		if err := m.g.check(probe); err != nil {
			m.setStatus(statusBad, "✗ "+err.Error())
			return nil
		}
		r.declining = true
	case key.Matches(msg, k.Clarify):
		if req.To == m.g.Side {
			m.do(game.Command{Team: m.g.lead(), Verb: game.AskClarification, Request: req.ID},
				"Asked "+req.From.Title()+" to clarify "+req.ID+"; its clock is stopped")
		} else {
			m.do(game.Command{Team: m.g.lead(), Verb: game.Clarify, Request: req.ID}, "Clarified "+req.ID+"; its clock runs again")
		}
	case key.Matches(msg, k.Send):
		m.send(r.open)
	case key.Matches(msg, k.Ring):
		m.ring(req.ID)
	}
	return nil
}

// deliver starts work on part j of the request at quality q, and says when
// it will be ready.
func (m *Model) deliver(req *injects.Request, j int, q injects.Quality) {
	spec := req.Elements[j]
	i := mustRequest(m.g.Scenario(), req.ID)
	m.doThen(game.Command{Team: m.g.lead(), Verb: game.Deliver, Request: req.ID, Element: spec.ID, Quality: q}, func(err error) {
		if err != nil {
			m.setStatus(statusBad, "✗ "+err.Error())
			return
		}
		el := &m.g.State().Requests[i].Elements[j]
		what := strings.ToUpper(spec.Kind.Noun()[:1]) + spec.Kind.Noun()[1:] + " for " + req.ID
		if spec.Kind != injects.Acknowledge {
			what += " (" + q.String() + ")"
		}
		if el.Delivered {
			m.setStatus(statusGood, "✓ "+what+" delivered")
		} else {
			m.setStatus(statusGood, "✓ "+what+" in preparation, ready "+calendar(m.g.Scenario(), el.ReadyAt))
		}
	})
}

func (m *Model) requestHelp() []key.Binding {
	k, r := m.keys, &m.requests
	if m.opts.View != PlayView {
		if r.open < 0 {
			return []key.Binding{k.Up, k.Down, withHelp(k.Open, "enter", "open")}
		}
		return []key.Binding{withHelp(k.Up, "↑↓", "part"), k.Back}
	}
	if r.open < 0 {
		keys := []key.Binding{k.Up, k.Down, withHelp(k.Open, "enter", "open")}
		if row, ok := m.selectedRow(); ok && row.dir == unsent {
			keys = append(keys, k.Send)
		}
		return keys
	}
	if r.declining {
		return []key.Binding{withHelp(k.Option, "1-9", "ground"), withHelp(k.Back, "esc", "cancel")}
	}
	req := &m.g.Scenario().Requests[r.open]
	keys := []key.Binding{withHelp(k.Up, "↑↓", "part")}
	if req.To == m.g.Side {
		keys = append(keys, withHelp(k.Option, "1-3", "thin·adequate·thorough"), k.Decline,
			withHelp(k.Clarify, "c", "ask clarification"))
	} else {
		keys = append(keys, withHelp(k.Clarify, "c", "clarify"), k.Ring)
	}
	return append(keys, k.Back)
}

// requestsView shows the queue, or the open request.
func (m *Model) requestsView(w, h int) string {
	if m.requests.open >= 0 {
		return m.detailView(w, h)
	}
	s := m.styles
	if len(m.requests.rows) == 0 {
		return s.Dim.Render("No request has been sent to or by your side yet.")
	}
	return m.queueView(w, h-2) + "\n" + m.styles.hrule("", w) + "\n" + m.rowPreview(w)
}

// Queue columns, in cells.
const (
	colID     = 16
	colDir    = 9
	colKind   = 4
	colStatus = 11
	colDue    = 13
	colLeft   = 18
)

func (m *Model) queueView(w, h int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	r := &m.requests
	subjectW := max(0, w-2-colID-colDir-colKind-colStatus-colDue-colLeft-6)
	head := "  " + pad("ID", colID) + " " + pad("WITH", colDir) + " " + pad("KIND", colKind) + " " +
		pad("STATUS", colStatus) + " " + pad("NEXT DUE", colDue) + " " + pad("TIME LEFT", colLeft)
	if subjectW > 8 {
		head += " SUBJECT"
	}
	lines := []string{s.Dim.Render(pad(head, w))}
	rows := h - 1
	r.top = min(max(r.top, r.cursor-rows+1), r.cursor)
	r.top = max(0, min(r.top, len(r.rows)-rows))
	for k := r.top; k < len(r.rows) && len(lines) <= rows; k++ {
		row := r.rows[k]
		req, rs := &sc.Requests[row.i], &st.Requests[row.i]
		with := "from " + sideCode(req.From)
		switch row.dir {
		case between:
			with = sideCode(req.From) + "→" + sideCode(req.To)
		case outgoing, unsent:
			with = "to " + sideCode(req.To)
		}
		kind := "RFI"
		if req.Kind == injects.Assistance {
			kind = "RFA"
		}
		status := row.status
		switch {
		case status == injects.StatusOverdue && (row.dir == incoming || row.dir == between):
			status = s.Bad.Render("⚠ OVERDUE")
		case status == injects.StatusOverdue:
			status = s.Warn.Render("⚠ late")
		case status == injects.StatusAnswered:
			status = s.Good.Render("✓ answered")
		}
		due, left := "—", ""
		if row.el >= 0 {
			el := &rs.Elements[row.el]
			due = short(sc, row.due)
			if rem := row.due - st.Now; rem >= 0 {
				left = s.bar(rem, el.Window, 8) + " " + span(rem)
			} else {
				left = s.Bad.Render("⚠ " + span(-rem) + " late")
			}
			if rs.Clarifying {
				left = s.Dim.Render("clock stopped")
			}
		}
		line := "  " + pad(req.ID, colID) + " " + pad(with, colDir) + " " + pad(kind, colKind) + " " +
			pad(status, colStatus) + " " + pad(due, colDue) + " " + pad(left, colLeft)
		if subjectW > 8 {
			line += " " + cut(req.Subject, subjectW)
		}
		if k == r.cursor {
			line = s.Selected.Render(pad("▸"+line[1:], w))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func sideCode(s injects.Side) string { return strings.ToUpper(s.String()) }

// rowPreview says what the selected request is and what can be done.
func (m *Model) rowPreview(w int) string {
	row, ok := m.selectedRow()
	if !ok {
		return ""
	}
	sc := m.g.Scenario()
	req := &sc.Requests[row.i]
	hint := "enter opens it"
	switch row.dir {
	case between:
		hint = "enter opens it: its parts, each with its due time and who answered"
	case unsent:
		hint = "s sends it"
	case outgoing:
		hint = "enter opens it · r rings the hotline about it"
	}
	return cut(m.styles.Bold.Render(req.Subject), w) + "\n" + m.styles.Dim.Render(cut(hint, w))
}

// detailView shows one request: what it asks, each part's due time and
// state, what the player can do about the selected part, and the text.
func (m *Model) detailView(w, h int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	r := &m.requests
	req, rs := &sc.Requests[r.open], &st.Requests[r.open]
	var b strings.Builder
	role := " (you received it)"
	switch {
	case m.g.Viewer.All:
		role = ""
	case req.From == m.g.Side:
		role = " (you sent it)"
	}
	b.WriteString(s.Title.Render(fmt.Sprintf("%s · %s · %s → %s%s", req.ID, req.Kind.Title(), req.From.Title(), req.To.Title(), role)) + "\n")
	b.WriteString(cut(req.Subject, w) + "\n")
	sent := "not sent yet"
	if rs.Opened {
		sent = "sent " + calendar(sc, rs.OpenedAt)
	}
	b.WriteString(s.Dim.Render(cut(fmt.Sprintf("Matter: %s · invokes %s · %s", req.Category.Title(), req.Basis.Title(), sent), w)) + "\n")
	switch {
	case rs.Clarifying && req.From == m.g.Side:
		b.WriteString(s.Warn.Render("⚑ They asked for clarification: the clock is stopped until you answer (c).") + "\n")
	case rs.Clarifying:
		b.WriteString(s.Dim.Render("You asked for clarification: the clock is stopped until they answer.") + "\n")
	}
	b.WriteString(m.partsTable(w))
	if m.opts.View == PlayView {
		b.WriteString(m.styles.hrule("you can", w) + "\n")
		b.WriteString(m.actionsView(w))
	}
	b.WriteString(m.styles.hrule("the request", w) + "\n")
	b.WriteString(m.md.get(mdKey{"request", req.ID, w}, req.Body))
	return scrolled(b.String(), &r.scroll, h)
}

func (m *Model) partsTable(w int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	r := &m.requests
	req, rs := &sc.Requests[r.open], &st.Requests[r.open]
	var b strings.Builder
	b.WriteString(s.Dim.Render(pad("  "+pad("PART", 13)+" "+pad("DUE", 17)+" STATE", w)) + "\n")
	for j, spec := range req.Elements {
		due, state := "—", s.Dim.Render("not yet requested")
		if rs.Opened {
			el := &rs.Elements[j]
			due = calendar(sc, el.Due)
			state = m.partState(spec, el)
		}
		line := "  " + pad(spec.ID, 13) + " " + pad(due, 17) + " " + state
		if j == r.part {
			line = s.Selected.Render(pad("▸"+line[1:], w))
		}
		b.WriteString(cut(line, w) + "\n")
	}
	return b.String()
}

func (m *Model) partState(spec injects.ElementSpec, el *game.ElementState) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	q := ""
	if spec.Kind != injects.Acknowledge {
		q = " (" + el.Quality.String() + ")"
	}
	switch {
	case el.Delivered:
		when := "on time"
		if el.DeliveredAt > el.Due {
			when = span(el.DeliveredAt-el.Due) + " late"
		}
		return s.Good.Render("✓ delivered") + q + " " + short(sc, el.DeliveredAt) + ", " + when + m.byWhom(el.Person, el.By)
	case el.Declined:
		return s.Warn.Render("✗ declined") + ": " + el.Ground + m.byWhom(el.Person, el.By)
	case el.Working && el.ReadyAt > el.Due && st.Now > el.Due:
		return s.Bad.Render("⚠ OVERDUE") + ", in preparation" + q + ", ready " + short(sc, el.ReadyAt)
	case el.Working:
		return "… in preparation" + q + ", ready " + short(sc, el.ReadyAt) + m.byWhom(el.Person, el.By)
	case el.Overdue:
		return s.Bad.Render("⚠ OVERDUE by " + span(st.Now-el.Due))
	}
	return "due in " + span(el.Due-st.Now) + " " + s.bar(el.Due-st.Now, el.Window, 8)
}

// actionsView lists what the player can do about the open request now, with
// the story time each costs, and why anything else is not possible.
func (m *Model) actionsView(w int) string {
	s, sc := m.styles, m.g.Scenario()
	r := &m.requests
	req := &sc.Requests[r.open]
	spec := req.Elements[r.part]
	var b strings.Builder
	line := func(text string) { b.WriteString(cut(text, w) + "\n") }
	if r.declining {
		line(s.Warn.Render("Decline the " + spec.Kind.Noun() + " on which legal ground? (esc cancels)"))
		for n, id := range req.Grounds {
			g, _ := sc.Ground(id)
			text := ""
			if g.Text != "" {
				text = s.Dim.Render(" — " + strings.Join(strings.Fields(g.Text), " "))
			}
			line(fmt.Sprintf(" %s  %s%s", s.Accent.Render(fmt.Sprint(n+1)), g.Title, text))
		}
		return b.String()
	}
	lead := m.g.lead()
	if req.From == m.g.Side {
		if err := m.g.check(game.Command{Team: lead, Verb: game.Open, Request: req.ID}); err == nil {
			line(s.Accent.Render(" s") + "  send this request to " + req.To.Title())
		}
		if m.g.check(game.Command{Team: lead, Verb: game.Clarify, Request: req.ID}) == nil {
			line(s.Accent.Render(" c") + "  answer their question, restarting the clock")
		}
		if m.g.check(game.Command{Team: lead, Verb: game.Ring, Request: req.ID}) == nil {
			line(s.Accent.Render(" r") + "  ring " + req.To.Title() + " on the hotline about it")
		}
		if b.Len() == 0 {
			line(s.Dim.Render(" Wait for " + req.To.Title() + " to respond."))
		}
		return b.String()
	}
	deliver := game.Command{Team: lead, Verb: game.Deliver, Request: req.ID, Element: spec.ID, Quality: injects.Adequate}
	if err := m.g.check(deliver); err != nil {
		line(s.Dim.Render(" " + spec.Kind.Verb() + ": " + err.Error()))
	} else if spec.Kind == injects.Acknowledge {
		line(fmt.Sprintf(" %s  acknowledge (takes %s)", s.Accent.Render("1"), span(sc.Costs.Of(injects.Acknowledge, injects.Adequate))))
	} else {
		var opts []string
		for _, q := range injects.Qualities() {
			opts = append(opts, fmt.Sprintf("%s %s (%s)", s.Accent.Render(fmt.Sprint(int(q)+1)), q, span(sc.Costs.Of(spec.Kind, q))))
		}
		line(" " + spec.Kind.Verb() + ": " + strings.Join(opts, "  "))
	}
	decline := game.Command{Team: lead, Verb: game.Decline, Request: req.ID, Element: spec.ID}
	if len(req.Grounds) > 0 {
		decline.Ground = req.Grounds[0]
	}
	if m.g.check(decline) == nil {
		line(fmt.Sprintf(" %s  decline the %s on a legal ground (%d listed)", s.Accent.Render("d"), spec.Kind.Noun(), len(req.Grounds)))
	}
	if m.g.check(game.Command{Team: lead, Verb: game.AskClarification, Request: req.ID}) == nil {
		line(s.Accent.Render(" c") + "  ask " + req.From.Title() + " for clarification (stops the clock until they answer; once only)")
	}
	return b.String()
}
