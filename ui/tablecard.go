package ui

import (
	"fmt"
	"strings"

	"hotline/game"
	"hotline/injects"
)

// tableLines says how a table stands, for the room's console (full: who
// sits there, what is owed, what is overdue) or its projector (what the
// whole room may see: the clock, the ladder, the meters, a call ringing,
// the outcome).
func tableLines(c *common, name string, w int, full bool) []string {
	g := c.g
	s, st, sc := c.styles, g.State(), g.Scenario()
	clock := sc.Clocks(st.Now)[0]
	state := s.Warn.Render("❚❚ paused")
	switch {
	case st.Ended:
		state = s.Bold.Render("■ ended")
	case st.Running && len(g.Waits()) > 0:
		state = s.Warn.Render("◷ waiting for the teams, " + minutes(waitLeft(g, c.now())) + " at most")
	case st.Running:
		state = s.Good.Render("▶ " + span(g.Speed()) + "/s")
	}
	head := s.Bold.Render(name) + "   " + clock.Time.Format("Mon 02 Jan 15:04") + " " + clock.City
	if full {
		head += "   " + state
	} else { // a card on the projector: the state under the clock, never split
		head += "\n" + state
	}
	var lines []string
	for _, l := range strings.Split(head, "\n") {
		lines = append(lines, strings.Split(hang("", l, w), "\n")...)
	}
	rungs := sc.Hotline.Rungs
	ladder := fmt.Sprintf("Ladder: %s (%d of %d)", rungs[st.Rung].Title, st.Rung+1, len(rungs))
	if st.Rung > 0 {
		ladder = s.Warn.Render(ladder)
	}
	for i := range sc.Variables {
		if v := &sc.Variables[i]; v.Meter() {
			ladder += " · " + v.ID + " " + s.meter(st.Vars[i].Int, v.Min, v.Max, 10) + " " + fmt.Sprint(st.Vars[i].Int)
		}
	}
	lines = append(lines, strings.Split(hang("  ", ladder, w), "\n")...)
	var alerts []string
	for _, call := range st.Calls {
		if call.Open() {
			alerts = append(alerts, s.Bad.Render(fmt.Sprintf("☎ %s is calling %s, %s left", call.From.Noun(), call.From.Other().Noun(), span(call.AnswerBy-st.Now))))
		}
	}
	if st.Ended {
		outcome := "the story clock ran out with no ending reached"
		if i, ok := sc.EndingIndex(st.Ending); ok {
			outcome = sc.Endings[i].Title
		}
		alerts = append(alerts, s.Bold.Render("Outcome: "+outcome))
	}
	if full {
		overdue := 0
		for i := range st.Requests {
			if st.RequestStatus(i) == injects.StatusOverdue {
				overdue++
			}
		}
		if overdue > 0 {
			alerts = append(alerts, s.Bad.Render(fmt.Sprintf("⚠ %d request%s overdue", overdue, plural(overdue))))
		}
		seated := 0
		for _, p := range st.People {
			if p.Role == game.Player {
				seated++
			}
		}
		alerts = append(alerts, fmt.Sprintf("%d student%s seated, %d connected", seated, plural(seated), len(g.People())))
		if owed := st.Owed(); len(owed) > 0 {
			o := owed[0]
			more := ""
			if len(owed) > 1 {
				more = fmt.Sprintf(" (and %d more)", len(owed)-1)
			}
			alerts = append(alerts, "owed: "+o.Words(sc)+more)
		}
	}
	if len(alerts) > 0 {
		lines = append(lines, strings.Split(hang("  ", strings.Join(alerts, s.Dim.Render(" · ")), w), "\n")...)
	}
	return lines
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
