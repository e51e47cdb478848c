package playtest

import (
	"fmt"
	"strconv"
	"strings"

	"hotline/game"
	"hotline/injects"
)

// A failure says why, from the run: what an inject that never fired waited
// on and what became of it, what stalled a request, what never sent one.
// Each reason goes a few links back along the chain, no further: the
// nearest cause is the one to fix.

// causeDepth is how many links back a reason goes.
const causeDepth = 3

// whyNotFired says why an inject never fired, or "" when the run cannot say.
func (r *runner) whyNotFired(id string, depth int) string {
	st, sc := r.session.Engine.State(), r.sc
	i, ok := sc.InjectIndex(id)
	if !ok || depth > causeDepth {
		return ""
	}
	if ev, ok := r.last(func(e *game.Event) bool { return e.Type == game.InjectCancelled && e.Inject == id }); ok {
		return "it was cancelled (" + ev.String() + ")"
	}
	in := &sc.Injects[i]
	t := in.Trigger
	switch t.Kind {
	case injects.At:
		return fmt.Sprintf("it is due at %s, after the end at %s", injects.FormatOffset(t.At), injects.FormatOffset(sc.End))
	case injects.After:
		j, _ := sc.InjectIndex(t.After)
		if st.Injects[j].Status != game.Fired {
			why := fmt.Sprintf("it comes after inject %q, which never fired", t.After)
			if more := r.whyNotFired(t.After, depth+1); more != "" {
				why += ": " + more
			}
			return why
		}
		fired, _ := r.last(func(e *game.Event) bool { return e.Type == game.InjectFired && e.Inject == t.After })
		return fmt.Sprintf("it comes %s after inject %q, which fired late (%s): after the end at %s",
			injects.FormatDuration(t.Delay), t.After, fired, injects.FormatOffset(sc.End))
	case injects.When:
		if ev, ok := r.last(func(e *game.Event) bool { return e.Type == game.InjectTriggered && e.Inject == id }); ok {
			return fmt.Sprintf("its condition held (%s), and it was due after the end at %s", ev, injects.FormatOffset(sc.End))
		}
		why := fmt.Sprintf("it waits on when: %s, which never held", strings.Join(strings.Fields(t.If.Source), " "))
		if state := r.stateOf(t.If.Reads(sc), depth); state != "" {
			why += ": " + state
		}
		return why
	}
	return r.whyNotSent(r.firedBy(id), "it is held in reserve")
}

// stateOf says how the run left what a condition reads.
func (r *runner) stateOf(reads injects.Reads, depth int) string {
	st, sc := r.session.Engine.State(), r.sc
	var parts []string
	for _, id := range reads.Requests {
		parts = append(parts, r.requestState(id))
	}
	for _, id := range reads.Injects {
		i, _ := sc.InjectIndex(id)
		if st.Injects[i].Status == game.Fired {
			parts = append(parts, fmt.Sprintf("inject %q fired", id))
		} else {
			parts = append(parts, fmt.Sprintf("inject %q never fired", id))
		}
	}
	for _, id := range reads.Variables {
		i, _ := sc.VariableIndex(id)
		parts = append(parts, fmt.Sprintf("%s ended at %s", id, st.Vars[i].String()))
	}
	for _, id := range reads.Actions {
		i, _ := sc.ActionIndex(id)
		parts = append(parts, fmt.Sprintf("action %q was taken %s", id, times(st.Actions[i].Taken)))
	}
	return strings.Join(parts, "; ")
}

func times(n int) string {
	switch n {
	case 0:
		return "never"
	case 1:
		return "once"
	}
	return strconv.Itoa(n) + " times"
}

// requestState says where a request stood at the end, and what stalled it.
func (r *runner) requestState(id string) string {
	st, sc := r.session.Engine.State(), r.sc
	i, _ := sc.RequestIndex(id)
	rs := &st.Requests[i]
	switch {
	case !rs.Opened:
		return r.whyNotSent(r.openedBy(id), fmt.Sprintf("request %q was never sent", id))
	case rs.Clarifying:
		asked, _ := r.last(func(e *game.Event) bool { return e.Type == game.ClarificationAsked && e.Request == id })
		return fmt.Sprintf("request %q stalled on a question nobody answered (%s)", id, asked)
	}
	return fmt.Sprintf("request %q ended %s", id, st.RequestStatus(i))
}

// A source is what could fire an inject or send a request.
type source struct {
	what     string // in words
	happened bool
}

// firedBy lists what fires an inject: effects and choices' next.
func (r *runner) firedBy(id string) []source {
	return r.sources(func(e injects.Effect) bool { return e.Kind == injects.FireInject && e.Target == id },
		func(ch *injects.Choice) bool { return ch.Next == id })
}

// openedBy lists what sends a request: open effects.
func (r *runner) openedBy(id string) []source {
	out := r.sources(func(e injects.Effect) bool { return e.Kind == injects.OpenReq && e.Target == id }, nil)
	if i, _ := r.sc.RequestIndex(id); r.sc.Requests[i].Available != nil {
		req := &r.sc.Requests[i]
		out = append(out, source{what: fmt.Sprintf("the %s did not send it (it may when %s)", req.From.Title(),
			strings.Join(strings.Fields(req.Available.Source), " "))})
	}
	return out
}

// sources lists the injects, choices, deadlines, actions and requests whose
// effects match, or whose choices lead to an inject, and whether each came
// to pass in the run.
func (r *runner) sources(effect func(injects.Effect) bool, next func(*injects.Choice) bool) []source {
	st, sc := r.session.Engine.State(), r.sc
	has := func(effects []injects.Effect) bool {
		for _, e := range effects {
			if effect(e) {
				return true
			}
		}
		return false
	}
	var out []source
	for i := range sc.Injects {
		in, is := &sc.Injects[i], st.Injects[i]
		if has(in.Effects) {
			out = append(out, source{what: fmt.Sprintf("inject %q, whose effects do, never fired", in.ID), happened: is.Status == game.Fired})
		}
		for j := range in.Choices {
			ch := &in.Choices[j]
			if !has(ch.Effects) && (next == nil || !next(ch)) {
				continue
			}
			s := source{what: fmt.Sprintf("inject %q, whose choice %q does, never fired", in.ID, ch.ID), happened: is.Choice == ch.ID}
			if is.Status == game.Fired {
				s.what = fmt.Sprintf("the choice %q of inject %q, which does, was not taken", ch.ID, in.ID)
				if ev, ok := r.last(func(e *game.Event) bool {
					return (e.Type == game.InjectChosen || e.Type == game.InjectExpired) && e.Inject == in.ID
				}); ok {
					s.what += " (" + ev.String() + ")"
				}
			}
			out = append(out, s)
		}
		if dl := in.Deadline; dl != nil && has(dl.Effects) {
			out = append(out, source{what: fmt.Sprintf("the deadline of inject %q, which does, did not pass", in.ID), happened: is.Timeout})
		}
	}
	for i := range sc.Actions {
		if a := &sc.Actions[i]; has(a.Effects) {
			out = append(out, source{what: fmt.Sprintf("action %q, which does, was never taken", a.ID), happened: st.Actions[i].Taken > 0})
		}
	}
	for i := range sc.Requests {
		if req := &sc.Requests[i]; has(req.OnOverdue) {
			overdue := false
			for _, el := range st.Requests[i].Elements {
				overdue = overdue || el.Overdue
			}
			out = append(out, source{what: fmt.Sprintf("no part of request %q, whose on_overdue does, fell overdue", req.ID), happened: overdue})
		}
	}
	return out
}

// whyNotSent says which of the sources of something never came to pass.
func (r *runner) whyNotSent(sources []source, what string) string {
	var missed []string
	for _, s := range sources {
		if !s.happened {
			missed = append(missed, s.what)
		}
	}
	switch {
	case len(sources) == 0:
		return what + ", and nothing in the scenario fires it"
	case len(missed) == 0:
		return what
	case len(missed) > 3:
		missed = append(missed[:3], fmt.Sprintf("and %d more", len(missed)-3))
	}
	return what + ": " + strings.Join(missed, "; ")
}
