package ui

import (
	"path/filepath"
	"testing"
	"time"

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
	g, err := Solo(Setup{Scenario: load(t, "opm-breach"), Side: injects.US, Counterpart: "cooperative", Seed: 4, Speed: 12 * time.Hour}, eventlog.NewRecorder(w), table.ManualTicker{})
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
		return eventlog.NewRecorder(w2), nil
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
