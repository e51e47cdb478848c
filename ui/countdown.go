package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"hotline/game/table"
)

// countdown redraws a screen every second while it shows time running out
// in real time: the clock's waits for the teams, an absent team's grace.
// One tick is out at a time, and a tick re-arms only from its own handler.
type countdown struct {
	id    int
	armed bool
}

// tickMsg is a countdown's tick.
type tickMsg struct {
	c  *countdown
	id int
}

// arm sends the next tick in a second, if the screen needs one and none is
// out; tests, which deliver the table's news themselves (manual), get none.
func (c *countdown) arm(need, manual bool) tea.Cmd {
	if !need || manual || c.armed {
		return nil
	}
	c.armed = true
	c.id++
	id := c.id
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{c, id} })
}

// tick takes a tick, and reports whether it was this countdown's.
func (c *countdown) tick(msg tickMsg) bool {
	if msg.c != c || msg.id != c.id {
		return false
	}
	c.armed = false
	return true
}

// waitLeft is the longest the clock may still wait for the teams, in real
// time, at now: when it runs on at the latest.
func waitLeft(g *Game, now time.Time) time.Duration {
	var left time.Duration
	for _, w := range g.Waits() {
		left = max(left, leftOf(g, w, now))
	}
	return left
}

// leftOf is how much of a wait is left at now: it counts down only while
// the clock runs, and a pause keeps what is left.
func leftOf(g *Game, w table.Waiting, now time.Time) time.Duration {
	if !g.State().Running {
		return w.Left
	}
	return w.LeftAt(now)
}

// minutes writes a real time left as minutes and seconds: "2:41".
func minutes(d time.Duration) string {
	d = max(d, 0).Round(time.Second)
	return fmt.Sprintf("%d:%02d", int(d/time.Minute), int(d%time.Minute/time.Second))
}
