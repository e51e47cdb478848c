// Package simulate plays a scenario many times headless, with bots on both
// sides, across every core, and reports coverage and balance: how often
// each inject fired and each choice was taken, each ending's share by pair
// of counterpart profiles, the spread of scores and meters, the requests
// that always or never went overdue, and what was never reached, with
// where it is written.
//
// The runs are the same for any number of workers: run k of every pair uses
// seed Seed+k, and the tallies add up the same in any order.
package simulate

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"hotline/game"
	"hotline/injects"
)

// Options say what to play.
type Options struct {
	// Runs is the number of runs for each profile pair.
	Runs int
	// Pairs are the profile pairs (US, China) to play; nil plays every pair
	// of the sides' counterparts.
	Pairs [][2]string
	// Seed is the first run's seed; run k of each pair uses Seed+k.
	Seed uint64
	// Workers is how many runs go at once; 0 means one per core.
	Workers int
	// Done, when set, counts the runs as they finish, for a progress bar.
	Done *atomic.Int64
}

// Pairs returns the profile pairs for a list of profile ids: every pair of
// the sides' counterparts for nil, else every pair of the ids given.
func Pairs(sc *injects.Scenario, ids []string) ([][2]string, error) {
	us, cn := sc.Sides[injects.US].Counterparts, sc.Sides[injects.CN].Counterparts
	if ids != nil {
		for _, id := range ids {
			if _, ok := sc.Profile(id); !ok {
				var all []string
				for _, p := range sc.Profiles {
					all = append(all, p.ID)
				}
				return nil, fmt.Errorf("no counterpart profile %q in this scenario; it has %s", id, strings.Join(all, ", "))
			}
		}
		us, cn = ids, ids
	}
	var pairs [][2]string
	for _, u := range us {
		for _, c := range cn {
			pairs = append(pairs, [2]string{u, c})
		}
	}
	return pairs, nil
}

// Run plays the runs and reports on them.
func Run(sc *injects.Scenario, opt Options) (*Report, error) {
	if opt.Runs < 1 {
		return nil, fmt.Errorf("the number of runs must be at least 1, not %d", opt.Runs)
	}
	if opt.Pairs == nil {
		opt.Pairs, _ = Pairs(sc, nil)
	}
	for _, p := range opt.Pairs {
		for side, id := range p {
			if _, err := game.NewBot(sc, injects.Side(side), id, 0); err != nil {
				return nil, err
			}
		}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	total := opt.Runs * len(opt.Pairs)
	workers = min(workers, total)
	began := time.Now()

	var next atomic.Int64
	tallies := make([]*tally, workers)
	var wg sync.WaitGroup
	for w := range tallies {
		t := newTally(sc, len(opt.Pairs))
		tallies[w] = t
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				job := int(next.Add(1) - 1)
				if job >= total {
					return
				}
				pair, k := job/opt.Runs, job%opt.Runs
				t.play(opt.Pairs[pair], pair, opt.Seed+uint64(k), job)
				if opt.Done != nil {
					opt.Done.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	sum := tallies[0]
	for _, t := range tallies[1:] {
		sum.add(t)
	}
	r := sum.report(opt)
	r.Elapsed = time.Since(began)
	r.Workers = workers
	return r, nil
}

// tally counts what happened over a worker's runs.
type tally struct {
	sc         *injects.Scenario
	runs       []int         // by pair
	fired      []int         // by inject
	chosen     [][]int       // by inject, by choice
	expired    [][]int       // by inject, by choice: taken at the deadline
	timedOut   []int         // by inject: deadline passed with no choice taken
	endings    [][]int       // by pair, by ending; the last counts runs with none
	scores     [][2][101]int // by pair, by side: histogram of the closing score
	lo, hi     []int         // by variable: lowest and highest value reached
	final      [][]int       // by variable: histogram of the value at the end, from lo
	finalLo    []int
	opened     []int // by request
	overdue    []int // by request: runs in which some part fell overdue
	actions    []int // by action: runs in which it was taken
	refused    int
	refusal    string // the refusal of the earliest job, so that the report is the same however runs are shared
	refusalJob int

	// The run in progress.
	overdueNow []bool
	actionNow  []bool
}

func newTally(sc *injects.Scenario, pairs int) *tally {
	t := &tally{sc: sc, runs: make([]int, pairs), fired: make([]int, len(sc.Injects)),
		chosen: make([][]int, len(sc.Injects)), expired: make([][]int, len(sc.Injects)),
		timedOut: make([]int, len(sc.Injects)), endings: make([][]int, pairs), scores: make([][2][101]int, pairs),
		lo: make([]int, len(sc.Variables)), hi: make([]int, len(sc.Variables)),
		opened: make([]int, len(sc.Requests)), overdue: make([]int, len(sc.Requests)),
		actions: make([]int, len(sc.Actions)), overdueNow: make([]bool, len(sc.Requests)),
		actionNow: make([]bool, len(sc.Actions))}
	for i, in := range sc.Injects {
		t.chosen[i] = make([]int, len(in.Choices))
		t.expired[i] = make([]int, len(in.Choices))
	}
	for p := range t.endings {
		t.endings[p] = make([]int, len(sc.Endings)+1)
	}
	t.final = make([][]int, len(sc.Variables))
	t.finalLo = make([]int, len(sc.Variables))
	for i, v := range sc.Variables {
		t.lo[i], t.hi[i] = v.Initial.Int, v.Initial.Int
		if v.Meter() {
			t.final[i] = make([]int, v.Max-v.Min+1)
			t.finalLo[i] = v.Min
		}
	}
	return t
}

// play runs the scenario once and counts what happened.
func (t *tally) play(pair [2]string, p int, seed uint64, job int) {
	sc := t.sc
	clear(t.overdueNow)
	clear(t.actionNow)
	st, err := game.Play(sc, seed, pair, t.observe)
	if err != nil {
		t.refused++
		if t.refusal == "" || job < t.refusalJob {
			t.refusal, t.refusalJob = fmt.Sprintf("%s/%s seed %d: %v", pair[0], pair[1], seed, err), job
		}
		if st == nil {
			return
		}
	}
	t.runs[p]++
	for i, o := range t.overdueNow {
		if o {
			t.overdue[i]++
		}
	}
	for i, a := range t.actionNow {
		if a {
			t.actions[i]++
		}
	}
	e, ok := sc.EndingIndex(st.Ending)
	if !ok {
		e = len(sc.Endings)
	}
	t.endings[p][e]++
	if n := len(st.Reviews); n > 0 {
		for side := range 2 {
			// A side that received nothing to answer is not rated: its
			// score would say nothing.
			if sc := &st.Reviews[n-1].Sides[side]; sc.Rated {
				t.scores[p][side][min(max(sc.Score, 0), 100)]++
			}
		}
	}
	for i, v := range st.Vars {
		if t.final[i] != nil {
			t.final[i][v.Int-t.finalLo[i]]++
		}
	}
}

func (t *tally) observe(st *game.State, ev *game.Event) {
	sc := t.sc
	switch ev.Type {
	case game.InjectFired:
		if i, ok := sc.InjectIndex(ev.Inject); ok {
			t.fired[i]++
		}
	case game.InjectChosen, game.InjectExpired:
		i, ok := sc.InjectIndex(ev.Inject)
		if !ok {
			return
		}
		in := &sc.Injects[i]
		for j := range in.Choices {
			if in.Choices[j].ID == ev.Choice {
				t.chosen[i][j]++
				if ev.Type == game.InjectExpired {
					t.expired[i][j]++
				}
				return
			}
		}
		if ev.Type == game.InjectExpired {
			t.timedOut[i]++
		}
	case game.VariableSet:
		if i, ok := sc.VariableIndex(ev.Var); ok && ev.Value.Type == injects.Int {
			t.lo[i], t.hi[i] = min(t.lo[i], ev.Value.Int), max(t.hi[i], ev.Value.Int)
		}
	case game.RequestOpened:
		if i, ok := sc.RequestIndex(ev.Request); ok {
			t.opened[i]++
		}
	case game.Overdue:
		if i, ok := sc.RequestIndex(ev.Request); ok {
			t.overdueNow[i] = true
		}
	case game.ActionTaken:
		if i, ok := sc.ActionIndex(ev.Action); ok {
			t.actionNow[i] = true
		}
	}
}

// add adds another worker's tally to t.
func (t *tally) add(o *tally) {
	addInts(t.runs, o.runs)
	addInts(t.fired, o.fired)
	addInts(t.timedOut, o.timedOut)
	for i := range t.chosen {
		addInts(t.chosen[i], o.chosen[i])
		addInts(t.expired[i], o.expired[i])
	}
	for p := range t.endings {
		addInts(t.endings[p], o.endings[p])
		for side := range 2 {
			addInts(t.scores[p][side][:], o.scores[p][side][:])
		}
	}
	for i := range t.lo {
		t.lo[i], t.hi[i] = min(t.lo[i], o.lo[i]), max(t.hi[i], o.hi[i])
		addInts(t.final[i], o.final[i])
	}
	addInts(t.opened, o.opened)
	addInts(t.overdue, o.overdue)
	addInts(t.actions, o.actions)
	t.refused += o.refused
	if o.refusal != "" && (t.refusal == "" || o.refusalJob < t.refusalJob) {
		t.refusal, t.refusalJob = o.refusal, o.refusalJob
	}
}

func addInts(dst, src []int) {
	for i := range dst {
		dst[i] += src[i]
	}
}
