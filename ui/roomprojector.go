package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// RoomProjector is the screen at the front of a room of tables: each
// table's clock, ladder, meters, calls ringing and outcome, side by side,
// as much as a projector of one table shows the whole room and no more.
type RoomProjector struct {
	c        *common
	tables   []roomProjected
	overlays overlays
	ticks    countdown // while a table's clock waits for its teams
	manual   bool
	w, h     int
}

type roomProjected struct {
	name string
	c    *common
}

func newRoomProjector(c *common, tables []RoomTable, manual bool) *RoomProjector {
	p := &RoomProjector{c: c, overlays: overlays{now: c.now}, manual: manual, w: MinWidth, h: MinHeight}
	for _, t := range tables {
		tc := newCommon(c.now)
		tc.share(t.Shared)
		tc.g = t.Game
		t.Game.manual = manual
		t.Game.takeNews() // the projector tells nobody anything
		p.tables = append(p.tables, roomProjected{name: t.Name, c: tc})
	}
	return p
}

func (p *RoomProjector) init() tea.Cmd {
	var cmds []tea.Cmd
	for _, t := range p.tables {
		cmds = append(cmds, t.c.g.listen())
	}
	return tea.Batch(append(cmds, p.countdown())...)
}

// countdown keeps the waits' countdowns current while a table waits.
func (p *RoomProjector) countdown() tea.Cmd {
	waits := false
	for _, t := range p.tables {
		st := t.c.g.State()
		waits = waits || st.Running && !st.Ended && len(t.c.g.Waits()) > 0
	}
	return p.ticks.arm(waits, p.manual)
}

func (p *RoomProjector) game() *Game { return nil }

func (p *RoomProjector) games() []*Game {
	var out []*Game
	for _, t := range p.tables {
		out = append(out, t.c.g)
	}
	return out
}

func (p *RoomProjector) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.w, p.h = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		for _, t := range p.tables {
			t.c.setStyles(p.c.styles)
		}
	case newsMsg:
		for _, t := range p.tables {
			if g := t.c.g; g == msg.g {
				g.take(msg.Update)
				g.takeNews()
				return tea.Batch(g.listen(), p.countdown())
			}
		}
	case tickMsg:
		if p.ticks.tick(msg) {
			return p.countdown()
		}
	case tea.KeyPressMsg:
		if a, took := p.overlays.key(msg); took {
			return a.cmd
		}
		if key.Matches(msg, p.c.keys.Quit) {
			p.overlays.push(quitConfirm(p.c, "You leave; the tables go on without you."))
		}
	}
	return nil
}

// view lays the tables out as cards in as many columns as fit at 40
// characters or more each.
func (p *RoomProjector) view() string {
	s := p.c.styles
	title := pad(s.Brand.Render("HOTLINE")+"  "+s.Title.Render(p.tables[0].c.g.Scenario().Title)+
		s.Dim.Render(fmt.Sprintf("  · %d tables", len(p.tables))), p.w)
	cols := max(1, min(len(p.tables), p.w/40))
	colW := p.w / cols
	var rows []string
	for i := 0; i < len(p.tables); i += cols {
		var cards []string
		for _, t := range p.tables[i:min(i+cols, len(p.tables))] {
			card := strings.Join(tableLines(t.c, t.name, colW-2, false), "\n")
			cards = append(cards, lipgloss.NewStyle().Width(colW).PaddingRight(2).Render(card+"\n"))
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, cards...))
	}
	body := box(strings.Join(rows, "\n"), p.w, p.h-2)
	last := ""
	if o := p.overlays.on(overStatus); o != nil {
		last = o.view(p.w, 1)
	}
	return title + "\n" + body + "\n" + pad(last, p.w)
}
