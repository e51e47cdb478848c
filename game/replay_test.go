package game_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/injects"
)

// run is a headless run's events and final state.
type run struct {
	events []game.Event
	st     *game.State
}

func playAll(t *testing.T, sc *injects.Scenario, seed uint64, profiles [2]string) run {
	t.Helper()
	var r run
	st, err := game.Play(sc, seed, profiles, func(_ *game.State, ev *game.Event) { r.events = append(r.events, *ev) })
	if err != nil {
		t.Fatalf("a bot's command was refused: %v", err)
	}
	r.st = st
	return r
}

// jsonl is events as a log's lines.
func jsonl(t *testing.T, events []game.Event) []byte {
	t.Helper()
	b, err := eventlog.Marshal(events)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDeterminism(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		for _, pair := range goldenPairs {
			t.Run(id+"/"+pair[0]+"-"+pair[1], func(t *testing.T) {
				t.Parallel()
				sc := builtin(t, id)
				a := jsonl(t, playAll(t, sc, 11, pair).events)
				// A second load of the scenario, as another process would.
				b := jsonl(t, playAll(t, builtin(t, id), 11, pair).events)
				if !bytes.Equal(a, b) {
					t.Fatalf("two runs with the same seed differ:\n%s", diffLines(a, b))
				}
				c := jsonl(t, playAll(t, sc, 12, pair).events)
				if bytes.Equal(a, c) {
					t.Errorf("seeds 11 and 12 give the same log")
				}
			})
		}
	}
}

// stateOf is the state's exported content, without the scenario.
func stateOf(st *game.State) game.State {
	c := *st
	c.Scenario = nil
	return c
}

func TestLogRoundTrip(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		for k, pair := range goldenPairs {
			t.Run(id+"/"+pair[0]+"-"+pair[1], func(t *testing.T) {
				t.Parallel()
				sc := builtin(t, id)
				orig := playAll(t, sc, 5, pair)
				want := jsonl(t, orig.events)
				var log *eventlog.Log
				var err error
				if id == "opm-breach" && k == 0 {
					// Once through a file (each event is synced to disk,
					// which is slow); otherwise from the bytes.
					log, err = eventlog.Read(writeLog(t, orig.events))
				} else {
					log, err = eventlog.Parse(want)
				}
				if err != nil {
					t.Fatal(err)
				}
				if log.Truncated || len(log.Events) != len(orig.events) || log.Size != int64(len(want)) {
					t.Fatalf("read back %d of %d events, %d of %d bytes (truncated %v)",
						len(log.Events), len(orig.events), log.Size, len(want), log.Truncated)
				}
				if !bytes.Equal(jsonl(t, log.Events), want) {
					t.Error("the events read back marshal differently")
				}
				e, err := game.Replay(sc, log.Events)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := stateOf(e.State()), stateOf(orig.st); !reflect.DeepEqual(got, want) {
					t.Errorf("the replayed state differs:\n got %s\nwant %s", snapshot(e.State()), snapshot(orig.st))
				}
			})
		}
	}
}

// writeLog writes events to a new log file with eventlog and returns its
// path. The file must hold exactly the events' lines.
func writeLog(t *testing.T, events []game.Event) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "logs", "run.jsonl")
	w, err := eventlog.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range events {
		if err := w.Write(&events[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, jsonl(t, events)) {
		t.Fatalf("the log file is not one JSON line per event:\n%s", diffLines(jsonl(t, events), data))
	}
	if _, err := eventlog.Create(path); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("creating the log again: %v, want a refusal to overwrite it", err)
	}
	return path
}

// cutPoints are the places a log may be cut and resumed from: after the
// last event of a story time, when everything due then has been done.
func cutPoints(events []game.Event) []int {
	var cuts []int
	for k := 1; k < len(events); k++ {
		if events[k].At > events[k-1].At {
			cuts = append(cuts, k)
		}
	}
	return cuts
}

func TestResumeFinishesTheSameRun(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		for _, pair := range goldenPairs {
			t.Run(id+"/"+pair[0]+"-"+pair[1], func(t *testing.T) {
				t.Parallel()
				sc := builtin(t, id)
				orig := playAll(t, sc, 3, pair)
				want := jsonl(t, orig.events)
				cuts := cutPoints(orig.events)
				if len(cuts) < 6 {
					t.Fatalf("only %d places to cut", len(cuts))
				}
				// Every cut for the small scenarios; a spread for the campaign.
				step := max(1, len(cuts)/40)
				for c := 0; c < len(cuts); c += step {
					k := cuts[c]
					log, err := eventlog.Parse(want[:bytes.Index(want, jsonl(t, orig.events[k:k+1]))])
					if err != nil {
						t.Fatal(err)
					}
					if len(log.Events) != k {
						t.Fatalf("cut at %d: read %d events", k, len(log.Events))
					}
					s, err := game.Resume(sc, log.Events, nil)
					if err != nil {
						t.Fatalf("cut at %d: %v", k, err)
					}
					if s.Players() != orig.st.Players {
						t.Fatalf("resumed with players %v, want %v", s.Players(), orig.st.Players)
					}
					events := log.Events
					s.Engine.Observe(func(_ *game.State, ev *game.Event) { events = append(events, *ev) })
					if err := s.Advance(sc.End); err != nil {
						t.Fatalf("cut at %d: a bot's command was refused: %v", k, err)
					}
					if got := jsonl(t, events); !bytes.Equal(got, want) {
						t.Fatalf("resumed after event %d (%s), the run differs:\n%s", k,
							brief(&orig.events[k-1]), diffLines(want, got))
					}
					if !reflect.DeepEqual(stateOf(s.Engine.State()), stateOf(orig.st)) {
						t.Fatalf("resumed after event %d, the final state differs", k)
					}
				}
			})
		}
	}
}

func TestReplayRefusesAForeignLog(t *testing.T) {
	sc := builtin(t, "opm-breach")
	events := playAll(t, sc, 1, [2]string{"cooperative", "cooperative"}).events
	other := builtin(t, "assistance-request")
	if _, err := game.Replay(other, events); err == nil {
		t.Error("a log of opm-breach replayed against assistance-request")
	}
	if _, err := game.Replay(sc, events[1:]); err == nil {
		t.Error("a log without its start replayed")
	}
	gap := append([]game.Event(nil), events[:5]...)
	gap = append(gap, events[6:10]...)
	if _, err := game.Replay(sc, gap); err == nil {
		t.Error("a log with a missing event replayed")
	} else if want := fmt.Sprintf("event 6 has sequence number %d", events[6].Seq); err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

// An edited log that names what the scenario lacks is refused with the
// event's number, never half applied and never a panic.
func TestReplayRefusesAnEditedLog(t *testing.T) {
	sc := builtin(t, "hotline-escalation")
	events := playAll(t, sc, 3, [2]string{"stonewalling", "slow-walking"}).events
	edits := []struct {
		name string
		edit func(ev *game.Event) bool // reports whether it applies to ev
		want string
	}{
		{"unknown inject", func(ev *game.Event) bool { ok := ev.Type == game.InjectFired; ev.Inject = "nope"; return ok }, `no inject "nope"`},
		{"unknown choice", func(ev *game.Event) bool { ok := ev.Choice != ""; ev.Choice = "nope"; return ok }, `no choice "nope"`},
		{"unknown part", func(ev *game.Event) bool { ok := ev.Type == game.Delivered; ev.Element = "nope"; return ok }, `no part "nope"`},
		{"unknown team", func(ev *game.Event) bool { ok := ev.Team != ""; ev.Team = "nope"; return ok }, `no team "nope"`},
		{"rung off the ladder", func(ev *game.Event) bool { ok := ev.Type == game.LadderMoved; ev.Rung = 9; return ok }, "no rung 9"},
		{"review without scorecard", func(ev *game.Event) bool { ok := ev.Type == game.ReviewHeld; ev.Review = nil; return ok }, "without its scorecard"},
	}
	for _, tc := range edits {
		t.Run(tc.name, func(t *testing.T) {
			log := slices.Clone(events)
			at := -1
			for i := range log {
				ev := log[i]
				if tc.edit(&ev) {
					log[i], at = ev, i
					break
				}
			}
			if at < 0 {
				t.Fatal("the run has no event to edit this way; pick a seed that has one")
			}
			_, err := game.Replay(sc, log)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), fmt.Sprintf("event %d:", at+1)) {
				t.Errorf("error %v, want event %d: …%s", err, at+1, tc.want)
			}
		})
	}
}
