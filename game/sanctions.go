package game

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"hotline/injects"
)

// The sanctions rule. The April 2015 executive order lets the United States
// sanction individuals and entities (never a government) for malicious
// cyber-enabled activities. In the exercise, threatening and imposing
// sanctions are decisions of their own, each about one matter: a request
// the side sent, with the requests for evidence that verify it and the
// hotline calls about them. docs/review.md explains the rule with worked
// examples; SanctionsRule says it to players.
//
// A side may threaten sanctions over a matter only when
//   - the matter is commercial theft or an attack on critical
//     infrastructure (the inject file's check enforces this);
//   - the other side's response to it has failed (see Failure);
//   - the side escalated that very matter over the hotline to the ceiling:
//     a call about it went unanswered, was denied, or ended in a broken
//     commitment;
//   - no commitment the other side made over the hotline about it is still
//     running.
//
// It may impose them only once the threat has stood for the hotline's
// ImposeAfter (days of story time, for the designations), while the
// failure still stands and no commitment is running.

// Failure says in words how the response to request i has failed, or "" if
// it has not. A response has failed when a part of it, or of a request for
// evidence that verifies it, is still outstanding a full window after its
// due time (a part due 24 hours after the request was sent has failed 24
// hours after it was due), or was declined on a ground that does not cover
// it; or when a commitment made over the hotline about it was broken. A
// part merely late has not failed, nor one declined on a ground that
// covers it: the law lets a side say no.
func (st *State) Failure(i int) string {
	f := st.failure(i)
	switch {
	case f.call != nil:
		req := &st.Scenario.Requests[i]
		return fmt.Sprintf("%s broke the commitment it made on call %d about %s", req.To.Title(), f.call.N, f.call.About)
	case f.req < 0:
		return ""
	}
	req, el := &st.Scenario.Requests[f.req], &st.Requests[f.req].Elements[f.part]
	what := req.Elements[f.part].Kind.Noun()
	if el.Declined {
		return fmt.Sprintf("the %s for %s was declined on a ground that does not cover it", what, req.ID)
	}
	return fmt.Sprintf("the %s for %s was still outstanding %s after its due time", what, req.ID, injects.FormatDuration(st.Now-el.Due))
}

// failed is what failed in a matter's response: a part (req, part), or a
// broken commitment (call); req is -1 when nothing has, and next then the
// earliest story time at which an overdue part would fail if nothing
// changed (-1 if none is overdue).
type failed struct {
	req, part int
	call      *Call
	next      time.Duration
}

func (f failed) failed() bool { return f.req >= 0 || f.call != nil }

// failure finds what failed in the response to request i's matter. It is
// asked whenever a bot plans, so it allocates nothing.
func (st *State) failure(i int) failed {
	sc := st.Scenario
	f := failed{req: -1, next: -1}
	for k := range sc.Requests {
		req, r := &sc.Requests[k], &st.Requests[k]
		if !r.Opened || !inMatter(sc, i, k) {
			continue
		}
		for j := range r.Elements {
			el := &r.Elements[j]
			switch {
			case el.Declined:
				if g, ok := sc.Ground(el.Ground); !ok || !g.Sound(req, req.Elements[j].Kind) {
					return failed{req: k, part: j, next: -1}
				}
			case !el.Resolved() && el.Overdue:
				fails := el.Due + max(el.Window, time.Hour)
				if st.Now >= fails {
					return failed{req: k, part: j, next: -1}
				}
				if f.next < 0 || fails < f.next {
					f.next = fails
				}
			}
		}
		for c := range st.Calls {
			if call := &st.Calls[c]; call.Broken && call.From == req.From && call.About == req.ID {
				return failed{req: -1, call: call, next: -1}
			}
		}
	}
	return f
}

// inMatter reports whether request k belongs to request i's matter: it is
// i, or a request for evidence that verifies it.
func inMatter(sc *injects.Scenario, i, k int) bool {
	return k == i || sc.Requests[k].Verifies != "" && sc.Requests[k].Verifies == sc.Requests[i].ID
}

// matterOf is the request whose matter request i belongs to: the request
// it verifies, or itself.
func matterOf(sc *injects.Scenario, i int) int {
	if k, ok := sc.RequestIndex(sc.Requests[i].Verifies); ok && sc.Requests[i].Verifies != "" {
		return k
	}
	return i
}

// runningCommitment returns a commitment the other side made over the
// hotline, not yet kept or broken, that covers request i's matter: made on
// a call about one of its requests, or about none. Nil if there is none.
func (st *State) runningCommitment(side injects.Side, i int) *Call {
	sc := st.Scenario
	for c := range st.Calls {
		call := &st.Calls[c]
		if call.From != side || !call.Promised() {
			continue
		}
		if k, ok := sc.RequestIndex(call.About); call.About == "" || ok && inMatter(sc, i, k) {
			return call
		}
	}
	return nil
}

// obstacle is what the sanctions rule finds in the way of a step.
type obstacle uint8

const (
	noObstacle        obstacle = iota
	noThreatStands             // withdraw: no threat stands
	noneInForce                // lift: no sanctions are in force
	notSent                    // threaten: the request was never sent
	inForce                    // sanctions over the matter are in force already
	alreadyThreatened          // threaten: a threat stands already
	notEscalated               // threaten: no call about the matter went wrong
	notThreatened              // impose: no threat stands
	noLongerFails              // impose: what failed has been answered since
	nothingOverdue             // threaten: nothing has failed, nothing is overdue
	commitmentRunning          // a commitment about the matter is running
	notFailedYet               // threaten: an overdue part has yet to fail
	designations               // impose: the designations' time has not passed
)

// sanctionsRule decides a sanctions step under the rule: what stands in
// its way, the story time from which waiting alone would clear it (-1 when
// waiting will not do), and the commitment that holds it back, if one
// does. It allocates nothing: bots ask it whenever they plan.
func (e *Engine) sanctionsRule(a *injects.Action) (obstacle, time.Duration, *Call) {
	st, h := e.st, &e.sc.Hotline
	side := a.Side
	switch a.Sanctions {
	case injects.Withdraw, injects.Lift:
		rung, none := h.Threatened(), noThreatStands
		if a.Sanctions == injects.Lift {
			rung, none = h.Imposed(), noneInForce
		}
		for i := range st.Requests {
			if st.Requests[i].Escalation[side] == rung && (a.About == "" || i == e.matterOfAction(a)) {
				return noObstacle, -1, nil
			}
		}
		return none, -1, nil
	}
	i := e.matterOfAction(a)
	r := &st.Requests[i]
	rung, threatAt := r.Escalation[side], r.EscalatedAt[side]
	threaten := a.Sanctions == injects.Threaten
	switch {
	case threaten && !r.Opened:
		return notSent, -1, nil
	case rung == h.Imposed():
		return inForce, -1, nil
	case threaten && rung == h.Threatened():
		return alreadyThreatened, -1, nil
	case threaten && rung < h.Ceiling:
		return notEscalated, -1, nil
	case !threaten && rung != h.Threatened():
		return notThreatened, -1, nil
	}
	f := st.failure(i)
	switch {
	case !f.failed() && !threaten:
		return noLongerFails, -1, nil
	case !f.failed() && f.next < 0:
		return nothingOverdue, -1, nil
	}
	if c := st.runningCommitment(side, i); c != nil {
		return commitmentRunning, -1, c
	}
	// Only waiting stands in the way, if anything does.
	if !f.failed() {
		return notFailedYet, f.next, nil
	}
	if at := threatAt + h.ImposeAfter; !threaten && st.Now < at {
		return designations, at, nil
	}
	return noObstacle, -1, nil
}

// sanctions checks action a's sanctions step under the rule, and refuses it
// in words a player can read. When the step is refused, from is the story
// time from which it could be taken if nothing else changed first, or -1
// when waiting alone will not do.
func (e *Engine) sanctions(a *injects.Action) (from time.Duration, err error) {
	ob, from, c := e.sanctionsRule(a)
	if ob == noObstacle {
		return -1, nil
	}
	if e.quiet {
		return from, errRefused
	}
	sc, h := e.sc, &e.sc.Hotline
	side, other, others := a.Side.Noun(), a.Side.Other().Noun(), a.Side.Other().Possessive()
	id, threatAt := "", time.Duration(0)
	if i := e.matterOfAction(a); i >= 0 {
		id, threatAt = sc.Requests[i].ID, e.st.Requests[i].EscalatedAt[a.Side]
	}
	// The crux first: a status line cut short still says it.
	var why string
	switch ob {
	case noThreatStands:
		why = fmt.Sprintf("no sanctions threat of %s stands", side)
	case noneInForce:
		why = fmt.Sprintf("no sanctions of %s are in force", side)
	case notSent:
		why = fmt.Sprintf("sanctions over %s answer a response that failed, and %s has not sent %s", id, side, id)
	case inForce:
		why = fmt.Sprintf("sanctions over %s are already in force", id)
	case alreadyThreatened:
		why = fmt.Sprintf("sanctions over %s were already threatened, on %s", id, Clock(sc, threatAt))
	case notEscalated:
		why = fmt.Sprintf("sanctions over %s come only after a hotline call about it goes unanswered, is denied or ends in a broken commitment, and none has",
			id)
	case notThreatened:
		why = fmt.Sprintf("sanctions over %s must be threatened first; the designations take %s after the threat", id, SpanWords(h.ImposeAfter))
	case noLongerFails:
		why = fmt.Sprintf("sanctions over %s cannot be imposed: %s has answered what had failed since the threat; withdraw the threat or let it stand",
			id, other)
	case nothingOverdue:
		why = fmt.Sprintf("sanctions over %s need %s response to it to have failed, and nothing of it is overdue", id, others)
	case commitmentRunning:
		why = fmt.Sprintf("sanctions over %s wait while %s commitment on call %d runs: it promised what is outstanding by %s",
			id, others, c.N, Clock(sc, c.PromiseBy))
	case notFailedYet:
		why = fmt.Sprintf("sanctions over %s can be threatened from %s if nothing changes: %s response to it has not failed; a part merely late is not a failure, and an overdue part fails when it is still outstanding a full window after its due time",
			id, Clock(sc, from), others)
	case designations:
		why = fmt.Sprintf("sanctions over %s can be imposed from %s: the designations take %s after the threat, made on %s",
			id, Clock(sc, from), SpanWords(h.ImposeAfter), Clock(sc, threatAt))
	}
	return from, errors.New(why)
}

// sanctionsOn lists the matters a withdrawal or a lifting of sanctions
// applies to: the action's request, or every matter of its side with a
// threat standing (withdraw) or sanctions in force (lift).
// sanctionsOn lists the matters a withdrawal or a lifting of sanctions
// applies to: the action's request, or every matter of its side with a
// threat standing (withdraw) or sanctions in force (lift).
func (e *Engine) sanctionsOn(a *injects.Action) []int {
	rung := e.sc.Hotline.Threatened()
	if a.Sanctions == injects.Lift {
		rung = e.sc.Hotline.Imposed()
	}
	var out []int
	for i := range e.st.Requests {
		if e.st.Requests[i].Escalation[a.Side] == rung && (a.About == "" || i == e.matterOfAction(a)) {
			out = append(out, i)
		}
	}
	return out
}

// matterOfAction is the matter (a request) an action is about, or -1.
func (e *Engine) matterOfAction(a *injects.Action) int {
	if i, ok := e.sc.RequestIndex(a.About); ok && a.About != "" {
		return matterOf(e.sc, i)
	}
	return -1
}

// takeSanctions moves the ladder for a sanctions step the rule allowed.
func (e *Engine) takeSanctions(a *injects.Action) {
	h := &e.sc.Hotline
	switch a.Sanctions {
	case injects.Threaten, injects.Impose:
		i := e.matterOfAction(a)
		rung := h.Threatened()
		if a.Sanctions == injects.Impose {
			rung = h.Imposed()
		}
		e.setLadder(a.Side, i, rung, a.ID, 0)
	case injects.Withdraw:
		for _, i := range e.sanctionsOn(a) {
			e.setLadder(a.Side, i, 0, a.ID, 0)
		}
	case injects.Lift:
		for _, i := range e.sanctionsOn(a) {
			e.setLadder(a.Side, i, h.Ceiling, a.ID, 0)
		}
	}
}

// actionFrom reports when the actor's command to take an action could be
// carried out if nothing else changed first: now, a later story time that
// only the sanctions rule's waiting stands in the way of, or never (false).
// Bots use it to plan a sanctions step for the moment it becomes possible.
func (e *Engine) actionFrom(a Actor, cmd Command) (time.Duration, bool) {
	if e.allowed(a, cmd) {
		return e.st.Now, true
	}
	i, ok := e.sc.ActionIndex(cmd.Action)
	if !ok {
		return 0, false
	}
	act := &e.sc.Actions[i]
	t, ok := e.sc.Team(cmd.Team)
	if !ok || act.Sanctions == injects.NoSanctions || act.If != nil || t.Side != act.Side || !a.CanActFor(cmd.Team) ||
		act.Once && e.st.Actions[i].Taken > 0 {
		return 0, false
	}
	_, from, _ := e.sanctionsRule(act)
	return from, from > e.st.Now
}

// LadderRules says in words a student understands how escalation and the
// sanctions rule work in the scenario: for the handbook and the screens.
// The sanctions paragraphs come only with a ladder that has its sanctions
// rungs.
func LadderRules(sc *injects.Scenario) []string {
	h := &sc.Hotline
	out := []string{
		fmt.Sprintf("Escalation belongs to a matter: a request, the requests for evidence about it, and the hotline calls about them. A call about one request moves the caller's escalation of that request only; a call about no request, the caller's grievances at large. A call left unanswered, a denial or a broken commitment raises it, at most to %s; a commitment kept brings it down a rung. The ladder everyone sees stands at the highest escalation of any matter.",
			h.Rungs[h.Ceiling].Title),
	}
	if len(h.Rungs) <= h.Imposed() {
		return out
	}
	return append(out,
		"A response has failed when a part of it is still outstanding a full window after its due time (a part due 24 hours after the request was sent has failed 24 hours after it was due), when a part was declined on a ground that does not cover it, or when a commitment made over the hotline about it was broken. A part merely late has not failed, and neither has one declined on a ground that covers it.",
		fmt.Sprintf("Sanctions on named individuals and entities answer commercial theft or an attack on critical infrastructure, never espionage, and never a government. A side may threaten them over one of its requests only when the other side's response to that request has failed, a call about that same request has raised its escalation to %s, and no commitment the other side made over the hotline about it is still running. It may impose them only after a threat, and no sooner than %s after it, for the designations, while the failure still stands and no commitment is running. A kept commitment does not undo a threat or sanctions: withdrawing and lifting them are decisions too.",
			h.Rungs[h.Ceiling].Title, SpanWords(h.ImposeAfter)))
}

// ActionRule says in a line what stands between an action and its side,
// for the facilitator's script: its sanctions step, or its condition.
func ActionRule(sc *injects.Scenario, a *injects.Action) string {
	switch a.Sanctions {
	case injects.Threaten:
		return fmt.Sprintf("Threatens sanctions over %s, under the sanctions rule: the response to it failed, a call about it raised the escalation to %s, no commitment running.",
			a.About, sc.Hotline.Rungs[sc.Hotline.Ceiling].Title)
	case injects.Impose:
		return fmt.Sprintf("Imposes the sanctions threatened over %s, under the sanctions rule: no sooner than %s after the threat, while the failure stands and no commitment is running.",
			a.About, SpanWords(sc.Hotline.ImposeAfter))
	case injects.Withdraw:
		return "Withdraws a standing sanctions threat; offered while one stands."
	case injects.Lift:
		return "Lifts sanctions in force; offered while they are."
	}
	if a.If != nil {
		return "Offered while this holds: " + strings.Join(strings.Fields(a.If.Source), " ")
	}
	return "Offered throughout."
}

// SpanWords says a length of story time in days, hours and minutes, as
// people say it: "5 days", "1 day 12 hours".
func SpanWords(d time.Duration) string {
	days, hours, mins := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour), int(d%time.Hour/time.Minute)
	var parts []string
	if days > 0 {
		parts = append(parts, plural(days, "day"))
	}
	if hours > 0 {
		parts = append(parts, plural(hours, "hour"))
	}
	if mins > 0 || len(parts) == 0 {
		parts = append(parts, plural(mins, "minute"))
	}
	return strings.Join(parts, " ")
}

func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
