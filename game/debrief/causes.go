package debrief

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
)

// An area for improvement's analysis is its root cause, as far as the log
// shows one: a counterpart bot that plays so by design, a team nobody
// played, a decision left to its deadline before the part it held up fell
// due, work begun after its due time or of a quality that takes longer
// than the time left, a ground that does not cover what it was used for.
// What people weighed is not in the log: where the log shows no cause,
// the analysis is left for the hotwash.

// overdueCommitments are the commitments a request's late parts fail: a
// late acknowledgement fails the timely responses, any other late part
// the cooperation the request asked for.
func overdueCommitments(rs *game.RequestScore) []string {
	var out []string
	for k := range rs.Elements {
		el := &rs.Elements[k]
		if !el.Scored || el.State != game.ElOverdue && el.Late == 0 {
			continue
		}
		c := cooperation
		if el.Kind == injects.Acknowledge {
			c = timelyResponses
		}
		out = union(out, []string{c})
	}
	if len(out) == 2 && out[0] == cooperation {
		out[0], out[1] = out[1], out[0]
	}
	return out
}

// firstLate is the part of a request that failed first: its
// acknowledgement if that failed, or else the earliest due.
func firstLate(rs *game.RequestScore) *game.ElementScore {
	var first *game.ElementScore
	for k := range rs.Elements {
		el := &rs.Elements[k]
		if !el.Scored || el.State != game.ElOverdue && el.Late == 0 {
			continue
		}
		if el.Kind == injects.Acknowledge {
			return el
		}
		if first == nil || el.Due < first.Due {
			first = el
		}
	}
	return first
}

// firstFailure is when the first part of a request that was never
// delivered fell due.
func firstFailure(rs *game.RequestScore) time.Duration {
	at := time.Duration(-1)
	for _, el := range rs.Elements {
		if el.Scored && el.State == game.ElOverdue && (at < 0 || time.Duration(el.Due) < at) {
			at = time.Duration(el.Due)
		}
	}
	return max(at, 0)
}

// commandFor finds the first event of the command that worked on a part
// of a request: work started, or a decline.
func (b *builder) commandFor(request, element string) *game.Event {
	for k := range b.events {
		ev := &b.events[k]
		if (ev.Type == game.WorkStarted || ev.Type == game.Declined) && ev.Request == request && ev.Element == element && ev.By != "" {
			return ev
		}
	}
	return nil
}

// botCause is the cause of what a bot did: its profile's design, said of
// the whole side when bots played all of it, of the bot's team when people
// played the rest.
func (b *builder) botCause(ev *game.Event, side injects.Side) string {
	profile, ok := strings.CutPrefix(ev.By, "bot:")
	if !ok {
		return ""
	}
	if cause := b.seats.cause(side, ev.At); cause != "" {
		return cause // bots played the whole side
	}
	return b.seats.playedBy(teamName(b.sc, ev.Team), []string{profile})
}

// overdueCause is the root cause of a request's late parts, as far as the
// log shows it, from the part that failed first.
func (b *builder) overdueCause(rs *game.RequestScore) string {
	el := firstLate(rs)
	if el == nil {
		return ""
	}
	part, due := partNoun(el), time.Duration(el.Due)
	ev := b.commandFor(rs.Request, el.Element)
	if ev != nil {
		if cause := b.botCause(ev, rs.To); cause != "" {
			return cause
		}
	} else if cause := b.seats.cause(rs.To, due); cause != "" {
		return cause
	}
	if cause := b.lapsedBefore(rs, part, due); cause != "" {
		return cause
	}
	if ev == nil || ev.Type != game.WorkStarted {
		return ""
	}
	if ev.At >= due {
		return fmt.Sprintf("Work on the %s began only at %s, after it fell due at %s.", part, clock(b.sc, ev.At), clock(b.sc, due))
	}
	return fmt.Sprintf("Work on the %s began at %s, %s before it fell due, but %s work on it takes %s.", part, clock(b.sc, ev.At),
		short(due-ev.At), ev.Quality, short(ev.Due-ev.At))
}

// lapsedBefore finds a decision of the side that answers a request, on an
// inject that waits on the request, left to its deadline before a part of
// it fell due.
func (b *builder) lapsedBefore(rs *game.RequestScore, part string, due time.Duration) string {
	sc := b.sc
	for _, ev := range b.events {
		if ev.Type != game.InjectExpired || ev.At > due {
			continue
		}
		in := &sc.Injects[mustInject(sc, ev.Inject)]
		if !in.To.All && in.To.Side != rs.To || in.Trigger.If == nil {
			continue
		}
		if reqs, _ := in.Trigger.If.Requests(); !slices.Contains(reqs, rs.Request) {
			continue
		}
		return fmt.Sprintf("The %s was late because %s left the decision on %q to its deadline (%s), before the %s fell due at %s.",
			part, the(rs.To), in.Title, clock(sc, ev.At), part, clock(sc, due))
	}
	return ""
}

// declineCause is the root cause of a decline on a ground that does not
// cover the part: what the ground does cover.
func (b *builder) declineCause(rs *game.RequestScore, match func(*game.ElementScore) bool) string {
	for k := range rs.Elements {
		el := &rs.Elements[k]
		if !match(el) {
			continue
		}
		if ev := b.commandFor(rs.Request, el.Element); ev != nil {
			if cause := b.botCause(ev, rs.To); cause != "" {
				return cause
			}
		}
		g, ok := b.sc.Ground(el.Ground)
		if !ok {
			return ""
		}
		return fmt.Sprintf("The ground %q %s; the %s of a request about %s is not among what it covers.", g.Title, coverWords(g), partNoun(el), rs.Category.Title())
	}
	return ""
}

// deliveredCause is the root cause of parts delivered as they should not
// have been, when a bot delivered them.
func (b *builder) deliveredCause(rs *game.RequestScore, match func(*game.ElementScore) bool) string {
	for k := range rs.Elements {
		if el := &rs.Elements[k]; match(el) {
			if ev := b.commandFor(rs.Request, el.Element); ev != nil {
				return b.botCause(ev, rs.To)
			}
		}
	}
	return ""
}

// sentCause is the root cause of a request sent as it should not have
// been: a bot's design, or else what the log says of it.
func (b *builder) sentCause(rs *game.RequestScore, otherwise string) string {
	for k := range b.events {
		ev := &b.events[k]
		if ev.Type == game.RequestOpened && ev.Request == rs.Request {
			if cause := b.botCause(ev, rs.From); cause != "" {
				return cause
			}
			break
		}
	}
	return otherwise
}

// answerCause is the root cause of how a call was answered, when a bot
// answered it.
func (b *builder) answerCause(c *game.Call) string {
	for k := range b.events {
		if ev := &b.events[k]; ev.Type == game.Answered && ev.Call == c.N {
			return b.botCause(ev, c.From.Other())
		}
	}
	return ""
}

// lapsedCause is the root cause of decisions a side left to their
// deadlines, when the seats explain it: a bot's design, or nobody there.
func (b *builder) lapsedCause(side injects.Side, deadlines []time.Duration) string {
	for _, at := range deadlines {
		if cause := b.seats.cause(side, at); cause != "" {
			return cause
		}
	}
	return ""
}
