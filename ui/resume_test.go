package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/game/table"
	"hotline/injects"
)

// A run paused between events resumes at the time it was paused, with
// every decision made before.
func TestResumeWherePaused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.jsonl")
	w, err := eventlog.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Solo(Setup{Scenario: load(t, "opm-breach"), Side: injects.US, Counterpart: "cooperative", Seed: 4, Speed: 12 * time.Hour}, w, table.ManualTicker{})
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Game: g, Manual: true})
	keys(m, "down", "1", "space") // the breach, below the situation briefing
	steps(m, 1)                   // T+1h12m: nothing happens then
	keys(m, "space")
	stoppedAt := g.State().Now
	if stoppedAt != 72*time.Minute {
		t.Fatalf("the clock stopped at %v", stoppedAt)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}

	w2, log, err := eventlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	again, err := ResumeSolo(load(t, "opm-breach"), log.Events, time.Hour, func() (table.Recorder, error) {
		if err := w2.Cut(log.Size); err != nil {
			return nil, err
		}
		return w2, nil
	}, table.ManualTicker{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	st := again.State()
	if st.Now != stoppedAt {
		t.Errorf("resumed at %v, not where the clock was stopped (%v)", st.Now, stoppedAt)
	}
	if i, _ := st.Scenario.InjectIndex("opm-discovery"); st.Injects[i].Choice != "request-information" {
		t.Errorf("the decision was lost: %+v", st.Injects[i])
	}
	if again.Side != injects.US {
		t.Errorf("resumed as %v", again.Side)
	}
}

// fullDisk is a log whose writes fail, as on a full disk.
type fullDisk struct{}

func (fullDisk) WriteBatch([]game.Event) error {
	return errors.New("write run.jsonl: no space left on device")
}
func (fullDisk) Path() string { return "run.jsonl" }
func (fullDisk) Close() error { return nil }

// When the log cannot be written, the clock stops, the screen says why, and
// quitting does not claim that the decisions are saved.
func TestFullDiskIsNotSaved(t *testing.T) {
	g, err := Solo(Setup{Scenario: load(t, "opm-breach"), Side: injects.US, Seed: 4, Speed: 12 * time.Hour}, fullDisk{}, table.ManualTicker{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	m := New(Options{Game: g, Manual: true})
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	keys(m, "space")
	steps(m, 1)
	if running(m) {
		t.Error("the clock runs on with the log failing")
	}
	mustContain(t, plain(m), "The log cannot be written")
	keys(m, "q")
	s := plain(m)
	mustContain(t, s, "Decisions are no longer saved")
	if strings.Contains(s, "Every decision so far is saved") {
		t.Errorf("the quit prompt says the decisions are saved:\n%s", s)
	}
}
