package game

import (
	"fmt"
	"strings"
	"time"

	"hotline/injects"
)

// Engine plays a scenario. Commands (Do) and the story clock (Advance) go
// in; events come out to the observer (see Observe), each already folded
// into State. An Engine is not safe for concurrent use.
type Engine struct {
	sc   *injects.Scenario
	st   *State
	sink func(*State, *Event)
	ev   Event // the event being made; kept here so making one allocates nothing

	// Conditions: their environment, the injects waiting on one, and what
	// changed since they last ran, so that each runs only when it may have
	// changed its answer.
	env      map[string]any
	eval     injects.Evaluator
	whens    []when
	dirty    injects.Deps
	dirtyReq []bool // by request
	spareReq []bool
	hours    int // the story hour env["hours"] holds
	// woke is when the when: injects of included files last woke: those
	// with a later NotBefore have still to wake.
	woke time.Duration

	// Memos, each valid while the state is as it was when made.
	review    *Scorecard // what score() reads
	reviewSeq int
	nextAt    timer // the next timer
	nextOK    bool
	nextSeq   int
	nextNow   time.Duration
	nextFrom  bool
	timers    injectTimers // the injects' timers, in time order

	quiet bool         // refusals need no message: see allowed
	watch func(*Event) // sees each event as it is made, while a session stops on what it sees
	memo  condMemo     // what conditions gave, while nothing they read changes
	by    string       // who made the command being done: its first event names them
}

// Setup is how a new exercise starts.
type Setup struct {
	Seed    uint64               // drives the bots' chances
	Players [2]string            // who plays each side: "player" or "bot:<profile>"
	Observe func(*State, *Event) // sees every event from the first, with the state after it; may be nil
}

// New starts a scenario.
func New(sc *injects.Scenario, setup Setup) *Engine {
	e := newEngine(sc)
	e.sink = setup.Observe
	rec := startOf(sc, setup.Seed, setup.Players)
	e.emit(Event{Type: Started, Start: &rec})
	e.settle()
	return e
}

func newEngine(sc *injects.Scenario) *Engine {
	e := &Engine{sc: sc, st: newState(sc), dirty: ^injects.Deps(0), reviewSeq: -1,
		dirtyReq: make([]bool, len(sc.Requests)), spareReq: make([]bool, len(sc.Requests))}
	e.env = sc.Env(probe{e})
	for i := range sc.Injects {
		if t := sc.Injects[i].Trigger; t.Kind == injects.When {
			w := when{inject: i, anyRequest: true}
			if ids, named := t.If.Requests(); named {
				w.anyRequest = false
				for _, id := range ids {
					if r, ok := sc.RequestIndex(id); ok {
						w.requests = append(w.requests, r)
					}
				}
			}
			e.whens = append(e.whens, w)
		}
	}
	for i := range e.dirtyReq {
		e.dirtyReq[i] = true
	}
	return e
}

// when is an inject with a when: trigger and the requests its condition reads.
type when struct {
	inject     int
	requests   []int
	anyRequest bool
}

// stale reports whether the condition may read something that changed.
func (w *when) stale(deps, dirty injects.Deps, dirtyReq []bool) bool {
	hit := deps & dirty
	if hit&^injects.DepRequests != 0 || hit == 0 {
		return hit != 0
	}
	if w.anyRequest {
		return true
	}
	for _, r := range w.requests {
		if dirtyReq[r] {
			return true
		}
	}
	return false
}

// State returns the state of play. It is the engine's own: read it, do not
// change it.
func (e *Engine) State() *State { return e.st }

// Scenario returns the scenario being played.
func (e *Engine) Scenario() *injects.Scenario { return e.sc }

// Observe registers fn to see every event as it is made, with the state
// just after it, before the call that made it returns. The event log and
// transcripts use it. The event is the engine's: copy it to keep it.
func (e *Engine) Observe(fn func(*State, *Event)) { e.sink = fn }

// Do carries out a command, or refuses it with an error and no events.
func (e *Engine) Do(a Actor, c Command) error {
	if err := e.follow(a, c, true); err != nil {
		return err
	}
	e.settle()
	return nil
}

// Check reports whether Do would accept the command now, without doing it.
func (e *Engine) Check(a Actor, c Command) error { return e.follow(a, c, false) }

// allowed is Check for bots, which only need a yes or no: a refusal costs
// nothing to make.
func (e *Engine) allowed(a Actor, c Command) bool {
	e.quiet = true
	err := e.follow(a, c, false)
	e.quiet = false
	return err == nil
}

// follow applies the rule for the command, acting on it if do is set.
// Whether the actor may give the command at all is decided here, before
// the rule looks at the state of play.
func (e *Engine) follow(a Actor, c Command, do bool) error {
	if e.st.Ended && !afterPlay(c.Verb) {
		return ErrEnded
	}
	if int(c.Verb) >= len(rules) || rules[c.Verb].fn == nil {
		return e.refuse("unknown command %v", c.Verb)
	}
	r := rules[c.Verb]
	var team *injects.Team
	switch r.who {
	case forTeam, forTeamControl:
		t, ok := e.sc.Team(c.Team)
		if !ok {
			return e.refuse("no team %q in this scenario", c.Team)
		}
		if r.who == forTeamControl && a.Role != Facilitator {
			return forbid(a, "seat bots")
		}
		if !a.CanActFor(c.Team) {
			return fmt.Errorf("%w: %s cannot act for %s (%s)", ErrForbidden, a.Name, t.Name, t.Side.Title())
		}
		team = t
	case forClock:
		if !a.RunsClock() {
			return forbid(a, "run the clock")
		}
	case forControl:
		if a.Role != Facilitator {
			return forbid(a, "give the control cell's commands")
		}
	case forNotes:
		if a.Role != Facilitator && a.Role != Evaluator {
			return forbid(a, "write observations")
		}
	case forPerson:
		if _, ok := e.Actor(a.Name); !ok {
			return forbid(a, "hand in a feedback form: it is for the people the exercise seats")
		}
	}
	if do {
		e.by = a.Name
		defer func() { e.by = "" }()
	}
	return r.fn(e, team, c, do)
}

// Advance moves the story clock to the given offset, firing everything that
// falls due on the way, in time order. The clock never runs backwards.
func (e *Engine) Advance(to time.Duration) {
	for !e.st.Ended {
		t, ok := e.next()
		if !ok || t.at > to {
			break
		}
		e.st.Now = max(e.st.Now, t.at)
		e.run(t)
		e.settle()
	}
	if !e.st.Ended && to > e.st.Now {
		e.st.Now = to
		e.settle()
	}
}

// Stop records where the story clock stands, when it has moved on since the
// last event: a log that ends with it resumes at that time, not at the time
// of the last thing that happened.
func (e *Engine) Stop() {
	if !e.st.Ended && e.st.Now > e.st.At {
		e.emit(Event{Type: ClockStopped})
	}
}

// Next returns when the engine next has something to do on its own.
func (e *Engine) Next() (time.Duration, bool) {
	t, ok := e.next()
	return t.at, ok
}

// NextEvent returns when the next thing happens that the players of side
// would see: an inject to them fires or its decision falls due, work lands,
// a part of a request falls due, a hotline call or commitment runs out, a
// review meeting, the end. The engine's own bookkeeping (conditions on the
// clock asked on the hour, included files starting to listen) does not
// count, so an inject waiting on the clock is not foreseen. The facilitator,
// who sees both sides, takes the earlier of the two sides' answers. False
// once the exercise has ended.
func (e *Engine) NextEvent(side injects.Side) (time.Duration, bool) {
	if e.st.Ended {
		return 0, false
	}
	return e.earliest(func(t timer) bool {
		switch t.kind {
		case tWake, tClock:
			return false
		case tFire, tDeadline:
			return e.sc.Injects[t.i].To.Includes(side, "")
		}
		return true
	}).at, true
}

func (e *Engine) emit(ev Event) {
	e.ev = ev
	e.ev.Seq, e.ev.At, e.ev.By = e.st.Seq+1, e.st.Now, e.by
	e.by = ""
	e.st.Apply(&e.ev)
	e.sync(&e.ev)
	if e.sink != nil {
		e.sink(e.st, &e.ev)
	}
	if e.watch != nil {
		e.watch(&e.ev)
	}
}

// sync keeps the condition environment and the dirty set current.
func (e *Engine) sync(ev *Event) {
	e.timers.note(e, ev)
	var changed injects.Deps
	switch ev.Type {
	case VariableSet:
		if i, ok := e.sc.VariableIndex(ev.Var); ok {
			e.env[ev.Var] = e.st.Vars[i].Any()
		}
		changed = injects.DepVars
	case LadderMoved:
		e.env[injects.EnvLadder] = e.st.Rung
		e.env[injects.EnvRung] = e.sc.Hotline.Rungs[e.st.Rung].ID
		changed = injects.DepLadder
	case InjectFired, InjectChosen, InjectExpired, InjectCancelled:
		changed = injects.DepInjects
	case RequestOpened, Delivered, Declined, Overdue:
		// What conditions can see of a request (status, late, delivered,
		// score) changes only with these; work starting or a question
		// asked leaves it as it was.
		changed = injects.DepRequests
		if i, ok := e.sc.RequestIndex(ev.Request); ok {
			e.dirtyReq[i] = true
		}
	case Rang, Answered, Missed, Kept, Broken:
		changed = injects.DepCalls
	case ActionTaken:
		changed = injects.DepActions
	}
	e.dirty |= changed
	e.memo.touch(changed)
}

func (e *Engine) syncClock() {
	if h := int(e.st.Now / time.Hour); h != e.hours {
		e.hours = h
		e.env[injects.EnvHours], e.env[injects.EnvDays] = h, h/24
		e.dirty |= injects.DepClock
		e.memo.touch(injects.DepClock)
	}
}

// settle fires the when: injects whose conditions have come true, until
// nothing more changes. Each inject triggers once, so it ends.
func (e *Engine) settle() {
	e.syncClock()
	for e.dirty != 0 && !e.st.Ended {
		dirty := e.dirty
		dirtyReq := e.dirtyReq
		e.dirty = 0
		e.dirtyReq = e.spareReq
		clear(e.dirtyReq)
		e.spareReq = dirtyReq
		for k := range e.whens {
			if e.st.Ended {
				return
			}
			w := &e.whens[k]
			i := w.inject
			in := &e.sc.Injects[i]
			t := &in.Trigger
			if e.st.Injects[i].Status != Waiting || e.st.Now < t.NotBefore || !w.stale(t.If.Deps(), dirty, dirtyReq) {
				continue
			}
			if !e.test(t.If, ConditionOwner{"inject", in.ID}) {
				continue
			}
			if t.Delay == 0 {
				e.fire(i)
			} else {
				e.emit(Event{Type: InjectTriggered, Inject: in.ID, Due: e.st.Now + t.Delay})
			}
		}
	}
}

// timer is something due at a story time. Timers due at the same time run
// in kind order: work completes before its element is judged overdue.
type timer struct {
	at   time.Duration
	kind timerKind
	i, j int
}

type timerKind uint8

const (
	tWork timerKind = iota
	tFire
	tWake  // a when: inject of an included file may start listening
	tClock // the story hour turns, for when: conditions that read the clock
	tDeadline
	tOverdue
	tAnswer
	tPromise
	tMeeting
	tEnd
)

func (t timer) before(u timer) bool {
	if t.at != u.at {
		return t.at < u.at
	}
	if t.kind != u.kind {
		return t.kind < u.kind
	}
	if t.i != u.i {
		return t.i < u.i
	}
	return t.j < u.j
}

// next finds the earliest timer.
func (e *Engine) next() (timer, bool) {
	if e.nextFrom && e.nextSeq == e.st.Seq && e.nextNow == e.st.Now {
		return e.nextAt, e.nextOK
	}
	t := e.earliest(nil)
	e.nextAt, e.nextOK, e.nextSeq, e.nextNow, e.nextFrom = t, true, e.st.Seq, e.st.Now, true
	return t, true
}

// earliest finds the earliest timer that counts (all of them when counts is
// nil); the end always counts.
func (e *Engine) earliest(counts func(timer) bool) timer {
	st, sc := e.st, e.sc
	best := timer{at: sc.End, kind: tEnd} // the end is always due
	consider := func(t timer) {
		if t.before(best) && (counts == nil || counts(t)) {
			best = t
		}
	}
	for i := range st.Requests {
		r := &st.Requests[i]
		if !r.Opened {
			continue
		}
		for j := range r.Elements {
			el := &r.Elements[j]
			if el.Working {
				consider(timer{el.ReadyAt, tWork, i, j})
			}
			if !el.Resolved() && !el.Overdue && !r.Clarifying {
				consider(timer{el.Due, tOverdue, i, j})
			}
		}
	}
	e.timers.each(st, counts == nil, consider)
	for _, w := range e.whens {
		if t, ok := e.waitingTimer(w.inject); ok {
			consider(t)
		}
	}
	for i := range st.Calls {
		c := &st.Calls[i]
		var t timer
		switch {
		case c.Open():
			t = timer{c.AnswerBy, tAnswer, i, 0}
		case c.Promised():
			t = timer{c.PromiseBy, tPromise, i, 0}
		default:
			continue
		}
		consider(t)
	}
	if held := e.meetingsHeld(); held < len(sc.Review.Meetings) {
		consider(timer{sc.Review.Meetings[held], tMeeting, held, 0})
	}
	return best
}

func (e *Engine) meetingsHeld() int {
	n := 0
	for _, r := range e.st.Reviews {
		if r.Meeting > 0 {
			n++
		}
	}
	return n
}

// run does what a timer says.
func (e *Engine) run(t timer) {
	sc, st := e.sc, e.st
	switch t.kind {
	case tWork:
		req, el := &sc.Requests[t.i], &st.Requests[t.i].Elements[t.j]
		e.emit(Event{Type: Delivered, Team: el.By, Request: req.ID, Element: req.Elements[t.j].ID, Quality: el.Quality})
		e.judgePromises(false)
	case tFire:
		e.fire(t.i)
	case tWake:
		// Every inject waking now listens from now on: ask all their
		// conditions (settle skips the injects still asleep).
		e.woke = t.at
		e.nextFrom = false // the memo did not know they had woken
		e.dirty = ^injects.Deps(0)
		for r := range e.dirtyReq {
			e.dirtyReq[r] = true
		}
	case tClock:
		// settle sees the new hour.
	case tDeadline:
		in := &sc.Injects[t.i]
		dl := in.Deadline
		// The choice taken on timeout applies if it is offered now.
		ch, ok := in.Choice(dl.Choose)
		ok = ok && (ch.If == nil || e.test(ch.If, ConditionOwner{"choice", in.ID + "/" + ch.ID}))
		choice := ""
		if ok {
			choice = ch.ID
		}
		e.emit(Event{Type: InjectExpired, Inject: in.ID, Choice: choice})
		if ok {
			e.applyChoice(ch, in.To, "") // the script's choice, not the players'
		}
		e.apply(dl.Effects, origin{cause: in.ID, by: in.To, about: -1})
	case tOverdue:
		req := &sc.Requests[t.i]
		e.emit(Event{Type: Overdue, Request: req.ID, Element: req.Elements[t.j].ID})
		// The requester's grievance, about the request.
		e.apply(req.OnOverdue, origin{cause: req.ID, by: injects.Audience{Side: req.From}, about: matterOf(sc, t.i)})
	case tAnswer:
		c := &st.Calls[t.i]
		e.emit(Event{Type: Missed, Call: c.N})
		e.callMove(c, sc.Hotline.Moves.Missed, "missed")
	case tPromise:
		e.judgePromises(true)
	case tMeeting:
		e.emit(Event{Type: ReviewHeld, Review: Review(st, t.i+1)})
	case tEnd:
		e.end("")
	}
}

// fire fires inject i unless it already fired or was struck out.
// An inject of an included file fired before the time it was included at
// is scheduled for that time instead; a held one waits, due now, for its
// release; after the end nothing fires.
func (e *Engine) fire(i int) {
	is := &e.st.Injects[i]
	if is.Status == Fired || is.Status == Cancelled || is.Status == Skipped || e.st.Ended {
		return
	}
	in := &e.sc.Injects[i]
	due := max(in.Trigger.NotBefore, e.st.Now)
	if due > e.st.Now || is.Held {
		if is.Status != Scheduled || is.Due > due {
			e.emit(Event{Type: InjectTriggered, Inject: in.ID, Due: due})
		}
		return
	}
	e.fireNow(i)
}

// fireNow fires inject i and applies its effects.
func (e *Engine) fireNow(i int) {
	in := &e.sc.Injects[i]
	e.emit(Event{Type: InjectFired, Inject: in.ID})
	e.apply(in.Effects, origin{cause: in.ID, by: in.To, about: -1})
}

// applyChoice carries out a choice made by or for the side (or team) by:
// by the team named, or by the script when team is empty.
func (e *Engine) applyChoice(ch *injects.Choice, by injects.Audience, team string) {
	e.apply(ch.Effects, origin{cause: ch.ID, by: by, team: team, about: -1})
	if ch.Next != "" {
		if i, ok := e.sc.InjectIndex(ch.Next); ok {
			e.fire(i)
		}
	}
}

// origin is what made a list of effects.
type origin struct {
	cause string           // the inject, choice, action or request whose effects they are
	by    injects.Audience // whom they are made by: a ladder effect moves that side's escalation, or both sides'
	team  string           // the team whose decision made them; empty when the script made them
	about int              // the matter (a request) a ladder effect moves; -1: the side's most escalated
}

// apply carries out effects in order. A request the effects open is the
// players' when a team's decision opened it, and the script's otherwise.
func (e *Engine) apply(effects []injects.Effect, o origin) {
	cause, by := o.cause, o.by
	for k := range effects {
		if e.st.Ended {
			return
		}
		ef := &effects[k]
		switch ef.Kind {
		case injects.SetVar, injects.ChangeVar:
			e.setVar(ef, cause)
		case injects.OpenReq:
			if i, ok := e.sc.RequestIndex(ef.Target); ok && !e.st.Requests[i].Opened {
				e.emit(Event{Type: RequestOpened, Team: o.team, Request: ef.Target, Cause: cause})
			}
		case injects.RingLine:
			// A call is about a request only once the request is sent.
			about := ef.Target
			if i, ok := e.sc.RequestIndex(about); !ok || !e.st.Requests[i].Opened {
				about = ""
			}
			e.emit(Event{Type: Rang, Side: ef.Side, Call: len(e.st.Calls) + 1, Request: about, Cause: cause})
			e.callMove(&e.st.Calls[len(e.st.Calls)-1], e.sc.Hotline.Moves.Ring, "ring")
		case injects.FireInject:
			if i, ok := e.sc.InjectIndex(ef.Target); ok {
				e.fire(i)
			}
		case injects.CancelInject:
			if i, ok := e.sc.InjectIndex(ef.Target); ok {
				if s := e.st.Injects[i].Status; s == Waiting || s == Scheduled {
					e.emit(Event{Type: InjectCancelled, Inject: ef.Target, Cause: cause})
				}
			}
		case injects.MoveLadder:
			for side := range injects.Side(2) {
				if by.All || by.Side == side {
					matter := o.about
					if matter < 0 {
						matter = e.st.topMatter(side)
					}
					e.moveLadder(side, matter, ef.Steps, cause, 0)
				}
			}
		case injects.EndExercise:
			e.end(ef.Target)
		}
	}
}

func (e *Engine) setVar(ef *injects.Effect, cause string) {
	i, ok := e.sc.VariableIndex(ef.Var)
	if !ok {
		return
	}
	decl, cur := &e.sc.Variables[i], e.st.Vars[i]
	v := ef.Value
	v.Type = decl.Type
	if decl.Type == injects.Text {
		v.Text = ef.Value.Text
	}
	if ef.Kind == injects.ChangeVar {
		v = cur
		v.Int = min(max(v.Int+ef.Value.Int, -maxLoggedInt), maxLoggedInt) // never wraps
	}
	if decl.Meter() {
		v.Int = min(max(v.Int, decl.Min), decl.Max)
	}
	if v = plain(v); v == cur {
		return
	}
	e.emit(Event{Type: VariableSet, Var: ef.Var, Value: v, Cause: cause})
}

// moveLadder moves one side's escalation of one matter up or down the
// ladder: of a request (its index), or of the side's grievances at large
// (-1). Escalation belongs to the side that was wronged and to the matter
// it is about: a call's outcome moves the caller's escalation of what the
// call was about, an action the actor's. Moves made by a call (call > 0)
// rise no higher than the hotline's ceiling and leave alone an escalation
// above it: sanctions are threatened, imposed and lifted by decision, and a
// kept commitment does not silently undo them. Deliberate steps (actions
// and effects) may go anywhere on the ladder.
func (e *Engine) moveLadder(side injects.Side, matter, steps int, cause string, call int) {
	from := e.st.Escalation(side, matter)
	to := min(max(from+steps, 0), len(e.sc.Hotline.Rungs)-1)
	if call > 0 {
		if from > e.sc.Hotline.Ceiling {
			return
		}
		to = min(to, e.sc.Hotline.Ceiling)
	}
	e.setLadder(side, matter, to, cause, call)
}

// setLadder puts one side's escalation of a matter on a rung.
func (e *Engine) setLadder(side injects.Side, matter, rung int, cause string, call int) {
	if rung == e.st.Escalation(side, matter) {
		return
	}
	ev := Event{Type: LadderMoved, Side: side, Rung: rung, Cause: cause, Call: call}
	if matter >= 0 {
		ev.Request = e.sc.Requests[matter].ID
	}
	e.emit(ev)
}

// callMove moves the escalation of the side that made call c, of the
// matter the call was about, by the hotline's move for what became of it.
func (e *Engine) callMove(c *Call, steps int, cause string) {
	matter := -1
	if i, ok := e.sc.RequestIndex(c.About); ok && c.About != "" {
		matter = matterOf(e.sc, i)
	}
	e.moveLadder(c.From, matter, steps, cause, c.N)
}

// judgePromises marks hotline commitments kept once everything they cover
// is resolved, and, when due is set, broken when their time is up.
func (e *Engine) judgePromises(due bool) {
	for i := range e.st.Calls {
		c := &e.st.Calls[i]
		if !c.Promised() {
			continue
		}
		switch {
		case e.promiseMet(c):
			e.emit(Event{Type: Kept, Call: c.N})
			e.callMove(c, e.sc.Hotline.Moves.Kept, "kept")
		case due && e.st.Now >= c.PromiseBy:
			e.emit(Event{Type: Broken, Call: c.N})
			e.callMove(c, e.sc.Hotline.Moves.Broken, "broken")
		}
	}
}

// promiseMet reports whether the side that committed has resolved every
// element falling due by the promise: of the call's request, or of every
// request addressed to it when the call named none.
func (e *Engine) promiseMet(c *Call) bool {
	committed := c.From.Other()
	for i := range e.sc.Requests {
		req := &e.sc.Requests[i]
		if req.To != committed || (c.About != "" && req.ID != c.About) {
			continue
		}
		for j := range e.st.Requests[i].Elements {
			el := &e.st.Requests[i].Elements[j]
			if !el.Resolved() && (el.Overdue || el.Due <= c.PromiseBy) && e.st.Requests[i].Opened {
				return false
			}
		}
	}
	return true
}

// end closes the exercise: with the given ending, or when the clock runs
// out with the first ending whose condition holds. The closing review comes
// first: when the control cell ends the exercise, it is the command's first
// event, before any condition runs.
func (e *Engine) end(ending string) {
	e.emit(Event{Type: ReviewHeld, Review: e.currentReview()})
	if ending == "" {
		for _, en := range e.sc.Endings {
			if en.If != nil && e.test(en.If, ConditionOwner{"ending", en.ID}) {
				ending = en.ID
				break
			}
		}
	}
	e.emit(Event{Type: Ended, Ending: ending})
}

// currentReview is the closing review as play stands, computed once per
// state however many conditions ask for scores.
func (e *Engine) currentReview() *Scorecard {
	if e.reviewSeq != e.st.Seq || e.review.At != Offset(e.st.Now) {
		e.review, e.reviewSeq = Review(e.st, 0), e.st.Seq
	}
	return e.review
}

// probe answers conditions' questions about the state of play.
type probe struct{ e *Engine }

func (p probe) Fired(id string) bool {
	i, ok := p.e.sc.InjectIndex(id)
	return ok && p.e.st.Injects[i].Status == Fired
}

func (p probe) Chose(id, choice string) bool {
	i, ok := p.e.sc.InjectIndex(id)
	return ok && p.e.st.Injects[i].Resolved && p.e.st.Injects[i].Choice == choice
}

func (p probe) Taken(id string) bool {
	i, ok := p.e.sc.ActionIndex(id)
	return ok && p.e.st.Actions[i].Taken > 0
}

func (p probe) Status(id string) string {
	if i, ok := p.e.sc.RequestIndex(id); ok {
		return p.e.st.RequestStatus(i)
	}
	return ""
}

func (p probe) Late(id string) bool {
	i, ok := p.e.sc.RequestIndex(id)
	return ok && p.e.st.Late(i)
}

func (p probe) Delivered(id, element string) bool {
	el := p.e.st.element(id, element)
	return el != nil && el.Delivered
}

func (p probe) Score(side string) int {
	s, ok := injects.ParseSide(strings.ToLower(side))
	if !ok {
		return 0
	}
	if sc := &p.e.currentReview().Sides[s]; sc.Rated {
		return sc.Score
	}
	return -1
}

func (p probe) Missed(side string) int {
	s, ok := injects.ParseSide(strings.ToLower(side))
	if !ok {
		return 0
	}
	return p.e.st.Missed(s)
}

// Mirror makes an engine that follows another's events instead of making
// its own: a client's copy of the state of play, which answers Check as the
// table would. Never Do or Advance a mirror.
func Mirror(sc *injects.Scenario) *Engine { return newEngine(sc) }

// Follow folds an event made elsewhere into a mirror.
func (e *Engine) Follow(ev *Event) {
	e.st.Apply(ev)
	e.sync(ev)
}

// SetNow moves a mirror's clock to where the table's stands.
func (e *Engine) SetNow(now time.Duration) {
	if now > e.st.Now {
		e.st.Now = now
		e.syncClock()
	}
}

func (p probe) Kept(side string) int {
	s, ok := injects.ParseSide(strings.ToLower(side))
	if !ok {
		return 0
	}
	return p.e.st.Kept(s)
}

func (p probe) Escalation(side string) int {
	s, ok := injects.ParseSide(strings.ToLower(side))
	if !ok {
		return 0
	}
	return p.e.st.Levels[s]
}

func (p probe) Quality(id, element string) string {
	el := p.e.st.element(id, element)
	if el == nil || !el.Delivered {
		return ""
	}
	return el.Quality.String()
}
