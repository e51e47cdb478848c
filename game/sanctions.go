package game

import (
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
	why, _ := st.failure(i)
	return why
}

// failure is Failure, and, while nothing has failed, the earliest story
// time at which an overdue part would fail if nothing changed (-1 if none
// is overdue).
func (st *State) failure(i int) (string, time.Duration) {
	sc := st.Scenario
	next := time.Duration(-1)
	for _, k := range st.matterRequests(i) {
		req, r := &sc.Requests[k], &st.Requests[k]
		if !r.Opened {
			continue
		}
		for j := range r.Elements {
			el, spec := &r.Elements[j], req.Elements[j]
			switch {
			case el.Declined:
				if g, ok := sc.Ground(el.Ground); !ok || !g.Sound(req, spec.Kind) {
					return fmt.Sprintf("the %s for %s was declined on a ground that does not cover it", spec.Kind.Noun(), req.ID), -1
				}
			case !el.Resolved() && el.Overdue:
				fails := el.Due + max(el.Window, time.Hour)
				if st.Now >= fails {
					return fmt.Sprintf("the %s for %s was still outstanding %s after its due time", spec.Kind.Noun(), req.ID,
						injects.FormatDuration(st.Now-el.Due)), -1
				}
				if next < 0 || fails < next {
					next = fails
				}
			}
		}
		for c := range st.Calls {
			if call := &st.Calls[c]; call.Broken && call.From == req.From && call.About == req.ID {
				return fmt.Sprintf("%s broke the commitment it made on call %d about %s", req.To.Title(), call.N, req.ID), -1
			}
		}
	}
	return "", next
}

// matterRequests lists the requests of request i's matter: i, then the
// requests for evidence that verify it.
func (st *State) matterRequests(i int) []int {
	sc := st.Scenario
	out := []int{i}
	for k := range sc.Requests {
		if sc.Requests[k].Verifies == sc.Requests[i].ID {
			out = append(out, k)
		}
	}
	return out
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
	ids := map[string]bool{"": true}
	for _, k := range st.matterRequests(i) {
		ids[sc.Requests[k].ID] = true
	}
	for c := range st.Calls {
		if call := &st.Calls[c]; call.From == side && call.Promised() && ids[call.About] {
			return call
		}
	}
	return nil
}

// sanctions checks action a's sanctions step under the rule. When the step
// is refused, from is the story time from which it could be taken if
// nothing else changed first, or -1 when waiting alone will not do.
func (e *Engine) sanctions(a *injects.Action) (from time.Duration, err error) {
	st, sc, h := e.st, e.sc, &e.sc.Hotline
	side, other := a.Side, a.Side.Other()
	if a.Sanctions == injects.Withdraw || a.Sanctions == injects.Lift {
		if len(e.sanctionsOn(a)) == 0 {
			if a.Sanctions == injects.Withdraw {
				return -1, e.refuse("%q: no sanctions threat of %s stands", a.Label, side.Title())
			}
			return -1, e.refuse("%q: no sanctions of %s are in force", a.Label, side.Title())
		}
		return -1, nil
	}
	i := e.matterOfAction(a)
	req, r := &sc.Requests[i], &st.Requests[i]
	rung, threatAt := r.Escalation[side], r.EscalatedAt[side]
	switch {
	case a.Sanctions == injects.Threaten && !r.Opened:
		return -1, e.refuse("%q: %s has not sent %s; sanctions answer a response that failed", a.Label, side.Title(), req.ID)
	case rung == h.Imposed():
		return -1, e.refuse("%q: sanctions over %s are already in force", a.Label, req.ID)
	case a.Sanctions == injects.Threaten && rung == h.Threatened():
		return -1, e.refuse("%q: sanctions over %s were already threatened, on %s", a.Label, req.ID, Clock(sc, threatAt))
	case a.Sanctions == injects.Threaten && rung < h.Ceiling:
		return -1, e.refuse("%q: %s has not escalated %s over the hotline; sanctions come only after a call about it goes unanswered, is denied or ends in a broken commitment",
			a.Label, side.Title(), req.ID)
	case a.Sanctions == injects.Impose && rung != h.Threatened():
		return -1, e.refuse("%q: sanctions over %s must be threatened first; the designations take %s after the threat",
			a.Label, req.ID, SpanWords(h.ImposeAfter))
	}
	why, fails := st.failure(i)
	switch {
	case why == "" && a.Sanctions == injects.Impose:
		return -1, e.refuse("%q: %s's response to %s no longer fails: what had failed was answered after the threat; withdraw the threat or let it stand",
			a.Label, other.Title(), req.ID)
	case why == "" && fails < 0:
		return -1, e.refuse("%q: %s's response to %s has not failed; nothing of it is overdue", a.Label, other.Title(), req.ID)
	}
	if c := st.runningCommitment(side, i); c != nil {
		return -1, e.refuse("%q: %s committed on call %d to deliver what is outstanding by %s; sanctions wait until the commitment is kept or broken",
			a.Label, other.Title(), c.N, Clock(sc, c.PromiseBy))
	}
	// Only waiting stands in the way, if anything does.
	if why == "" {
		return fails, e.refuse("%q: %s's response to %s has not failed: a part merely late is not a failure; an overdue part fails when it is still outstanding a full window after its due time, first on %s",
			a.Label, other.Title(), req.ID, Clock(sc, fails))
	}
	if at := threatAt + h.ImposeAfter; a.Sanctions == injects.Impose && st.Now < at {
		return at, e.refuse("%q: the designations take %s after the threat, made on %s; the sanctions can be imposed from %s",
			a.Label, SpanWords(h.ImposeAfter), Clock(sc, threatAt), Clock(sc, at))
	}
	return -1, nil
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
	e.quiet = true
	from, _ := e.sanctions(act)
	e.quiet = false
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
