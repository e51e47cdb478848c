package playtest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
)

// Result is what running a playtest found.
type Result struct {
	File     string
	Scenario *injects.Scenario
	// Failures are the steps that could not be carried out and the
	// expectations that did not hold, each with the event that differed.
	Failures Findings
	Checks   int // expectations checked
	Steps    int // steps carried out
	// State is the state of play at the end of the run.
	State *game.State
	// Events are the run's events, which a log holds; Trace says each as
	// failures cite them, a line each.
	Events []game.Event
	Trace  []string
}

// ScenarioRef says where the playtest's scenario is: its scenario: as a
// path beside the playtest when such a file exists, else as written (a
// built-in id); with none, NAME.yaml beside NAME.playtest.yaml.
func ScenarioRef(pt *Playtest) string {
	if pt.Scenario == "" {
		return strings.TrimSuffix(pt.File, Suffix) + ".yaml"
	}
	if filepath.IsAbs(pt.Scenario) {
		return pt.Scenario
	}
	beside := filepath.Join(filepath.Dir(pt.File), pt.Scenario)
	if _, err := os.Stat(beside); err == nil {
		return beside
	}
	return pt.Scenario
}

// Run plays the playtest against its scenario and checks what it expects.
// The scenario must be the one ScenarioRef names. An error means the
// playtest names something the scenario lacks.
func Run(pt *Playtest, sc *injects.Scenario) (*Result, error) {
	if err := check(pt, sc); err != nil {
		return nil, err
	}
	r := &runner{pt: pt, sc: sc, due: make([]time.Duration, len(pt.Steps)), known: make([]bool, len(pt.Steps)),
		done: make([]bool, len(pt.Steps)), call: make([]int, len(pt.Steps)),
		res: &Result{File: pt.File, Scenario: sc}}
	for i, s := range pt.Steps {
		if s.HasAt {
			r.due[i], r.known[i] = s.At, true
		}
	}
	profiles := [2]string{}
	profiles[pt.Side.Other()] = pt.Counterpart
	if profiles[pt.Side.Other()] == "" {
		profiles[pt.Side.Other()] = "default"
	}
	s, err := game.NewSession(sc, pt.Seed, profiles, r.observe)
	if err != nil {
		return nil, err
	}
	r.session = s
	r.actor = game.SideActor(sc, game.SoloPlayer, pt.Side) // as a solo player: its log replays
	r.play()
	r.expect()
	r.res.State = s.Engine.State()
	for _, e := range r.events {
		r.res.Events = append(r.res.Events, e.ev)
		r.res.Trace = append(r.res.Trace, fmt.Sprintf("%4d  %-10s  %-27s  %s", e.ev.Seq, injects.FormatOffset(e.ev.At), e.ev.Type, e.desc))
	}
	return r.res, nil
}

// runner plays one playtest.
type runner struct {
	pt      *Playtest
	sc      *injects.Scenario
	session *game.Session
	actor   game.Actor
	res     *Result

	due   []time.Duration // by step, once known
	known []bool
	done  []bool
	call  []int // by step: the call an on-call step answers
	calls int   // calls to the scripted side so far

	events []seen
}

// seen is an event as the run saw it, with what it meant then.
type seen struct {
	ev   game.Event
	desc string
}

func (s seen) String() string {
	return fmt.Sprintf("event %d at %s, %s: %s", s.ev.Seq, injects.FormatOffset(s.ev.At), s.ev.Type, s.desc)
}

func (r *runner) observe(st *game.State, ev *game.Event) {
	r.events = append(r.events, seen{ev: *ev, desc: game.Describe(st, ev)})
	switch ev.Type {
	case game.InjectFired:
		for i, s := range r.pt.Steps {
			if s.On == ev.Inject && !r.known[i] {
				r.due[i], r.known[i] = ev.At+s.After, true
			}
		}
	case game.RequestOpened:
		for i, s := range r.pt.Steps {
			if s.OnRequest == ev.Request && !r.known[i] {
				r.due[i], r.known[i] = ev.At+s.After, true
			}
		}
	case game.ClarificationAsked:
		for i, s := range r.pt.Steps {
			if s.OnQuestion == ev.Request && !r.known[i] {
				r.due[i], r.known[i] = ev.At+s.After, true
			}
		}
	case game.Rang:
		if ev.Side == r.pt.Side {
			return // a call the scripted side made
		}
		r.calls++
		for i, s := range r.pt.Steps {
			if s.OnCall == r.calls && !r.known[i] {
				r.due[i], r.known[i], r.call[i] = ev.At+s.After, true, ev.Call
			}
		}
	}
}

func (r *runner) failf(p Pos, format string, args ...any) {
	r.res.Failures = append(r.res.Failures, Finding{File: r.pt.File, Pos: p, Message: fmt.Sprintf(format, args...)})
}

// play advances the story clock from one thing to the next, the bots' moves
// and the engine's timers as in any run, and makes each scripted command at
// its time.
func (r *runner) play() {
	s, e, sc := r.session, r.session.Engine, r.sc
	for !e.State().Ended {
		now := e.State().Now
		t := sc.End
		for i := range r.pt.Steps {
			if r.known[i] && !r.done[i] {
				t = min(t, r.due[i])
			}
		}
		if n, ok := e.Next(); ok && n > now {
			t = min(t, n)
		}
		for _, b := range s.Bots() {
			if w, ok := b.Wake(e); ok && w > now {
				t = min(t, w)
			}
		}
		r.advance(max(t, now))
		ran := false
		for _, i := range r.dueNow() {
			r.do(i)
			ran = true
		}
		if !ran && e.State().Now >= sc.End {
			r.advance(sc.End)
			break
		}
	}
	for i, st := range r.pt.Steps {
		if r.done[i] {
			continue
		}
		switch {
		case r.known[i]:
			r.failf(st.Pos, "this step never ran: the exercise ended at %s, before %s", injects.FormatOffset(e.State().Now), injects.FormatOffset(r.due[i]))
		case st.On != "":
			r.failf(st.Pos, "this step never ran: inject %q never fired%s", st.On, because(r.whyNotFired(st.On, 1)))
		case st.OnRequest != "":
			r.failf(st.Pos, "this step never ran: %s", r.requestState(st.OnRequest))
		case st.OnQuestion != "":
			msg := fmt.Sprintf("this step never ran: nobody asked to clarify request %q", st.OnQuestion)
			if i, _ := r.sc.RequestIndex(st.OnQuestion); !e.State().Requests[i].Opened {
				msg += ": " + r.requestState(st.OnQuestion)
			}
			r.failf(st.Pos, "%s", msg)
		case st.OnCall > 0:
			r.failf(st.Pos, "this step never ran: %s received %d hotline call(s), not %d", r.pt.Side.Title(), r.calls, st.OnCall)
		}
	}
}

func (r *runner) advance(to time.Duration) {
	if err := r.session.Advance(to); err != nil {
		r.failf(Pos{1, 1}, "the engine refused the counterpart bot's command, a bug in a bot or the rules: %v", err)
	}
}

// dueNow returns the steps due by now, earliest first, in file order on a tie.
func (r *runner) dueNow() []int {
	now := r.session.Engine.State().Now
	var out []int
	for i := range r.pt.Steps {
		if r.known[i] && !r.done[i] && r.due[i] <= now {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int { return int(r.due[a] - r.due[b]) })
	return out
}

// do makes a step's command.
func (r *runner) do(i int) {
	r.done[i] = true
	st, sc := r.session.Engine.State(), r.sc
	step := r.pt.Steps[i]
	cmd := step.Cmd
	if cmd.Team == "" {
		cmd.Team = sc.TeamsOf(r.pt.Side)[0]
		if in, ok := sc.InjectIndex(cmd.Inject); ok && cmd.Verb == game.Choose {
			cmd.Team = game.AddressedTeam(sc, &sc.Injects[in])
		}
	}
	if cmd.Verb == game.Answer {
		cmd.Call = r.call[i]
		for k := range st.Calls {
			if c := &st.Calls[k]; cmd.Call == 0 && c.From != r.pt.Side && c.Open() {
				cmd.Call = c.N
			}
		}
		if cmd.Call == 0 {
			r.failf(step.Pos, "at %s no hotline call to %s was ringing, so there was nothing to answer", injects.FormatOffset(st.Now), r.pt.Side.Title())
			return
		}
	}
	if err := r.session.Do(r.actor, cmd); err != nil {
		r.failf(step.Pos, "at %s the engine refused this step (%s): %v", injects.FormatOffset(st.Now), cmd.Verb, err)
		return
	}
	r.res.Steps++
}

// last returns the last event that matches, if any.
func (r *runner) last(match func(*game.Event) bool) (seen, bool) {
	for i := len(r.events) - 1; i >= 0; i-- {
		if match(&r.events[i].ev) {
			return r.events[i], true
		}
	}
	return seen{}, false
}

// expect checks what the playtest expects of the finished run.
func (r *runner) expect() {
	st, sc := r.session.Engine.State(), r.sc
	for _, x := range r.pt.Expect {
		r.res.Checks++
		about := func(ev *game.Event) bool { return ev.Inject == x.ID }
		switch x.Kind {
		case ExpectFired, ExpectNotFired:
			i, _ := sc.InjectIndex(x.ID)
			is := st.Injects[i]
			fired, ev := is.Status == game.Fired, seen{}
			if fired {
				ev, _ = r.last(func(e *game.Event) bool { return e.Type == game.InjectFired && e.Inject == x.ID })
			}
			switch {
			case x.Kind == ExpectNotFired && fired:
				r.failf(x.Pos, "expected inject %q not to fire; it fired (%s)", x.ID, ev)
			case x.Kind == ExpectFired && !fired:
				r.failf(x.Pos, "expected inject %q to fire; it never did%s", x.ID, because(r.whyNotFired(x.ID, 1)))
			case x.Kind == ExpectFired && x.HasBy && is.FiredAt > x.By:
				r.failf(x.Pos, "expected inject %q to fire by %s; it fired later (%s)", x.ID, injects.FormatOffset(x.By), ev)
			}
		case ExpectChosen:
			i, _ := sc.InjectIndex(x.ID)
			is := st.Injects[i]
			ev, decided := r.last(func(e *game.Event) bool {
				return (e.Type == game.InjectChosen || e.Type == game.InjectExpired) && about(e)
			})
			switch {
			case is.Status != game.Fired:
				r.failf(x.Pos, "expected %q to be chosen on inject %q; the inject never fired%s", x.Choice, x.ID, because(r.whyNotFired(x.ID, 1)))
			case !decided:
				r.failf(x.Pos, "expected %q to be chosen on inject %q; nothing was chosen by the end", x.Choice, x.ID)
			case is.Choice != x.Choice:
				r.failf(x.Pos, "expected %q to be chosen on inject %q; the run went otherwise (%s)", x.Choice, x.ID, ev)
			}
		case ExpectStatus:
			i, _ := sc.RequestIndex(x.ID)
			if got := st.RequestStatus(i); got != x.Status {
				msg := fmt.Sprintf("expected request %q to be %s; it is %s", x.ID, x.Status, got)
				switch rs := st.Requests[i]; {
				case !rs.Opened, rs.Clarifying:
					msg += ": " + r.requestState(x.ID)
				default:
					if ev, ok := r.last(func(e *game.Event) bool { return e.Request == x.ID && e.Type != game.Rang }); ok {
						msg += " (last: " + ev.String() + ")"
					}
				}
				r.failf(x.Pos, "%s", msg)
			}
		case ExpectRung:
			if got := sc.Hotline.Rungs[st.Rung].ID; got != x.ID {
				msg := fmt.Sprintf("expected the ladder on %q at the end; it is on %q", x.ID, got)
				if ev, ok := r.last(func(e *game.Event) bool { return e.Type == game.LadderMoved }); ok {
					msg += " (last moved: " + ev.String() + ")"
				} else {
					msg += "; it never moved"
				}
				r.failf(x.Pos, "%s", msg)
			}
		case ExpectEnding:
			got := st.Ending
			if got == "" {
				got = "none"
			}
			if got != x.ID {
				ev, _ := r.last(func(e *game.Event) bool { return e.Type == game.Ended })
				msg := fmt.Sprintf("expected the ending %q; the run ended with %q (%s)", x.ID, got, ev)
				if i, ok := sc.EndingIndex(x.ID); ok && sc.Endings[i].If != nil {
					if state := r.stateOf(sc.Endings[i].If.Reads(sc), 1); state != "" {
						msg += ": its if: did not hold: " + state
					}
				}
				r.failf(x.Pos, "%s", msg)
			}
		case ExpectScore:
			card := st.Reviews[len(st.Reviews)-1]
			if got := card.Sides[x.Side].Score; got < x.Min || got > x.Max {
				ev, _ := r.last(func(e *game.Event) bool { return e.Type == game.ReviewHeld })
				r.failf(x.Pos, "expected %s score in %s; it was %s at the closing review (%s)", x.Side.Possessive(), rangeWords(x), card.Sides[x.Side].ScoreWords(), ev)
			}
		}
	}
}

// because joins a reason to what it explains.
func because(why string) string {
	if why == "" {
		return ""
	}
	return ": " + why
}

func rangeWords(x Expect) string {
	switch {
	case x.Min == x.Max:
		return strconv.Itoa(x.Min)
	case x.Max == 100:
		return ">= " + strconv.Itoa(x.Min)
	case x.Min == 0:
		return "<= " + strconv.Itoa(x.Max)
	}
	return fmt.Sprintf("%d..%d", x.Min, x.Max)
}

// check reports the ids a playtest names that its scenario lacks.
func check(pt *Playtest, sc *injects.Scenario) error {
	var found Findings
	bad := func(p Pos, format string, args ...any) {
		found = append(found, Finding{File: pt.File, Pos: p, Message: "error: " + fmt.Sprintf(format, args...)})
	}
	if pt.Counterpart != "" {
		if _, err := game.NewBot(sc, pt.Side.Other(), pt.Counterpart, 0); err != nil {
			var ids []string
			for _, p := range sc.Profiles {
				ids = append(ids, p.ID)
			}
			for _, s := range game.Strategies() {
				ids = append(ids, game.StrategyPrefix+s.ID)
			}
			bad(pt.pos["counterpart"], "counterpart: no profile %q in %s%s; it has %s", pt.Counterpart, sc.ID,
				injects.DidYouMean(pt.Counterpart, ids), strings.Join(ids, ", "))
		}
	}
	var refs []ref
	for _, s := range pt.Steps {
		refs = append(refs, s.refs...)
	}
	for _, x := range pt.Expect {
		refs = append(refs, x.refs...)
	}
	for _, rf := range refs {
		ok := true
		var choices []string // few enough to list
		var known []string   // to suggest from
		switch rf.kind {
		case "inject":
			_, ok = sc.InjectIndex(rf.id)
			for _, in := range sc.Injects {
				known = append(known, in.ID)
			}
		case "choice":
			i, known := sc.InjectIndex(rf.parent)
			if !known {
				continue // reported for the inject
			}
			_, ok = sc.Injects[i].Choice(rf.id)
			for _, c := range sc.Injects[i].Choices {
				choices = append(choices, c.ID)
			}
		case "request":
			_, ok = sc.RequestIndex(rf.id)
			for _, req := range sc.Requests {
				known = append(known, req.ID)
			}
		case "element":
			i, known := sc.RequestIndex(rf.parent)
			if !known {
				continue
			}
			ok = sc.Requests[i].Element(rf.id) >= 0
			for _, el := range sc.Requests[i].Elements {
				choices = append(choices, el.ID)
			}
		case "ground":
			_, ok = sc.Ground(rf.id)
			for _, g := range sc.Grounds {
				known = append(known, g.ID)
			}
		case "action":
			_, ok = sc.ActionIndex(rf.id)
			for _, a := range sc.Actions {
				known = append(known, a.ID)
			}
		case "team":
			var t *injects.Team
			t, ok = sc.Team(rf.id)
			for _, t := range sc.Teams {
				known = append(known, t.ID)
			}
			if ok && t.Side != pt.Side {
				bad(rf.pos, "team %q is on the %s side; the script plays %s", rf.id, t.Side, pt.Side)
			}
		case "rung":
			ok = slices.ContainsFunc(sc.Hotline.Rungs, func(r injects.Rung) bool { return r.ID == rf.id })
			for _, r := range sc.Hotline.Rungs {
				choices = append(choices, r.ID)
			}
		case "ending":
			_, ok = sc.EndingIndex(rf.id)
			for _, e := range sc.Endings {
				choices = append(choices, e.ID)
			}
		}
		if !ok {
			msg := fmt.Sprintf("no %s %q in scenario %s", rf.kind, rf.id, sc.ID)
			if rf.parent != "" {
				msg = fmt.Sprintf("%q has no %s %q", rf.parent, rf.kind, rf.id)
			}
			msg += injects.DidYouMean(rf.id, append(known, choices...))
			if len(choices) > 0 {
				msg += "; there are: " + strings.Join(choices, ", ")
			}
			bad(rf.pos, "%s", msg)
		}
	}
	if len(found) > 0 {
		return found
	}
	return nil
}

// Load reads a playtest file.
func Load(path string) (*Playtest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// RunFile loads a playtest and its scenario and runs it. The error holds
// what stops it from running: a playtest that cannot be read, or names
// what its scenario lacks, or a scenario with errors.
func RunFile(pt *Playtest) (*Result, error) {
	ref := ScenarioRef(pt)
	sc, diags := injects.Open(ref)
	if sc == nil {
		if diags.Errors() == 0 {
			return nil, fmt.Errorf("%s: scenario %s cannot be played", pt.File, ref)
		}
		return nil, fmt.Errorf("%s: its scenario %s has errors:\n%s", pt.File, ref, errorsOnly(diags))
	}
	return Run(pt, sc)
}

func errorsOnly(diags injects.Diagnostics) string {
	var lines []string
	for _, d := range diags {
		if d.Severity == injects.Error {
			lines = append(lines, d.String())
		}
	}
	return strings.Join(lines, "\n")
}

// Builtin reads a built-in scenario's playtest by its name, as
// injects.BuiltinPlaytests lists them.
func Builtin(name string) (*Playtest, error) {
	data, err := injects.BuiltinFile(name)
	if err != nil {
		return nil, err
	}
	return Parse("builtin:"+name, data)
}
