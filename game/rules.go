package game

import (
	"fmt"
	"slices"
	"strings"

	"hotline/injects"
)

// The rules of each command. A rule checks everything first and acts only
// when do is set, so that a refused command changes nothing and Check asks
// the same rules without acting.

type rule func(e *Engine, team *injects.Team, c Command, do bool) error

// who says whom a command is for: the team it names, or a role.
type who uint8

const (
	forTeam        who = iota // the actor must be able to act for c.Team
	forClock                  // the actor keeps the clock
	forControl                // the facilitator only
	forTeamControl            // the facilitator, naming a team
	forNotes                  // evaluators and the facilitator
	forPerson                 // anyone the exercise seats: never a bot
)

var rules = [numVerbs]struct {
	fn  rule
	who who
}{
	Choose:           {(*Engine).choose, forTeam},
	Open:             {(*Engine).open, forTeam},
	Deliver:          {(*Engine).deliver, forTeam},
	Decline:          {(*Engine).decline, forTeam},
	AskClarification: {(*Engine).askClarification, forTeam},
	Clarify:          {(*Engine).clarify, forTeam},
	Ring:             {(*Engine).ring, forTeam},
	Answer:           {(*Engine).answer, forTeam},
	Act:              {(*Engine).act, forTeam},
	PauseClock:       {(*Engine).pauseClock, forClock},
	RunClock:         {(*Engine).runClock, forClock},
	SetSpeed:         {(*Engine).setSpeed, forClock},
	JumpClock:        {(*Engine).jumpClock, forClock},
	FireInject:       {(*Engine).fireInject, forControl},
	HoldInject:       {(*Engine).holdInject, forControl},
	ReleaseInject:    {(*Engine).releaseInject, forControl},
	SkipInject:       {(*Engine).skipInject, forControl},
	SendMessage:      {(*Engine).sendMessage, forControl},
	SeatBot:          {(*Engine).seatBot, forTeamControl},
	RemoveBot:        {(*Engine).removeBot, forTeamControl},
	Seat:             {(*Engine).seatPerson, forControl},
	Unseat:           {(*Engine).unseatPerson, forControl},
	EndExercise:      {(*Engine).endExercise, forControl},
	Note:             {(*Engine).note, forNotes},
	Readmit:          {(*Engine).readmitPerson, forControl},
	GiveFeedback:     {(*Engine).giveFeedback, forPerson},
	AnswerHotwash:    {(*Engine).answerHotwash, forControl},
	AgreeAction:      {(*Engine).agreeAction, forControl},
}

func (e *Engine) choose(team *injects.Team, c Command, do bool) error {
	i, ok := e.sc.InjectIndex(c.Inject)
	if !ok {
		return e.refuse("no inject %q", c.Inject)
	}
	in, is := &e.sc.Injects[i], &e.st.Injects[i]
	switch {
	case is.Status != Fired:
		return e.refuse("%q has not arrived yet", in.Title)
	case len(in.Choices) == 0:
		return e.refuse("%q offers no choices", in.Title)
	case !in.To.Includes(team.Side, team.ID):
		return e.refuse("%q is addressed to %s, not to %s", in.Title, audienceWords(e.sc, in.To), team.Name)
	case is.Resolved:
		return e.refuse("%q was already decided", in.Title)
	}
	ch, ok := in.Choice(c.Choice)
	if !ok {
		return e.refuse("%q has no choice %q", in.Title, c.Choice)
	}
	if ch.If != nil {
		if err := e.allows(ch.If, fmt.Sprintf("%q is not an option on %q now", ch.Label, in.Title)); err != nil {
			return err
		}
	}
	if !do {
		return nil
	}
	e.emit(Event{Type: InjectChosen, Team: team.ID, Inject: in.ID, Choice: ch.ID})
	e.applyChoice(ch, injects.Audience{Side: team.Side, Team: team.ID}, team.ID)
	return nil
}

func (e *Engine) open(team *injects.Team, c Command, do bool) error {
	i, ok := e.sc.RequestIndex(c.Request)
	if !ok {
		return e.refuse("no request %q", c.Request)
	}
	req := &e.sc.Requests[i]
	switch {
	case req.From != team.Side:
		return e.refuse("request %q is for %s to send", req.ID, req.From.Title())
	case e.st.Requests[i].Opened:
		return e.refuse("request %q is already open", req.ID)
	case req.Available == nil:
		return e.refuse("request %q is opened by events of the scenario, not by a command", req.ID)
	}
	if err := e.allows(req.Available, fmt.Sprintf("request %q cannot be sent yet", req.ID)); err != nil {
		return err
	}
	if do {
		e.emit(Event{Type: RequestOpened, Team: team.ID, Request: req.ID})
	}
	return nil
}

// element finds an element of a request addressed to the team's side.
func (e *Engine) element(team *injects.Team, c Command) (int, int, error) {
	i, ok := e.sc.RequestIndex(c.Request)
	if !ok {
		return 0, 0, e.refuse("no request %q", c.Request)
	}
	req := &e.sc.Requests[i]
	switch {
	case !e.st.Requests[i].Opened:
		return 0, 0, e.refuse("request %q has not been sent", req.ID)
	case req.To != team.Side:
		return 0, 0, e.refuse("request %q is addressed to %s; %s cannot respond to it", req.ID, req.To.Title(), team.Name)
	}
	j := req.Element(c.Element)
	if j < 0 {
		var ids []string
		for _, el := range req.Elements {
			ids = append(ids, el.ID)
		}
		return 0, 0, e.refuse("request %q has no part %q; its parts are %s", req.ID, c.Element, strings.Join(ids, ", "))
	}
	el := &e.st.Requests[i].Elements[j]
	switch {
	case el.Delivered:
		return 0, 0, e.refuse("%s of %q was already delivered", c.Element, req.ID)
	case el.Declined:
		return 0, 0, e.refuse("%s of %q was declined", c.Element, req.ID)
	case el.Working:
		return 0, 0, e.refuse("%s of %q is being prepared, ready %s", c.Element, req.ID, Clock(e.sc, el.ReadyAt))
	}
	if req.Elements[j].Kind != injects.Acknowledge && !e.st.Requests[i].Elements[0].Delivered {
		return 0, 0, e.refuse("acknowledge request %q first", req.ID)
	}
	return i, j, nil
}

func (e *Engine) deliver(team *injects.Team, c Command, do bool) error {
	i, j, err := e.element(team, c)
	if err != nil {
		return err
	}
	req := &e.sc.Requests[i]
	spec := req.Elements[j]
	if spec.Kind == injects.Results {
		if k := indexOfKind(req, injects.Investigate); k >= 0 && !e.st.Requests[i].Elements[k].Delivered {
			return e.refuse("results of %q follow the investigation: deliver investigate first", req.ID)
		}
	}
	q := c.Quality
	if spec.Kind == injects.Acknowledge {
		q = injects.Adequate
	}
	if q > injects.Thorough {
		return e.refuse("no quality %v", q)
	}
	cost := e.sc.Costs.Of(spec.Kind, q)
	if !do {
		return nil
	}
	if cost == 0 {
		e.emit(Event{Type: Delivered, Team: team.ID, Request: req.ID, Element: spec.ID, Quality: q})
		e.judgePromises(false)
		return nil
	}
	e.emit(Event{Type: WorkStarted, Team: team.ID, Request: req.ID, Element: spec.ID, Quality: q, Due: e.st.Now + cost})
	return nil
}

func indexOfKind(req *injects.Request, k injects.ElementKind) int {
	for i, el := range req.Elements {
		if el.Kind == k {
			return i
		}
	}
	return -1
}

func (e *Engine) decline(team *injects.Team, c Command, do bool) error {
	i, j, err := e.element(team, c)
	if err != nil {
		return err
	}
	req := &e.sc.Requests[i]
	spec := req.Elements[j]
	switch {
	case spec.Kind == injects.Acknowledge:
		return e.refuse("an acknowledgement cannot be declined")
	case len(req.Grounds) == 0:
		return e.refuse("request %q names no grounds on which to decline", req.ID)
	}
	if !slices.Contains(req.Grounds, c.Ground) {
		return e.refuse("%q is not a ground request %q allows; it allows %s", c.Ground, req.ID, strings.Join(req.Grounds, ", "))
	}
	// Results follow the investigation, so declining one declines both.
	follow := -1
	if spec.Kind == injects.Investigate {
		if k := indexOfKind(req, injects.Results); k >= 0 && !e.st.Requests[i].Elements[k].Resolved() && !e.st.Requests[i].Elements[k].Working {
			follow = k
		}
	}
	if !do {
		return nil
	}
	e.emit(Event{Type: Declined, Team: team.ID, Request: req.ID, Element: spec.ID, Ground: c.Ground})
	if follow >= 0 {
		e.emit(Event{Type: Declined, Team: team.ID, Request: req.ID, Element: req.Elements[follow].ID,
			Ground: c.Ground, Cause: "investigate declined"})
	}
	e.judgePromises(false)
	return nil
}

func (e *Engine) askClarification(team *injects.Team, c Command, do bool) error {
	i, ok := e.sc.RequestIndex(c.Request)
	if !ok {
		return e.refuse("no request %q", c.Request)
	}
	req, r := &e.sc.Requests[i], &e.st.Requests[i]
	switch {
	case !r.Opened:
		return e.refuse("request %q has not been sent", req.ID)
	case req.To != team.Side:
		return e.refuse("only %s, which received request %q, can ask about it", req.To.Title(), req.ID)
	case r.Asked:
		return e.refuse("clarification of %q was already asked once", req.ID)
	case e.st.RequestStatus(i) == injects.StatusAnswered || e.st.RequestStatus(i) == injects.StatusDeclined:
		return e.refuse("request %q is settled", req.ID)
	}
	if do {
		e.emit(Event{Type: ClarificationAsked, Team: team.ID, Request: req.ID})
	}
	return nil
}

func (e *Engine) clarify(team *injects.Team, c Command, do bool) error {
	i, ok := e.sc.RequestIndex(c.Request)
	if !ok {
		return e.refuse("no request %q", c.Request)
	}
	req := &e.sc.Requests[i]
	switch {
	case req.From != team.Side:
		return e.refuse("only %s, which sent request %q, can clarify it", req.From.Title(), req.ID)
	case !e.st.Requests[i].Clarifying:
		return e.refuse("no question about %q is waiting for an answer", req.ID)
	}
	if do {
		e.emit(Event{Type: Clarified, Team: team.ID, Request: req.ID})
	}
	return nil
}

func (e *Engine) ring(team *injects.Team, c Command, do bool) error {
	if c.Request != "" {
		i, ok := e.sc.RequestIndex(c.Request)
		if !ok {
			return e.refuse("no request %q", c.Request)
		}
		if !e.st.Requests[i].Opened {
			return e.refuse("request %q has not been sent", c.Request)
		}
	}
	for k := range e.st.Calls {
		call := &e.st.Calls[k]
		if call.Open() && call.From == team.Side {
			return e.refuse("call %d is still ringing; wait for the answer or its deadline", call.N)
		}
	}
	if !do {
		return nil
	}
	e.emit(Event{Type: Rang, Team: team.ID, Side: team.Side, Call: len(e.st.Calls) + 1, Request: c.Request})
	e.callMove(&e.st.Calls[len(e.st.Calls)-1], e.sc.Hotline.Moves.Ring, "ring")
	return nil
}

func (e *Engine) answer(team *injects.Team, c Command, do bool) error {
	call := e.st.call(c.Call)
	switch {
	case call == nil:
		return e.refuse("no hotline call %d", c.Call)
	case call.From == team.Side:
		return e.refuse("call %d is %s's own; the other side answers it", c.Call, team.Side.Title())
	case call.Answered:
		return e.refuse("call %d was already answered", c.Call)
	case call.Missed:
		return e.refuse("call %d went unanswered; its time is up", c.Call)
	case c.Answer > injects.Deny:
		return e.refuse("no answer %v", c.Answer)
	}
	moves := e.sc.Hotline.Moves
	steps := [...]int{moves.Commit, moves.Explain, moves.Deny}[c.Answer]
	if !do {
		return nil
	}
	ev := Event{Type: Answered, Team: team.ID, Call: c.Call, Answer: c.Answer}
	if c.Answer == injects.Commit {
		ev.Due = e.st.Now + e.sc.Hotline.CommitWithin
	}
	e.emit(ev)
	e.callMove(call, steps, c.Answer.String())
	e.judgePromises(false)
	return nil
}

func (e *Engine) act(team *injects.Team, c Command, do bool) error {
	i, ok := e.sc.ActionIndex(c.Action)
	if !ok {
		return e.refuse("no action %q", c.Action)
	}
	a := &e.sc.Actions[i]
	switch {
	case a.Side != team.Side:
		return e.refuse("%q is for %s", a.Label, a.Side.Title())
	case a.Once && e.st.Actions[i].Taken > 0:
		return e.refuse("%q was already done", a.Label)
	}
	if a.If != nil {
		if err := e.allows(a.If, fmt.Sprintf("%q is not possible now", a.Label)); err != nil {
			return err
		}
	}
	if a.Sanctions != injects.NoSanctions {
		if _, err := e.sanctions(a); err != nil {
			return err
		}
	}
	if !do {
		return nil
	}
	e.emit(Event{Type: ActionTaken, Team: team.ID, Action: a.ID})
	e.takeSanctions(a)
	e.apply(a.Effects, origin{cause: a.ID, by: injects.Audience{Side: a.Side, Team: team.ID}, team: team.ID, about: e.matterOfAction(a)})
	return nil
}

// AddressedTeam returns the team that answers an inject: the team it names,
// or else the first team of its side.
func AddressedTeam(sc *injects.Scenario, in *injects.Inject) string {
	if in.To.Team != "" {
		return in.To.Team
	}
	if teams := sc.TeamsOf(in.To.Side); len(teams) > 0 {
		return teams[0]
	}
	return ""
}
