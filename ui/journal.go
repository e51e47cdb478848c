package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// journal is the Log panel: every event the seat has learned of, in story
// time, each wrapped under its own text so that it reads whole at any
// width, following the newest until scrolled back.
type journal struct {
	page
	back bool // scrolled back from the newest
}

func newJournal(c *common) *journal { return &journal{page: page{c: c}} }

func (j *journal) title() string { return "Log" }

// update scrolls by an event or by a page of events; scrolled to the
// newest, the log follows them again.
func (j *journal) update(msg tea.KeyPressMsg) act {
	j.page.update(msg)
	j.back = true
	return act{}
}

func (j *journal) view() string {
	sc, all, s := j.c.g.Scenario(), j.c.g.journal, j.c.styles
	if len(all) == 0 || j.h <= 0 {
		return ""
	}
	entries := make([][]string, len(all))
	r := j.c.g.replay
	for i, l := range all {
		if r != nil && r.shown(j.c.g) && i == len(all)-1 { // the replay's current event
			entries[i] = strings.Split(hang("▶ "+short(sc, l.at)+"  ", l.text, j.w), "\n")
			for k := range entries[i] {
				entries[i][k] = s.Selected.Render(entries[i][k])
			}
			continue
		}
		entries[i] = strings.Split(hang(s.Dim.Render(short(sc, l.at))+"  ", l.text, j.w), "\n")
	}
	// The newest that fill the page, from the first of them.
	newest, n := len(entries)-1, len(entries[len(entries)-1])
	for newest > 0 && n+len(entries[newest-1]) <= j.h {
		newest--
		n += len(entries[newest])
	}
	if !j.back || j.scroll.offset >= newest {
		j.scroll.offset, j.back = newest, false
	}
	var lines []string
	for _, e := range entries[j.scroll.offset:] {
		lines = append(lines, e...)
		if len(lines) >= j.h {
			break
		}
	}
	return strings.Join(lines[:min(len(lines), j.h)], "\n")
}
