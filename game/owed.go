package game

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/injects"
)

// Played reports whether people play for the audience: a person sits in
// one of its teams that no bot plays for them (a class), or a solo player
// plays its side. What bots play, nobody waits for.
func (st *State) Played(a injects.Audience) bool {
	for side, p := range st.Players {
		if p == SoloPlayer && (a.All || a.Side == injects.Side(side)) {
			return true
		}
	}
	for _, p := range st.People {
		if t, ok := st.Scenario.Team(p.Team); ok && p.Role == Player && a.Includes(t.Side, t.ID) && st.Bots[st.Scenario.TeamIndex(t.ID)] == "" {
			return true
		}
	}
	return false
}

// Owed is something the people of a side still have to answer: a decision
// on an inject addressed to them, a hotline call ringing at their side, or
// a part of a request addressed to their side.
type Owed struct {
	Side injects.Side
	Team string // the team that owes it; empty when any team of the side may answer

	Inject  string // a decision on this inject
	Call    int    // an answer to this hotline call
	Request string // a part of this request:
	Element string // this one

	Since time.Duration // when it arrived
	Due   time.Duration // when it falls due; 0 for a decision with no deadline
	// New is set while nothing of it has been answered: a decision or a
	// call, or a request none of whose parts has been started.
	New bool
}

// Owed lists what the people playing (Played) still owe, soonest due
// first: decisions and calls, and the parts of requests that are not yet
// late. Parts already overdue are not listed: their time has passed.
func (st *State) Owed() []Owed {
	sc := st.Scenario
	var owed []Owed
	for i := range sc.Injects {
		in, is := &sc.Injects[i], &st.Injects[i]
		if is.Status != Fired || is.Resolved || len(in.Choices) == 0 {
			continue
		}
		for side := range injects.Side(2) {
			if !in.To.Includes(side, in.To.Team) || !st.Played(injects.Audience{Side: side, Team: in.To.Team}) {
				continue
			}
			o := Owed{Side: side, Team: in.To.Team, Inject: in.ID, Since: is.FiredAt, New: true}
			if in.Deadline != nil {
				o.Due = is.FiredAt + in.Deadline.Within
			}
			owed = append(owed, o)
		}
	}
	for k := range st.Calls {
		c := &st.Calls[k]
		if to := c.From.Other(); c.Open() && st.Played(injects.Audience{Side: to}) {
			owed = append(owed, Owed{Side: to, Call: c.N, Since: c.RangAt, Due: c.AnswerBy, New: true})
		}
	}
	for i := range sc.Requests {
		req, rs := &sc.Requests[i], &st.Requests[i]
		if !rs.Opened || rs.Clarifying || !st.Played(injects.Audience{Side: req.To}) {
			continue
		}
		untouched := !slices.ContainsFunc(rs.Elements, func(el ElementState) bool { return el.Working || el.Resolved() })
		for j := range rs.Elements {
			if el := &rs.Elements[j]; !el.Resolved() && !el.Working && !el.Overdue {
				owed = append(owed, Owed{Side: req.To, Request: req.ID, Element: req.Elements[j].ID,
					Since: rs.OpenedAt, Due: el.Due, New: untouched})
			}
		}
	}
	slices.SortStableFunc(owed, func(a, b Owed) int {
		if (a.Due == 0) != (b.Due == 0) {
			return cmp.Compare(b.Due, a.Due) // a due time before none
		}
		return cmp.Compare(a.Due, b.Due)
	})
	return owed
}

// Pending returns what a jump of the clock (a clock.jumped event) stops
// short of, if it names something still owed.
func (st *State) Pending(jump *Event) (Owed, bool) {
	for _, o := range st.Owed() {
		if o.Team == jump.Team && o.Inject == jump.Inject && o.Call == jump.Call && o.Request == jump.Request && o.Element == jump.Element &&
			(o.Inject != "" || o.Call > 0 || o.Request != "") {
			return o, true
		}
	}
	return Owed{}, false
}

// JumpWords says where a jump of the clock stopped, once it has, as the
// viewer may read it: before what it was pending on, or at the next thing
// to see.
func JumpWords(st *State, jump *Event, v Viewer) string {
	sc := st.Scenario
	if o, ok := st.Pending(jump); ok && st.Now == jump.Due {
		return fmt.Sprintf("The clock stopped at %s, %s before %s is due.", Clock(sc, st.Now), injects.FormatDuration(o.Due-st.Now), o.WordsTo(sc, v))
	}
	return "The clock moved on to " + Clock(sc, st.Now) + "."
}

// Key names the owed thing, the same for as long as it is owed.
func (o Owed) Key() string {
	switch {
	case o.Inject != "":
		return fmt.Sprintf("decision %s %s", o.Inject, o.Side)
	case o.Call > 0:
		return fmt.Sprintf("call %d", o.Call)
	}
	return "part " + o.Request + " " + o.Element
}

// Words says what is owed and by whom, as a sentence's subject: "the FBI's
// decision on “Personnel-records system breached”".
func (o Owed) Words(sc *injects.Scenario) string { return o.WordsTo(sc, Viewer{All: true}) }

// WordsTo is Words as the viewer may read it: a decision on an inject that
// has not reached the viewer is named by whose it is, without the inject's
// title ("the United States' decision").
func (o Owed) WordsTo(sc *injects.Scenario, v Viewer) string {
	who := sideOwner(o.Side)
	if o.Team != "" {
		who = "the " + strings.ToUpper(o.Team) + "'s"
	}
	switch {
	case o.Inject != "" && !v.Reaches(injectOf(sc, o.Inject).To):
		return who + " decision"
	case o.Inject != "":
		return fmt.Sprintf("%s decision on “%s”", who, injectOf(sc, o.Inject).Title)
	case o.Call > 0:
		return fmt.Sprintf("%s answer to hotline call %d", who, o.Call)
	}
	spec := specOf(sc, o.Request, o.Element)
	return fmt.Sprintf("%s %s for %s", who, spec.Kind.Noun(), o.Request)
}

// sideOwner is a side's name as an owner: "the United States'".
func sideOwner(s injects.Side) string {
	if s == injects.US {
		return "the United States'"
	}
	return s.Title() + "'s"
}
