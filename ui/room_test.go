package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hotline/game/table"
	"hotline/injects"
)

// roomProjector is the projector of a room of tables: each table's projector,
// side by side, each laid out in its own column. Its roots are the
// Projector, composed as components.
type roomProjector struct{ tables []*Projector }

func (r *roomProjector) init() tea.Cmd { return nil }
func (r *roomProjector) game() *Game   { return nil }

func (r *roomProjector) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		for _, p := range r.tables {
			p.update(tea.WindowSizeMsg{Width: msg.Width / len(r.tables), Height: msg.Height})
		}
	case newsMsg:
		for _, p := range r.tables {
			if p.game() == msg.g {
				return p.update(msg)
			}
		}
	}
	return nil
}

func (r *roomProjector) view() string {
	var cols []string
	for _, p := range r.tables {
		cols = append(cols, box(p.view(), p.w, p.h))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}

func TestARoomOfProjectors(t *testing.T) {
	m := newModel(Options{Manual: true})
	rm := &roomProjector{}
	for _, side := range []injects.Side{injects.US, injects.CN} {
		g, err := Solo(Setup{Scenario: load(t, "opm-breach"), Side: side, Seed: 7, Speed: 12 * time.Hour}, nil, table.ManualTicker{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { g.Close() })
		runUntil(t, g, time.Duration(len(rm.tables)+1)*24*time.Hour)
		rm.tables = append(rm.tables, newProjector(newCommon(nil), g))
	}
	m.root = rm
	send(m, tea.WindowSizeMsg{Width: 160, Height: 30})
	s := plain(m)
	lines := strings.Split(s, "\n")
	if len(lines) != 30 {
		t.Fatalf("the room's screen is %d lines in 30", len(lines))
	}
	for i, l := range lines {
		if n := lipglossWidth(l); n != 160 {
			t.Fatalf("line %d is %d wide in 160: %q", i, n, l)
		}
	}
	// Each table's clock, in its own column.
	if left, right := ansi.Cut(lines[1], 0, 80), ansi.Cut(lines[1], 80, 160); !strings.Contains(left, "Fri 02 Oct") || !strings.Contains(right, "Sat 03 Oct") {
		t.Errorf("the tables' clocks are not side by side:\n%s", s)
	}
}
