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
	"hotline/game/table"
	"hotline/injects"
)

// The facilitator's console: the master scenario events list with the
// controller's notes and what can be done to each inject, and the seats of
// the room. The other panels (requests, hotline, review, log) are the
// players' panels seen from above, both sides at once.

// scriptState is the MSEL panel.
type scriptState struct {
	rows   []int // inject indexes, in the order of the script
	cursor int
	top    int
	scroll scrollState
}

// buildScript orders every inject as the script runs: what has fired by
// when it fired, then what is due by when it is due, then the rest (waiting
// on a condition or another inject, or held in reserve) in file order.
func (m *Model) buildScript() {
	st, sc := m.g.State(), m.g.Scenario()
	sel := -1
	if len(m.script.rows) > 0 {
		sel = m.script.rows[min(m.script.cursor, len(m.script.rows)-1)]
	}
	rows := m.script.rows[:0]
	for i := range sc.Injects {
		rows = append(rows, i)
	}
	when := func(i int) (int, time.Duration) {
		is := &st.Injects[i]
		switch is.Status {
		case game.Fired:
			return 0, is.FiredAt
		case game.Scheduled:
			return 0, is.Due
		case game.Waiting:
			if t := sc.Injects[i].Trigger; t.Kind == injects.At {
				return 0, t.At
			}
		}
		return 1, 0
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		ka, ta := when(a)
		kb, tb := when(b)
		return cmp.Or(cmp.Compare(ka, kb), cmp.Compare(ta, tb))
	})
	m.script.rows = rows
	m.script.cursor = 0
	for k, i := range rows {
		if i == sel {
			m.script.cursor = k
		}
	}
}

// scriptStatus says where an inject stands, in the MSEL's words.
func (m *Model) scriptStatus(i int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	is, in := &st.Injects[i], &sc.Injects[i]
	held := ""
	if is.Held && is.Status != game.Fired {
		held = s.Warn.Render("HELD ")
	}
	switch is.Status {
	case game.Fired:
		by := ""
		if is.FiredBy != "" {
			by = " by hand"
		}
		return s.Good.Render("fired") + by
	case game.Skipped:
		return s.Dim.Render("skipped")
	case game.Cancelled:
		return s.Dim.Render("cancelled by the story")
	case game.Scheduled:
		return held + "due " + short(sc, is.Due)
	}
	switch t := in.Trigger; t.Kind {
	case injects.At:
		return held + "pending"
	case injects.After:
		return held + "after " + t.After
	case injects.When:
		return held + "on a condition"
	}
	return held + s.Dim.Render("reserve")
}

func (m *Model) scriptKeys(msg tea.KeyPressMsg) tea.Cmd {
	k, sp := m.keys, &m.script
	if len(sp.rows) == 0 {
		return nil
	}
	i := sp.rows[min(sp.cursor, len(sp.rows)-1)]
	in := &m.g.Scenario().Injects[i]
	switch {
	case key.Matches(msg, k.Up):
		sp.cursor, sp.scroll.offset = max(0, sp.cursor-1), 0
	case key.Matches(msg, k.Down):
		sp.cursor, sp.scroll.offset = min(len(sp.rows)-1, sp.cursor+1), 0
	case key.Matches(msg, k.PageDn):
		sp.scroll.offset += 5
	case key.Matches(msg, k.PageUp):
		sp.scroll.offset = max(0, sp.scroll.offset-5)
	case key.Matches(msg, k.Fire):
		m.do(game.Command{Verb: game.FireInject, Inject: in.ID}, "Fired: "+in.Title)
	case key.Matches(msg, k.Hold):
		if m.g.State().Injects[i].Held {
			m.do(game.Command{Verb: game.ReleaseInject, Inject: in.ID}, "Released: "+in.Title)
		} else {
			m.do(game.Command{Verb: game.HoldInject, Inject: in.ID}, "Held: "+in.Title)
		}
	case key.Matches(msg, k.Skip):
		m.do(game.Command{Verb: game.SkipInject, Inject: in.ID}, "Skipped: "+in.Title)
	}
	return nil
}

// scriptView lists the script above the selected inject's card.
func (m *Model) scriptView(w, h int) string {
	s, sc := m.styles, m.g.Scenario()
	sp := &m.script
	listH := min(len(sp.rows)+1, max(4, h*3/5))
	rows := listH - 1
	sp.top = min(max(sp.top, sp.cursor-rows+1), sp.cursor)
	sp.top = max(0, min(sp.top, len(sp.rows)-rows))
	const colWhen, colTo, colStatus = 14, 8, 24
	head := "  " + pad("WHEN", colWhen) + " " + pad("TO", colTo) + " " + pad("STATUS", colStatus) + " INJECT"
	lines := []string{s.Dim.Render(pad(head, w))}
	st := m.g.State()
	for k := sp.top; k < len(sp.rows) && len(lines) <= rows; k++ {
		i := sp.rows[k]
		in, is := &sc.Injects[i], &st.Injects[i]
		when := "—"
		switch {
		case is.Status == game.Fired:
			when = short(sc, is.FiredAt)
		case is.Status == game.Scheduled:
			when = short(sc, is.Due)
		case in.Trigger.Kind == injects.At:
			when = short(sc, in.Trigger.At)
		}
		line := "  " + pad(when, colWhen) + " " + pad(strings.Trim(m.audienceTag(in.To), "[]"), colTo) + " " +
			pad(m.scriptStatus(i), colStatus) + " " + in.Title
		line = cut(line, w)
		if k == sp.cursor {
			line = s.Selected.Render(pad("▸"+line[1:], w))
		}
		lines = append(lines, line)
	}
	for len(lines) < listH {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + s.hrule("controller's card", w) + "\n" + m.scriptCard(w, h-listH-1)
}

// scriptCard shows the selected inject as the control cell needs it: when
// and to whom, the objectives it serves, the controller's notes, the
// choices, what can be done to it now, and its text.
func (m *Model) scriptCard(w, h int) string {
	sp := &m.script
	if len(sp.rows) == 0 {
		return ""
	}
	s, sc := m.styles, m.g.Scenario()
	i := sp.rows[min(sp.cursor, len(sp.rows)-1)]
	in := &sc.Injects[i]
	var b strings.Builder
	from := in.From
	if p, ok := sc.Persona(in.From); ok {
		from = p.Name
	}
	b.WriteString(s.Title.Render(in.Title) + s.Dim.Render("  "+in.ID) + "\n")
	b.WriteString(s.Dim.Render(cut(fmt.Sprintf("%s to %s from %s · %s", in.Channel.Title(), audienceName(sc, in.To), from, m.scriptStatus(i)), w)) + "\n")
	if len(in.Objectives) > 0 {
		var names []string
		for _, id := range in.Objectives {
			names = append(names, id)
		}
		b.WriteString(cut("Objectives: "+strings.Join(names, ", "), w) + "\n")
	}
	if in.Notes != "" {
		b.WriteString(s.Warn.Render("Controller's notes") + "\n" + wrap(strings.Join(strings.Fields(in.Notes), " "), w) + "\n")
	}
	if len(in.Choices) > 0 {
		b.WriteString(m.choicesView(i, w))
	}
	var can []string
	for _, c := range []struct {
		verb  game.Verb
		k     key.Binding
		words string
	}{
		{game.FireInject, m.keys.Fire, "fire now"},
		{game.HoldInject, m.keys.Hold, "hold"},
		{game.ReleaseInject, m.keys.Hold, "release"},
		{game.SkipInject, m.keys.Skip, "skip"},
	} {
		if m.g.check(game.Command{Verb: c.verb, Inject: in.ID}) == nil {
			can = append(can, s.Accent.Render(c.k.Help().Key)+" "+c.words)
		}
	}
	if len(can) > 0 {
		b.WriteString(cut("You can: "+strings.Join(can, " · "), w) + "\n")
	}
	b.WriteString(m.md.get(mdKey{"inject", in.ID, w}, in.Body))
	return scrolled(b.String(), &sp.scroll, h)
}

// seatsState is the seats panel.
type seatsState struct {
	cursor int
}

// seatRow is a team, or a person without a team.
type seatRow struct {
	team   string // a team id, or "" for the room's other seats
	person string // a person in the room, or ""
}

// seatRows lists each team with the people in it, then everyone else.
func (m *Model) seatRows() []seatRow {
	st, sc := m.g.State(), m.g.Scenario()
	var rows []seatRow
	for _, t := range sc.Teams {
		rows = append(rows, seatRow{team: t.ID})
		for _, p := range st.People {
			if p.Role == game.Player && p.Team == t.ID {
				rows = append(rows, seatRow{team: t.ID, person: p.Name})
			}
		}
	}
	for _, p := range st.People {
		if p.Role != game.Player {
			rows = append(rows, seatRow{person: p.Name})
		}
	}
	return rows
}

// connected returns the connections of a person, for their state and idle
// time.
func (m *Model) connected(name string) []table.Presence {
	var out []table.Presence
	for _, p := range m.g.People() {
		if p.Person.Name == name {
			out = append(out, p)
		}
	}
	return out
}

func (m *Model) seatsKeys(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	rows := m.seatRows()
	if len(rows) == 0 {
		return nil
	}
	ss := &m.seats
	ss.cursor = min(ss.cursor, len(rows)-1)
	row := rows[ss.cursor]
	st := m.g.State()
	switch {
	case key.Matches(msg, k.Up):
		ss.cursor = max(0, ss.cursor-1)
	case key.Matches(msg, k.Down):
		ss.cursor = min(len(rows)-1, ss.cursor+1)
	case key.Matches(msg, k.Bot) && row.person == "" && row.team != "":
		// b cycles the team's bot through the profiles, then none.
		cur := st.Bots[m.g.Scenario().TeamIndex(row.team)]
		next := nextProfile(m.g.Scenario(), cur)
		if next == "" {
			m.do(game.Command{Verb: game.RemoveBot, Team: row.team}, "No bot plays "+row.team+" now")
		} else {
			m.do(game.Command{Verb: game.SeatBot, Team: row.team, Profile: next}, "The "+next+" bot plays "+row.team)
		}
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		if row.person == "" || row.team == "" {
			return nil
		}
		dir := 1
		if key.Matches(msg, k.Left) {
			dir = -1
		}
		to := neighbourTeam(m.g.Scenario(), row.team, dir)
		m.do(game.Command{Verb: game.Seat, Person: game.Person{Name: row.person, Role: game.Player, Team: to}}, row.person+" moves to "+to)
	case key.Matches(msg, k.Remove) && row.person != "":
		m.do(game.Command{Verb: game.Unseat, Person: game.Person{Name: row.person}}, row.person+" is removed from the exercise")
	}
	return nil
}

// nextProfile is the profile after cur, or "" after the last.
func nextProfile(sc *injects.Scenario, cur string) string {
	if cur == "" {
		return sc.Profiles[0].ID
	}
	for k, p := range sc.Profiles {
		if p.ID == cur && k+1 < len(sc.Profiles) {
			return sc.Profiles[k+1].ID
		}
	}
	return ""
}

// neighbourTeam is the team before or after team, among all the teams.
func neighbourTeam(sc *injects.Scenario, team string, dir int) string {
	i := sc.TeamIndex(team)
	n := len(sc.Teams)
	return sc.Teams[((i+dir)%n+n)%n].ID
}

func (m *Model) seatsView(w, h int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	rows := m.seatRows()
	m.seats.cursor = min(m.seats.cursor, max(0, len(rows)-1))
	var lines []string
	now := m.wall
	for k, row := range rows {
		var line string
		switch {
		case row.person == "":
			t, _ := sc.Team(row.team)
			bot := s.Dim.Render("no bot")
			if p := st.Bots[sc.TeamIndex(row.team)]; p != "" {
				bot = "bot: " + p
			}
			line = s.Bold.Render(fmt.Sprintf("%s %s", sideCode(t.Side), t.Name)) + "  " + bot
		default:
			p, _ := st.Seated(row.person)
			where := "  "
			if row.team == "" {
				where = "" + p.Role.String() + ": "
			}
			state := s.Dim.Render("not connected")
			if conns := m.connected(row.person); len(conns) > 0 {
				idle := now.Sub(conns[0].Active)
				for _, c := range conns[1:] {
					idle = min(idle, now.Sub(c.Active))
				}
				state = s.Good.Render("connected")
				if !now.IsZero() {
					state += ", idle " + span(max(idle, 0).Truncate(time.Second))
				}
				if len(conns) > 1 {
					state += fmt.Sprintf(" (%d connections)", len(conns))
				}
			}
			line = "  " + where + row.person + "  " + state
		}
		line = cut(line, w)
		if k == m.seats.cursor {
			line = s.Selected.Render(pad("▸"+strings.TrimPrefix(line, " "), w))
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = append(lines, s.Dim.Render("Nobody has joined yet."))
	}
	if len(m.opts.Board) > 0 {
		lines = append(lines, "")
	}
	for _, b := range m.opts.Board {
		lines = append(lines, cut(b, w))
	}
	lines = append(lines, "", s.Dim.Render(cut("b: the team's bot (cycles the profiles, then none) · ←/→: move a student · x: remove someone", w)))
	return scrolledLines(lines, m.seats.cursor, h)
}

// scrolledLines shows h lines of lines, keeping line at in view.
func scrolledLines(lines []string, at, h int) string {
	if len(lines) <= h {
		return strings.Join(lines, "\n")
	}
	top := max(0, min(at-h/2, len(lines)-h))
	return strings.Join(lines[top:top+h], "\n")
}

// notesView lists the evaluators' observations, newest first.
func (m *Model) notesView(w, h int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	if len(st.Notes) == 0 {
		hint := "No observation yet."
		if m.g.Actor.Role == game.Evaluator || m.g.Actor.Role == game.Facilitator {
			hint += " o writes one."
		}
		return s.Dim.Render(hint)
	}
	var b strings.Builder
	for k := len(st.Notes) - 1; k >= 0; k-- {
		n := &st.Notes[k]
		head := short(sc, n.At) + "  " + n.By + " on " + n.Objective
		if n.Team != "" {
			head += ", " + n.Team
		}
		if n.Rating != game.Unrated {
			head += "  [" + n.Rating.String() + ": " + n.Rating.Words() + "]"
		}
		b.WriteString(s.Bold.Render(cut(head, w)) + "\n" + wrap(n.Text, w-2) + "\n\n")
	}
	return scrolled(b.String(), &m.notes, h)
}

// objectivesView says how far each objective has been exercised: the
// injects fired and the requests opened that serve it, and the
// observations written on it.
func (m *Model) objectivesView(w int) string {
	s, st, sc := m.styles, m.g.State(), m.g.Scenario()
	if len(sc.Objectives) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(s.Title.Render("Objectives") + "\n")
	for _, o := range sc.Objectives {
		fired, total := 0, 0
		for i := range sc.Injects {
			if slices.Contains(sc.Injects[i].Objectives, o.ID) {
				total++
				if st.Injects[i].Status == game.Fired {
					fired++
				}
			}
		}
		notes := 0
		for _, n := range st.Notes {
			if n.Objective == o.ID {
				notes++
			}
		}
		line := fmt.Sprintf("  %-22s %d of %d injects fired", o.ID, fired, total)
		if notes > 0 {
			line += fmt.Sprintf(" · %d observation(s)", notes)
		}
		b.WriteString(cut(line, w) + "\n")
	}
	return b.String()
}
