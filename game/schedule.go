package game

import (
	"time"

	"hotline/injects"
)

// injectTimers keeps the injects' timers (an inject due to fire, a
// decision due) in time order, so that finding the next thing due is not a
// walk of every inject: with 100,000 injects, a walk at each of 100,000
// steps made a run quadratic. A timer is added whenever an event may have
// given an inject a new one (the event names the inject, or fires the one
// it comes after); one that a later change made stale is dropped when it
// comes to the top.
type injectTimers []timer

// push and pop keep the slice a binary heap, earliest first.
func (q *injectTimers) push(t timer) {
	h := append(*q, t)
	for i := len(h) - 1; i > 0; {
		up := (i - 1) / 2
		if !h[i].before(h[up]) {
			break
		}
		h[i], h[up] = h[up], h[i]
		i = up
	}
	*q = h
}

func (q *injectTimers) pop() {
	h := *q
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		least, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && h[l].before(h[least]) {
			least = l
		}
		if r < len(h) && h[r].before(h[least]) {
			least = r
		}
		if least == i {
			break
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
	*q = h
}

// note adds the timers an event, just applied, may have made.
func (q *injectTimers) note(e *Engine, ev *Event) {
	switch {
	case ev.Type == Started:
		for i := range e.st.Injects {
			q.add(e, i)
		}
	case ev.Inject != "":
		i, ok := e.sc.InjectIndex(ev.Inject)
		if !ok {
			return
		}
		q.add(e, i)
		if ev.Type == InjectFired {
			for _, j := range e.st.followers(ev.Inject) {
				q.add(e, j)
			}
		}
	}
}

func (q *injectTimers) add(e *Engine, i int) {
	if t, ok := injectTimer(e.st, i); ok {
		q.push(t)
	}
}

// each calls consider with the injects' timers: the earliest alone when
// every timer counts, else every one (NextEvent, which asks for a side).
func (q *injectTimers) each(st *State, all bool, consider func(timer)) {
	for len(*q) > 0 && !live(st, (*q)[0]) {
		q.pop()
	}
	if len(*q) == 0 {
		return
	}
	if all {
		consider((*q)[0])
		return
	}
	for _, t := range *q {
		if live(st, t) {
			consider(t)
		}
	}
}

// injectTimer is the timer an inject has now: when it fires, or when its
// decision falls due.
func injectTimer(st *State, i int) (timer, bool) {
	is := &st.Injects[i]
	switch is.Status {
	case Scheduled:
		if !is.Held {
			return timer{is.Due, tFire, i, 0}, true
		}
	case Fired:
		if dl := st.Scenario.Injects[i].Deadline; dl != nil && !is.Resolved {
			return timer{is.FiredAt + dl.Within, tDeadline, i, 0}, true
		}
	}
	return timer{}, false
}

// live reports whether a timer taken is still the inject's.
func live(st *State, t timer) bool {
	now, ok := injectTimer(st, t.i)
	return ok && now == t
}

// waitingTimer is the timer of an inject waiting on its when: condition:
// when it starts listening, or the next story hour for a condition that
// reads the clock.
func (e *Engine) waitingTimer(i int) (timer, bool) {
	if e.st.Injects[i].Status != Waiting {
		return timer{}, false
	}
	tr := &e.sc.Injects[i].Trigger
	switch {
	case tr.NotBefore > e.woke:
		return timer{tr.NotBefore, tWake, i, 0}, true
	case tr.If.Deps()&injects.DepClock != 0:
		// hours and days change on the hour, when nothing else may
		// happen to ask the condition again.
		return timer{(e.st.Now/time.Hour + 1) * time.Hour, tClock, i, 0}, true
	}
	return timer{}, false
}

// followers are the injects that come after the one named, found by an
// index made once rather than a walk of every inject at each firing.
func (st *State) followers(inject string) []int {
	if st.after == nil {
		st.after = map[string][]int{}
		for j := range st.Scenario.Injects {
			if t := &st.Scenario.Injects[j].Trigger; t.Kind == injects.After {
				st.after[t.After] = append(st.after[t.After], j)
			}
		}
	}
	return st.after[inject]
}
