package ui

import "strings"

// journal is the Log panel: every event the seat has learned of, in story
// time, following the newest until scrolled back.
type journal struct{ page }

func newJournal(c *common) *journal { return &journal{page{c: c}} }

func (j *journal) title() string { return "Log" }

func (j *journal) view() string {
	sc, all, h := j.c.g.Scenario(), j.c.g.journal, j.h
	if j.scroll.offset == 0 {
		j.scroll.offset = max(0, len(all)-h) // follow the newest
	}
	j.scroll.offset = min(j.scroll.offset, max(0, len(all)-h))
	var lines []string
	for i, l := range all[j.scroll.offset:min(len(all), j.scroll.offset+h)] {
		line := j.c.styles.Dim.Render(short(sc, l.at)) + "  " + l.text
		if r := j.c.g.replay; r != nil && r.shown(j.c.g) && j.scroll.offset+i == len(all)-1 {
			line = j.c.styles.Selected.Render("▶ " + short(sc, l.at) + "  " + l.text) // the replay's current event
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
