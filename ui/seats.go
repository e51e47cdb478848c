package ui

import (
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

// seats is the room, for the facilitator: the class's pace, what the teams
// owe and how long the clock still waits for each, then each team with its
// bot (or the one standing in while its students are away) and its
// people, connected or not and how long idle, the room's other seats, the
// people taken out, and under them what the class joins with. b cycles a
// team's bot, ←/→ moves a student to the team before or after, x takes
// someone out (after asking), r lets them back in.
type seats struct {
	c      *common
	board  []string    // what the class joins with: address, host key, codes
	owed   []game.Owed // what the teams owe, as of the state last refreshed
	cursor int
	w, h   int
}

func newSeats(c *common, board []string) *seats { return &seats{c: c, board: board} }

func (ss *seats) title() string { return "Seats" }

func (ss *seats) badge() string { return "" }

func (ss *seats) setSize(w, h int) { ss.w, ss.h = w, h }

func (ss *seats) refresh() { ss.owed = ss.c.g.State().Owed() }

// seatRow is a team, a person, or a person taken out.
type seatRow struct {
	team    string // a team id, or "" for the room's other seats
	person  string // a person in the room, or ""
	removed bool   // taken out of the exercise
}

// rows lists each team with the people in it, then everyone else, then
// the people taken out.
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
	for _, name := range st.Removed {
		rows = append(rows, seatRow{person: name, removed: true})
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
	case key.Matches(msg, k.Remove) && row.person != "" && !row.removed:
		return act{open: &confirm{c: ss.c, question: "Take " + row.person + " out of the exercise? y/n",
			words: "Their screen closes, and they are kept out until you let them back in (r).",
			yes:   command(game.Command{Verb: game.Unseat, Person: game.Person{Name: row.person}}, row.person+" is taken out of the exercise")}}
	case key.Matches(msg, k.Readmit) && row.removed:
		return command(game.Command{Verb: game.Readmit, Person: game.Person{Name: row.person}}, row.person+" may join again, with the code of their seat")
	case key.Matches(msg, k.Readmit):
		return say(statusInfo, "r lets back in someone taken out: select them under “Taken out”.")
	}
	return act{}
}

func (ss *seats) help() []key.Binding {
	k := ss.c.keys
	return []key.Binding{k.Up, k.Down, k.Bot, withHelp(k.Left, "←/→", "move"), k.Remove, k.Readmit}
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

// teamWords names a team in a sentence: "the FBI".
func teamWords(team string) string { return "the " + strings.ToUpper(team) }

// absences says what changed among the absent teams between two updates
// of the table: a team whose students have all gone, a bot standing in for
// it, a student back.
func (ss *seats) absences(before, after []table.Absence) act {
	find := func(list []table.Absence, team string) (table.Absence, bool) {
		i := slices.IndexFunc(list, func(a table.Absence) bool { return a.Team == team })
		if i < 0 {
			return table.Absence{}, false
		}
		return list[i], true
	}
	var said act
	for _, a := range after {
		was, ok := find(before, a.Team)
		switch {
		case !ok && a.Bot == "" && ss.c.g.Pace().Grace > 0:
			said = say(statusInfo, fmt.Sprintf("Nobody of %s is connected: a bot plays it in %s unless one of them is back.",
				teamWords(a.Team), span(ss.c.g.Pace().Grace)))
		case !ok && a.Bot == "":
			said = say(statusInfo, "Nobody of "+teamWords(a.Team)+" is connected, and no bot stands in (p sets the grace).")
		case a.Bot != "" && was.Bot == "":
			said = say(statusInfo, "The "+a.Bot+" bot plays "+teamWords(a.Team)+" until one of its students is back.")
		}
	}
	for _, a := range before {
		if _, ok := find(after, a.Team); ok {
			continue
		}
		if a.Bot != "" {
			said = say(statusInfo, "A student of "+teamWords(a.Team)+" is back: the bot hands the team back.")
		} else {
			said = say(statusInfo, "A student of "+teamWords(a.Team)+" is back.")
		}
	}
	return said
}

func (ss *seats) view() string {
	g, w := ss.c.g, ss.w
	s, st, sc := ss.c.styles, g.State(), g.Scenario()
	now := ss.c.now()
	lines := ss.paceLines()
	rows := ss.rows()
	ss.cursor = min(ss.cursor, max(0, len(rows)-1))
	at := 0
	for k, row := range rows {
		var line string
		switch {
		case row.removed:
			if k == 0 || !rows[k-1].removed {
				lines = append(lines, s.Bold.Render("Taken out")+s.Dim.Render("  (r lets the one selected back in)"))
			}
			line = "  " + row.person
		case row.person == "":
			t, _ := sc.Team(row.team)
			name := t.Name
			if !strings.HasPrefix(name, sideCode(t.Side)+" ") { // "US Intelligence Community" says its side already
				name = sideCode(t.Side) + " " + name
			}
			line = s.Bold.Render(name) + "  " + ss.botWords(row.team, now)
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
				state = s.Good.Render("connected") + ", idle " + span(max(idle, 0).Truncate(time.Second))
				if len(conns) > 1 {
					state += fmt.Sprintf(" (%d connections)", len(conns))
				}
			}
			line = "  " + where + row.person + "  " + state
		}
		line = cut(line, w)
		if k == ss.cursor {
			at = len(lines)
			line = s.Selected.Render(pad("▸"+strings.TrimPrefix(line, " "), w))
		}
		lines = append(lines, line)
	}
	if len(rows) == 0 {
		lines = append(lines, s.Dim.Render("Nobody has joined yet."))
	}
	if len(ss.board) > 0 {
		lines = append(lines, "")
	}
	for _, b := range ss.board {
		lines = append(lines, cut(b, w))
	}
	lines = append(lines, "")
	lines = append(lines, strings.Split(s.Dim.Render(hang("", "b: the team's bot (cycles the profiles, then none) · ←/→: move a student · x: take someone out · r: let them back in · p: the pace", w)), "\n")...)
	return scrolledLines(lines, at, ss.h)
}

// botWords says who plays a team besides its people: no bot, the bot the
// facilitator seated, or the one standing in while its students are away,
// and when one will.
func (ss *seats) botWords(team string, now time.Time) string {
	g := ss.c.g
	s, st, sc := ss.c.styles, g.State(), g.Scenario()
	bot := st.Bots[sc.TeamIndex(team)]
	for _, a := range g.Absent() {
		switch {
		case a.Team != team:
		case a.Bot != "":
			return s.Warn.Render("nobody connected since "+a.Since.Format("15:04")) + ": the " + a.Bot + " bot stands in until one is back"
		case g.Pace().Grace > 0:
			return s.Warn.Render("nobody connected since "+a.Since.Format("15:04")) + ": a bot plays it in " + minutes(a.Until(g.Pace().Grace).Sub(now))
		default:
			return s.Warn.Render("nobody connected since " + a.Since.Format("15:04"))
		}
	}
	if bot == "" {
		return s.Dim.Render("no bot")
	}
	return "bot: " + bot
}

// paceLines are the class's pace and what the teams owe, each with how
// long the clock still waits for it.
func (ss *seats) paceLines() []string {
	g, w := ss.c.g, ss.w
	s, sc := ss.c.styles, g.Scenario()
	pace := g.Pace()
	if !g.State().Class {
		return nil
	}
	waits := "the clock does not wait for the teams"
	if pace.Wait > 0 {
		waits = "the clock waits up to " + span(pace.Wait) + " for a team"
	}
	grace := "no bot stands in for a team whose students have gone"
	if pace.Grace > 0 {
		grace = "a bot plays a team " + span(pace.Grace) + " after its students have all gone"
	}
	lines := append(strings.Split(hang(s.Bold.Render("Pace")+"  ", waits+"; "+grace+" · p changes them", w), "\n"), s.Bold.Render("What the teams owe"))
	if len(ss.owed) == 0 {
		lines = append(lines, s.Dim.Render("  nothing now"))
	}
	now := ss.c.now()
	for _, o := range ss.owed {
		lead := "           "
		for _, wt := range g.Waits() {
			if wt.Owed.Key() == o.Key() {
				lead = s.Warn.Render(fmt.Sprintf("  ◷ %5s  ", minutes(leftOf(g, wt, now))))
			}
		}
		text := o.Words(sc)
		if o.Due > 0 {
			text += ", due " + calendar(sc, o.Due)
		}
		lines = append(lines, strings.Split(hang(lead, text, w), "\n")...)
	}
	return append(lines, "")
}
