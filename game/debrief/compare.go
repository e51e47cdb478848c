package debrief

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"hotline/game"
	"hotline/injects"
)

// Comparison sets several runs of one scenario side by side: how each
// ended and scored, and the decisions where they parted. A class often
// has several tables play the same scenario; the hotwash compares them.
type Comparison struct {
	Kind     string    `json:"kind"`
	Scenario Scenario  `json:"scenario"`
	Runs     []RunLine `json:"runs"`
	// Rows are the runs' figures, a label and one value per run.
	Rows []Row `json:"rows"`
	// Ratings are each objective's ratings in each run: the objective,
	// then for each run the United States' and China's, as the report
	// gives them.
	Ratings []Row `json:"ratings"`
	// Partings are the decisions, requests and actions where the runs
	// parted: what each run did, in the order the runs first met them.
	Partings []Parting `json:"partings"`
}

// RunLine names one run.
type RunLine struct {
	Name    string `json:"name"`
	Players string `json:"players"`
	Seed    uint64 `json:"seed"`
}

// Parting is one decision point and what each run made of it.
type Parting struct {
	What string `json:"what"`
	ID   string `json:"id"`
	// Whose is who decides it, in words: "the United States", "China
	// (Ministry of Public Security)", "both delegations".
	Whose string   `json:"decided_by"`
	Runs  []string `json:"runs"` // one for each run, in order
	at    time.Duration
}

// Run is a log to compare: its name, its start record and the events it
// makes again.
type Run struct {
	Name   string
	Events []game.Event
}

// SameScenario checks that runs are of one scenario, by id and digest,
// and says which are not in one line naming them.
func SameScenario(runs []Run) error {
	if len(runs) == 0 {
		return fmt.Errorf("name the logs to compare")
	}
	first := runs[0].Events[0].Start
	for _, r := range runs[1:] {
		s := r.Events[0].Start
		switch {
		case s.Scenario != first.Scenario:
			return fmt.Errorf("%s is a run of %s and %s a run of %s: compare runs of one scenario", runs[0].Name, first.Scenario, r.Name, s.Scenario)
		case s.Digest != first.Digest:
			return fmt.Errorf("%s and %s are runs of different versions of %s (digests %.12s and %.12s): compare runs of one version", runs[0].Name, r.Name, s.Scenario, first.Digest, s.Digest)
		}
	}
	return nil
}

// NewComparison compares runs of a scenario. Each run's events must be
// those game.Resume made again from its log.
func NewComparison(sc *injects.Scenario, runs []Run) (*Comparison, error) {
	if err := SameScenario(runs); err != nil {
		return nil, err
	}
	c := &Comparison{Kind: "hotline comparison", Scenario: scenarioOf(sc)}
	var bs []*builder
	for _, r := range runs {
		if len(r.Events) == 0 || r.Events[0].Start == nil {
			return nil, fmt.Errorf("%s has no start record", r.Name)
		}
		b := newBuilder(sc, r.Events)
		bs = append(bs, b)
		start := r.Events[0].Start
		c.Runs = append(c.Runs, RunLine{Name: r.Name, Seed: start.Seed,
			Players: fmt.Sprintf("US %s; China %s", playerWords(start.Players[0]), playerWords(start.Players[1]))})
	}
	row := func(label string, f func(b *builder) string) {
		r := Row{label}
		for _, b := range bs {
			r = append(r, f(b))
		}
		c.Rows = append(c.Rows, r)
	}
	row("Ending", func(b *builder) string {
		if !b.st.Ended {
			return "not ended (" + clock(sc, b.st.Now) + ")"
		}
		if i, ok := sc.EndingIndex(b.st.Ending); ok {
			return sc.Endings[i].Title
		}
		return "the clock ran out"
	})
	for side := range injects.Side(2) {
		row("Score of "+the(side), func(b *builder) string { return b.card.Sides[side].ScoreWords() })
	}
	for side := range injects.Side(2) {
		row("Parts answered on time by "+the(side), func(b *builder) string {
			s := &b.card.Sides[side]
			return ratioWords(s.OnTime, s.Due)
		})
	}
	row("Requests sent", func(b *builder) string { return fmt.Sprint(len(b.card.Requests)) })
	row("Hotline calls", func(b *builder) string {
		missed := 0
		for _, c := range b.st.Calls {
			if c.Missed {
				missed++
			}
		}
		return fmt.Sprintf("%d, %d unanswered", len(b.st.Calls), missed)
	})
	row("Ladder's highest rung", func(b *builder) string {
		peak := 0
		for _, p := range b.ladder {
			peak = max(peak, p.Rung)
		}
		return sc.Hotline.Rungs[peak].Title
	})
	row("Decisions left to the deadline", func(b *builder) string {
		n := 0
		for _, ev := range b.events {
			if ev.Type == game.InjectExpired {
				n++
			}
		}
		return fmt.Sprint(n)
	})
	for _, v := range sc.Variables {
		if !v.Meter() {
			continue
		}
		row(upperFirst(v.ID)+" at the end", func(b *builder) string {
			val, _ := b.st.Var(v.ID)
			return fmt.Sprint(val.Int)
		})
	}
	analyses := make([][]ObjectiveAnalysis, len(bs))
	for i, b := range bs {
		analyses[i] = b.objectives()
	}
	for k, o := range sc.Objectives {
		r := Row{o.ID}
		for _, oa := range analyses {
			var sides []string
			for _, s := range oa[k].Sides {
				rating := s.Rating
				if rating == "" {
					rating = "—"
				}
				sides = append(sides, sideShort(s.Side)+" "+rating)
			}
			r = append(r, strings.Join(sides, " · "))
		}
		c.Ratings = append(c.Ratings, r)
	}
	c.Partings = partings(sc, bs)
	return c, nil
}

// partings finds where the runs parted: the choices made on each inject,
// the requests sent, the actions taken.
func partings(sc *injects.Scenario, bs []*builder) []Parting {
	var out []Parting
	add := func(p Parting) {
		for _, v := range p.Runs[1:] {
			if v != p.Runs[0] {
				out = append(out, p)
				return
			}
		}
	}
	never := time.Duration(1<<63 - 1)
	for i := range sc.Injects {
		in := &sc.Injects[i]
		if len(in.Choices) == 0 {
			continue
		}
		p := Parting{What: in.Title, ID: in.ID, Whose: deciders(sc, in.To), at: never}
		for _, b := range bs {
			is := &b.st.Injects[i]
			switch {
			case is.Status != game.Fired:
				p.Runs = append(p.Runs, "did not arrive")
				continue
			case !is.Resolved:
				p.Runs = append(p.Runs, "no decision yet")
			case is.Choice == "":
				p.Runs = append(p.Runs, "no decision by the deadline")
			default:
				ch, _ := in.Choice(is.Choice)
				v := oneLine(ch.Label)
				if is.Timeout {
					v += " (left to the deadline)"
				}
				p.Runs = append(p.Runs, v)
			}
			p.at = min(p.at, is.FiredAt)
		}
		add(p)
	}
	for i := range sc.Requests {
		r := &sc.Requests[i]
		p := Parting{What: "Request: " + r.Subject, ID: r.ID, Whose: the(r.From), at: never}
		for _, b := range bs {
			rs := &b.st.Requests[i]
			if !rs.Opened {
				p.Runs = append(p.Runs, "not sent")
				continue
			}
			p.Runs = append(p.Runs, "sent "+clock(sc, rs.OpenedAt)+", "+b.st.RequestStatus(i))
			p.at = min(p.at, rs.OpenedAt)
		}
		if slices.ContainsFunc(p.Runs, func(v string) bool { return v == "not sent" }) {
			add(p)
		}
	}
	for i := range sc.Actions {
		a := &sc.Actions[i]
		p := Parting{What: "Action: " + oneLine(a.Label), ID: a.ID, Whose: the(a.Side), at: never}
		for _, b := range bs {
			as := &b.st.Actions[i]
			if as.Taken == 0 {
				p.Runs = append(p.Runs, "not taken")
				continue
			}
			p.Runs = append(p.Runs, fmt.Sprintf("taken %s", clock(sc, as.Last)))
			p.at = min(p.at, as.Last)
		}
		add(p)
	}
	slices.SortStableFunc(out, func(a, b Parting) int {
		switch {
		case a.at < b.at:
			return -1
		case a.at > b.at:
			return 1
		}
		return 0
	})
	return out
}

func (c *Comparison) chrome() chrome {
	return chrome{Edition: "Runs compared", Title: c.Scenario.Title, Mark: "For the facilitator and the hotwash",
		Status: Draft}
}

// deciders names who decides an inject: a delegation, one of its teams,
// or both.
func deciders(sc *injects.Scenario, to injects.Audience) string {
	switch {
	case to.All:
		return "both delegations"
	case to.Team != "":
		return the(to.Side) + " (" + teamName(sc, to.Team) + ")"
	}
	return the(to.Side)
}

// WriteText writes the comparison for the terminal.
func (c *Comparison) WriteText(w io.Writer) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s (%s): %s compared\n\n", c.Scenario.Title, c.Scenario.ID, plural(len(c.Runs), "run"))
	for i, r := range c.Runs {
		fmt.Fprintf(b, "  %d  %s — %s; seed %d\n", i+1, r.Name, r.Players, r.Seed)
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	head := []string{""}
	for i := range c.Runs {
		head = append(head, fmt.Sprint(i+1))
	}
	fmt.Fprintf(tw, "  %s\n", strings.Join(head, "\t"))
	for _, r := range c.Rows {
		fmt.Fprintf(tw, "  %s\n", strings.Join(r, "\t"))
	}
	tw.Flush()
	b.WriteString("\nObjectives, as each report rates them (P, S, M, U; — not rated)\n\n")
	tw = tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  %s\n", strings.Join(head, "\t"))
	for _, r := range c.Ratings {
		fmt.Fprintf(tw, "  %s\n", strings.Join(r, "\t"))
	}
	tw.Flush()
	b.WriteString("\nWhere they parted\n")
	if len(c.Partings) == 0 {
		b.WriteString("\n  Nowhere: every run made the same decisions.\n")
	}
	for _, p := range c.Partings {
		fmt.Fprintf(b, "\n  %s (%s), decided by %s\n", p.What, p.ID, p.Whose)
		for i, v := range p.Runs {
			fmt.Fprintf(b, "    %d  %s\n", i+1, v)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the comparison as Markdown tables.
func (c *Comparison) WriteMarkdown(w io.Writer) error {
	m := &md{}
	m.raw(c.chrome().line() + "\n\n")
	m.h(1, "Runs compared: "+c.Scenario.Title)
	var runs [][]string
	for i, r := range c.Runs {
		runs = append(runs, []string{fmt.Sprint(i + 1), r.Name, r.Players, fmt.Sprint(r.Seed)})
	}
	m.table([]string{"Run", "Log", "Played by", "Seed"}, runs)
	head := []string{""}
	for i := range c.Runs {
		head = append(head, fmt.Sprintf("Run %d", i+1))
	}
	m.table(head, rows(c.Rows))
	m.h(2, "Objectives")
	m.p("Each objective as each run's report rates it, for the United States and China: P performed without challenges, S with some challenges, M with major challenges, U unable to be performed; — not rated.")
	m.table(append([]string{"Objective"}, head[1:]...), rows(c.Ratings))
	m.h(2, "Where they parted")
	if len(c.Partings) == 0 {
		m.p("Nowhere: every run made the same decisions.")
		return m.done(w)
	}
	var ps [][]string
	for _, p := range c.Partings {
		ps = append(ps, append([]string{p.What, p.Whose}, p.Runs...))
	}
	m.table(append([]string{"Decision", "Decided by"}, head[1:]...), ps)
	return m.done(w)
}

// WriteHTML writes the comparison as one self-contained HTML page.
func (c *Comparison) WriteHTML(w io.Writer) error {
	return writePage(w, "compare", "Runs compared: "+c.Scenario.Title, plural(len(c.Runs), "log")+" of "+c.Scenario.ID, c.chrome(), c)
}
