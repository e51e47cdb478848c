package game

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"hotline/injects"
)

// Bot plays a side with a counterpart profile. It makes the same commands a
// player makes, at the story times its profile gives, and every command goes
// through the engine's rules.
//
// A bot keeps no state of its own: each chance it takes is drawn from a hash
// of the seed and the decision (which request, which part), so a resumed run
// decides exactly as the original would have.
type Bot struct {
	Side     injects.Side
	Profile  *injects.Profile // nil when a strategy plays
	Strategy *Strategy        // nil when a profile plays
	Actor    Actor
	seed     uint64 // the bot's own: the run's seed mixed with its side
	lead     string // the team it acts as, unless an inject names another
	// sideWide is set for a bot that handles its side's shared business:
	// requests, calls, actions and injects addressed to the whole side.
	// Otherwise it only decides the injects addressed to its own teams.
	sideWide bool

	// The plan made for the state after event seq. It is kept until the
	// next event: intents planned for "now" stay due as the clock moves on.
	intents   []intent
	plannedAt int

	// sound holds, by request and element, a ground that covers declining
	// it, or "": worked out once, since the scenario does not change.
	sound [][]string
	// What of the scenario is the bot's side's, by index: the injects
	// that put a decision to it, the requests it receives and sends, its
	// actions. Plans look at these alone.
	decisions, received, sent, actions []int
}

// newBot makes a bot for side and indexes what of the scenario is its.
func newBot(sc *injects.Scenario, side injects.Side, name string, seed uint64) *Bot {
	teams := sc.TeamsOf(side)
	b := &Bot{Side: side, Actor: Actor{Name: name, Teams: teams}, seed: mix64(seed ^ uint64(side+1)*0x9e3779b97f4a7c15),
		lead: teams[0], sideWide: true, plannedAt: -1}
	for i := range sc.Injects {
		if in := &sc.Injects[i]; len(in.Choices) > 0 && !in.To.All && in.To.Side == side {
			b.decisions = append(b.decisions, i)
		}
	}
	for i := range sc.Requests {
		if sc.Requests[i].To == side {
			b.received = append(b.received, i)
		} else {
			b.sent = append(b.sent, i)
		}
	}
	for i := range sc.Actions {
		if sc.Actions[i].Side == side {
			b.actions = append(b.actions, i)
		}
	}
	return b
}

// NewBot makes a bot for side with the named profile; "" picks the side's
// default counterpart, and "strategy:<id>" plays a scripted strategy.
func NewBot(sc *injects.Scenario, side injects.Side, profile string, seed uint64) (*Bot, error) {
	if id, ok := strings.CutPrefix(profile, StrategyPrefix); ok {
		s, err := strategy(id)
		if err != nil {
			return nil, err
		}
		b := newBot(sc, side, "bot:"+profile, seed)
		b.Strategy = s
		return b, nil
	}
	if profile == "" {
		profile = sc.Sides[side].Counterparts[0]
	}
	p, ok := sc.Profile(profile)
	if !ok {
		var ids []string
		for _, pr := range sc.Profiles {
			ids = append(ids, pr.ID)
		}
		return nil, fmt.Errorf("no counterpart profile %q; this scenario has %v", profile, ids)
	}
	b := newBot(sc, side, botPrefix+p.ID, seed)
	b.Profile = p
	return b, nil
}

// teamBot is a bot that plays one team of a side in a class, beside the
// people who play the others; sideWide as for Bot.
func teamBot(sc *injects.Scenario, team string, profile string, seed uint64, sideWide bool) (*Bot, error) {
	t, _ := sc.Team(team)
	b, err := NewBot(sc, t.Side, profile, seed)
	if err != nil {
		return nil, err
	}
	b.Actor.Teams, b.lead, b.sideWide = []string{team}, team, sideWide
	return b, nil
}

// intent is a command the bot means to make at a story time.
type intent struct {
	at  time.Duration
	cmd Command
}

// Wake returns the next story time at which the bot means to act.
func (b *Bot) Wake(e *Engine) (time.Duration, bool) {
	var at time.Duration
	found := false
	for _, in := range b.planned(e) {
		if !found || in.at < at {
			at, found = in.at, true
		}
	}
	return max(at, e.st.Now), found
}

// Due returns the command the bot makes now, if any. After the engine has
// done it, ask again: each command changes what the bot plans next.
func (b *Bot) Due(e *Engine) (Command, bool) {
	for _, in := range b.planned(e) {
		if in.at <= e.st.Now {
			return in.cmd, true
		}
	}
	return Command{}, false
}

// planned returns the bot's plan for the engine's state now.
func (b *Bot) planned(e *Engine) []intent {
	if b.plannedAt == e.st.Seq {
		return b.intents
	}
	b.intents = b.intents[:0]
	b.plan(e, func(in intent) { b.intents = append(b.intents, in) })
	b.plannedAt = e.st.Seq
	return b.intents
}

// plan lists what the bot means to do and when.
func (b *Bot) plan(e *Engine, visit func(intent)) {
	if e.st.Ended {
		return
	}
	if b.Strategy != nil {
		b.Strategy.plan(b, e, visit)
		return
	}
	b.planInjects(e, visit)
	if !b.sideWide {
		return
	}
	b.planAnswers(e, visit)
	b.planResponses(e, visit)
	b.planOwnRequests(e, visit)
	b.planCalls(e, visit)
	b.planActions(e, visit)
}

func (b *Bot) planInjects(e *Engine, visit func(intent)) {
	sc, st, p := e.sc, e.st, b.Profile
	for _, i := range b.decisions {
		in, is := &sc.Injects[i], &st.Injects[i]
		if is.Status != Fired || is.Resolved {
			continue
		}
		if mine := slices.Contains(b.Actor.Teams, in.To.Team); in.To.Team != "" && !mine || in.To.Team == "" && !b.sideWide {
			continue
		}
		window := 12 * time.Hour
		if in.Deadline != nil {
			window = in.Deadline.Within
		}
		// Only the choices offered now count; the pick is made among them.
		var offered []*injects.Choice
		var weights []float64
		for k := range in.Choices {
			if ch := &in.Choices[k]; ch.If == nil || e.holds(ch.If) {
				offered, weights = append(offered, ch), append(weights, p.Tones[ch.Tone])
			}
		}
		if len(offered) == 0 {
			continue
		}
		ch := offered[pick(weights, b.roll(rollChoice, i, 0, 0))]
		visit(intent{is.FiredAt + scale(window, p.Pace),
			Command{Team: AddressedTeam(sc, in), Verb: Choose, Inject: in.ID, Choice: ch.ID}})
	}
}

// planAnswers answers the other side's questions about the bot's requests.
func (b *Bot) planAnswers(e *Engine, visit func(intent)) {
	for _, i := range b.sent {
		req, r := &e.sc.Requests[i], &e.st.Requests[i]
		if r.Clarifying {
			delay := max(time.Hour, scale(4*time.Hour, b.Profile.Pace))
			visit(intent{r.AskedAt + delay, Command{Team: b.lead, Verb: Clarify, Request: req.ID}})
		}
	}
}

// planResponses works on the requests the bot's side received.
func (b *Bot) planResponses(e *Engine, visit func(intent)) {
	sc, st, p := e.sc, e.st, b.Profile
	for _, i := range b.received {
		req, r := &sc.Requests[i], &st.Requests[i]
		if !r.Opened {
			continue
		}
		promised := b.promisedBy(e, req.ID)
		ack := &r.Elements[0]
		if !ack.Resolved() {
			if !ack.Working && (b.roll(rollRespond, i, 0, 0) < math.Sqrt(p.Respond) || promised >= 0) {
				at := b.deliverAt(e, i, 0, injects.Adequate, promised)
				visit(intent{at, Command{Team: b.lead, Verb: Deliver, Request: req.ID, Element: req.Elements[0].ID}})
			}
			continue
		}
		if !r.Asked && b.roll(rollClarify, i, 0, 0) < p.Clarify {
			visit(intent{st.Now, Command{Team: b.lead, Verb: AskClarification, Request: req.ID}})
			continue
		}
		if r.Clarifying {
			continue
		}
		for j := 1; j < len(req.Elements); j++ {
			spec, el := req.Elements[j], &r.Elements[j]
			if el.Resolved() || el.Working {
				continue
			}
			if spec.Kind == injects.Results {
				if k := indexOfKind(req, injects.Investigate); k >= 0 && !r.Elements[k].Delivered {
					continue // results wait for the investigation
				}
			}
			if g, ok := b.declineOn(sc, req, i, j); ok {
				at := b.deliverAt(e, i, j, injects.Thin, promised)
				visit(intent{at, Command{Team: b.lead, Verb: Decline, Request: req.ID, Element: spec.ID, Ground: g}})
				continue
			}
			respond := b.roll(rollRespond, i, j, 0) < p.Respond
			if !respond && promised >= 0 && (el.Overdue || el.Due <= st.Calls[promised].PromiseBy) {
				respond = b.roll(rollKeep, i, j, promised) < (1+p.Respond)/2
			}
			if !respond {
				continue
			}
			q := injects.Quality(pick(p.Quality[:], b.roll(rollQuality, i, j, 0)))
			if p.Pace <= 1 {
				// A bot that means to be on time takes no more care than
				// the time left allows, when less would land in time.
				for q > injects.Thin && st.Now+sc.Costs.Of(spec.Kind, q) > el.Due &&
					st.Now+sc.Costs.Of(spec.Kind, q-1) <= el.Due {
					q--
				}
			}
			visit(intent{b.deliverAt(e, i, j, q, promised), Command{Team: b.lead, Verb: Deliver,
				Request: req.ID, Element: spec.ID, Quality: q}})
		}
	}
}

// declineOn reports whether the bot declines element j of request i, and on
// which ground: with the profile's chance, when a ground covers it.
func (b *Bot) declineOn(sc *injects.Scenario, req *injects.Request, i, j int) (string, bool) {
	if len(req.Grounds) == 0 || b.roll(rollDecline, i, j, 0) >= b.Profile.Decline {
		return "", false
	}
	return b.soundGround(sc, i, j)
}

// soundGround returns a ground of request i that covers declining its
// element j.
func (b *Bot) soundGround(sc *injects.Scenario, i, j int) (string, bool) {
	if b.sound == nil {
		b.sound = make([][]string, len(sc.Requests))
		for r := range sc.Requests {
			req := &sc.Requests[r]
			b.sound[r] = make([]string, len(req.Elements))
			for k, spec := range req.Elements {
				for _, id := range req.Grounds {
					if g, ok := sc.Ground(id); ok && g.Sound(req, spec.Kind) {
						b.sound[r][k] = id
						break
					}
				}
			}
		}
	}
	return b.sound[i][j], b.sound[i][j] != ""
}

// deliverAt is when the bot starts work on element j of request i so that
// it lands at its pace's share of the due window, or within a hotline
// commitment it made.
func (b *Bot) deliverAt(e *Engine, i, j int, q injects.Quality, promised int) time.Duration {
	req, el := &e.sc.Requests[i], &e.st.Requests[i].Elements[j]
	cost := e.sc.Costs.Of(req.Elements[j].Kind, q)
	opened := el.Due - el.Window
	at := opened + scale(el.Window, b.Profile.Pace) - cost
	if promised >= 0 {
		c := &e.st.Calls[promised]
		at = min(at, c.AnsweredAt+(c.PromiseBy-c.AnsweredAt)/2-cost)
	}
	return max(at, e.st.Now)
}

// promisedBy returns the index of a commitment the bot's side made over the
// hotline that covers the request, or -1.
func (b *Bot) promisedBy(e *Engine, req string) int {
	for i := range e.st.Calls {
		c := &e.st.Calls[i]
		if c.Promised() && c.From != b.Side && (c.About == "" || c.About == req) {
			return i
		}
	}
	return -1
}

// planOwnRequests rings the hotline when a request the bot's side sent runs
// late, and sends requests the scenario lets it send.
func (b *Bot) planOwnRequests(e *Engine, visit func(intent)) {
	sc, st, p := e.sc, e.st, b.Profile
	ringing := ringing(st, b.Side) // one call at a time: wait for the answer
	var ring intent
	wantRing := false
	for _, i := range b.sent {
		req, r := &sc.Requests[i], &st.Requests[i]
		if !r.Opened {
			// A bot sends a request of its own accord only when no inject
			// awaits its decision: the decision may send it.
			cmd := Command{Team: b.lead, Verb: Open, Request: req.ID}
			if req.Available != nil && b.roll(rollOpen, i, 0, 0) < p.Initiative/2 && e.holds(req.Available) &&
				!b.deciding(e) && e.allowed(b.Actor, cmd) {
				visit(intent{st.Now, cmd})
			}
			continue
		}
		if p.Escalate == 0 || ringing {
			continue
		}
		if at, ok := ringAt(e, b.Side, i, p.Escalate, 2*p.Escalate); ok && (!wantRing || at < ring.at) {
			ring, wantRing = intent{at, Command{Team: b.lead, Verb: Ring, Request: req.ID}}, true
		}
	}
	if wantRing {
		visit(ring)
	}
}

// ringing reports whether a call of side still waits for an answer.
func ringing(st *State, side injects.Side) bool {
	for k := range st.Calls {
		if st.Calls[k].Open() && st.Calls[k].From == side {
			return true
		}
	}
	return false
}

// ringAt is when side means to ring about its request i: delay after the
// first of its unresolved parts fell overdue, and at least gap after its
// last call about it. A side rings about a request twice at most.
func ringAt(e *Engine, side injects.Side, i int, delay, gap time.Duration) (time.Duration, bool) {
	st := e.st
	id, r := e.sc.Requests[i].ID, &st.Requests[i]
	calls, last := 0, time.Duration(-1)
	for k := range st.Calls {
		if c := &st.Calls[k]; c.About == id && c.From == side {
			calls, last = calls+1, c.RangAt
		}
	}
	if calls >= 2 {
		return 0, false
	}
	for j := range r.Elements {
		if el := &r.Elements[j]; el.Overdue && !el.Resolved() {
			at := el.Due + delay
			if last >= 0 {
				at = max(at, last+gap)
			}
			return at, true
		}
	}
	return 0, false
}

// deciding reports whether an inject awaits the bot side's choice.
func (b *Bot) deciding(e *Engine) bool {
	for _, i := range b.decisions {
		if is := &e.st.Injects[i]; is.Status == Fired && !is.Resolved {
			return true
		}
	}
	return false
}

// planCalls answers hotline calls, or lets them ring out.
func (b *Bot) planCalls(e *Engine, visit func(intent)) {
	p := b.Profile
	for i := range e.st.Calls {
		c := &e.st.Calls[i]
		if !c.Open() || c.From == b.Side || b.roll(rollAnswer, c.N, 0, 0) >= p.Answer {
			continue
		}
		a := injects.Answer(pick(p.Answers[:], b.roll(rollAnswers, c.N, 0, 0)))
		at := c.RangAt + scale(e.sc.Hotline.AnswerWithin, min(p.Pace, 1.5)/2)
		visit(intent{at, Command{Team: b.lead, Verb: Answer, Call: c.N, Answer: a}})
	}
}

// planActions takes the scenario's actions now and then, by the profile's
// initiative and its taste for the action's tone.
func (b *Bot) planActions(e *Engine, visit func(intent)) {
	sc, st, p := e.sc, e.st, b.Profile
	top := max(p.Tones[0], p.Tones[1], p.Tones[2])
	if top == 0 {
		return
	}
	for _, i := range b.actions {
		// At most one action a day: a government does not threaten and
		// impose sanctions in the same breath.
		if a := st.Actions[i]; a.Taken > 0 && st.Now-a.Last < 24*time.Hour {
			return
		}
	}
	for _, i := range b.actions {
		a := &sc.Actions[i]
		if st.Actions[i].Taken >= 3 {
			continue
		}
		// One draw per action, per time taken and per rung: a bot that
		// passed on an action passes on it until the situation changes.
		chance := p.Initiative * p.Tones[a.Tone] / top
		if b.roll(rollAct, i, st.Rung, st.Actions[i].Taken) >= chance {
			continue
		}
		cmd := Command{Team: b.lead, Verb: Act, Action: a.ID}
		if a.If != nil && !e.holds(a.If) {
			continue
		}
		// Now, or as soon as waiting alone makes it possible.
		if at, ok := e.actionFrom(b.Actor, cmd); ok {
			visit(intent{at, cmd})
			return // one action at a time
		}
	}
}

// Decisions a bot draws chances for.
const (
	rollChoice = iota + 1
	rollRespond
	rollDecline
	rollQuality
	rollKeep
	rollClarify
	rollOpen
	rollAnswer
	rollAnswers
	rollAct
)

// roll draws a number in [0, 1) for one decision, named by its kind and
// up to three numbers (the inject, request, element, call or action, by
// their place in the scenario, which its digest fixes).
func (b *Bot) roll(kind, x, y, n int) float64 {
	key := uint64(kind)<<56 ^ uint64(x)<<40 ^ uint64(y)<<20 ^ uint64(n)
	h := mix64(b.seed ^ key)
	return float64(h>>11) / (1 << 53)
}

// mix64 is the splitmix64 finaliser.
func mix64(h uint64) uint64 {
	h += 0x9e3779b97f4a7c15
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// pick chooses an index by weight with u in [0, 1); all-zero weights pick
// uniformly.
func pick(weights []float64, u float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	if total == 0 {
		return min(int(u*float64(len(weights))), len(weights)-1)
	}
	x := u * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

func scale(d time.Duration, f float64) time.Duration {
	return time.Duration(float64(d) * f).Truncate(time.Minute)
}
