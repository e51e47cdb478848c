package game

import (
	"cmp"
	"slices"
	"time"

	"hotline/injects"
)

// What each seat may see is decided here, and only here: the screens show
// what these functions say and nothing else.
//
//   - A team's players see what reaches their team (injects and messages to
//     it, to their side or to everyone), what their side does, and what the
//     other side does in the open (requests, answers, hotline calls,
//     actions). A solo player sees the same for their whole side.
//   - The control cell sees everything, evaluators too: they judge play
//     against the script, the evaluators' notes and the scenario's
//     bookkeeping.
//   - Observers see both sides' play, each as that side lives it; not the
//     script's handling, the bookkeeping or the evaluators' notes.
//   - The projector shows the room only what is public: what both sides see
//     alike, that a call rings (not what is said on it), the reviews and the
//     ending. No inject or message addressed to one side or team.

// SeatKind is the kind of seat someone looks at the exercise from.
type SeatKind uint8

const (
	TeamSeat      SeatKind = iota // a team's players in a class
	SideSeat                      // a whole side: a solo player, or a replay of one side
	ControlSeat                   // the control cell
	EvaluatorSeat                 // an evaluator
	ObserverSeat                  // an observer
	ProjectorSeat                 // the screen at the front of the room
	numSeatKinds
)

var seatKindNames = [...]string{"team", "side", "control", "evaluator", "observer", "projector"}

func (k SeatKind) String() string {
	if int(k) < len(seatKindNames) {
		return seatKindNames[k]
	}
	return "seat(?)"
}

// SeatKinds lists every kind of seat.
func SeatKinds() []SeatKind {
	kinds := make([]SeatKind, numSeatKinds)
	for k := range kinds {
		kinds[k] = SeatKind(k)
	}
	return kinds
}

// Viewer is who looks at the exercise: a team's players, a whole side (a
// solo player), or one of the room's seats that see both sides (All). The
// plain fields say whose play is seen; ViewerOf makes the viewer of any
// kind of seat.
type Viewer struct {
	All  bool
	Side injects.Side
	Team string // empty for the whole side
	// room is the room's seat for evaluators, observers and the
	// projector; zero for players and the control cell.
	room SeatKind
}

// ViewerOf is the viewer of a kind of seat: side and team count for a
// team's seat (team) and a side's (side) only.
func ViewerOf(kind SeatKind, side injects.Side, team string) Viewer {
	switch kind {
	case TeamSeat:
		return Viewer{Side: side, Team: team}
	case SideSeat:
		return Viewer{Side: side}
	case ControlSeat:
		return Viewer{All: true}
	case ProjectorSeat:
		return Viewer{room: kind}
	}
	return Viewer{All: true, room: kind}
}

// ViewerFor is the viewer of a person's seat: their team's, or the room
// seat their role gives.
func ViewerFor(sc *injects.Scenario, p Person) Viewer {
	switch p.Role {
	case Player:
		t, _ := sc.Team(p.Team)
		return ViewerOf(TeamSeat, t.Side, t.ID)
	case Evaluator:
		return ViewerOf(EvaluatorSeat, 0, "")
	case Observer:
		return ViewerOf(ObserverSeat, 0, "")
	}
	return ViewerOf(ControlSeat, 0, "")
}

// Kind is the kind of seat the viewer looks from.
func (v Viewer) Kind() SeatKind {
	switch {
	case v.room != 0:
		return v.room
	case v.All:
		return ControlSeat
	case v.Team != "":
		return TeamSeat
	}
	return SideSeat
}

// Reaches reports whether something addressed to the audience reaches the
// viewer: a team's inject reaches that team only, a side's every team of
// it, and the projector only what is addressed to everyone.
func (v Viewer) Reaches(a injects.Audience) bool {
	if v.room == ProjectorSeat {
		return a.All
	}
	return v.All || a.All || a.Side == v.Side && (a.Team == "" || v.Team == "" || a.Team == v.Team)
}

// Visible reports whether the viewer learns of an event, by the rules at
// the top of this file.
func Visible(sc *injects.Scenario, ev *Event, v Viewer) bool {
	switch v.Kind() {
	case ControlSeat, EvaluatorSeat:
		return true
	case ObserverSeat:
		return playerSees(sc, ev, Viewer{Side: injects.US}) || playerSees(sc, ev, Viewer{Side: injects.CN})
	case ProjectorSeat:
		if ev.Type == Answered {
			return false // what is said on the line stays between the sides
		}
		return playerSees(sc, ev, Viewer{Side: injects.US}) && playerSees(sc, ev, Viewer{Side: injects.CN})
	}
	return playerSees(sc, ev, v)
}

// playerSees is what a side's players, or one team's, learn of: what
// reaches them, what their side does, and what the other side does in the
// open. The other side's briefings, deliberations and work in progress stay
// hidden, as do the script's handling, the scenario's bookkeeping, the
// meters' causes, the evaluators' notes, the feedback forms and the
// hotwash's record.
func playerSees(sc *injects.Scenario, ev *Event, v Viewer) bool {
	switch ev.Type {
	case InjectFired, InjectChosen, InjectExpired, InjectCancelled:
		i, ok := sc.InjectIndex(ev.Inject)
		return ok && v.Reaches(sc.Injects[i].To)
	case MessageSent:
		return v.Reaches(ev.To)
	case InjectTriggered, VariableSet, ClockStopped, InjectHeld, InjectReleased, InjectSkipped, ObservationNoted,
		FeedbackGiven, HotwashAnswered, CorrectiveActionAgreed:
		return false
	case WorkStarted, BotSeated, BotRemoved, PersonSeated:
		t, ok := sc.Team(ev.Team)
		return ok && t.Side == v.Side
	}
	return true
}

// FeedItem is something that reached a seat: an inject that fired, a
// message from the control cell, or a request from the other side.
// Exactly one of Inject, Message and Request is 0 or more; the others are
// -1.
type FeedItem struct {
	Inject  int // index in the scenario's injects
	Message int // index in the state's messages
	Request int // index in the scenario's requests
	At      time.Duration
}

// Feed lists what has reached the viewer, newest first; what arrived at
// the same time in the order it is meant to be read: the script's, then
// the requests, then the messages. A request reaches the side it is
// addressed to, and every seat that sees both sides or the room.
func Feed(st *State, v Viewer) []FeedItem {
	sc := st.Scenario
	var items []FeedItem
	for i := range sc.Injects {
		if st.Injects[i].Status == Fired && v.Reaches(sc.Injects[i].To) {
			items = append(items, FeedItem{Inject: i, Message: -1, Request: -1, At: st.Injects[i].FiredAt})
		}
	}
	for i := range sc.Requests {
		if rs := &st.Requests[i]; rs.Opened && (v.All || v.Kind() == ProjectorSeat || sc.Requests[i].To == v.Side) {
			items = append(items, FeedItem{Inject: -1, Message: -1, Request: i, At: rs.OpenedAt})
		}
	}
	for k := range st.Messages {
		if v.Reaches(st.Messages[k].To) {
			items = append(items, FeedItem{Inject: -1, Message: k, Request: -1, At: st.Messages[k].At})
		}
	}
	order := func(it FeedItem) int { // the script's, the requests, the messages
		switch {
		case it.Inject >= 0:
			return it.Inject
		case it.Request >= 0:
			return len(sc.Injects) + it.Request
		}
		return len(sc.Injects) + len(sc.Requests) + it.Message
	}
	slices.SortFunc(items, func(a, b FeedItem) int {
		return cmp.Or(cmp.Compare(b.At, a.At), cmp.Compare(order(a), order(b)))
	})
	return items
}
