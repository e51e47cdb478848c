package ui

import (
	"fmt"
	"strings"
	"time"

	"hotline/game"
)

// strip is a replay's timeline across the screen: injects (│), requests
// (R), hotline calls (☎), decisions (·), the meetings and the end (▌), as
// the seat being replayed saw them, with the replay's place marked ▲ on the
// line below, and a legend.
type strip struct {
	c   *common
	log *replayLog
}

// stripLegend says what the strip's marks are.
const stripLegend = "│ inject or message  R request  ☎ hotline call  · decision  ▌ review  ▲ here"

// height is the strip's lines: the timeline, the cursor's place, and the
// legend.
func (x *strip) height() int { return 3 }

func (x *strip) view(w int) string {
	r, s, sc := x.log, x.c.styles, x.c.g.Scenario()
	span := max(sc.End, r.events[len(r.events)-1].At)
	col := func(at time.Duration) int { return min(w-1, int(int64(at)*int64(w-1)/int64(max(span, 1)))) }
	line := []rune(strings.Repeat("─", w))
	rank := map[rune]int{'─': 0, '·': 1, '│': 2, 'R': 3, '☎': 4, '▌': 5}
	mark := func(at time.Duration, c rune) {
		if i := col(at); rank[c] > rank[line[i]] {
			line[i] = c
		}
	}
	for i := range r.events {
		ev := &r.events[i]
		if !game.Visible(sc, ev, x.c.g.Viewer) {
			continue
		}
		switch {
		case ev.Type == game.InjectFired || ev.Type == game.MessageSent:
			mark(ev.At, '│')
		case ev.Type == game.RequestOpened:
			mark(ev.At, 'R')
		case ev.Type == game.Rang:
			mark(ev.At, '☎')
		case ev.Type == game.ReviewHeld:
			mark(ev.At, '▌')
		case isCommand(ev):
			mark(ev.At, '·')
		}
	}
	at := col(r.events[r.cursor-1].At)
	below := strings.Repeat(" ", at) + "▲ " + calendar(sc, r.events[r.cursor-1].At) +
		fmt.Sprintf("  event %d of %d", r.cursor, len(r.events))
	if at+lipglossWidth(below)-at > w {
		below = strings.Repeat(" ", max(0, w-lipglossWidth(below)+at)) + strings.TrimLeft(below, " ")
	}
	return s.Dim.Render(string(line)) + "\n" + pad(cut(below, w), w) + "\n" + s.Dim.Render(pad(cut(stripLegend, w), w))
}

// isCommand reports whether an event is someone's decision: a person's or
// a bot's command.
func isCommand(ev *game.Event) bool { return ev.By != "" }
