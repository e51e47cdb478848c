package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// seats is who sits where, for the facilitator: each team with its bot and
// its people, connected or not and how long idle, then the room's other
// seats, and under them what the class joins with. b cycles a team's bot,
// ←/→ moves a student to the team before or after, x removes someone.
type seats struct {
	c      *common
	board  []string  // what the class joins with: address, host key, codes
	now    time.Time // the real time, for idle times
	cursor int
	w, h   int
}

func newSeats(c *common, board []string) *seats { return &seats{c: c, board: board} }

func (ss *seats) title() string { return "Seats" }

func (ss *seats) badge() string { return "" }

func (ss *seats) setSize(w, h int) { ss.w, ss.h = w, h }

func (ss *seats) refresh() {}

// tick brings the idle times up to the real time t.
func (ss *seats) tick(t time.Time) { ss.now = t }

// seatRow is a team, or a person without a team.
type seatRow struct {
	team   string // a team id, or "" for the room's other seats
	person string // a person in the room, or ""
}

// rows lists each team with the people in it, then everyone else.
func (ss *seats) rows() []seatRow {
	st, sc := ss.c.g.State(), ss.c.g.Scenario()
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
func (ss *seats) connected(name string) []table.Presence {
	var out []table.Presence
	for _, p := range ss.c.g.People() {
		if p.Person.Name == name {
			out = append(out, p)
		}
	}
	return out
}

func (ss *seats) update(msg tea.KeyPressMsg) act {
	k, g := ss.c.keys, ss.c.g
	rows := ss.rows()
	if len(rows) == 0 {
		return act{}
	}
	ss.cursor = min(ss.cursor, len(rows)-1)
	row := rows[ss.cursor]
	switch {
	case key.Matches(msg, k.Up):
		ss.cursor = max(0, ss.cursor-1)
	case key.Matches(msg, k.Down):
		ss.cursor = min(len(rows)-1, ss.cursor+1)
	case key.Matches(msg, k.Bot) && row.person == "" && row.team != "":
		// b cycles the team's bot through the profiles, then none.
		cur := g.State().Bots[g.Scenario().TeamIndex(row.team)]
		next := nextProfile(g.Scenario(), cur)
		if next == "" {
			return command(game.Command{Verb: game.RemoveBot, Team: row.team}, "No bot plays "+row.team+" now")
		}
		return command(game.Command{Verb: game.SeatBot, Team: row.team, Profile: next}, "The "+next+" bot plays "+row.team)
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		if row.person == "" || row.team == "" {
			return act{}
		}
		dir := 1
		if key.Matches(msg, k.Left) {
			dir = -1
		}
		to := neighbourTeam(g.Scenario(), row.team, dir)
		return command(game.Command{Verb: game.Seat, Person: game.Person{Name: row.person, Role: game.Player, Team: to}}, row.person+" moves to "+to)
	case key.Matches(msg, k.Remove) && row.person != "":
		return command(game.Command{Verb: game.Unseat, Person: game.Person{Name: row.person}}, row.person+" is removed from the exercise")
	}
	return act{}
}

func (ss *seats) help() []key.Binding {
	k := ss.c.keys
	return []key.Binding{k.Up, k.Down, k.Bot, withHelp(k.Left, "←/→", "move"), k.Remove}
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

func (ss *seats) view() string {
	g, w := ss.c.g, ss.w
	s, st, sc := ss.c.styles, g.State(), g.Scenario()
	rows := ss.rows()
	ss.cursor = min(ss.cursor, max(0, len(rows)-1))
	var lines []string
	now := ss.now
	if at := g.At(); at.After(now) {
		now = at
	}
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
			if conns := ss.connected(row.person); len(conns) > 0 {
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
		if k == ss.cursor {
			line = s.Selected.Render(pad("▸"+strings.TrimPrefix(line, " "), w))
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = append(lines, s.Dim.Render("Nobody has joined yet."))
	}
	if len(ss.board) > 0 {
		lines = append(lines, "")
	}
	for _, b := range ss.board {
		lines = append(lines, cut(b, w))
	}
	lines = append(lines, "", s.Dim.Render(cut("b: the team's bot (cycles the profiles, then none) · ←/→: move a student · x: remove someone", w)))
	return scrolledLines(lines, ss.cursor, ss.h)
}
