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

// requests is the queue of requests for information and assistance that
// concern the seat, what it owes first, and, when one is open, its detail:
// each part's due time and state, what the seat can do about the selected
// part and what each costs, and the request's text. A seat that acts (a
// team's, a solo player's) answers, declines, sends and rings from here;
// seen from above, the queue is read only.
type requests struct {
	c      *common
	acts   bool
	rows   []reqRow
	cursor int
	top    int
	open   int // the request shown in detail, or -1
	part   int // the selected element of the open request
	scroll scrollState
	front  bool
	// replies counts the other side's answers to the seat's requests
	// since the panel was last in front.
	replies int
	w, h    int
}

func newRequests(c *common, acts bool) *requests { return &requests{c: c, acts: acts, open: -1} }

func (r *requests) title() string { return "Requests" }

func (r *requests) setFocus(front bool) {
	r.front = front
	if front {
		r.replies = 0
	}
}

// notice says when the other side answers a part of a request the seat's
// side sent (an acknowledgement, a part delivered or declined), and marks
// the tab until the panel is in front.
func (r *requests) notice(ev *game.Event) act {
	g := r.c.g
	if !r.acts || ev.Type != game.Delivered && ev.Type != game.Declined {
		return act{}
	}
	if req := &g.Scenario().Requests[mustRequest(g.Scenario(), ev.Request)]; req.From != g.Side {
		return act{}
	}
	if !r.front {
		r.replies++
	}
	return say(statusInfo, "↩ "+game.Describe(g.State(), ev))
}

func (r *requests) setSize(w, h int) { r.w, r.h = w, h }

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

func (r *requests) refresh() {
	g := r.c.g
	st, sc := g.State(), g.Scenario()
	sel := -1
	if len(r.rows) > 0 {
		sel = r.rows[min(r.cursor, len(r.rows)-1)].i
	}
	r.rows = r.rows[:0]
	for i := range sc.Requests {
		req, rs := &sc.Requests[i], &st.Requests[i]
		row := reqRow{i: i, el: -1, status: st.RequestStatus(i)}
		switch {
		case g.Viewer.All && rs.Opened:
			row.dir = between
		case g.Viewer.All:
			continue
		case rs.Opened && req.To == g.Side:
			row.dir = incoming
		case rs.Opened && req.From == g.Side:
			row.dir = outgoing
		case !rs.Opened && req.From == g.Side && req.Available != nil &&
			g.check(game.Command{Team: g.lead(), Verb: game.Open, Request: req.ID}) == nil:
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

// badge counts the other side's answers not yet looked at, and the
// requests with parts the seat owes past due.
func (r *requests) badge() string {
	badge := ""
	switch {
	case r.replies == 1:
		badge = " ↩1 reply"
	case r.replies > 1:
		badge = fmt.Sprintf(" ↩%d replies", r.replies)
	}
	n := 0
	for _, row := range r.rows {
		if row.dir == incoming && row.status == injects.StatusOverdue {
			n++
		}
	}
	if n > 0 {
		badge += fmt.Sprintf(" ⚠%d overdue", n)
	}
	return badge
}

func (r *requests) selectedRow() (reqRow, bool) {
	if len(r.rows) == 0 {
		return reqRow{}, false
	}
	return r.rows[min(r.cursor, len(r.rows)-1)], true
}

func (r *requests) update(msg tea.KeyPressMsg) act {
	k := r.c.keys
	if r.open >= 0 {
		return r.detailKeys(msg)
	}
	switch {
	case key.Matches(msg, k.Up):
		r.cursor = max(0, r.cursor-1)
	case key.Matches(msg, k.Down):
		r.cursor = min(len(r.rows)-1, r.cursor+1)
	case key.Matches(msg, k.Open):
		if row, ok := r.selectedRow(); ok {
			r.open, r.part, r.scroll.offset = row.i, 0, 0
			if row.el >= 0 {
				r.part = row.el
			}
		}
	case !r.acts:
		// Seen from above, the queue is read only.
	case key.Matches(msg, k.Send):
		if row, ok := r.selectedRow(); ok {
			return r.send(row.i)
		}
	case key.Matches(msg, k.Ring):
		if row, ok := r.selectedRow(); ok && row.dir != unsent {
			return ring(r.c.g, r.c.g.Scenario().Requests[row.i].ID)
		}
	}
	return act{}
}

func (r *requests) send(i int) act {
	g := r.c.g
	req := &g.Scenario().Requests[i]
	return command(game.Command{Team: g.lead(), Verb: game.Open, Request: req.ID}, "Sent "+req.ID+" to "+req.To.Title())
}

// ring rings the other side on the hotline, about a request or in general.
func ring(g *Game, about string) act {
	done := "You rang " + g.Side.Other().Title() + " on the hotline"
	if about != "" {
		done += " about " + about
	}
	return command(game.Command{Team: g.lead(), Verb: game.Ring, Request: about}, done)
}

func (r *requests) detailKeys(msg tea.KeyPressMsg) act {
	k, g := r.c.keys, r.c.g
	req := &g.Scenario().Requests[r.open]
	switch {
	case r.page(msg):
		return act{}
	case key.Matches(msg, k.Back):
		r.open = -1
		return act{}
	case key.Matches(msg, k.Up):
		r.part = max(0, r.part-1)
		return act{}
	case key.Matches(msg, k.Down):
		r.part = min(len(req.Elements)-1, r.part+1)
		return act{}
	case !r.acts:
		return act{}
	}
	lead := g.lead()
	switch {
	case key.Matches(msg, k.Option):
		n := int(msg.String()[0] - '0')
		if n >= 1 && n <= 3 && req.To == g.Side {
			return r.deliver(req, r.part, injects.Quality(n-1))
		}
	case key.Matches(msg, k.Decline):
		if req.To != g.Side {
			return act{}
		}
		probe := game.Command{Team: lead, Verb: game.Decline, Request: req.ID, Element: req.Elements[r.part].ID}
		if len(req.Grounds) > 0 {
			probe.Ground = req.Grounds[0]
		}
		if err := g.check(probe); err != nil {
			return failed(err)
		}
		return act{open: &decline{r: r}}
	case key.Matches(msg, k.Clarify):
		if req.To == g.Side {
			return command(game.Command{Team: lead, Verb: game.AskClarification, Request: req.ID},
				"Asked "+req.From.Title()+" to clarify "+req.ID+"; its clock is stopped")
		}
		return command(game.Command{Team: lead, Verb: game.Clarify, Request: req.ID}, "Clarified "+req.ID+"; its clock runs again")
	case key.Matches(msg, k.Send):
		return r.send(r.open)
	case key.Matches(msg, k.Ring):
		return ring(g, req.ID)
	}
	return act{}
}

// page scrolls the open request by five lines, and reports whether the
// key was pgup or pgdn.
func (r *requests) page(msg tea.KeyPressMsg) bool {
	k := r.c.keys
	switch {
	case key.Matches(msg, k.PageDn):
		r.scroll.offset += 5
	case key.Matches(msg, k.PageUp):
		r.scroll.offset = max(0, r.scroll.offset-5)
	default:
		return false
	}
	return true
}

// deliver starts work on part j of the request at quality q, and says when
// it will be ready.
func (r *requests) deliver(req *injects.Request, j int, q injects.Quality) act {
	g := r.c.g
	spec := req.Elements[j]
	i := mustRequest(g.Scenario(), req.ID)
	a := command(game.Command{Team: g.lead(), Verb: game.Deliver, Request: req.ID, Element: spec.ID, Quality: q}, "")
	a.order.report = func() status {
		el := &g.State().Requests[i].Elements[j]
		what := strings.ToUpper(spec.Kind.Noun()[:1]) + spec.Kind.Noun()[1:] + " for " + req.ID
		if spec.Kind != injects.Acknowledge {
			what += " (" + q.String() + ")"
		}
		if el.Delivered {
			return status{statusGood, "✓ " + what + " delivered"}
		}
		return status{statusGood, "✓ " + what + " in preparation, ready " + calendar(g.Scenario(), el.ReadyAt)}
	}
	return a
}

func (r *requests) help() []key.Binding {
	k := r.c.keys
	if !r.acts {
		if r.open < 0 {
			return []key.Binding{k.Up, k.Down, withHelp(k.Open, "enter", "open")}
		}
		return []key.Binding{withHelp(k.Up, "↑↓", "part"), k.Back}
	}
	if r.open < 0 {
		keys := []key.Binding{k.Up, k.Down, withHelp(k.Open, "enter", "open")}
		if row, ok := r.selectedRow(); ok && row.dir == unsent {
			keys = append(keys, k.Send)
		}
		return keys
	}
	req := &r.c.g.Scenario().Requests[r.open]
	keys := []key.Binding{withHelp(k.Up, "↑↓", "part")}
	if req.To == r.c.g.Side {
		keys = append(keys, withHelp(k.Option, "1-3", "thin·adequate·thorough"), k.Decline,
			withHelp(k.Clarify, "c", "ask clarification"))
	} else {
		keys = append(keys, withHelp(k.Clarify, "c", "clarify"), k.Ring)
	}
	return append(keys, k.Back)
}

// render renders the open request's Markdown ahead of its view.
func (r *requests) render() {
	if r.open >= 0 {
		req := &r.c.g.Scenario().Requests[r.open]
		r.c.md.render(mdKey{"request", req.ID, r.w}, req.Body)
	}
}

// view shows the queue, or the open request.
func (r *requests) view() string {
	w, h := r.w, r.h
	if r.open >= 0 {
		return r.detailView(w, h, false)
	}
	s := r.c.styles
	if len(r.rows) == 0 {
		return s.Dim.Render("No request has been sent to or by your side yet.")
	}
	preview := r.rowPreview(w)
	return r.queueView(w, h-lipgloss.Height(preview)-1) + "\n" + s.hrule("", w) + "\n" + preview
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

func (r *requests) queueView(w, h int) string {
	s, st, sc := r.c.styles, r.c.g.State(), r.c.g.Scenario()
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

// rowPreview says what the selected request is and what can be done.
func (r *requests) rowPreview(w int) string {
	row, ok := r.selectedRow()
	if !ok {
		return ""
	}
	sc := r.c.g.Scenario()
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
	return cut(r.c.styles.Bold.Render(req.Subject), w) + "\n" + r.c.styles.Dim.Render(cut(hint, w))
}

// detailView shows one request: what it asks, each part's due time and
// state, what the player can do about the selected part (or, declining it,
// the legal grounds to pick from), and the text.
func (r *requests) detailView(w, h int, declining bool) string {
	g := r.c.g
	s, st, sc := r.c.styles, g.State(), g.Scenario()
	req, rs := &sc.Requests[r.open], &st.Requests[r.open]
	var b strings.Builder
	role := " (you received it)"
	switch {
	case g.Viewer.All:
		role = ""
	case req.From == g.Side:
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
	case rs.Clarifying && req.From == g.Side:
		b.WriteString(s.Warn.Render("⚑ They asked for clarification: the clock is stopped until you answer (c).") + "\n")
	case rs.Clarifying:
		b.WriteString(s.Dim.Render("You asked for clarification: the clock is stopped until they answer.") + "\n")
	}
	b.WriteString(r.partsTable(w))
	if r.acts {
		b.WriteString(s.hrule("you can", w) + "\n")
		if declining {
			b.WriteString(r.groundsView(w))
		} else {
			b.WriteString(r.actionsView(w))
		}
	}
	b.WriteString(s.hrule("the request", w) + "\n")
	b.WriteString(r.c.md.get(mdKey{"request", req.ID, w}, req.Body))
	return scrolled(b.String(), &r.scroll, h)
}

func (r *requests) partsTable(w int) string {
	s, st, sc := r.c.styles, r.c.g.State(), r.c.g.Scenario()
	req, rs := &sc.Requests[r.open], &st.Requests[r.open]
	var b strings.Builder
	b.WriteString(s.Dim.Render(pad("  "+pad("PART", 13)+" "+pad("DUE", 17)+" STATE", w)) + "\n")
	for j, spec := range req.Elements {
		due, state := "—", s.Dim.Render("not yet requested")
		if rs.Opened {
			el := &rs.Elements[j]
			due = calendar(sc, el.Due)
			state = r.partState(spec, el)
		}
		lines := strings.Split(hang("  "+pad(spec.ID, 13)+" "+pad(due, 17)+" ", state, w), "\n")
		for k, line := range lines {
			if j == r.part {
				if k == 0 {
					line = "▸" + line[1:]
				}
				line = s.Selected.Render(pad(line, w))
			}
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

func (r *requests) partState(spec injects.ElementSpec, el *game.ElementState) string {
	g := r.c.g
	s, st, sc := r.c.styles, g.State(), g.Scenario()
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
		return s.Good.Render("✓ delivered") + q + " " + short(sc, el.DeliveredAt) + ", " + when + byWhom(g, el.Person, el.By)
	case el.Declined:
		return s.Warn.Render("✗ declined") + ": " + groundTitle(sc, el.Ground) + byWhom(g, el.Person, el.By)
	case el.Working && el.ReadyAt > el.Due && st.Now > el.Due:
		return s.Bad.Render("⚠ OVERDUE") + ", in preparation" + q + ", ready " + short(sc, el.ReadyAt)
	case el.Working:
		return "… in preparation" + q + ", ready " + short(sc, el.ReadyAt) + byWhom(g, el.Person, el.By)
	case el.Overdue:
		return s.Bad.Render("⚠ OVERDUE by " + span(st.Now-el.Due))
	}
	return "due in " + span(el.Due-st.Now) + " " + s.bar(el.Due-st.Now, el.Window, 8)
}

// actionsView lists what the player can do about the open request now, with
// the story time each costs, and why anything else is not possible.
func (r *requests) actionsView(w int) string {
	g := r.c.g
	s, sc := r.c.styles, g.Scenario()
	req := &sc.Requests[r.open]
	spec := req.Elements[r.part]
	var b strings.Builder
	option := func(k, text string) { b.WriteString(hang(" "+s.Accent.Render(k)+"  ", text, w) + "\n") }
	lead := g.lead()
	if req.From == g.Side {
		if err := g.check(game.Command{Team: lead, Verb: game.Open, Request: req.ID}); err == nil {
			option("s", "send this request to "+req.To.Title())
		}
		if g.check(game.Command{Team: lead, Verb: game.Clarify, Request: req.ID}) == nil {
			option("c", "answer their question, restarting the clock")
		}
		if g.check(game.Command{Team: lead, Verb: game.Ring, Request: req.ID}) == nil {
			option("r", "ring "+req.To.Title()+" on the hotline about it")
		}
		if b.Len() == 0 {
			b.WriteString(s.Dim.Render(hang(" ", "Wait for "+req.To.Title()+" to respond.", w)) + "\n")
		}
		return b.String()
	}
	deliver := game.Command{Team: lead, Verb: game.Deliver, Request: req.ID, Element: spec.ID, Quality: injects.Adequate}
	if err := g.check(deliver); err != nil {
		b.WriteString(s.Dim.Render(hang(" "+spec.Kind.Verb()+": ", err.Error(), w)) + "\n")
	} else if spec.Kind == injects.Acknowledge {
		option("1", "acknowledge (takes "+span(sc.Costs.Of(injects.Acknowledge, injects.Adequate))+")")
	} else {
		var opts []string
		for _, q := range injects.Qualities() {
			opts = append(opts, fmt.Sprintf("%s %s (%s)", s.Accent.Render(fmt.Sprint(int(q)+1)), q, span(sc.Costs.Of(spec.Kind, q))))
		}
		b.WriteString(hang(" "+spec.Kind.Verb()+": ", strings.Join(opts, "  "), w) + "\n")
	}
	decline := game.Command{Team: lead, Verb: game.Decline, Request: req.ID, Element: spec.ID}
	if len(req.Grounds) > 0 {
		decline.Ground = req.Grounds[0]
	}
	if g.check(decline) == nil {
		option("d", fmt.Sprintf("decline the %s on a legal ground (%d listed)", spec.Kind.Noun(), len(req.Grounds)))
	}
	if g.check(game.Command{Team: lead, Verb: game.AskClarification, Request: req.ID}) == nil {
		option("c", "ask "+req.From.Title()+" for clarification (stops the clock until they answer; once only)")
	}
	return b.String()
}

// groundsView lists the legal grounds the selected part may be declined on.
func (r *requests) groundsView(w int) string {
	s, sc := r.c.styles, r.c.g.Scenario()
	req := &sc.Requests[r.open]
	spec := req.Elements[r.part]
	var b strings.Builder
	b.WriteString(s.Warn.Render(hang("", "Decline the "+spec.Kind.Noun()+" on which legal ground? (esc cancels)", w)) + "\n")
	// The titles first, each whole, so that all are in sight to choose
	// from; then what each covers.
	for n, id := range req.Grounds {
		b.WriteString(hang(" "+s.Accent.Render(fmt.Sprint(n+1))+"  ", groundTitle(sc, id), w) + "\n")
	}
	for n, id := range req.Grounds {
		if g, _ := sc.Ground(id); g.Text != "" {
			b.WriteString(s.Dim.Render(hang(fmt.Sprintf(" %d: ", n+1), strings.Join(strings.Fields(g.Text), " "), w)) + "\n")
		}
	}
	return b.String()
}

// groundTitle is a legal ground as people read it: its title, not its id.
func groundTitle(sc *injects.Scenario, id string) string {
	if g, ok := sc.Ground(id); ok {
		return g.Title
	}
	return id
}
