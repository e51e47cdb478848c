package game

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"hotline/injects"
)

// The commands of the story clock, the control cell and the evaluators.
// Like the players' commands, each checks everything first and acts only
// when do is set.

// Limits on the free text people write, so that one message cannot flood
// every screen or the log.
const (
	MaxNameLen  = 40
	MaxTitleLen = 120
	MaxTextLen  = 4000
)

func (e *Engine) pauseClock(_ *injects.Team, _ Command, do bool) error {
	if !e.st.Running {
		return e.refuse("the clock is already paused")
	}
	if do {
		e.emit(Event{Type: ClockPaused})
	}
	return nil
}

func (e *Engine) runClock(_ *injects.Team, _ Command, do bool) error {
	if e.st.Running {
		return e.refuse("the clock is already running")
	}
	if do {
		e.emit(Event{Type: ClockResumed})
	}
	return nil
}

// Story time per second of real time: from a crawl to a day in two seconds.
const (
	MinSpeed = time.Minute
	MaxSpeed = 12 * time.Hour
)

func (e *Engine) setSpeed(_ *injects.Team, c Command, do bool) error {
	if c.Speed < MinSpeed || c.Speed > MaxSpeed {
		return e.refuse("the speed must be between %s and %s of story time a second", injects.FormatDuration(MinSpeed), injects.FormatDuration(MaxSpeed))
	}
	if do && c.Speed != e.st.Speed {
		e.emit(Event{Type: SpeedSet, Speed: c.Speed})
	}
	return nil
}

// jumpClock records a jump of the clock, which may go as far as c.At and
// stops short of what the people still owe, if c names it (the session
// works both out); the session then moves the clock on, with the bots
// acting on the way.
func (e *Engine) jumpClock(_ *injects.Team, c Command, do bool) error {
	ev := Event{Type: ClockJumped, Due: c.At, Team: c.Team, Inject: c.Inject, Call: c.Call, Request: c.Request, Element: c.Element}
	pending, stops := e.st.Pending(&ev)
	switch {
	case c.At <= e.st.Now && stops:
		return e.refuse("%s is due at %s: answer it, or run the clock, before jumping",
			pending.Words(e.sc), Clock(e.sc, pending.Due))
	case c.At <= e.st.Now || c.At >= e.sc.End:
		return e.refuse("nothing more happens before the end; end the exercise to close it")
	}
	if do {
		e.emit(ev)
	}
	return nil
}

// script finds an inject for a control command.
func (e *Engine) script(c Command) (int, *InjectState, error) {
	i, ok := e.sc.InjectIndex(c.Inject)
	if !ok {
		return 0, nil, e.refuse("no inject %q", c.Inject)
	}
	is := &e.st.Injects[i]
	switch is.Status {
	case Fired:
		return 0, nil, e.refuse("%q has already fired", e.sc.Injects[i].Title)
	case Cancelled:
		return 0, nil, e.refuse("%q was cancelled by the story", e.sc.Injects[i].Title)
	case Skipped:
		return 0, nil, e.refuse("%q was skipped", e.sc.Injects[i].Title)
	}
	return i, is, nil
}

func (e *Engine) fireInject(_ *injects.Team, c Command, do bool) error {
	i, _, err := e.script(c)
	if err != nil {
		return err
	}
	if nb := e.sc.Injects[i].Trigger.NotBefore; nb > e.st.Now {
		return e.refuse("%q belongs to a part of the story that starts at %s", e.sc.Injects[i].Title, Clock(e.sc, nb))
	}
	if do {
		e.fireNow(i)
	}
	return nil
}

func (e *Engine) holdInject(_ *injects.Team, c Command, do bool) error {
	i, is, err := e.script(c)
	if err != nil {
		return err
	}
	if is.Held {
		return e.refuse("%q is already held", e.sc.Injects[i].Title)
	}
	if do {
		e.emit(Event{Type: InjectHeld, Inject: c.Inject})
	}
	return nil
}

func (e *Engine) releaseInject(_ *injects.Team, c Command, do bool) error {
	i, is, err := e.script(c)
	if err != nil {
		return err
	}
	if !is.Held {
		return e.refuse("%q is not held", e.sc.Injects[i].Title)
	}
	if do {
		e.emit(Event{Type: InjectReleased, Inject: c.Inject})
		if is.Status == Scheduled && is.Due <= e.st.Now {
			e.fire(i) // it fell due while held
		}
	}
	return nil
}

func (e *Engine) skipInject(_ *injects.Team, c Command, do bool) error {
	if _, _, err := e.script(c); err != nil {
		return err
	}
	if do {
		e.emit(Event{Type: InjectSkipped, Inject: c.Inject})
	}
	return nil
}

func (e *Engine) sendMessage(_ *injects.Team, c Command, do bool) error {
	title, text := injects.CleanLine(c.Title), injects.CleanText(c.Text)
	switch {
	case strings.TrimSpace(title) == "":
		return e.refuse("a message needs a title")
	case utf8.RuneCountInString(title) > MaxTitleLen:
		return e.refuse("a message's title may be at most %d characters", MaxTitleLen)
	case utf8.RuneCountInString(text) > MaxTextLen:
		return e.refuse("a message may be at most %d characters", MaxTextLen)
	}
	to := c.To
	if to.Team != "" {
		t, ok := e.sc.Team(to.Team)
		if !ok {
			return e.refuse("no team %q in this scenario", to.Team)
		}
		to.Side = t.Side
	}
	if do {
		e.emit(Event{Type: MessageSent, Title: title, Text: text, To: to})
	}
	return nil
}

func (e *Engine) seatBot(team *injects.Team, c Command, do bool) error {
	if _, ok := e.sc.Profile(c.Profile); !ok {
		var ids []string
		for _, p := range e.sc.Profiles {
			ids = append(ids, p.ID)
		}
		return e.refuse("no counterpart profile %q; this scenario has %s", c.Profile, strings.Join(ids, ", "))
	}
	if e.st.Bots[e.sc.TeamIndex(team.ID)] == c.Profile {
		return e.refuse("the %s bot already plays %s", c.Profile, team.Name)
	}
	if do {
		e.emit(Event{Type: BotSeated, Team: team.ID, Profile: c.Profile})
	}
	return nil
}

func (e *Engine) removeBot(team *injects.Team, _ Command, do bool) error {
	if e.st.Bots[e.sc.TeamIndex(team.ID)] == "" {
		return e.refuse("no bot plays %s", team.Name)
	}
	if do {
		e.emit(Event{Type: BotRemoved, Team: team.ID})
	}
	return nil
}

func (e *Engine) seatPerson(_ *injects.Team, c Command, do bool) error {
	p := c.Person
	name := injects.CleanName(p.Name)
	switch {
	case !e.st.Class:
		return e.refuse("seats are for a class; this exercise is played alone")
	case name == "" || name != p.Name:
		// A name is compared and shown as it looks: two that look alike
		// must be one string, or one could pass for the other.
		return e.refuse("a name must be plain text, without invisible characters or extra spaces")
	case utf8.RuneCountInString(name) > MaxNameLen:
		return e.refuse("a name may be at most %d characters", MaxNameLen)
	case strings.HasPrefix(name, botPrefix) || name == SoloPlayer:
		return e.refuse("%q is kept for the program; choose another name", name)
	case name == e.st.Facilitator:
		// The name is the class's facilitator's, whose powers go with it
		// (Actor): nobody else may sit under it, in any seat.
		return e.refuse("%s runs the class: choose another name", name)
	case slices.Contains(e.st.Removed, name):
		return e.refuse("%s was taken out of the exercise by the facilitator", name)
	case p.Role == Solo || p.Role >= numRoles:
		return e.refuse("no seat for the role %v in a class", p.Role)
	case p.Role == Player && p.Team == "":
		return e.refuse("a player sits in a team")
	case p.Role != Player && p.Team != "":
		return e.refuse("only players sit in a team")
	}
	if p.Team != "" {
		if _, ok := e.sc.Team(p.Team); !ok {
			return e.refuse("no team %q in this scenario", p.Team)
		}
	}
	if cur, ok := e.st.Seated(name); ok && cur == p {
		return e.refuse("%s already sits there", name)
	}
	if do {
		e.emit(Event{Type: PersonSeated, Person: name, Role: p.Role, Team: p.Team})
	}
	return nil
}

func (e *Engine) unseatPerson(_ *injects.Team, c Command, do bool) error {
	if c.Person.Name == e.st.Facilitator {
		return e.refuse("the facilitator who started the class keeps their seat")
	}
	if _, ok := e.st.Seated(c.Person.Name); !ok {
		return e.refuse("nobody called %q is seated", c.Person.Name)
	}
	if do {
		e.emit(Event{Type: PersonUnseated, Person: c.Person.Name})
	}
	return nil
}

// readmitPerson lets a person taken out of the exercise join again; they
// take a seat as anyone does.
func (e *Engine) readmitPerson(_ *injects.Team, c Command, do bool) error {
	if !slices.Contains(e.st.Removed, c.Person.Name) {
		return e.refuse("%q was not taken out of the exercise", c.Person.Name)
	}
	if do {
		e.emit(Event{Type: PersonReadmitted, Person: c.Person.Name})
	}
	return nil
}

func (e *Engine) endExercise(_ *injects.Team, c Command, do bool) error {
	if c.Choice != "" { // the ending the control cell picks, if any
		if _, ok := e.sc.EndingIndex(c.Choice); !ok {
			return e.refuse("no ending %q in this scenario", c.Choice)
		}
	}
	if do {
		e.end(c.Choice)
	}
	return nil
}

func (e *Engine) note(_ *injects.Team, c Command, do bool) error {
	text := injects.CleanText(c.Text)
	switch {
	case strings.TrimSpace(text) == "":
		return e.refuse("an observation needs some text")
	case utf8.RuneCountInString(text) > MaxTextLen:
		return e.refuse("an observation may be at most %d characters", MaxTextLen)
	case c.Rating >= numRatings:
		return e.refuse("no rating %v", c.Rating)
	}
	if _, ok := e.sc.Objective(c.Objective); !ok {
		var ids []string
		for _, o := range e.sc.Objectives {
			ids = append(ids, o.ID)
		}
		return e.refuse("no objective %q; this scenario's objectives are %s", c.Objective, strings.Join(ids, ", "))
	}
	if c.Team != "" {
		if _, ok := e.sc.Team(c.Team); !ok {
			return e.refuse("no team %q in this scenario", c.Team)
		}
	}
	if do {
		e.emit(Event{Type: ObservationNoted, Objective: c.Objective, Team: c.Team, Rating: c.Rating, Text: text})
	}
	return nil
}

// Actor returns the actor a person's name stands for, as the exercise has
// seated them: the solo player, a seated person, or the class's
// facilitator. Bots are the session's, not the engine's.
func (e *Engine) Actor(name string) (Actor, bool) {
	st := e.st
	if name == SoloPlayer {
		a := Actor{Name: name, Role: Solo}
		for side, p := range st.Players {
			if p == SoloPlayer {
				a.Teams = append(a.Teams, e.sc.TeamsOf(injects.Side(side))...)
			}
		}
		return a, len(a.Teams) > 0
	}
	if st.Class && name != "" && name == st.Facilitator {
		return Actor{Name: name, Role: Facilitator}, true
	}
	p, ok := st.Seated(name)
	if !ok {
		return Actor{}, false
	}
	a := Actor{Name: name, Role: p.Role}
	if p.Team != "" {
		a.Teams = []string{p.Team}
	}
	return a, true
}

// forbid makes the error for an actor whose role does not allow a command.
func forbid(a Actor, what string) error {
	name := a.Name
	if name == "" {
		name = "this seat"
	}
	return fmt.Errorf("%w: %s cannot %s", ErrForbidden, name, what)
}
