package simulate_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"hotline/game"
	"hotline/game/simulate"
	"hotline/injects"
	"hotline/injects/starter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func load(t testing.TB, ref string) *injects.Scenario {
	t.Helper()
	sc, diags := injects.Open(ref)
	if sc == nil {
		t.Fatal(diags.Error())
	}
	return sc
}

// starterScenario is the starting file of hotline new, what a facilitator
// simulates first.
// It is loaded as "my.yaml" in a temporary directory, as a facilitator
// would name it.
func starterScenario(t *testing.T) *injects.Scenario {
	t.Helper()
	t.Chdir(t.TempDir())
	if err := os.WriteFile("my.yaml", starter.File(starter.Options{File: "my.yaml"}), 0o644); err != nil {
		t.Fatal(err)
	}
	sc := load(t, "my.yaml")
	sc.Source = "my.yaml"
	return sc
}

// TestCountsMatchSingleRuns checks the report's tallies against the same
// runs played one by one.
func TestCountsMatchSingleRuns(t *testing.T) {
	sc := starterScenario(t)
	pairs := [][2]string{{"cooperative", "stonewalling"}, {"slow-walking", "by-the-book"}}
	const runs = 12
	r, err := simulate.Run(sc, simulate.Options{Runs: runs, Pairs: pairs, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	fired := map[string]int{}
	chosen := map[string]int{}
	endings := make([]map[string]int, len(pairs))
	opened, overdue := map[string]int{}, map[string]int{}
	for p, pair := range pairs {
		endings[p] = map[string]int{}
		for k := range runs {
			late := map[string]bool{}
			st, err := game.Play(sc, 5+uint64(k), pair, func(_ *game.State, ev *game.Event) {
				switch ev.Type {
				case game.InjectFired:
					fired[ev.Inject]++
				case game.InjectChosen, game.InjectExpired:
					chosen[ev.Inject+"/"+ev.Choice]++
				case game.RequestOpened:
					opened[ev.Request]++
				case game.Overdue:
					late[ev.Request] = true
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			endings[p][st.Ending]++
			for id := range late {
				overdue[id]++
			}
		}
	}
	if r.Runs != runs*len(pairs) || r.RunsPerPair != runs || r.FirstSeed != 5 || r.LastSeed != 5+runs-1 {
		t.Errorf("runs %d (%d a pair), seeds %d to %d", r.Runs, r.RunsPerPair, r.FirstSeed, r.LastSeed)
	}
	for _, in := range r.Injects {
		if in.Fired != fired[in.ID] {
			t.Errorf("inject %s fired %d times, played one by one %d", in.ID, in.Fired, fired[in.ID])
		}
		for _, ch := range in.Choices {
			if ch.Taken != chosen[in.ID+"/"+ch.ID] {
				t.Errorf("choice %s/%s taken %d times, played one by one %d", in.ID, ch.ID, ch.Taken, chosen[in.ID+"/"+ch.ID])
			}
		}
	}
	for p := range pairs {
		for i, id := range r.Endings {
			if got := r.Pairs[p].Endings[i]; got != endings[p][id] {
				t.Errorf("%v: ending %s %d times, played one by one %d", pairs[p], id, got, endings[p][id])
			}
		}
	}
	for _, q := range r.Requests {
		if q.Opened != opened[q.ID] || q.Overdue != overdue[q.ID] {
			t.Errorf("request %s opened %d, overdue %d; played one by one %d, %d", q.ID, q.Opened, q.Overdue, opened[q.ID], overdue[q.ID])
		}
	}
}

// TestSameReportWithAnyWorkers: how the runs are shared among workers
// changes nothing in the report.
func TestSameReportWithAnyWorkers(t *testing.T) {
	sc := load(t, "campaign")
	var done atomic.Int64
	one, err := simulate.Run(sc, simulate.Options{Runs: 3, Seed: 1, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	many, err := simulate.Run(sc, simulate.Options{Runs: 3, Seed: 1, Workers: 5, Done: &done})
	if err != nil {
		t.Fatal(err)
	}
	one.Elapsed, one.Workers, many.Elapsed, many.Workers = 0, 0, 0, 0
	if !reflect.DeepEqual(one, many) {
		t.Errorf("one worker and five give different reports")
	}
	if done.Load() != 48 || many.Runs != 48 {
		t.Errorf("%d runs counted as done, %d reported; want 48 (3 for each of 16 pairs)", done.Load(), many.Runs)
	}
}

func TestUnreachedWithWhereItIsWritten(t *testing.T) {
	sc := load(t, "testdata/gaps.yaml")
	r, err := simulate.Run(sc, simulate.Options{Runs: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range r.Unreached {
		got = append(got, u.String())
	}
	want := []string{
		`testdata/gaps.yaml:50: inject "reserve" never fired`,
		`testdata/gaps.yaml:56: choice "wait" of inject "reserve" was never taken`,
		`testdata/gaps.yaml:60: inject "too-late" never fired`,
		`testdata/gaps.yaml:68: ending "boiling" was never reached`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unreached:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPairs(t *testing.T) {
	sc := load(t, "opm-breach")
	all, err := simulate.Pairs(sc, nil)
	if err != nil || len(all) != 16 || all[1] != [2]string{"cooperative", "by-the-book"} {
		t.Errorf("all pairs: %v, %v", all, err)
	}
	two, err := simulate.Pairs(sc, []string{"cooperative", "stonewalling"})
	if err != nil || len(two) != 4 || two[3] != [2]string{"stonewalling", "stonewalling"} {
		t.Errorf("two profiles: %v, %v", two, err)
	}
	if _, err := simulate.Pairs(sc, []string{"hawkish"}); err == nil || !strings.Contains(err.Error(), `no counterpart profile "hawkish"`) {
		t.Errorf("an unknown profile: %v", err)
	}
	if _, err := simulate.Run(sc, simulate.Options{Runs: 0}); err == nil {
		t.Error("zero runs are accepted")
	}
}

// TestGoldenReport pins the text report of the starting scenario. It
// changes when the bots or the rules change: read the diff before -update.
func TestGoldenReport(t *testing.T) {
	path, err := filepath.Abs(filepath.Join("testdata", "starter.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := simulate.Run(starterScenario(t), simulate.Options{Runs: 25, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the report differs from %s; run go test -update and read the diff\ngot:\n%s", path, b.String())
	}
}

// BenchmarkSimulateCampaign10k simulates 10,000 runs of the built-in
// campaign, 625 for each of the 16 profile pairs, on every core.
func BenchmarkSimulateCampaign10k(b *testing.B) {
	sc := load(b, "campaign")
	for b.Loop() {
		r, err := simulate.Run(sc, simulate.Options{Runs: 625, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		if r.Runs != 10_000 || r.Refused > 0 {
			b.Fatalf("%d runs, %d refused", r.Runs, r.Refused)
		}
	}
}
