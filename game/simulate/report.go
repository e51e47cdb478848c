package simulate

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"hotline/injects"
)

// Report is what the runs showed.
type Report struct {
	Scenario    string `json:"scenario"`
	Title       string `json:"title"`
	Source      string `json:"source"`
	Runs        int    `json:"runs"`
	RunsPerPair int    `json:"runs_per_pair"`
	FirstSeed   uint64 `json:"first_seed"`
	LastSeed    uint64 `json:"last_seed"`
	// Endings are the scenario's endings in file order, the columns of each
	// pair's tally.
	Endings   []string        `json:"endings"`
	Pairs     []PairReport    `json:"pairs"`
	All       PairReport      `json:"all_pairs"`
	Meters    []MeterReport   `json:"meters"`
	Injects   []InjectReport  `json:"injects"`
	Requests  []RequestReport `json:"requests"`
	Actions   []ActionReport  `json:"actions"`
	Unreached []Unreached     `json:"unreached"`
	// Refused counts runs in which the engine refused a bot's command: a
	// bug in a bot or a scenario, never a facilitator's mistake.
	Refused      int    `json:"refused"`
	FirstRefusal string `json:"first_refusal,omitempty"`

	Elapsed time.Duration `json:"-"`
	Workers int           `json:"-"`
}

// PairReport is what one pair of counterpart profiles did.
type PairReport struct {
	US   string `json:"us,omitempty"`
	CN   string `json:"cn,omitempty"`
	Runs int    `json:"runs"`
	// Endings counts the runs that reached each ending, in the order of
	// Report.Endings; NoEnding those that ended with none.
	Endings  []int     `json:"endings"`
	NoEnding int       `json:"no_ending"`
	Scores   [2]Spread `json:"scores"` // the closing review's score, by side (US, China)
}

// Spread sums up a distribution of whole numbers.
type Spread struct {
	Min    int     `json:"min"`
	P10    int     `json:"p10"`
	Median int     `json:"median"`
	P90    int     `json:"p90"`
	Max    int     `json:"max"`
	Mean   float64 `json:"mean"`
}

// MeterReport is the range of an int variable.
type MeterReport struct {
	ID      string  `json:"id"`
	Lowest  int     `json:"lowest"`          // in any run, at any time
	Highest int     `json:"highest"`         // in any run, at any time
	Final   *Spread `json:"final,omitempty"` // at the end; for meters (with min and max) only
}

// Position is where something is written.
type Position struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

func position(p injects.Pos) Position { return Position{File: p.File, Line: p.Line, Col: p.Col} }

// InjectReport counts the runs in which an inject fired, and its choices.
type InjectReport struct {
	ID      string         `json:"id"`
	At      Position       `json:"at"`
	Fired   int            `json:"fired"`
	Choices []ChoiceReport `json:"choices,omitempty"`
	// TimedOut counts deadlines that passed with no choice to take.
	TimedOut int `json:"timed_out,omitempty"`
}

// ChoiceReport counts the runs in which a choice was taken.
type ChoiceReport struct {
	ID    string   `json:"id"`
	At    Position `json:"at"`
	Taken int      `json:"taken"`
	// AtDeadline counts the times it was taken for the side when the
	// deadline passed.
	AtDeadline int `json:"at_deadline"`
}

// RequestReport counts the runs in which a request was opened, and those
// in which some part of it fell overdue.
type RequestReport struct {
	ID      string   `json:"id"`
	At      Position `json:"at"`
	Opened  int      `json:"opened"`
	Overdue int      `json:"overdue"`
}

// ActionReport counts the runs in which an action was taken.
type ActionReport struct {
	ID    string `json:"id"`
	Taken int    `json:"taken"`
}

// Unreached is an inject that never fired, a choice never taken or an
// ending never reached, in any run.
type Unreached struct {
	Kind   string   `json:"kind"` // inject, choice or ending
	ID     string   `json:"id"`
	Inject string   `json:"inject,omitempty"` // a choice's inject
	At     Position `json:"at"`
	// Shared is set for what a shared file holds: a file included by
	// several scenarios may hold what one of them never uses.
	Shared bool `json:"shared,omitempty"`
}

// Gaps counts what was never reached outside shared files: what --strict
// fails on.
func (r *Report) Gaps() int {
	n := 0
	for _, u := range r.Unreached {
		if !u.Shared {
			n++
		}
	}
	return n
}

func (u Unreached) String() string {
	where := fmt.Sprintf("%s:%d", u.At.File, u.At.Line)
	switch u.Kind {
	case "inject":
		return fmt.Sprintf("%s: inject %q never fired", where, u.ID)
	case "choice":
		return fmt.Sprintf("%s: choice %q of inject %q was never taken", where, u.ID, u.Inject)
	}
	return fmt.Sprintf("%s: ending %q was never reached", where, u.ID)
}

func (t *tally) report(opt Options) *Report {
	sc := t.sc
	r := &Report{Scenario: sc.ID, Title: sc.Title, Source: sc.Source, RunsPerPair: opt.Runs,
		FirstSeed: opt.Seed, LastSeed: opt.Seed + uint64(opt.Runs-1), Refused: t.refused, FirstRefusal: t.refusal}
	for _, e := range sc.Endings {
		r.Endings = append(r.Endings, e.ID)
	}
	all := make([]int, len(sc.Endings)+1)
	var allScores [2][101]int
	for p, pair := range opt.Pairs {
		pr := PairReport{US: pair[0], CN: pair[1], Runs: t.runs[p], Endings: t.endings[p][:len(sc.Endings)],
			NoEnding: t.endings[p][len(sc.Endings)]}
		for side := range 2 {
			pr.Scores[side] = spread(t.scores[p][side][:], 0)
			for v, n := range t.scores[p][side] {
				allScores[side][v] += n
			}
		}
		addInts(all, t.endings[p])
		r.Runs += pr.Runs
		r.Pairs = append(r.Pairs, pr)
	}
	r.All = PairReport{Runs: r.Runs, Endings: all[:len(sc.Endings)], NoEnding: all[len(sc.Endings)]}
	for side := range 2 {
		r.All.Scores[side] = spread(allScores[side][:], 0)
	}
	for i, v := range sc.Variables {
		if v.Type != injects.Int {
			continue
		}
		m := MeterReport{ID: v.ID, Lowest: t.lo[i], Highest: t.hi[i]}
		if t.final[i] != nil {
			f := spread(t.final[i], t.finalLo[i])
			m.Final = &f
		}
		r.Meters = append(r.Meters, m)
	}
	for i := range sc.Injects {
		in := &sc.Injects[i]
		ir := InjectReport{ID: in.ID, At: position(in.Pos), Fired: t.fired[i], TimedOut: t.timedOut[i]}
		if ir.Fired == 0 {
			r.Unreached = append(r.Unreached, Unreached{Kind: "inject", ID: in.ID, At: ir.At, Shared: slices.Contains(sc.SharedFiles, in.Pos.File)})
		}
		for j := range in.Choices {
			ch := &in.Choices[j]
			cr := ChoiceReport{ID: ch.ID, At: position(ch.Pos), Taken: t.chosen[i][j], AtDeadline: t.expired[i][j]}
			ir.Choices = append(ir.Choices, cr)
			if cr.Taken == 0 {
				r.Unreached = append(r.Unreached, Unreached{Kind: "choice", ID: ch.ID, Inject: in.ID, At: cr.At, Shared: slices.Contains(sc.SharedFiles, ch.Pos.File)})
			}
		}
		r.Injects = append(r.Injects, ir)
	}
	for i := range sc.Requests {
		q := &sc.Requests[i]
		r.Requests = append(r.Requests, RequestReport{ID: q.ID, At: position(q.Pos), Opened: t.opened[i], Overdue: t.overdue[i]})
	}
	for i := range sc.Actions {
		r.Actions = append(r.Actions, ActionReport{ID: sc.Actions[i].ID, Taken: t.actions[i]})
	}
	for i := range sc.Endings {
		if all[i] == 0 {
			r.Unreached = append(r.Unreached, Unreached{Kind: "ending", ID: sc.Endings[i].ID, At: position(sc.Endings[i].Pos),
				Shared: slices.Contains(sc.SharedFiles, sc.Endings[i].Pos.File)})
		}
	}
	return r
}

// spread sums up a histogram whose first bucket holds the value lo.
func spread(hist []int, lo int) Spread {
	n, sum := 0, 0
	for v, c := range hist {
		n += c
		sum += c * (v + lo)
	}
	if n == 0 {
		return Spread{}
	}
	// at returns the smallest value with at least a share p of the runs
	// at or below it.
	at := func(p float64) int {
		need := max(int(math.Ceil(p*float64(n))), 1)
		seen := 0
		for v, c := range hist {
			if seen += c; seen >= need {
				return v + lo
			}
		}
		return len(hist) - 1 + lo
	}
	return Spread{Min: at(0), P10: at(0.1), Median: at(0.5), P90: at(0.9), Max: at(1), Mean: float64(sum) / float64(n)}
}

// WriteText writes the report for people.
func (r *Report) WriteText(w io.Writer) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s (%s)\n", r.Title, r.Source)
	fmt.Fprintf(b, "%s runs: %s for each of %s, seeds %d to %d.\n",
		count(r.Runs), count(r.RunsPerPair), plural(len(r.Pairs), "profile pair"), r.FirstSeed, r.LastSeed)
	if r.Refused > 0 {
		fmt.Fprintf(b, "\n! In %s the engine refused a bot's command, a bug in a bot or in the rules; the first: %s\n",
			plural(r.Refused, "run"), r.FirstRefusal)
	}

	b.WriteString("\nEndings, by profile pair (US / China)\n")
	tw := table(b)
	head := "  pair"
	for _, e := range r.Endings {
		head += "\t" + e
	}
	none := r.All.NoEnding > 0
	if none {
		head += "\tno ending"
	}
	fmt.Fprintln(tw, head)
	row := func(name string, p *PairReport) {
		line := "  " + name
		for _, n := range p.Endings {
			line += "\t" + share(n, p.Runs)
		}
		if none {
			line += "\t" + share(p.NoEnding, p.Runs)
		}
		fmt.Fprintln(tw, line)
	}
	for i := range r.Pairs {
		row(r.Pairs[i].US+" / "+r.Pairs[i].CN, &r.Pairs[i])
	}
	row("all pairs", &r.All)
	tw.Flush()

	b.WriteString("\nScores at the closing review, by profile pair, of the runs in which the side was rated: median (10th–90th percentile)\n")
	tw = table(b)
	fmt.Fprintln(tw, "  pair\tUnited States\tChina")
	score := func(s Spread) string { return fmt.Sprintf("%d (%d–%d)", s.Median, s.P10, s.P90) }
	for _, p := range r.Pairs {
		fmt.Fprintf(tw, "  %s / %s\t%s\t%s\n", p.US, p.CN, score(p.Scores[0]), score(p.Scores[1]))
	}
	fmt.Fprintf(tw, "  all pairs\t%s\t%s\n", score(r.All.Scores[0]), score(r.All.Scores[1]))
	fmt.Fprintf(tw, "  all pairs: lowest, mean, highest\t%d, %.1f, %d\t%d, %.1f, %d\n",
		r.All.Scores[0].Min, r.All.Scores[0].Mean, r.All.Scores[0].Max, r.All.Scores[1].Min, r.All.Scores[1].Mean, r.All.Scores[1].Max)
	tw.Flush()

	if len(r.Meters) > 0 {
		b.WriteString("\nMeters: lowest and highest in any run; at the end, median (10th–90th percentile)\n")
		tw = table(b)
		for _, m := range r.Meters {
			end := ""
			if m.Final != nil {
				end = fmt.Sprintf("at the end %d (%d–%d)", m.Final.Median, m.Final.P10, m.Final.P90)
			}
			fmt.Fprintln(tw, strings.TrimSuffix(fmt.Sprintf("  %s\t%d–%d\t%s", m.ID, m.Lowest, m.Highest, end), "\t"))
		}
		tw.Flush()
	}

	b.WriteString("\nInjects: share of runs in which each fired\n")
	tw = table(b)
	for _, in := range r.Injects {
		fmt.Fprintf(tw, "  %s\t%s\t%s:%d\n", share(in.Fired, r.Runs), in.ID, in.At.File, in.At.Line)
	}
	tw.Flush()

	b.WriteString("\nChoices: share of the runs in which the inject fired (taken at the deadline)\n")
	tw = table(b)
	for _, in := range r.Injects {
		if len(in.Choices) == 0 {
			continue
		}
		// A line with no tab is no column's cell: the inject's id does not
		// widen the columns of its choices.
		line := "  " + in.ID
		if in.TimedOut > 0 {
			line += fmt.Sprintf(" (the deadline passed with no choice to take: %s)", percent(in.TimedOut, in.Fired))
		}
		fmt.Fprintln(tw, line)
		for _, ch := range in.Choices {
			late := ""
			if ch.AtDeadline > 0 {
				late = "(" + percent(ch.AtDeadline, in.Fired) + ")"
			}
			fmt.Fprintln(tw, strings.TrimSuffix(fmt.Sprintf("    %s\t%s\t%s", share(ch.Taken, in.Fired), ch.ID, late), "\t"))
		}
	}
	tw.Flush()

	if len(r.Requests) > 0 {
		b.WriteString("\nRequests: share of runs in which each was opened; of those, share with a part overdue\n")
		tw = table(b)
		for _, q := range r.Requests {
			switch {
			case q.Opened == 0:
				fmt.Fprintf(tw, "  %s\tnever opened\n", q.ID)
			default:
				line := fmt.Sprintf("  %s\topened %s\toverdue %s", q.ID, share(q.Opened, r.Runs), share(q.Overdue, q.Opened))
				switch q.Overdue {
				case 0:
					line += "\tnever overdue"
				case q.Opened:
					line += "\talways overdue"
				}
				fmt.Fprintln(tw, line)
			}
		}
		tw.Flush()
	}

	if len(r.Actions) > 0 {
		b.WriteString("\nActions: share of runs in which each was taken\n")
		tw = table(b)
		for _, a := range r.Actions {
			fmt.Fprintf(tw, "  %s\t%s\n", share(a.Taken, r.Runs), a.ID)
		}
		tw.Flush()
	}

	if len(r.Unreached) == 0 {
		b.WriteString("\nEverything was reached: every inject fired, every choice was taken and every ending was reached in some run.\n")
	} else {
		fmt.Fprintf(b, "\nNever reached in %s runs:\n", count(r.Runs))
		for _, u := range r.Unreached {
			shared := ""
			if u.Shared {
				shared = "  (in a shared file: not counted by --strict)"
			}
			fmt.Fprintf(b, "  %s%s\n", u, shared)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func table(b *strings.Builder) *tabwriter.Writer {
	return tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
}

// share is percent right-aligned in six columns, for tables.
func share(n, total int) string { return fmt.Sprintf("%6s", percent(n, total)) }

// percent writes n of total as a percentage: exact at 0 and 100, never
// rounded to either.
func percent(n, total int) string {
	switch p := 100 * float64(n) / float64(max(total, 1)); {
	case n == 0:
		return "0%"
	case n == total:
		return "100%"
	case p < 0.1:
		return "<0.1%"
	case p > 99.9:
		return ">99.9%"
	default:
		return fmt.Sprintf("%.1f%%", p)
	}
}

// count writes a whole number with thousands separated: 10,000.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return count(n) + " " + word + "s"
}
