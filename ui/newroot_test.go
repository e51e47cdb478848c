package ui

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// A new kind of screen is a new root made of the components there are.
// Two examples, of screens the room of several tables and the hotwash
// will want.

// hotwash is a facilitator's screen for the hot wash after play: the
// review with the objectives, the observations and the log behind tabs,
// and a key of its own (o) to write down what the room says. It is the
// frame with three panels, and one key.
type hotwash struct{ f *frame }

func newHotwash(c *common, g *Game) *hotwash {
	h := &hotwash{f: newFrame(c, WatchView, seatName(g), []panel{newReview(c, true), newNotes(c), newJournal(c)})}
	h.f.ownHelp = []key.Binding{c.keys.Observe}
	h.f.keys = func(msg tea.KeyPressMsg) (act, bool) {
		if h.f.ended || !key.Matches(msg, c.keys.Observe) {
			return act{}, false
		}
		return noteForm(c).opening(), true
	}
	h.f.begin(g)
	return h
}

func (h *hotwash) init() tea.Cmd { return h.f.init() }
func (h *hotwash) game() *Game   { return h.f.c.g }
func (h *hotwash) view() string  { return h.f.view() }

func (h *hotwash) update(msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		return h.f.key(msg)
	}
	return h.f.update(msg)
}

func TestANewRootFromComponents(t *testing.T) {
	r := newRoom(t, "opm-breach")
	r.run(12)
	m := newModel(Options{Manual: true, Now: unhurried()})
	a, _ := r.tb.Actor("Ms Rivera")
	g := Seat(r.tb, r.sc, a, game.Viewer{All: true}, injects.US)
	t.Cleanup(func() { g.Close() })
	m.root = newHotwash(m.c, g)
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})

	s := plain(m)
	mustContain(t, s, "You: Ms Rivera", "[Review]│ Observations │ Log", "Objectives", "o write an observation")
	if n := len(strings.Split(s, "\n")); n != 30 {
		t.Errorf("the screen is %d lines in a window of 30", n)
	}
	keys(m, "tab")
	mustContain(t, plain(m), "[Observations]", "No observation yet. o writes one.")
	keys(m, "o")
	if !formOpen(m) {
		t.Fatalf("o did not open the observation form:\n%s", plain(m))
	}
	keys(m, "right", "tab", "tab", "tab")
	for _, c := range "The room kept espionage apart" {
		keys(m, string(c))
	}
	send(m, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	m.Pump()
	mustContain(t, plain(m), "Observation logged", "The room kept espionage apart")
	keys(m, "q")
	mustContain(t, plain(m), "Quit? y/n")
}

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
