package game

import (
	"fmt"
	"strings"
	"time"

	"hotline/injects"
)

// Describe says in a sentence what an event means, for transcripts and the
// exercise's event log. st is the state just after the event.
func Describe(st *State, ev *Event) string {
	sc := st.Scenario
	switch ev.Type {
	case Started:
		return fmt.Sprintf("%s begins (seed %d; %s: %s; %s: %s)", sc.Title, ev.Start.Seed,
			injects.US.Title(), playerWords(ev.Start.Players[0]), injects.CN.Title(), playerWords(ev.Start.Players[1]))
	case InjectFired:
		in := injectOf(sc, ev.Inject)
		from := in.From
		if p, ok := sc.Persona(in.From); ok {
			from = p.Name
		}
		return fmt.Sprintf("%s to %s from %s: %q", in.Channel.Title(), audienceWords(sc, in.To), from, in.Title)
	case InjectTriggered:
		return fmt.Sprintf("%q is due at %s", injectOf(sc, ev.Inject).Title, StoryTime(sc, ev.Due))
	case InjectChosen:
		in := injectOf(sc, ev.Inject)
		ch, _ := in.Choice(ev.Choice)
		return fmt.Sprintf("%s chose %q on %q", teamWords(sc, ev.Team), ch.Label, in.Title)
	case InjectExpired:
		in := injectOf(sc, ev.Inject)
		if ch, ok := in.Choice(ev.Choice); ok {
			return fmt.Sprintf("no decision on %q in time, so %q applies", in.Title, ch.Label)
		}
		return fmt.Sprintf("no decision on %q in time", in.Title)
	case InjectCancelled:
		return fmt.Sprintf("%q is cancelled", injectOf(sc, ev.Inject).Title)
	case VariableSet:
		return fmt.Sprintf("%s is now %s%s", ev.Var, ev.Value, causeWords(ev.Cause))
	case RequestOpened:
		req := requestOf(sc, ev.Request)
		return fmt.Sprintf("%s sends a %s to %s: %q (%s)", req.From.Title(), req.Kind.Title(), req.To.Title(), req.Subject, req.ID)
	case ClarificationAsked:
		req := requestOf(sc, ev.Request)
		return fmt.Sprintf("%s asks %s to clarify %s; its clock stops", teamWords(sc, ev.Team), req.From.Title(), req.ID)
	case Clarified:
		return fmt.Sprintf("%s clarifies %s; its clock runs again", teamWords(sc, ev.Team), ev.Request)
	case WorkStarted:
		spec := specOf(sc, ev.Request, ev.Element)
		return fmt.Sprintf("%s starts work on the %s for %s (%s), ready at %s", teamWords(sc, ev.Team),
			spec.Kind.Noun(), ev.Request, ev.Quality, StoryTime(sc, ev.Due))
	case Delivered:
		spec := specOf(sc, ev.Request, ev.Element)
		el := st.element(ev.Request, ev.Element)
		q := ""
		if spec.Kind != injects.Acknowledge {
			q = " (" + ev.Quality.String() + ")"
		}
		return fmt.Sprintf("%s delivers the %s%s for %s, %s", teamWords(sc, ev.Team), spec.Kind.Noun(), q, ev.Request,
			lateness(ev.At, el.Due))
	case Declined:
		spec := specOf(sc, ev.Request, ev.Element)
		ground := ev.Ground
		sound := ""
		if g, ok := sc.Ground(ev.Ground); ok {
			ground = g.Title
			if !g.Sound(requestOf(sc, ev.Request), spec.Kind) {
				sound = ", a ground that does not cover it"
			}
		}
		return fmt.Sprintf("%s declines the %s for %s: %s%s", teamWords(sc, ev.Team), spec.Kind.Noun(), ev.Request, ground, sound)
	case Overdue:
		spec := specOf(sc, ev.Request, ev.Element)
		verb := "is"
		if spec.Kind == injects.Results {
			verb = "are"
		}
		return fmt.Sprintf("the %s for %s %s overdue", spec.Kind.Noun(), ev.Request, verb)
	case Rang:
		about := ""
		if ev.Request != "" {
			about = " about " + ev.Request
		}
		return fmt.Sprintf("HOTLINE call %d: %s rings %s%s; answer due by %s", ev.Call, ev.Side.Title(), ev.Side.Other().Title(),
			about, StoryTime(sc, ev.At+sc.Hotline.AnswerWithin))
	case Answered:
		c := st.call(ev.Call)
		switch ev.Answer {
		case injects.Commit:
			return fmt.Sprintf("%s answers call %d and commits to deliver what is outstanding by %s", c.From.Other().Title(), ev.Call, StoryTime(sc, ev.Due))
		case injects.Explain:
			return fmt.Sprintf("%s answers call %d with an explanation", c.From.Other().Title(), ev.Call)
		}
		return fmt.Sprintf("%s answers call %d with a denial", c.From.Other().Title(), ev.Call)
	case Missed:
		c := st.call(ev.Call)
		return fmt.Sprintf("call %d to %s went unanswered", ev.Call, c.From.Other().Title())
	case Kept:
		return fmt.Sprintf("%s kept the commitment made on call %d", st.call(ev.Call).From.Other().Title(), ev.Call)
	case Broken:
		return fmt.Sprintf("%s broke the commitment made on call %d", st.call(ev.Call).From.Other().Title(), ev.Call)
	case LadderMoved:
		over := " over its grievances at large"
		if ev.Request != "" {
			over = " over " + ev.Request
		}
		s := fmt.Sprintf("escalation ladder: %s now at %s%s%s", ev.Side.Title(), sc.Hotline.Rungs[ev.Rung].Title, over, ladderCause(st, ev))
		if st.Rung != ev.Rung {
			s += fmt.Sprintf("; the ladder stands at %s", sc.Hotline.Rungs[st.Rung].Title)
		}
		return s
	case ActionTaken:
		if i, ok := sc.ActionIndex(ev.Action); ok {
			return fmt.Sprintf("%s: %s", teamWords(sc, ev.Team), sc.Actions[i].Label)
		}
	case ReviewHeld:
		us, cn := &ev.Review.Sides[injects.US], &ev.Review.Sides[injects.CN]
		return fmt.Sprintf("%s: %s %s, %s %s", ReviewTitle(sc, ev.Review.Meeting),
			injects.US.Title(), us.ScoreWords(), injects.CN.Title(), cn.ScoreWords())
	case ClockStopped:
		return "the story clock stops"
	case ClockPaused:
		return byWords(st, ev) + " pauses the story clock"
	case ClockResumed:
		return byWords(st, ev) + " starts the story clock"
	case SpeedSet:
		return fmt.Sprintf("%s sets the clock to %s of story a second", byWords(st, ev), injects.FormatDuration(ev.Speed))
	case ClockJumped:
		return describeJump(st, ev, Viewer{All: true})
	case InjectHeld:
		return fmt.Sprintf("%s holds %q", byWords(st, ev), injectOf(sc, ev.Inject).Title)
	case InjectReleased:
		return fmt.Sprintf("%s releases %q", byWords(st, ev), injectOf(sc, ev.Inject).Title)
	case InjectSkipped:
		return fmt.Sprintf("%s skips %q", byWords(st, ev), injectOf(sc, ev.Inject).Title)
	case MessageSent:
		return fmt.Sprintf("Message to %s from %s: %q", audienceWords(sc, ev.To), byWords(st, ev), ev.Title)
	case BotSeated:
		return fmt.Sprintf("the %s bot plays %s", ev.Profile, teamWords(sc, ev.Team))
	case BotRemoved:
		return fmt.Sprintf("the bot leaves %s", teamWords(sc, ev.Team))
	case PersonSeated:
		if ev.Team != "" {
			return fmt.Sprintf("%s joins %s", ev.Person, teamWords(sc, ev.Team))
		}
		return fmt.Sprintf("%s joins as %s", ev.Person, ev.Role)
	case PersonUnseated:
		return fmt.Sprintf("%s is taken out of the exercise", ev.Person)
	case PersonReadmitted:
		return fmt.Sprintf("%s may join the exercise again", ev.Person)
	case ObservationNoted:
		about := ev.Objective
		if ev.Team != "" {
			about += ", " + teamWords(sc, ev.Team)
		}
		rating := ""
		if ev.Rating != Unrated {
			rating = " (" + ev.Rating.Words() + ")"
		}
		return fmt.Sprintf("%s observes on %s%s: %s", ev.By, about, rating, ev.Text)
	case FeedbackGiven, HotwashAnswered, CorrectiveActionAgreed:
		return describeAfterPlay(st, ev)
	case ConditionFailed:
		of := ownerOf(ev)
		where := ""
		if c := of.Condition(sc); c != nil {
			where = " at " + c.Pos.String()
		}
		return fmt.Sprintf("WARNING: the condition of %s %q%s failed and counts as false: %s", of.Kind, of.ID, where, ev.Text)
	case Ended:
		if i, ok := sc.EndingIndex(ev.Ending); ok {
			return "the exercise ends: " + sc.Endings[i].Title
		}
		return "the exercise ends: the story clock ran out"
	}
	return ev.Type.String()
}

// DescribeTo is Describe as the viewer may read it: a jump of the clock
// names what it stopped short of only if that reached the viewer (another
// side's or team's decision is named by whose it is). The viewer must see
// the event (Visible).
func DescribeTo(st *State, ev *Event, v Viewer) string {
	if ev.Type == ClockJumped {
		return describeJump(st, ev, v)
	}
	return Describe(st, ev)
}

func describeJump(st *State, ev *Event, v Viewer) string {
	sc := st.Scenario
	if o, ok := st.Pending(ev); ok {
		return fmt.Sprintf("%s moves the clock on to the next thing anyone sees, no further than %s: %s is due %s later",
			byWords(st, ev), StoryTime(sc, ev.Due), o.WordsTo(sc, v), injects.FormatDuration(o.Due-ev.Due))
	}
	return fmt.Sprintf("%s moves the clock on to the next thing anyone sees, no further than %s", byWords(st, ev), StoryTime(sc, ev.Due))
}

// Clock writes a story offset as the screens show a time: weekday, date and
// time on the scenario's calendar, "Thu 01 Oct 09:00" (in its own zone;
// injects.Scenario.Clocks gives the capitals'). Messages to people use it
// too, so that there is one way of saying when.
func Clock(sc *injects.Scenario, at time.Duration) string {
	return sc.Time(at).Format("Mon 02 Jan 15:04")
}

// StoryTime writes a story offset as a time on the scenario's calendar.
func StoryTime(sc *injects.Scenario, at time.Duration) string {
	return sc.Time(at).Format("Mon 2006-01-02 15:04")
}

func lateness(at, due time.Duration) string {
	if at <= due {
		return "on time"
	}
	return injects.FormatDuration(at-due) + " late"
}

func playerWords(p string) string {
	if profile, ok := strings.CutPrefix(p, "bot:"); ok {
		return profile + " bot"
	}
	return p
}

func causeWords(cause string) string {
	if cause == "" {
		return ""
	}
	return " (" + cause + ")"
}

// byWords names who made a command: the person, or the white cell for the
// control cell.
func byWords(st *State, ev *Event) string {
	switch {
	case ev.By == "":
		return "the program"
	case ev.By == SoloPlayer:
		return "the player"
	case strings.HasPrefix(ev.By, botPrefix):
		return "the " + strings.TrimPrefix(ev.By, botPrefix) + " bot"
	}
	if p, ok := st.Seated(ev.By); ok && p.Role != Facilitator || !ok && ev.By != st.Facilitator {
		return ev.By
	}
	return ev.By + " (White Cell)"
}

// ladderCause says why the ladder moved: what became of a hotline call, or
// the action or effect that moved it.
func ladderCause(st *State, ev *Event) string {
	sc := st.Scenario
	if c := st.call(ev.Call); c != nil {
		other := c.From.Other().Title()
		switch ev.Cause {
		case "missed":
			return fmt.Sprintf(" — call %d went unanswered by %s", c.N, other)
		case "deny":
			return fmt.Sprintf(" — %s denied the complaint on call %d", other, c.N)
		case "kept":
			return fmt.Sprintf(" — %s kept the commitment made on call %d", other, c.N)
		case "broken":
			return fmt.Sprintf(" — %s broke the commitment made on call %d", other, c.N)
		case "ring":
			return fmt.Sprintf(" — call %d", c.N)
		}
		return fmt.Sprintf(" — %s answered call %d: %s", other, c.N, ev.Cause)
	}
	if i, ok := sc.ActionIndex(ev.Cause); ok {
		return " — " + lowerFirst(sc.Actions[i].Label)
	}
	return causeWords(ev.Cause)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// TeamName names a team with its side, as transcripts do: "China
// (Ministry of Public Security)"; the White Cell when no team acted.
func TeamName(sc *injects.Scenario, team string) string { return teamWords(sc, team) }

// AudienceName says whom an inject or message is addressed to, as
// transcripts do.
func AudienceName(sc *injects.Scenario, a injects.Audience) string { return audienceWords(sc, a) }

func teamWords(sc *injects.Scenario, team string) string {
	if t, ok := sc.Team(team); ok {
		return t.Side.Title() + " (" + t.Name + ")"
	}
	return "White Cell"
}

func audienceWords(sc *injects.Scenario, a injects.Audience) string {
	switch {
	case a.All:
		return "both delegations"
	case a.Team != "":
		return teamWords(sc, a.Team)
	}
	return a.Side.Title()
}

func injectOf(sc *injects.Scenario, id string) *injects.Inject {
	i, _ := sc.InjectIndex(id)
	return &sc.Injects[i]
}

func requestOf(sc *injects.Scenario, id string) *injects.Request {
	i, _ := sc.RequestIndex(id)
	return &sc.Requests[i]
}

func specOf(sc *injects.Scenario, req, el string) injects.ElementSpec {
	r := requestOf(sc, req)
	return r.Elements[r.Element(el)]
}
