package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/injects"
)

// A new kind of screen is a new root made of the components there are.
// Two examples, of screens the hotwash and the room of several tables will
// want: this one, and the room's projector in room_test.go.

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
