package game

import "hotline/injects"

// Visible reports whether a side's players learn of an event: what reaches
// them (injects addressed to them or to everyone), what they do, and what
// the other side does in the open (requests, answers, hotline calls,
// actions). The other side's briefings, deliberations and work in progress
// stay hidden, as do the scenario's own bookkeeping and the meters' causes.
func Visible(sc *injects.Scenario, ev *Event, side injects.Side) bool {
	switch ev.Type {
	case InjectFired, InjectChosen, InjectExpired, InjectCancelled:
		i, ok := sc.InjectIndex(ev.Inject)
		return ok && (sc.Injects[i].To.All || sc.Injects[i].To.Side == side)
	case InjectTriggered, VariableSet, ClockStopped:
		return false
	case WorkStarted:
		if t, ok := sc.Team(ev.Team); ok {
			return t.Side == side
		}
		return false
	}
	return true
}
