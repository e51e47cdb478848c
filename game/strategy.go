package game

import (
	"fmt"
	"strings"
	"time"

	"hotline/injects"
)

// Strategy is a scripted way of playing a side: the decisions a player
// might make, made the same way every time. Where a counterpart profile
// plays a temperament with dice, a strategy plays a policy without them,
// so that a sweep of strategies against each counterpart measures what the
// player's decisions change.
//
// A strategy plays through a Bot (NewBot with "strategy:<id>"), so it makes
// its commands through the engine's rules like any player.
type Strategy struct {
	ID          string
	Title       string
	Description string

	tones   []injects.Tone // an inject's choices, most preferred tone first; none: let deadlines pass
	respond respondStyle
	answer  injects.Answer
	answers bool          // answers hotline calls (with answer)
	ring    time.Duration // how long after a part of its own request falls overdue it rings; -1: never
	act     injects.Tone  // the tone of the actions it takes
	acts    bool
}

// respondStyle is how a strategy answers the requests its side receives.
type respondStyle uint8

const (
	respondWell    respondStyle = iota // every part on time, as thorough as the time allows
	respondLate                        // every part adequate, half its window late
	respondDecline                     // every part it can on a sound ground, the rest on time
	respondNone                        // nothing at all
)

// StrategyPrefix marks a strategy where a counterpart profile is expected:
// "strategy:diligent" plays a side with the diligent strategy.
const StrategyPrefix = "strategy:"

var strategies = []Strategy{
	{ID: "diligent", Title: "Answer everything well",
		Description: "Answers every part on time and as thoroughly as the time allows, commits on the hotline, rings when its own requests run late, and prefers measured choices.",
		tones:       []injects.Tone{injects.Measured, injects.Conciliatory, injects.Firm},
		respond:     respondWell, answer: injects.Commit, answers: true, ring: 24 * time.Hour,
		act: injects.Conciliatory, acts: true},
	{ID: "late", Title: "Answer late",
		Description: "Answers every part adequately but half its window late, commits on the hotline without hurrying, and prefers measured choices.",
		tones:       []injects.Tone{injects.Measured, injects.Conciliatory, injects.Firm},
		respond:     respondLate, answer: injects.Commit, answers: true, ring: 24 * time.Hour},
	{ID: "sound-declines", Title: "Decline on sound grounds",
		Description: "Acknowledges on time and declines every part a sound ground covers, answering the rest on time; explains on the hotline.",
		tones:       []injects.Tone{injects.Measured, injects.Conciliatory, injects.Firm},
		respond:     respondDecline, answer: injects.Explain, answers: true, ring: 24 * time.Hour},
	{ID: "ignore", Title: "Ignore everything",
		Description: "Makes no decision at all: deadlines pass, requests and hotline calls go unanswered.",
		respond:     respondNone, ring: -1},
	{ID: "escalate", Title: "Escalate early",
		Description: "Answers on time, but rings the moment its own requests run late, denies complaints, prefers firm choices and takes every firm action it can.",
		tones:       []injects.Tone{injects.Firm, injects.Measured, injects.Conciliatory},
		respond:     respondWell, answer: injects.Deny, answers: true, ring: 0,
		act: injects.Firm, acts: true},
}

// Strategies lists the scripted strategies.
func Strategies() []Strategy { return strategies }

// strategy finds a strategy by id.
func strategy(id string) (*Strategy, error) {
	for i := range strategies {
		if strategies[i].ID == id {
			return &strategies[i], nil
		}
	}
	var ids []string
	for _, s := range strategies {
		ids = append(ids, s.ID)
	}
	return nil, fmt.Errorf("no strategy %q; the strategies are %s", id, strings.Join(ids, ", "))
}

// plan lists what the strategy means to do and when.
func (s *Strategy) plan(b *Bot, e *Engine, visit func(intent)) {
	s.planInjects(b, e, visit)
	s.planResponses(b, e, visit)
	s.planOwnRequests(b, e, visit)
	s.planCalls(b, e, visit)
	s.planActions(b, e, visit)
}

// planInjects takes, on each decision addressed to the side, the first
// choice offered in the most preferred tone.
func (s *Strategy) planInjects(b *Bot, e *Engine, visit func(intent)) {
	sc, st := e.sc, e.st
	for _, i := range b.decisions {
		in, is := &sc.Injects[i], &st.Injects[i]
		if is.Status != Fired || is.Resolved {
			continue
		}
	tones:
		for _, tone := range s.tones {
			for _, ch := range in.Choices {
				cmd := Command{Team: AddressedTeam(sc, in), Verb: Choose, Inject: in.ID, Choice: ch.ID}
				if ch.Tone == tone && e.allowed(b.Actor, cmd) {
					visit(intent{st.Now, cmd})
					break tones
				}
			}
		}
	}
}

// planResponses works on the requests the side received.
func (s *Strategy) planResponses(b *Bot, e *Engine, visit func(intent)) {
	if s.respond == respondNone {
		return
	}
	sc, st := e.sc, e.st
	for _, i := range b.received {
		req, r := &sc.Requests[i], &st.Requests[i]
		if !r.Opened {
			continue
		}
		if ack := &r.Elements[0]; !ack.Resolved() {
			if !ack.Working {
				visit(intent{s.startAt(e, i, 0, injects.Adequate), Command{Team: b.lead, Verb: Deliver, Request: req.ID,
					Element: req.Elements[0].ID}})
			}
			continue
		}
		for j := 1; j < len(req.Elements); j++ {
			spec, el := req.Elements[j], &r.Elements[j]
			if el.Resolved() || el.Working {
				continue
			}
			if s.respond == respondDecline {
				if g, ok := b.soundGround(sc, i, j); ok {
					visit(intent{st.Now, Command{Team: b.lead, Verb: Decline, Request: req.ID, Element: spec.ID, Ground: g}})
					continue
				}
			}
			if spec.Kind == injects.Results {
				if k := indexOfKind(req, injects.Investigate); k >= 0 && !r.Elements[k].Delivered {
					continue // results wait for the investigation
				}
			}
			q := injects.Adequate
			if s.respond != respondLate {
				q = bestOnTime(e, i, j)
			}
			visit(intent{s.startAt(e, i, j, q), Command{Team: b.lead, Verb: Deliver, Request: req.ID, Element: spec.ID, Quality: q}})
		}
	}
}

// startAt is when the strategy starts work on element j of request i: at
// once, or, answering late, so that it lands half its window after its due
// time.
func (s *Strategy) startAt(e *Engine, i, j int, q injects.Quality) time.Duration {
	if s.respond != respondLate {
		return e.st.Now
	}
	el := &e.st.Requests[i].Elements[j]
	cost := e.sc.Costs.Of(e.sc.Requests[i].Elements[j].Kind, q)
	return max(el.Due+el.Window/2-cost, e.st.Now)
}

// bestOnTime is the most thorough quality of element j of request i that
// lands by its due time if work starts now, or thin when none does.
func bestOnTime(e *Engine, i, j int) injects.Quality {
	el := &e.st.Requests[i].Elements[j]
	kind := e.sc.Requests[i].Elements[j].Kind
	for q := injects.Thorough; q > injects.Thin; q-- {
		if e.st.Now+e.sc.Costs.Of(kind, q) <= el.Due {
			return q
		}
	}
	return injects.Thin
}

// planOwnRequests answers questions about the side's requests and rings the
// hotline when one runs late.
func (s *Strategy) planOwnRequests(b *Bot, e *Engine, visit func(intent)) {
	if s.respond == respondNone && s.ring < 0 {
		return
	}
	sc, st := e.sc, e.st
	ringing := ringing(st, b.Side)
	for _, i := range b.sent {
		req, r := &sc.Requests[i], &st.Requests[i]
		if !r.Opened {
			continue
		}
		if r.Clarifying {
			visit(intent{r.AskedAt + time.Hour, Command{Team: b.lead, Verb: Clarify, Request: req.ID}})
		}
		if s.ring < 0 || ringing {
			continue
		}
		if at, ok := ringAt(e, b.Side, i, s.ring, 2*max(s.ring, 12*time.Hour)); ok {
			visit(intent{max(at, st.Now), Command{Team: b.lead, Verb: Ring, Request: req.ID}})
			ringing = true
		}
	}
}

// planCalls answers the other side's hotline calls within the hour.
func (s *Strategy) planCalls(b *Bot, e *Engine, visit func(intent)) {
	if !s.answers {
		return
	}
	for i := range e.st.Calls {
		c := &e.st.Calls[i]
		if c.Open() && c.From != b.Side {
			at := c.RangAt + min(time.Hour, e.sc.Hotline.AnswerWithin/2)
			visit(intent{at, Command{Team: b.lead, Verb: Answer, Call: c.N, Answer: s.answer}})
		}
	}
}

// planActions takes the scenario's actions of the strategy's tone, each
// once, one a day, whenever the scenario allows them.
func (s *Strategy) planActions(b *Bot, e *Engine, visit func(intent)) {
	if !s.acts {
		return
	}
	sc, st := e.sc, e.st
	for _, i := range b.actions {
		if a := st.Actions[i]; a.Taken > 0 && st.Now-a.Last < 24*time.Hour {
			return
		}
	}
	for _, i := range b.actions {
		a := &sc.Actions[i]
		if a.Tone != s.act || st.Actions[i].Taken > 0 {
			continue
		}
		// Now, or as soon as waiting alone makes it possible.
		cmd := Command{Team: b.lead, Verb: Act, Action: a.ID}
		if at, ok := e.actionFrom(b.Actor, cmd); ok {
			visit(intent{at, cmd})
			return
		}
	}
}
