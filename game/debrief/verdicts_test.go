package debrief_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

// verdictPairs are the sides the report's verdicts are checked on: each
// player strategy against a counterpart, and counterparts against each
// other, so that every kind of play, good and bad, is judged.
var verdictPairs = [][2]string{
	{"strategy:diligent", "cooperative"},
	{"strategy:late", "slow-walking"},
	{"strategy:sound-declines", "stonewalling"},
	{"strategy:ignore", "by-the-book"},
	{"strategy:escalate", "cooperative"},
	{"strategy:escalate", "stonewalling"},
	{"stonewalling", "slow-walking"},
	{"by-the-book", "slow-walking"},
	{"cooperative", "strategy:ignore"},
	{"slow-walking", "strategy:escalate"},
	{"by-the-book", "strategy:sound-declines"},
}

type judgedRun struct {
	name   string
	sc     *injects.Scenario
	events []game.Event
	rep    *debrief.Report
}

// judged holds the judged runs, made once for the tests that read them.
var judged struct {
	once sync.Once
	runs []judgedRun
	done bool
}

// judgedRuns plays every built-in scenario with each pair, on two seeds,
// and writes each run's report.
func judgedRuns(t *testing.T) []judgedRun {
	t.Helper()
	judged.once.Do(func() {
		for _, id := range injects.BuiltinIDs() {
			sc := builtin(t, id)
			for _, pair := range verdictPairs {
				for seed := uint64(1); seed <= 2; seed++ {
					events := played(t, sc, seed, pair)
					rep, err := debrief.NewReport(sc, events, debrief.Info{})
					if err != nil {
						t.Fatal(err)
					}
					judged.runs = append(judged.runs, judgedRun{fmt.Sprintf("%s --us %s --cn %s --seed %d", id, pair[0], pair[1], seed), sc, events, rep})
				}
			}
		}
		judged.done = true
	})
	if !judged.done {
		t.Fatal("the runs to judge were not all made")
	}
	return judged.runs
}

var lateWord = regexp.MustCompile(`\d[dhm] late\b`) // "7h12m late", "1d11h late"

// What the report counts as a strength or an area for improvement holds in
// every run: no strength rests on a late answer, no piece of evidence is
// both, and no firm public accusation is praised.
func TestFindingsHoldInEveryRun(t *testing.T) {
	for _, r := range judgedRuns(t) {
		strong := map[string]string{}
		for _, f := range r.rep.Strengths {
			for _, line := range append([]string{f.Text}, f.Evidence...) {
				if lateWord.MatchString(line) {
					t.Errorf("%s: a strength rests on a late answer: %q (%q)", r.name, f.Text, line)
				}
				if strings.Contains(line, "Publicly attribute the breach") {
					t.Errorf("%s: public attribution is a strength: %q", r.name, f.Text)
				}
			}
			for _, e := range f.Evidence {
				strong[e] = f.Text
			}
		}
		for _, f := range r.rep.Improvements {
			for _, e := range f.Evidence {
				if s, ok := strong[e]; ok {
					t.Errorf("%s: %q is evidence of the strength %q and of the area for improvement %q", r.name, e, s, f.Text)
				}
			}
		}
	}
}

// The report's prose reads as a teacher would say it.
func TestReportWording(t *testing.T) {
	bad := []*regexp.Regexp{
		regexp.MustCompile(`\(s\)`),                        // "call(s)"
		regexp.MustCompile(`(?i)\bone of one\b`),           // "One of one hotline calls"
		regexp.MustCompile(`States's`),                     // "United States's requests"
		regexp.MustCompile(`\.;`),                          // "accordingly.; weigh-escalation"
		regexp.MustCompile(`\b1 [a-z]+s\b`),                // "1 calls"
		regexp.MustCompile(`\b(rf[ai]|verify)-[a-z-]+ \(`), // an id where the request's subject belongs
	}
	for _, r := range judgedRuns(t) {
		md := reportText(t, r.rep)
		for _, re := range bad {
			if m := re.FindString(md); m != "" {
				i := strings.Index(md, m)
				t.Errorf("%s: the report says %q: …%s…", r.name, m, md[max(0, i-80):min(len(md), i+80)])
			}
		}
	}
}

// reportText is what the report says in prose: its analysis, findings,
// hotwash questions, and the review as the program prints it.
func reportText(t *testing.T, rep *debrief.Report) string {
	var b strings.Builder
	for _, oa := range rep.Objectives {
		for _, s := range oa.Sides {
			for _, e := range s.Evidence {
				fmt.Fprintln(&b, e.Text)
			}
		}
	}
	for _, f := range append(slices.Clone(rep.Strengths), areas(rep)...) {
		fmt.Fprintln(&b, f.Text)
		for _, e := range f.Evidence {
			fmt.Fprintln(&b, e)
		}
	}
	for _, q := range rep.Hotwash.Questions {
		fmt.Fprintln(&b, q.Text)
	}
	var sides [][]string
	for _, r := range rep.Review.Sides {
		sides = append(sides, r)
	}
	if err := game.WriteReviewViews(&b, rep.Review.Heading, rep.Review.Requests, rep.Review.Caption, sides); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// rating returns a side's rating of an objective in a report.
func rating(t *testing.T, rep *debrief.Report, objective string, side injects.Side) debrief.SideRating {
	t.Helper()
	for _, oa := range rep.Objectives {
		if oa.ID == objective {
			return oa.Sides[side]
		}
	}
	t.Fatalf("the report has no objective %s", objective)
	return debrief.SideRating{}
}

// A side that did nothing it was asked on an objective is unable to
// perform it: China ignoring everything is U, or not rated where it was
// asked nothing, on every objective; in the campaign, U on answering in
// time and on the hotline.
func TestNothingDoneIsU(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		sc := builtin(t, id)
		for _, us := range []string{"", "cooperative", "strategy:diligent", "stonewalling"} {
			rep, err := debrief.NewReport(sc, played(t, sc, 1, [2]string{us, "strategy:ignore"}), debrief.Info{})
			if err != nil {
				t.Fatal(err)
			}
			for _, oa := range rep.Objectives {
				if r := oa.Sides[injects.CN]; r.Derived != "U" && r.Derived != "" {
					t.Errorf("%s, --us %q --cn strategy:ignore: China is %s on %s; it did nothing:\n%s", id, us, r.Derived, oa.ID, evidenceText(r))
				}
			}
			if id != "campaign" {
				continue
			}
			for _, objective := range []string{"timely-response", "use-the-hotline"} {
				if r := rating(t, rep, objective, injects.CN); r.Derived != "U" {
					t.Errorf("campaign --us %q --cn strategy:ignore: China is %q on %s, not U:\n%s", us, r.Derived, objective, evidenceText(r))
				}
			}
		}
	}
}

// use-the-hotline is judged on the hotline: a side with no call, rung or
// received, is never P on it.
func TestNoCallIsNeverPOnTheHotline(t *testing.T) {
	for _, r := range judgedRuns(t) {
		for side := range injects.Side(2) {
			rt := rating(t, r.rep, "use-the-hotline", side)
			if rt.Derived != "P" {
				continue
			}
			called := slices.ContainsFunc(r.events, func(ev game.Event) bool { return ev.Type == game.Rang }) // every call is between both sides
			if !called {
				t.Errorf("%s: %s is P on use-the-hotline with no call:\n%s", r.name, side.Title(), evidenceText(rt))
			}
		}
	}
}

// A US that escalates at every turn is judged worse than P on weighing
// escalation, and none of its decisions is a strength; its public
// attribution is evidence, not only a mark on the timeline.
func TestEscalationIsNotAStrength(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		sc := builtin(t, id)
		for _, cn := range []string{"cooperative", "slow-walking", "stonewalling", "by-the-book"} {
			for seed := uint64(1); seed <= 3; seed++ {
				name := fmt.Sprintf("%s --us strategy:escalate --cn %s --seed %d", id, cn, seed)
				events := played(t, sc, seed, [2]string{"strategy:escalate", cn})
				rep, err := debrief.NewReport(sc, events, debrief.Info{})
				if err != nil {
					t.Fatal(err)
				}
				if r := rating(t, rep, "weigh-escalation", injects.US); r.Derived == "" || r.Derived == "P" {
					t.Errorf("%s: the US is %q on weigh-escalation:\n%s", name, r.Derived, evidenceText(r))
				}
				var chosen []string
				for _, ev := range events {
					if ev.Type == game.InjectChosen && sideOf(sc, ev.Team) == injects.US {
						i, _ := sc.InjectIndex(ev.Inject)
						ch, _ := sc.Injects[i].Choice(ev.Choice)
						chosen = append(chosen, strings.Join(strings.Fields(ch.Label), " "))
					}
				}
				for _, f := range rep.Strengths {
					if f.Side != "us" {
						continue
					}
					for _, line := range append([]string{f.Text}, f.Evidence...) {
						for _, label := range chosen {
							if strings.Contains(line, label) {
								t.Errorf("%s: the US decision %q is a strength: %s", name, label, f.Text)
							}
						}
						if strings.Contains(line, "decision") {
							t.Errorf("%s: a strength of the US is about its decisions: %s", name, f.Text)
						}
					}
				}
				if id == "campaign" || id == "opm-breach" {
					r := rating(t, rep, "weigh-escalation", injects.US)
					if !strings.Contains(evidenceText(r), "Publicly attribute the breach") {
						t.Errorf("%s: the public attribution is not evidence on weigh-escalation:\n%s", name, evidenceText(r))
					}
				}
			}
		}
	}
}

func sideOf(sc *injects.Scenario, team string) injects.Side {
	t, _ := sc.Team(team)
	return t.Side
}

func evidenceText(r debrief.SideRating) string {
	var b strings.Builder
	for _, e := range r.Evidence {
		fmt.Fprintf(&b, "  %s: %s [%s]\n", e.At.Time, e.Text, e.Grade)
	}
	return b.String()
}

// courseFile is a facilitator's own scenario whose choices and action say
// what they mean for the objectives.
const courseFile = `format: 1
scenario:
  id: courses
  title: Courses
  start: 2015-10-01 09:00
  end: T+3d
sides:
  us:
    teams: {fbi: Federal Bureau of Investigation}
  cn:
    teams: {mps: Ministry of Public Security}
personas:
  white-cell: {name: White Cell, affiliation: white-cell}
variables:
  tension: {type: int, min: 0, max: 100, initial: 40}
objectives:
  tell-apart: Tell espionage apart from commercial theft.
  weigh-escalation: Weigh the costs of public attribution before using it.
actions:
  blame:
    side: us
    label: Blame China's government in public
    effects: [change: {tension: 10}]
    undermines:
      weigh-escalation: Attribution is not certain, and China will deny it.
injects:
  breach:
    at: T+0h
    to: fbi
    from: white-cell
    channel: intel
    title: Personnel records breached
    objectives: [tell-apart]
    choices:
      ask:
        label: Send a request for information
        effects: [change: {tension: -1}]
        supports:
          tell-apart: A request for information fits espionage.
        neutral:
          weigh-escalation: A request escalates nothing.
      demand:
        label: Demand under the pledge
        tone: firm
        effects: [change: {tension: 5}]
        undermines:
          tell-apart: The pledge covers commercial theft, not espionage.
    deadline: {within: 12h, choose: ask}
  senators:
    at: T+1d
    to: fbi
    from: white-cell
    channel: press
    title: Senators want sanctions
    choices:
      hold:
        label: Hold course
        effects: [change: {tension: -2}]
        supports:
          weigh-escalation: Sanctions do not answer espionage.
      sanction:
        label: Promise sanctions
        tone: firm
        effects: [change: {tension: 10}]
        undermines:
          weigh-escalation: A promise of sanctions for spying commits to what the law does not allow.
    deadline: {within: 12h, choose: hold}
`

// courseRun plays the scenario with a US player who takes the given
// choices (none: lets the deadline decide) and actions, and a bot for China.
func courseRun(t *testing.T, breach, senators string, act bool) *debrief.Report {
	t.Helper()
	sc, diags := injects.Parse("courses.yaml", []byte(courseFile))
	if sc == nil || len(diags) != 0 {
		t.Fatalf("the scenario does not load clean:\n%v", diags)
	}
	var log []game.Event
	s, err := game.NewClass(sc, 1, "Ms Rivera", func(_ *game.State, ev *game.Event) { log = append(log, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	white, _ := s.Engine.Actor("Ms Rivera")
	do := func(a game.Actor, c game.Command) {
		t.Helper()
		if err := s.Do(a, c); err != nil {
			t.Fatalf("%v: %v", c.Verb, err)
		}
	}
	do(white, game.Command{Verb: game.Seat, Person: game.Person{Name: "Ana", Role: game.Player, Team: "fbi"}})
	do(white, game.Command{Verb: game.SeatBot, Team: "mps", Profile: "cooperative"})
	ana, _ := s.Engine.Actor("Ana")
	do(white, game.Command{Verb: game.RunClock})
	if breach != "" {
		do(ana, game.Command{Team: "fbi", Verb: game.Choose, Inject: "breach", Choice: breach})
	}
	if act {
		do(ana, game.Command{Team: "fbi", Verb: game.Act, Action: "blame"})
	}
	if err := s.Advance(d + h); err != nil {
		t.Fatal(err)
	}
	if senators != "" {
		do(ana, game.Command{Team: "fbi", Verb: game.Choose, Inject: "senators", Choice: senators})
	}
	if err := s.Advance(sc.End); err != nil {
		t.Fatal(err)
	}
	rep, err := debrief.NewReport(sc, again(t, sc, log), debrief.Info{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// areas are a report's areas for improvement, as findings.
func areas(rep *debrief.Report) []debrief.Finding {
	var out []debrief.Finding
	for _, f := range rep.Improvements {
		out = append(out, f.Finding)
	}
	return out
}

func findingsText(fs []debrief.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s: %s\n", f.Side, f.Text)
	}
	return b.String()
}

// A facilitator's own scenario says what its courses mean: the report
// grades the decisions and the action by it, with the scenario's reasons,
// and never credits a side with what its deadline chose.
func TestReportJudgesWhatWasChosen(t *testing.T) {
	t.Run("the better courses", func(t *testing.T) {
		rep := courseRun(t, "ask", "hold", false)
		for objective, want := range map[string]string{"tell-apart": "P", "weigh-escalation": "P"} {
			if r := rating(t, rep, objective, injects.US); r.Derived != want {
				t.Errorf("the US is %q on %s, not %s:\n%s", r.Derived, objective, want, evidenceText(r))
			}
		}
		for _, want := range []string{
			`On "Personnel records breached", chose "Send a request for information". A request for information fits espionage.`,
			`On "Senators want sanctions", chose "Hold course". Sanctions do not answer espionage.`,
		} {
			if !strings.Contains(findingsText(rep.Strengths), want) {
				t.Errorf("no strength says %q:\n%s", want, findingsText(rep.Strengths))
			}
		}
		// Neutral shows its reason and grades nothing.
		r := rating(t, rep, "weigh-escalation", injects.US)
		if ev := evidenceText(r); !strings.Contains(ev, "It neither serves nor harms the objective: A request escalates nothing. []") {
			t.Errorf("the neutral course is not shown ungraded:\n%s", ev)
		}
		if len(rep.Improvements) != 0 {
			t.Errorf("areas for improvement:\n%s", findingsText(areas(rep)))
		}
	})
	t.Run("the worse courses", func(t *testing.T) {
		rep := courseRun(t, "demand", "sanction", true)
		for objective, want := range map[string]string{"tell-apart": "M", "weigh-escalation": "M"} {
			if r := rating(t, rep, objective, injects.US); r.Derived != want {
				t.Errorf("the US is %q on %s, not %s:\n%s", r.Derived, objective, want, evidenceText(r))
			}
		}
		for _, want := range []string{
			`On "Personnel records breached", chose "Demand under the pledge". The pledge covers commercial theft, not espionage.`,
			`On "Senators want sanctions", chose "Promise sanctions". A promise of sanctions for spying commits to what the law does not allow.`,
			`Took the action "Blame China's government in public". Attribution is not certain, and China will deny it.`,
		} {
			if !strings.Contains(findingsText(areas(rep)), want) {
				t.Errorf("no area for improvement says %q:\n%s", want, findingsText(areas(rep)))
			}
		}
		if len(rep.Strengths) != 0 {
			t.Errorf("strengths:\n%s", findingsText(rep.Strengths))
		}
	})
	t.Run("left to the deadlines", func(t *testing.T) {
		rep := courseRun(t, "", "", false)
		if len(rep.Strengths) != 0 {
			t.Errorf("what the deadlines chose is a strength:\n%s", findingsText(rep.Strengths))
		}
		for _, objective := range []string{"tell-apart", "weigh-escalation"} {
			if r := rating(t, rep, objective, injects.US); r.Derived != "U" && r.Derived != "" {
				t.Errorf("the US, which decided nothing, is %q on %s:\n%s", r.Derived, objective, evidenceText(r))
			}
		}
	})
}
