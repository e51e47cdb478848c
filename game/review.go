package game

import (
	"fmt"
	"math"
	"time"

	"hotline/injects"
)

// The review scores what the fact sheet names: the timeliness and quality
// of the responses each side gave to the requests it received, whether its
// declines rest on a ground that covers them, and how each side asked:
// under the commitment that fits the matter, with the technical material
// needed to act. docs/review.md explains every number; this file computes
// them.

// Penalties taken from a side's score, in points out of 100.
const (
	MissedCallPenalty     = 5  // for each hotline call the side left unanswered
	CategoryErrorPenalty  = 10 // for each request the side sent under a commitment that does not cover it
	UndetailedPenalty     = 5  // for each request the side sent without the technical material to act on
	missedCallCooperation = 0.25
)

// Scorecard is the review held at one meeting.
type Scorecard struct {
	// Meeting numbers the scheduled meetings from 1; 0 is the closing
	// review, and -1 a review of play as it stands, between meetings.
	Meeting  int             `json:"meeting"`
	At       Offset          `json:"at"`
	Weights  injects.Weights `json:"weights"`
	Requests []RequestScore  `json:"requests"`
	Sides    [2]SideScore    `json:"sides"`
}

// Offset is a story offset that reads as "1d2h" in JSON.
type Offset time.Duration

func (o Offset) MarshalText() ([]byte, error) {
	return []byte(injects.FormatDuration(time.Duration(o))), nil
}

func (o *Offset) UnmarshalText(b []byte) error {
	d, err := injects.ParseDuration(string(b))
	*o = Offset(d)
	return err
}

// RequestScore is the review of one request.
type RequestScore struct {
	Request       string              `json:"request"`
	Subject       string              `json:"subject"`
	Kind          injects.RequestKind `json:"kind"`
	From          injects.Side        `json:"from"`
	To            injects.Side        `json:"to"`
	Category      injects.Category    `json:"category"`
	Basis         injects.Basis       `json:"basis"`
	CategoryError bool                `json:"category_error,omitempty"`
	Attached      []string            `json:"attached,omitempty"` // the technical material sent with it
	// Scripted is set when the script sent the request, not the side's
	// players: what is wrong with it is charged to nobody.
	Scripted      bool           `json:"scripted,omitempty"`
	Verifies      string         `json:"verifies,omitempty"` // the request whose reported action it asks evidence of
	Status        string         `json:"status"`
	Elements      []ElementScore `json:"elements"`
	Calls         int            `json:"calls,omitempty"`  // hotline calls about it
	Missed        int            `json:"missed,omitempty"` // of those, left unanswered
	Clarification string         `json:"clarification,omitempty"`
	Scored        int            `json:"scored"` // elements judged so far
	Timeliness    float64        `json:"timeliness"`
	Quality       float64        `json:"quality"`
	Cooperation   float64        `json:"cooperation"`
}

// ElementScore is the review of one element of a request.
type ElementScore struct {
	Element    string              `json:"element"`
	Kind       injects.ElementKind `json:"kind"`
	Due        Offset              `json:"due"`
	State      string              `json:"state"` // delivered, declined, overdue, working, pending
	At         Offset              `json:"at,omitempty"`
	Late       Offset              `json:"late,omitempty"`
	Quality    string              `json:"quality,omitempty"`
	Ground     string              `json:"ground,omitempty"`
	Sound      bool                `json:"sound,omitempty"`          // the ground covers the part
	Thin       bool                `json:"thin_on_detail,omitempty"` // delivered thin though the material was attached
	Scored     bool                `json:"scored"`
	Timeliness float64             `json:"timeliness"`
	Value      float64             `json:"value"` // the element's quality score
}

// Element states in a review.
const (
	ElDelivered = "delivered"
	ElDeclined  = "declined"
	ElOverdue   = "overdue"
	ElWorking   = "working"
	ElPending   = "pending"
)

// SideScore sums up how a side answered the requests it received, and what
// was wrong with those it sent.
type SideScore struct {
	Side injects.Side `json:"side"`
	// Rated is set when the side received a request with a part due, or
	// sent one itself: a side that did neither is not rated, and its
	// rubric and score are 0.
	Rated bool `json:"rated"`
	// AskedOnly is set for a side rated on how it asked alone: it sent
	// requests but had nothing to answer, so its score is 100 less its
	// penalties.
	AskedOnly      bool    `json:"asked_only,omitempty"`
	Sent           int     `json:"sent"`
	Received       int     `json:"received"`
	Answered       int     `json:"answered"`
	Declined       int     `json:"declined"`
	Ignored        int     `json:"ignored"`
	InProgress     int     `json:"in_progress"`
	Due            int     `json:"due"`     // elements judged
	OnTime         int     `json:"on_time"` // of those, resolved by their due time
	Timeliness     float64 `json:"timeliness"`
	Quality        float64 `json:"quality"`
	Cooperation    float64 `json:"cooperation"`
	MissedCalls    int     `json:"missed_calls"`
	CategoryErrors int     `json:"category_errors"` // requests it sent under a commitment that does not cover them
	Undetailed     int     `json:"undetailed"`      // requests it sent with no technical material attached
	Rubric         int     `json:"rubric"`          // the weighted rubric before penalties, 0-100
	Score          int     `json:"score"`           // after penalties, 0-100
}

// ScoreWords is the side's score as the review prints it.
func (s *SideScore) ScoreWords() string {
	if !s.Rated {
		return "not rated"
	}
	return fmt.Sprint(s.Score)
}

// Review scores the state of play as the dialogue would at meeting (0 for
// the closing review, -1 for a look at play as it stands).
func Review(st *State, meeting int) *Scorecard {
	sc := st.Scenario
	card := &Scorecard{Meeting: meeting, At: Offset(st.Now), Weights: sc.Review.Weights,
		Requests: make([]RequestScore, 0, len(sc.Requests))}
	var sums [2]struct {
		t, q, c float64
		n       int
	}
	var asked [2]bool // the side's players sent a request
	for i := range sc.Requests {
		r := &st.Requests[i]
		if !r.Opened {
			continue
		}
		rs := scoreRequest(st, i)
		card.Requests = append(card.Requests, rs)
		side := &card.Sides[rs.To]
		side.Received++
		switch {
		case rs.Status == injects.StatusAnswered:
			side.Answered++
		case rs.Status == injects.StatusDeclined:
			side.Declined++
		case ignored(&rs):
			side.Ignored++
		default:
			side.InProgress++
		}
		for _, el := range rs.Elements {
			if el.Scored {
				side.Due++
				if el.Timeliness == 1 {
					side.OnTime++
				}
			}
		}
		from := &card.Sides[rs.From]
		from.Sent++
		if !rs.Scripted {
			asked[rs.From] = true
			if rs.CategoryError {
				from.CategoryErrors++
			}
			if len(rs.Attached) == 0 {
				from.Undetailed++
			}
		}
		if rs.Scored > 0 {
			s := &sums[rs.To]
			s.t, s.q, s.c, s.n = s.t+rs.Timeliness, s.q+rs.Quality, s.c+rs.Cooperation, s.n+1
		}
	}
	w := sc.Review.Weights
	for i := range card.Sides {
		side := &card.Sides[i]
		side.Side = injects.Side(i)
		side.MissedCalls = st.Missed(side.Side)
		s := sums[i]
		if s.n == 0 {
			// Nothing to answer: rated on how it asked, if it asked.
			if side.Rated, side.AskedOnly = asked[i], asked[i]; side.Rated {
				side.Score = max(100-side.Penalty(), 0)
			}
			continue
		}
		side.Rated = true
		n := float64(s.n)
		side.Timeliness, side.Quality, side.Cooperation = s.t/n, s.q/n, s.c/n
		total := w.Timeliness + w.Quality + w.Cooperation
		side.Rubric = int(math.Round(100 * (w.Timeliness*side.Timeliness + w.Quality*side.Quality + w.Cooperation*side.Cooperation) / total))
		score := side.Rubric - side.Penalty()
		side.Score = min(max(score, 0), 100)
	}
	return card
}

// Penalty is the points taken from the side's rubric: for calls it let
// ring out and for requests it sent amiss.
func (s *SideScore) Penalty() int {
	return MissedCallPenalty*s.MissedCalls + CategoryErrorPenalty*s.CategoryErrors + UndetailedPenalty*s.Undetailed
}

// ignored reports whether a request got nothing but, at most, an
// acknowledgement while something fell overdue.
func ignored(rs *RequestScore) bool {
	overdue := false
	for k, el := range rs.Elements {
		if k > 0 && (el.State == ElDelivered || el.State == ElDeclined) {
			return false
		}
		overdue = overdue || el.State == ElOverdue
	}
	return overdue
}

// The quality values of delivered parts and of declines.
var qualityValue = [...]float64{injects.Thin: 1.0 / 3, injects.Adequate: 2.0 / 3, injects.Thorough: 1}

const (
	// thinOnDetail is the value of a thin answer to a request that came
	// with its technical material: the means to do better were there.
	thinOnDetail = 1.0 / 6
	// soundDecline is the quality value of a part declined on a ground
	// that covers it. With full credit for cooperation, such a decline
	// scores above a thin answer and below an adequate one.
	soundDecline = 0.5
)

// thinValue is the quality value of a thin answer to the request.
func thinValue(req *injects.Request) float64 {
	if req.Detailed() {
		return thinOnDetail
	}
	return qualityValue[injects.Thin]
}

func scoreRequest(st *State, i int) RequestScore {
	sc := st.Scenario
	req, r := &sc.Requests[i], &st.Requests[i]
	rs := RequestScore{Request: req.ID, Subject: req.Subject, Kind: req.Kind, From: req.From, To: req.To,
		Category: req.Category, Basis: req.Basis, CategoryError: req.CategoryError(), Attached: req.Attached,
		Scripted: r.Scripted(), Verifies: req.Verifies, Status: st.RequestStatus(i)}
	switch {
	case r.Clarifying:
		rs.Clarification = "asked, not yet answered"
	case r.Asked:
		rs.Clarification = "asked and answered"
	}
	// Escalations are the requester's calls about the request; a call
	// the answering side made about it is no complaint against itself.
	for k := range st.Calls {
		c := &st.Calls[k]
		if c.About == req.ID && c.From == req.From {
			rs.Calls++
			if c.Missed {
				rs.Missed++
			}
		}
	}
	rs.Elements = make([]ElementScore, 0, len(req.Elements))
	var t, q float64
	var answered float64 // parts delivered or declined on a ground that covers them
	for j, spec := range req.Elements {
		el := &r.Elements[j]
		es := ElementScore{Element: spec.ID, Kind: spec.Kind, Due: Offset(el.Due)}
		resolvedAt := time.Duration(-1)
		switch {
		case el.Delivered:
			es.State, es.At, es.Quality, es.Scored = ElDelivered, Offset(el.DeliveredAt), el.Quality.String(), true
			resolvedAt = el.DeliveredAt
			es.Value = qualityValue[el.Quality]
			switch {
			case spec.Kind == injects.Acknowledge:
				es.Quality, es.Value = "", 1
			case el.Quality == injects.Thin:
				es.Value, es.Thin = thinValue(req), req.Detailed()
			}
			answered++
		case el.Declined:
			es.State, es.At, es.Ground, es.Scored = ElDeclined, Offset(el.DeclinedAt), el.Ground, true
			resolvedAt = el.DeclinedAt
			if g, ok := sc.Ground(el.Ground); ok && g.Sound(req, spec.Kind) {
				es.Sound, es.Value = true, soundDecline
				if spec.Kind == injects.Update {
					// Keeping the other side informed is "as appropriate":
					// a status update declined is worth no more than a thin one.
					es.Value = min(es.Value, thinValue(req))
				}
				answered++
			}
		case el.Due <= st.Now && (el.Overdue || !r.Clarifying):
			// While a question is pending the clock is stopped: only what
			// was overdue before it was asked counts as overdue.
			es.State, es.Scored = ElOverdue, true
			es.Late = Offset(st.Now - el.Due)
		case el.Working:
			es.State = ElWorking
		default:
			es.State = ElPending
		}
		if es.Scored {
			switch {
			case resolvedAt < 0:
				es.Timeliness = 0
			case resolvedAt <= el.Due:
				es.Timeliness = 1
			default:
				late := resolvedAt - el.Due
				es.Late = Offset(late)
				es.Timeliness = max(0, 1-float64(late)/float64(max(el.Window, time.Hour)))
			}
			t += es.Timeliness
			q += es.Value
			rs.Scored++
		}
		rs.Elements = append(rs.Elements, es)
	}
	if rs.Scored > 0 {
		n := float64(rs.Scored)
		rs.Timeliness, rs.Quality = t/n, q/n
		rs.Cooperation = max(0, answered/n-missedCallCooperation*float64(rs.Missed))
	}
	return rs
}
