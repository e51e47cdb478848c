package ui

import (
	"fmt"
	"slices"
	"strings"

	"hotline/game"
)

// review is the joint dialogue's review: of its latest meeting while
// nothing has changed since, else of play as it stands, and when the
// dialogue meets next. Seen from above, how far each objective has been
// exercised comes first. When the dialogue meets, the review comes to the
// front.
type review struct {
	page
	objectives bool
	text       string // the review, as prepare wrote it for its stamp
	written    stamp
}

func newReview(c *common, objectives bool) *review {
	return &review{page: page{c: c}, objectives: objectives}
}

func (r *review) title() string { return "Review" }

// notice brings the review to the front when the dialogue meets.
func (r *review) notice(ev *game.Event) act {
	if ev.Type != game.ReviewHeld || ev.Review.Meeting <= 0 {
		return act{}
	}
	r.scroll.offset = 0
	return act{focus: true}
}

func (r *review) view() string { return scrolled(r.text, &r.scroll, r.h) }

// prepare writes the review, in Update, so that view only cuts it to size:
// a review of many requests takes milliseconds to write.
func (r *review) prepare() {
	if !r.written.renew(r.c.g, r.w) {
		return
	}
	st, sc := r.c.g.State(), r.c.g.Scenario()
	var b strings.Builder
	card := game.Review(st, -1)
	if m := latestMeeting(r.c.g); m != nil {
		card = m // the meeting just held, under its own time
	}
	if r.objectives {
		b.WriteString(objectivesView(r.c, r.w) + "\n")
	}
	game.WriteReview(&b, sc, card)
	r.text = fold(b.String()+r.nextMeeting(), r.w)
}

// latestMeeting is the review of the dialogue's latest meeting while
// nothing has changed the requests since it was held: the clock may have
// run a few story minutes past it before it stopped.
func latestMeeting(g *Game) *game.Scorecard {
	st := g.State()
	n := len(st.Reviews)
	if n == 0 || st.Reviews[n-1].Meeting <= 0 {
		return nil
	}
	events := g.since(0)
	for i := min(len(events), st.Seq) - 1; i >= 0; i-- {
		switch ev := &events[i]; ev.Type {
		case game.ReviewHeld:
			if ev.Review.Meeting > 0 {
				return st.Reviews[n-1]
			}
		case game.RequestOpened, game.Delivered, game.Declined, game.Overdue, game.Rang, game.Answered,
			game.Missed, game.Kept, game.Broken:
			return nil
		}
	}
	return nil
}

func (r *review) nextMeeting() string {
	st, sc := r.c.g.State(), r.c.g.Scenario()
	held := 0
	for _, m := range st.Reviews {
		if m.Meeting > 0 {
			held++
		}
	}
	if held < len(sc.Review.Meetings) {
		at := sc.Review.Meetings[held]
		return fmt.Sprintf("\nThe dialogue next meets %s (in %s); a closing review follows the end, %s.\n",
			calendar(sc, at), span(at-st.Now), calendar(sc, sc.End))
	}
	return fmt.Sprintf("\nThe closing review follows the end, %s.\n", calendar(sc, sc.End))
}

// objectivesView says how far each objective has been exercised: the
// injects fired and the requests opened that serve it, and the
// observations written on it.
func objectivesView(c *common, w int) string {
	s, st, sc := c.styles, c.g.State(), c.g.Scenario()
	if len(sc.Objectives) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(s.Title.Render("Objectives") + "\n")
	for _, o := range sc.Objectives {
		fired, total := 0, 0
		for i := range sc.Injects {
			if slices.Contains(sc.Injects[i].Objectives, o.ID) {
				total++
				if st.Injects[i].Status == game.Fired {
					fired++
				}
			}
		}
		notes := 0
		for _, n := range st.Notes {
			if n.Objective == o.ID {
				notes++
			}
		}
		line := fmt.Sprintf("  %-22s %d of %d injects fired", o.ID, fired, total)
		if notes > 0 {
			line += fmt.Sprintf(" · %d observation(s)", notes)
		}
		b.WriteString(cut(line, w) + "\n")
	}
	return b.String()
}
