package game

import "hotline/injects"

// Viewer is who looks at the exercise: a team's players, a whole side (a
// solo player), or someone who sees everything (the control cell,
// evaluators, observers, the projector).
type Viewer struct {
	All  bool
	Side injects.Side
	Team string // empty for the whole side
}

// Reaches reports whether something addressed to the audience reaches the
// viewer: a team's inject reaches that team only, a side's every team of it.
func (v Viewer) Reaches(a injects.Audience) bool {
	return v.All || a.All || a.Side == v.Side && (a.Team == "" || v.Team == "" || a.Team == v.Team)
}

// Visible reports whether the viewer learns of an event: what reaches them
// (injects and messages addressed to them or to everyone), what their side
// does, and what the other side does in the open (requests, answers,
// hotline calls, actions). The other side's briefings, deliberations and
// work in progress stay hidden, as do the scenario's own bookkeeping, the
// meters' causes, the evaluators' notes, the feedback forms and the
// hotwash's record. A viewer who sees all sees all.
func Visible(sc *injects.Scenario, ev *Event, v Viewer) bool {
	if v.All {
		return true
	}
	switch ev.Type {
	case InjectFired, InjectChosen, InjectExpired, InjectCancelled:
		i, ok := sc.InjectIndex(ev.Inject)
		return ok && v.Reaches(sc.Injects[i].To)
	case MessageSent:
		return v.Reaches(ev.To)
	case InjectTriggered, VariableSet, ClockStopped, InjectHeld, InjectReleased, InjectSkipped, ObservationNoted,
		FeedbackGiven, HotwashAnswered, CorrectiveActionAgreed:
		return false
	case WorkStarted, BotSeated, BotRemoved:
		t, ok := sc.Team(ev.Team)
		return ok && t.Side == v.Side
	case PersonSeated:
		t, ok := sc.Team(ev.Team)
		return ok && t.Side == v.Side
	}
	return true
}
