package ui

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/game/table"
	"hotline/injects"
)

// beginIn returns a Begin that logs to a file in dir, as the CLI does under
// the state directory.
func beginIn(t *testing.T, dir string) func(Setup) (*Game, error) {
	return func(s Setup) (*Game, error) {
		w, err := eventlog.Create(filepath.Join(dir, "run.jsonl"))
		if err != nil {
			return nil, err
		}
		return Solo(s, w, table.ManualTicker{})
	}
}

func builtins(t *testing.T) []*injects.Scenario {
	var out []*injects.Scenario
	for _, id := range injects.BuiltinIDs() {
		out = append(out, load(t, id))
	}
	return out
}

// terminal is what the program has written so far, and how far the test
// has read it.
type terminal struct {
	tm   *teatest.TestModel
	out  bytes.Buffer
	read int
}

// waitFor waits until the program has drawn every one of the texts since
// the last wait. The renderer redraws only what changed, so a text may
// arrive cut at the front: match the part that changes.
func (term *terminal) waitFor(t *testing.T, texts ...string) {
	t.Helper()
	found := func() (int, bool) {
		end := term.read
		for _, s := range texts {
			i := bytes.Index(term.out.Bytes()[term.read:], []byte(s))
			if i < 0 {
				return 0, false
			}
			end = max(end, term.read+i+len(s))
		}
		return end, true
	}
	teatest.WaitFor(t, term.tm.Output(), func(b []byte) bool {
		term.out.Write(b)
		_, ok := found()
		return ok
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	term.read, _ = found()
}

func press(tm *teatest.TestModel, names ...string) {
	for _, n := range names {
		tm.Send(keyMsg(n))
	}
}

func tick(tm *teatest.TestModel, n int) {
	for range n {
		tm.Send(Step{})
	}
}

// TestPlayAssistanceRequest plays the assistance-request scenario as the
// United States, by keystrokes, from the start screen to the closing
// review: it sends the request for assistance, answers China's request part
// by part, and sits through the dialogue's meeting.
func TestPlayAssistanceRequest(t *testing.T) {
	dir := t.TempDir()
	m := New(Options{Scenarios: builtins(t), Seed: 3, Speed: 12 * time.Hour, Begin: beginIn(t, dir)})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	term := &terminal{tm: tm}
	waitFor := func(t *testing.T, _ *teatest.TestModel, texts ...string) { t.Helper(); term.waitFor(t, texts...) }

	waitFor(t, tm, "Scenario", "The hotline's first season")
	press(tm, "right", "right") // the third built-in scenario
	waitFor(t, tm, "Requests for assistance")
	press(tm, "down", "down", "down", "down", "right") // faster clock: 12h a second
	press(tm, "enter")
	waitFor(t, tm, "Cascade Composites", "PAUSED")

	press(tm, "1") // send China a request for assistance under the cooperation clause
	waitFor(t, tm, "Decided")
	press(tm, "space")
	tick(tm, 30) // China's own request arrives: 36 story hours on
	press(tm, "space", "tab")
	waitFor(t, tm, "rfa-huaxin")
	press(tm, "up", "enter", "1") // the request China sent: acknowledge it
	waitFor(t, tm, "cknowledgement for rfa-huaxin in preparation")
	press(tm, "space")
	tick(tm, 1)
	press(tm, "space")
	for _, part := range []injects.ElementKind{injects.Preserve, injects.Investigate, injects.Mitigate, injects.Update} {
		press(tm, "down", "2")
		// The renderer redraws only what changed: match past the first letter.
		waitFor(t, tm, part.Noun()[1:]+" for rfa-huaxin (adequate) in preparation")
	}
	press(tm, "space")
	tick(tm, 45)                    // the investigation takes two days
	press(tm, "space", "down", "2") // results
	waitFor(t, tm, "esults for rfa-huaxin (adequate) in preparation")
	press(tm, "esc", "space")
	tick(tm, 400) // to the dialogue's meeting, three weeks in
	waitFor(t, tm, "every request reviewed")
	press(tm, "space")
	tick(tm, 200)
	waitFor(t, tm, "The exercise has ended", "Closing review")
	press(tm, "q", "y")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	final := tm.FinalModel(t).(*Model)
	if err := final.Game().Close(); err != nil {
		t.Fatal(err)
	}
	log, err := eventlog.Read(filepath.Join(dir, "run.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	last := log.Events[len(log.Events)-1]
	if last.Type != game.Ended {
		t.Fatalf("the log ends with %s, not the end of the exercise", last.Type)
	}
	var delivered []string
	for _, ev := range log.Events {
		if ev.Type == game.Delivered && ev.Request == "rfa-huaxin" && ev.Team == "fbi" {
			delivered = append(delivered, ev.Element)
		}
	}
	slices.Sort(delivered)
	if got := strings.Join(delivered, " "); got != "acknowledge investigate mitigate preserve results update" {
		t.Errorf("the player's deliveries to China were %q", got)
	}
	card := log.Events[len(log.Events)-2].Review
	if card == nil || card.Sides[injects.US].Received != 1 {
		t.Fatalf("the closing review does not score the request the US received: %+v", card)
	}
}
