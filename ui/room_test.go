package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hotline/game"
)

// roomOf opens the facilitator's console, or the room's projector, over
// tables of one scenario.
func roomOf(t *testing.T, view View, w, h int, tables ...*room) *Model {
	t.Helper()
	var rt []RoomTable
	for i, r := range tables {
		a, _ := r.tb.Actor("Ms Rivera")
		v := game.Viewer{All: true}
		if view == ProjectorView {
			a, v = game.Actor{Name: "projector", Role: game.Observer}, game.ViewerOf(game.ProjectorSeat, 0, "")
		}
		g := Seat(r.tb, r.sc, a, v, 0)
		t.Cleanup(func() { g.Close() })
		rt = append(rt, RoomTable{Name: "Table " + string(rune('1'+i)), Game: g})
	}
	m := New(Options{Tables: rt, View: view, Manual: true, Now: unhurried()})
	send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// The room's console shows every table; a command goes to the table
// selected, or after a to all of them; enter opens a table's own console
// and R comes back.
func TestTheRoomsConsoleRunsEveryTable(t *testing.T) {
	one, two := newRoom(t, "opm-breach"), newRoom(t, "opm-breach")
	ana := one.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	m := roomOf(t, ControlView, 120, 40, one, two)
	mustContain(t, plain(m), "a room of 2 tables", "Table 1", "Table 2", "1 student seated, 1 connected", "0 students seated")

	keys(m, " ") // the table selected alone
	if !one.tb.Running() || two.tb.Running() {
		t.Fatalf("space started table 1: %v, table 2: %v; want only the first", one.tb.Running(), two.tb.Running())
	}
	keys(m, "a")
	mustContain(t, plain(m), "commands go to ALL TABLES")
	keys(m, " ") // one runs: all are paused
	if one.tb.Running() || two.tb.Running() {
		t.Fatal("space to all tables left a clock running")
	}
	keys(m, " ")
	if !one.tb.Running() || !two.tb.Running() {
		t.Fatal("space to all tables did not start every clock")
	}
	m.Pump()
	ana.Pump()
	if strings.Contains(plain(ana), "PAUSED") {
		t.Errorf("a student at table 1 still sees the clock paused:\n%s", plain(ana))
	}

	keys(m, "down", "enter")
	mustContain(t, plain(m), "You: Table 2 · Ms Rivera", "Script", "R goes back to the room")
	keys(m, "R")
	mustContain(t, plain(m), "a room of 2 tables")

	// A message to every table reaches each, as an inject would.
	keys(m, "m")
	send(m, tea.PasteMsg{Content: "Recess"})
	keys(m, "tab")
	send(m, tea.PasteMsg{Content: "Back at 11:00."})
	ctrlS(m)
	mustContain(t, plain(m), "✓ Message sent to both tables.")
	for i, r := range []*room{one, two} {
		r.tb.Sync()
		sent := false
		for _, ev := range r.tb.Since(0) {
			sent = sent || ev.Type == game.MessageSent && ev.Title == "Recess"
		}
		if !sent {
			t.Errorf("table %d has no message from the room", i+1)
		}
	}
}

// The room's projector sets the tables side by side, each with its clock,
// and shows nothing a projector of one table would not: no inject's title.
func TestTheRoomsProjectorSetsTheTablesSideBySide(t *testing.T) {
	one, two := newRoom(t, "opm-breach"), newRoom(t, "opm-breach")
	two.run(40)
	m := roomOf(t, ProjectorView, 160, 45, one, two)
	m.Pump()
	lines := strings.Split(plain(m), "\n")
	if len(lines) != 45 {
		t.Fatalf("the room's screen is %d lines in 45", len(lines))
	}
	left, right := ansi.Cut(lines[1], 0, 80), ansi.Cut(lines[1], 80, 160)
	if !strings.Contains(left, "Table 1") || !strings.Contains(right, "Table 2") {
		t.Errorf("the tables are not side by side:\n%s", plain(m))
	}
	if strings.Contains(plain(m), "breached") {
		t.Errorf("the room's projector shows an inject's title:\n%s", plain(m))
	}
}

// The room's screens fit the window at the smallest size and a large one.
func TestTheRoomsScreensFitTheWindow(t *testing.T) {
	one, two, three := newRoom(t, "opm-breach"), newRoom(t, "opm-breach"), newRoom(t, "opm-breach")
	for _, view := range []View{ControlView, ProjectorView} {
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			m := roomOf(t, view, size[0], size[1], one, two, three)
			lines := strings.Split(plain(m), "\n")
			if len(lines) != size[1] {
				t.Errorf("view %d at %dx%d: %d lines", view, size[0], size[1], len(lines))
			}
			for i, l := range lines {
				if n := lipglossWidth(l); n != size[0] {
					t.Errorf("view %d at %dx%d: line %d is %d wide: %q", view, size[0], size[1], i, n, l)
				}
			}
			mustContain(t, plain(m), "Table 3")
		}
	}
}
