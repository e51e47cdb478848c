package ui

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// header is the top of a seat's screen: the scenario and who the seat is,
// both capitals' story clocks and whether the clock runs, the escalation
// ladder and the meters, and in a class who sits at which team.
type header struct {
	c     *common
	name  string // who the seat is, as the first line says it
	both  bool   // the seat sees both sides: the class line names every team
	drawn drawnHeader
}

// drawnHeader is a header's last drawing: its first line for a scenario,
// a width and a background, and the whole for the shared lines under it.
type drawnHeader struct {
	sc               *injects.Scenario
	w                int
	dark             bool
	line1, rest, out string
}

func newHeader(c *common, name string, both bool) *header {
	return &header{c: c, name: name, both: both}
}

// height is the header's height in lines: three, and a fourth in a class.
func (h *header) height() int {
	if h.c.g.State().Class {
		return 4
	}
	return 3
}

// view draws the header: the seat's own first line, over the lines that
// every seat of its kind at the table shares, drawn once for all of them.
func (h *header) view(w int) string {
	s, g := h.c.styles, h.c.g
	d := &h.drawn
	if d.sc != g.Scenario() || d.w != w || d.dark != s.IsDark {
		you := "You: " + h.name
		title := s.Brand.Render("HOTLINE") + "  " + s.Title.Render(g.Scenario().Title)
		line1 := pad(pad(title, w-lipglossWidth(you)-1)+" "+s.Dim.Render(you), w)
		*d = drawnHeader{sc: g.Scenario(), w: w, dark: s.IsDark, line1: line1}
	}
	if rest := h.c.shared.draw(h.key(w), func() string { return h.shared(w) }); rest != d.rest || d.out == "" {
		d.rest, d.out = rest, d.line1+"\n"+rest
	}
	return d.out
}

// headerKey is what the header's shared lines depend on: the scenario, the seat's side
// and team and whether it sees both sides, the width and the background,
// the state, the minute the clocks show, the clock's pace and waits (with
// the minutes a wait has left, which run in real time), and who is
// connected.
type headerKey struct {
	sc      *injects.Scenario
	side    injects.Side
	team    string
	both    bool
	w       int
	dark    bool
	seq     int
	minute  int64
	running bool
	speed   time.Duration
	waiting bool
	left    string          // the minutes a wait has left, as the clock's state says them
	people  *table.Presence // the table's list of who is connected: a new one each time it changes
	present int
}

func (h *header) key(w int) headerKey {
	g := h.c.g
	st := g.State()
	k := headerKey{sc: g.Scenario(), side: g.Side, team: g.Viewer.Team, both: h.both, w: w, dark: h.c.styles.IsDark, seq: st.Seq,
		minute: g.Scenario().Time(st.Now).Unix() / 60, running: st.Running, speed: g.Speed(), waiting: len(g.Waits()) > 0}
	if k.waiting {
		k.left = minutes(waitLeft(g, h.c.now()))
	}
	if people := g.People(); len(people) > 0 {
		k.people, k.present = &people[0], len(people)
	}
	return k
}

// shared draws the lines under the first: both capitals' clocks and
// whether the clock runs, the ladder and the meters, and in a class who
// sits at which team.
func (h *header) shared(w int) string {
	s, g := h.c.styles, h.c.g
	st, sc := g.State(), g.Scenario()
	clock := s.Warn.Render("❚❚ PAUSED")
	switch {
	case st.Ended:
		clock = s.Bold.Render("■ ENDED")
	case st.Running && len(g.Waits()) > 0:
		clock = s.Warn.Render("◷ waiting for the teams to answer, " + minutes(waitLeft(g, h.c.now())) + " at most")
	case st.Running:
		clock = s.Good.Render("▶ running at " + span(g.Speed()) + "/s")
	}
	// The capitals' clocks, the clock's state, then the scenario's own
	// zone's time when it is a third, which a narrow window cuts first.
	// Narrower, the dates lose their year; narrower still, the clock's
	// state comes first: whether it runs is never cut.
	clocks := sc.Clocks(st.Now)
	line2 := ""
	for _, layout := range []string{"Mon 02 Jan 2006 15:04", "Mon 02 Jan 15:04", ""} {
		var times []string
		for _, c := range clocks[:2] {
			times = append(times, c.Time.Format(cmp.Or(layout, "Mon 02 Jan 15:04"))+" "+c.City)
		}
		if layout == "" {
			times = append([]string{clock}, times...)
		} else {
			times = append(times, clock)
		}
		for _, c := range clocks[2:] {
			times = append(times, c.Time.Format("15:04")+" "+c.City)
		}
		line2 = strings.Join(times, s.Dim.Render(" · "))
		if lipglossWidth(strings.Join(times[:3], " · ")) <= w {
			break
		}
	}

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
	head := pad(line2, w) + "\n" + pad(line3, w)
	if st.Class {
		head += "\n" + pad(h.presence(), w)
	}
	return head
}

// seatName says who a seat is: a side, a team, or a role in the room.
func seatName(g *Game) string {
	a := g.Actor
	switch {
	case a.Role == game.Solo:
		return g.Side.Title() + " · " + strings.ToUpper(g.lead())
	case a.Role == game.Player && len(a.Teams) == 1:
		return a.Name + " · " + strings.ToUpper(a.Teams[0]) + " (" + sideCode(g.Side) + ")"
	}
	return a.Name + " · " + a.Role.String()
}

// presence says, in a class, who is at the seat's team and who plays the
// delegation's other teams; for a seat that sees both sides, who is at
// every team.
func (h *header) presence() string {
	g := h.c.g
	st, sc := g.State(), g.Scenario()
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
	if h.both {
		sides = []injects.Side{injects.US, injects.CN}
	}
	for _, side := range sides {
		for _, id := range sc.TeamsOf(side) {
			name := strings.ToUpper(id)
			if g.Viewer.Team == id {
				name = h.c.styles.Bold.Render(name + " (you)")
			}
			parts = append(parts, name+": "+who(id))
		}
	}
	return strings.Join(parts, h.c.styles.Dim.Render(" · "))
}
