package game

import (
	"strings"

	"hotline/injects"
)

// ConditionOwner names a condition of the scenario by what holds it: an
// inject's when:, a choice's if:, a request's available:, an action's if:,
// or an ending's if:.
type ConditionOwner struct {
	Kind string // "inject", "choice", "request", "action" or "ending"
	ID   string // for a choice, "inject/choice"
}

// ownerOf reads the owner from a condition.failed event.
func ownerOf(ev *Event) ConditionOwner {
	switch {
	case ev.Choice != "":
		return ConditionOwner{"choice", ev.Inject + "/" + ev.Choice}
	case ev.Inject != "":
		return ConditionOwner{"inject", ev.Inject}
	case ev.Request != "":
		return ConditionOwner{"request", ev.Request}
	case ev.Action != "":
		return ConditionOwner{"action", ev.Action}
	}
	return ConditionOwner{"ending", ev.Ending}
}

// Condition returns the condition the owner names, or nil.
func (o ConditionOwner) Condition(sc *injects.Scenario) *injects.Condition {
	switch o.Kind {
	case "inject":
		if i, ok := sc.InjectIndex(o.ID); ok {
			return sc.Injects[i].Trigger.If
		}
	case "choice":
		in, choice, _ := strings.Cut(o.ID, "/")
		if i, ok := sc.InjectIndex(in); ok {
			if ch, ok := sc.Injects[i].Choice(choice); ok {
				return ch.If
			}
		}
	case "request":
		if i, ok := sc.RequestIndex(o.ID); ok {
			return sc.Requests[i].Available
		}
	case "action":
		if i, ok := sc.ActionIndex(o.ID); ok {
			return sc.Actions[i].If
		}
	case "ending":
		if i, ok := sc.EndingIndex(o.ID); ok {
			return sc.Endings[i].If
		}
	}
	return nil
}

// event is the condition.failed event for the owner.
func (o ConditionOwner) event(text string) Event {
	ev := Event{Type: ConditionFailed, Text: text}
	switch o.Kind {
	case "inject":
		ev.Inject = o.ID
	case "choice":
		ev.Inject, ev.Choice, _ = strings.Cut(o.ID, "/")
	case "request":
		ev.Request = o.ID
	case "action":
		ev.Action = o.ID
	default:
		ev.Ending = o.ID
	}
	return ev
}

// test runs a condition the engine asks of its own accord. One that fails
// at run time counts as false; the first failure of each condition is
// recorded, so that the author and the people playing learn of it without a
// flood of repeats.
func (e *Engine) test(c *injects.Condition, of ConditionOwner) bool {
	ok, err := e.evaluate(c)
	if err == nil {
		return ok
	}
	if !e.failed(of) {
		e.emit(of.event(err.Error()))
	}
	return false
}

// allows runs a condition a command depends on. A failure refuses the
// command with the reason; it is not recorded, since a refused command
// changes nothing.
func (e *Engine) allows(c *injects.Condition, what string) error {
	ok, err := e.evaluate(c)
	switch {
	case err != nil:
		return e.refuse("%s: its condition at %s failed: %v", what, c.Pos, err)
	case !ok:
		return e.refuse("%s", what)
	}
	return nil
}

// failed reports whether the condition has failed before.
func (e *Engine) failed(of ConditionOwner) bool {
	for _, f := range e.st.Failures {
		if f.Of == of {
			return true
		}
	}
	return false
}
