package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"hotline/game"
)

// replayOf plays a scenario headless and opens its replay in a window of
// w × h.
func replayOf(t *testing.T, id string, w, h int) *Model {
	t.Helper()
	sc := load(t, id)
	var events []game.Event
	if _, err := game.Play(sc, 2, [2]string{"by-the-book", "slow-walking"}, func(_ *game.State, ev *game.Event) {
		events = append(events, *ev)
	}); err != nil {
		t.Fatal(err)
	}
	m := NewReplay(sc, events, "run.jsonl")
	send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func TestReplayScreen(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := replayOf(t, "assistance-request", w, h)
		keys(m, "]", "]", "]", "]", "]")
		golden.RequireEqual(t, plain(m))
	})
}

// Stepping on and back shows the screens as they were at each event; the
// views switch between the control cell and each side.
func TestReplaySteps(t *testing.T) {
	m := replayOf(t, "assistance-request", 120, 40)
	r := m.root.(*Replay).log
	keys(m, "end")
	if r.cursor != len(r.events) || !ended(m) {
		t.Fatalf("end: at %d of %d, ended %v", r.cursor, len(r.events), ended(m))
	}
	keys(m, "home")
	if r.cursor != 1 || ended(m) || m.Game().State().Seq != 1 {
		t.Fatalf("home: at %d, ended %v, state at event %d", r.cursor, ended(m), m.Game().State().Seq)
	}
	keys(m, "]")
	if ev := r.events[r.cursor-1]; ev.By == "" {
		t.Errorf("] stopped at %s, not a decision", ev.Type)
	}
	at := r.cursor
	keys(m, "right", "right", "left", "left")
	if r.cursor != at || m.Game().State().Seq != at {
		t.Errorf("two on and two back: at %d (state %d), want %d", r.cursor, m.Game().State().Seq, at)
	}
	keys(m, "v")
	mustContain(t, plain(m), "United States")
	if frameOf(m).kind != PlayView || m.Game().Viewer.Side != 0 || m.Game().Viewer.All {
		t.Errorf("v showed %v for %+v", frameOf(m).kind, m.Game().Viewer)
	}
	keys(m, "t")
	for _, c := range "2d" {
		keys(m, string(c))
	}
	keys(m, "enter")
	if got := r.events[r.cursor-1].At; got > 48*3600e9 || r.cursor < len(r.events) && r.events[r.cursor].At <= 48*3600e9 {
		t.Errorf("t 2d went to event %d at %v", r.cursor, got)
	}
	// Nothing the replay's keys do reaches a table: there is none.
	keys(m, "tab", "1", "r", "space", "space")
	if !strings.Contains(plain(m), "event") {
		t.Errorf("the replay lost its strip:\n%s", plain(m))
	}
}

// The bottom line says what the event under ▲ is, after a step either
// way: stepped back from a call, it no longer says the hotline is ringing.
// The strip has its legend, and the Log panel marks the current line.
func TestReplaySaysWhereItIs(t *testing.T) {
	m := replayOf(t, "hotline-escalation", 120, 40)
	rp := m.root.(*Replay)
	r := rp.log
	rang := 0
	for i, ev := range r.events {
		if ev.Type == game.Rang {
			rang = i + 1
			break
		}
	}
	if rang == 0 {
		t.Fatal("nobody rang the hotline in the run")
	}
	rp.moveTo(rang - 1)
	keys(m, "right")
	if r.cursor != rang || !strings.Contains(statusOf(m), "rings") {
		t.Errorf("at the call, the bottom line says %q", statusOf(m))
	}
	keys(m, "left")
	before := r.events[rang-2]
	status := statusOf(m)
	if !strings.HasPrefix(status, "Event ") || strings.Contains(strings.ToLower(status), "ringing") {
		t.Errorf("stepped back before the call, the bottom line says %q", status)
	}
	if want := game.Describe(m.Game().State(), &before); r.shown(m.Game()) && !strings.Contains(status, want) {
		t.Errorf("stepped back, the bottom line says %q, not %q", status, want)
	}
	mustContain(t, plain(m), stripLegend)
	for front(m).title() != "Log" {
		keys(m, "tab")
	}
	if r.shown(m.Game()) {
		mustContain(t, plain(m), "▶ ")
	}
}
