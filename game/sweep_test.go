package game_test

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"text/tabwriter"

	"hotline/game"
	"hotline/injects"
)

// sweepSeeds, when set, plays the sweeps with that many seeds per cell and
// prints their tables:
//
//	go test ./game -run Sweep -sweep 30
var sweepSeeds = flag.Int("sweep", 0, "play the profile and strategy sweeps with this many seeds per cell and print their tables")

// tally counts how a set of runs ended.
type tally struct {
	label   string
	runs    int
	endings map[string]int
	hot     int // runs that ended with tension at its top
	cold    int // runs that ended with trust at its bottom
	pinned  int // runs that ended with some meter at one of its limits
}

func (t *tally) add(st *game.State) {
	if t.endings == nil {
		t.endings = map[string]int{}
	}
	t.runs++
	t.endings[st.Ending]++
	if v, ok := st.Var("tension"); ok && v.Int == meterBound(st.Scenario, "tension", true) {
		t.hot++
	}
	if v, ok := st.Var("trust"); ok && v.Int == meterBound(st.Scenario, "trust", false) {
		t.cold++
	}
	for i, v := range st.Scenario.Variables {
		if v.Meter() && (st.Vars[i].Int == v.Min || st.Vars[i].Int == v.Max) {
			t.pinned++
			break
		}
	}
}

func (t *tally) merge(u *tally) {
	if t.endings == nil {
		t.endings = map[string]int{}
	}
	t.runs += u.runs
	t.hot += u.hot
	t.cold += u.cold
	t.pinned += u.pinned
	for k, n := range u.endings {
		t.endings[k] += n
	}
}

// modal returns the ending most runs reached and its share.
func (t *tally) modal() (string, float64) {
	best, n := "", -1
	for k, c := range t.endings {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best, float64(n) / float64(max(t.runs, 1))
}

func meterBound(sc *injects.Scenario, id string, top bool) int {
	i, _ := sc.VariableIndex(id)
	if top {
		return sc.Variables[i].Max
	}
	return sc.Variables[i].Min
}

// playOne plays a scenario to its end and fails the test if a bot's command
// is refused or the exercise does not end.
func playOne(t testing.TB, sc *injects.Scenario, seed uint64, players [2]string) *game.State {
	t.Helper()
	st, err := game.Play(sc, seed, players, nil)
	if err != nil {
		t.Fatalf("%s %v seed %d: a command was refused: %v", sc.ID, players, seed, err)
	}
	if !st.Ended {
		t.Fatalf("%s %v seed %d: the exercise did not end", sc.ID, players, seed)
	}
	return st
}

// sweepProfiles plays every pair of counterpart profiles, bots on both
// sides: one tally per pair.
func sweepProfiles(t testing.TB, sc *injects.Scenario, seeds int) []*tally {
	var out []*tally
	for _, us := range sc.Sides[injects.US].Counterparts {
		for _, cn := range sc.Sides[injects.CN].Counterparts {
			ta := &tally{label: us + " / " + cn}
			for seed := 1; seed <= seeds; seed++ {
				ta.add(playOne(t, sc, uint64(seed), [2]string{us, cn}))
			}
			out = append(out, ta)
		}
	}
	return out
}

// strategyCell is the runs of one strategy on one side against one
// counterpart profile.
type strategyCell struct {
	side        injects.Side
	strategy    string
	counterpart string
	tally
}

// sweepStrategies plays each strategy on each side against each counterpart
// profile.
func sweepStrategies(t testing.TB, sc *injects.Scenario, seeds int) []*strategyCell {
	var out []*strategyCell
	for side := range injects.Side(2) {
		for _, s := range game.Strategies() {
			for _, cp := range sc.Sides[side.Other()].Counterparts {
				c := &strategyCell{side: side, strategy: s.ID, counterpart: cp}
				c.label = fmt.Sprintf("%s %s vs %s", side, s.ID, cp)
				var players [2]string
				players[side], players[side.Other()] = game.StrategyPrefix+s.ID, cp
				for seed := 1; seed <= seeds; seed++ {
					c.add(playOne(t, sc, uint64(seed), players))
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// writeTallies prints tallies as a table: one row each, a column per ending
// with the number of runs that reached it, and the runs that ended with a
// meter pinned.
func writeTallies(w io.Writer, sc *injects.Scenario, title string, rows []*tally) {
	fmt.Fprintf(w, "\n%s\n", title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"", "runs"}
	for _, en := range sc.Endings {
		head = append(head, en.ID)
	}
	head = append(head, "(none)", "tension 100", "trust 0", "any meter pinned", "")
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		cells := []string{r.label, fmt.Sprint(r.runs)}
		for _, en := range sc.Endings {
			cells = append(cells, count(r.endings[en.ID]))
		}
		cells = append(cells, count(r.endings[""]), count(r.hot), count(r.cold), count(r.pinned), "")
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
}

func count(n int) string {
	if n == 0 {
		return "."
	}
	return fmt.Sprint(n)
}

// TestSweepTables prints the sweeps' tables when -sweep is given.
func TestSweepTables(t *testing.T) {
	if *sweepSeeds == 0 {
		return
	}
	for _, id := range injects.BuiltinIDs() {
		sc := builtin(t, id)
		pairs := sweepProfiles(t, sc, *sweepSeeds)
		writeTallies(os.Stdout, sc, fmt.Sprintf("%s: endings by profile pair (US / China), %d seeds each", id, *sweepSeeds),
			append(pairs, total("all pairs", pairs)))
		cells := sweepStrategies(t, sc, *sweepSeeds)
		var rows []*tally
		for _, c := range cells {
			rows = append(rows, &c.tally)
		}
		writeTallies(os.Stdout, sc, fmt.Sprintf("%s: endings by player strategy, side and counterpart, %d seeds each", id, *sweepSeeds), rows)
		var byStrategy []*tally
		for _, s := range game.Strategies() {
			for side := range injects.Side(2) {
				ta := &tally{label: fmt.Sprintf("%s %s", side, s.ID)}
				for _, c := range cells {
					if c.strategy == s.ID && c.side == side {
						ta.merge(&c.tally)
					}
				}
				byStrategy = append(byStrategy, ta)
			}
		}
		writeTallies(os.Stdout, sc, fmt.Sprintf("%s: endings by player strategy and side, all counterparts", id),
			append(byStrategy, total("all strategies", byStrategy)))
	}
}

func total(label string, rows []*tally) *tally {
	ta := &tally{label: label}
	for _, r := range rows {
		ta.merge(r)
	}
	return ta
}

// strategySeeds is how many seeds each cell of the strategy sweep plays in
// every go test run: enough for the bounds below to be stable, few enough
// to take a fraction of a second.
const strategySeeds = 8

// TestDecisionsDecideEveryScenario: in every built-in scenario, with the
// counterpart fixed, the player's strategy changes the ending; no ending
// takes more than 40% of the runs of either sweep; the meters do not end
// pinned at their limits in most runs.
func TestDecisionsDecideEveryScenario(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			decisionsDecide(t, builtin(t, id))
		})
	}
}

func decisionsDecide(t *testing.T, sc *injects.Scenario) {
	cells := sweepStrategies(t, sc, strategySeeds)
	var rows []*tally
	for _, c := range cells {
		rows = append(rows, &c.tally)
	}
	all := total("all strategies", rows)
	pairs := total("all pairs", sweepProfiles(t, sc, strategySeeds))
	for _, ta := range []*tally{all, pairs} {
		if ending, share := ta.modal(); share > 0.4 {
			t.Errorf("%s: %q ends %.0f%% of %d runs; no ending should take more than 40%%", ta.label, ending, 100*share, ta.runs)
		}
		if ta.pinned*2 >= ta.runs {
			t.Errorf("%s: a meter ends at its limit in %d of %d runs", ta.label, ta.pinned, ta.runs)
		}
	}
	for side := range injects.Side(2) {
		for _, cp := range sc.Sides[side.Other()].Counterparts {
			modal := map[string]string{}
			distinct := map[string]bool{}
			for _, c := range cells {
				if c.side == side && c.counterpart == cp {
					modal[c.strategy], _ = c.modal()
					distinct[modal[c.strategy]] = true
				}
			}
			if len(distinct) < 2 {
				t.Errorf("%s against %s: every strategy ends mostly in %v", side, cp, modal)
			}
			if modal["diligent"] == modal["ignore"] {
				t.Errorf("%s against %s: answering everything well and ignoring everything both end mostly in %q", side, cp, modal["ignore"])
			}
		}
	}
	if t.Failed() {
		writeTallies(os.Stderr, sc, sc.ID+": the strategy sweep", append(rows, all))
	}
}
