package game

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"hotline/injects"
)

// WriteReview writes a scorecard as plain text: every request with each
// part's due time, delivery, lateness and quality, then a summary per side
// with the reasons behind each score.
func WriteReview(w io.Writer, sc *injects.Scenario, card *Scorecard) error {
	_, err := io.WriteString(w, strings.Join(ReviewParts(sc, card), ""))
	return err
}

// ReviewParts is the review WriteReview prints, in the parts a room goes
// through one at a time: its title, each request's review, and how each
// side answered. Joined, they are the whole review.
func ReviewParts(sc *injects.Scenario, card *Scorecard) []string {
	views := make([]RequestView, len(card.Requests))
	for i := range card.Requests {
		views[i] = ViewRequest(sc, &card.Requests[i])
	}
	caption, sides := ViewSides(card)
	title := fmt.Sprintf("%s — %s", ReviewTitle(sc, card.Meeting), StoryTime(sc, time.Duration(card.At)))
	return reviewParts(title, views, caption, sides)
}

// WriteReviewViews lays out a review already put in words, as WriteReview
// prints it: a report saved without its scenario prints its review the
// same way.
func WriteReviewViews(w io.Writer, title string, requests []RequestView, caption string, sides [][]string) error {
	_, err := io.WriteString(w, strings.Join(reviewParts(title, requests, caption, sides), ""))
	return err
}

func reviewParts(title string, requests []RequestView, caption string, sides [][]string) []string {
	head := title + "\n"
	if len(requests) == 0 {
		head += "\nNo request has been sent yet.\n"
	}
	parts := []string{head}
	for i := range requests {
		b := &strings.Builder{}
		b.WriteString("\n")
		writeRequest(b, &requests[i])
		parts = append(parts, b.String())
	}
	b := &strings.Builder{}
	b.WriteString("\n" + caption + "\n")
	writeRows(b, sides)
	return append(parts, b.String())
}

// ReviewTitle names a review: the meeting's title in the scenario, or the
// exercise's review meeting, or its closing review (meeting 0), or a look
// at play as it stands (meeting -1).
func ReviewTitle(sc *injects.Scenario, meeting int) string {
	switch {
	case meeting > 0 && meeting <= len(sc.Review.Titles) && sc.Review.Titles[meeting-1] != "":
		return sc.Review.Titles[meeting-1]
	case meeting > 0:
		return fmt.Sprintf("Review meeting %d", meeting)
	case meeting == 0:
		return "Closing review of the exercise"
	}
	return "The requests as a review would score them now"
}

func writeRequest(b *strings.Builder, v *RequestView) {
	for i, line := range v.Head {
		if i > 0 {
			b.WriteString("  ")
		}
		b.WriteString(line + "\n")
	}
	writeRows(b, v.Parts)
	if v.Scores != "" {
		fmt.Fprintf(b, "  %s\n", v.Scores)
	}
}

// writeRows lays out a table's rows in columns, indented.
func writeRows(b *strings.Builder, rows [][]string) {
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	for _, row := range rows {
		fmt.Fprintf(tw, "  %s\n", strings.Join(row, "\t"))
	}
	tw.Flush()
}

// RequestView is one request's review in the words the printed review
// uses, for whatever lays it out: the text review and the after-action
// report show the same thing.
type RequestView struct {
	// Head is the lines above the table: the request and its direction,
	// its subject, its matter and commitment, what was wrong with how it
	// was asked, what was attached, its status.
	Head []string
	// Parts is the table of its parts, its column titles first.
	Parts [][]string
	// Scores is its three scores, empty while no part is scored.
	Scores string
}

// ViewRequest words the review of one request.
func ViewRequest(sc *injects.Scenario, rs *RequestScore) RequestView {
	var v RequestView
	head := func(format string, args ...any) { v.Head = append(v.Head, fmt.Sprintf(format, args...)) }
	head("%s — %s, %s to %s", rs.Request, rs.Kind.Title(), rs.From.Title(), rs.To.Title())
	head("%s", rs.Subject)
	head("matter: %s; invokes %s", rs.Category.Title(), rs.Basis.Title())
	if rs.Verifies != "" {
		head("asks for evidence of what was reported on %s; no ground covers refusing it", rs.Verifies)
	}
	charge := func(points int) string {
		if rs.Scripted {
			return "sent by the script, so charged to nobody"
		}
		return fmt.Sprintf("−%d for %s", points, rs.From.Title())
	}
	if rs.CategoryError {
		what := "category error"
		if rs.Basis == injects.Pledge && rs.Category == injects.StateEspionage {
			what = "espionage dressed as theft"
		}
		head("! %s: %s does not cover %s (%s)", what, rs.Basis.Title(), rs.Category.Title(), charge(CategoryErrorPenalty))
	}
	if len(rs.Attached) > 0 {
		head("attached: %s", strings.Join(rs.Attached, "; "))
	} else {
		head("! no technical material attached (%s)", charge(UndetailedPenalty))
	}
	status := rs.Status
	if rs.Calls > 0 {
		calls := "hotline calls"
		if rs.Calls == 1 {
			calls = "hotline call"
		}
		status += fmt.Sprintf("; %d %s about it, %d unanswered", rs.Calls, calls, rs.Missed)
	}
	if rs.Clarification != "" {
		status += "; clarification " + rs.Clarification
	}
	head("status: %s", status)
	v.Parts = [][]string{{"part", "due", "answered", "late", "quality", "timeliness"}}
	for _, el := range rs.Elements {
		answered, late, quality, timely := "—", "—", "—", "not yet due"
		switch el.State {
		case ElDeclined:
			answered = "declined " + shortTime(sc, el.At)
			quality = "ground: " + groundWords(sc, el.Ground, el.Sound)
		case ElDelivered:
			answered = shortTime(sc, el.At)
			if el.Quality != "" {
				quality = el.Quality
			}
			if el.Thin {
				quality += " (material was attached)"
			}
		case ElOverdue:
			answered = "OVERDUE"
		case ElWorking:
			answered = "in preparation"
		}
		if el.Late > 0 {
			late = injects.FormatDuration(time.Duration(el.Late))
		}
		if el.Scored {
			timely = fmt.Sprintf("%.2f", el.Timeliness)
		}
		v.Parts = append(v.Parts, []string{el.Element, shortTime(sc, el.Due), answered, late, quality, timely})
	}
	if rs.Scored > 0 {
		v.Scores = fmt.Sprintf("scores: timeliness %.2f, quality %.2f, cooperation %.2f", rs.Timeliness, rs.Quality, rs.Cooperation)
	}
	return v
}

// ViewSides words the review's summary per side: a caption, then rows of
// a label and the two sides' values, the sides' names first.
func ViewSides(card *Scorecard) (caption string, rows [][]string) {
	us, cn := &card.Sides[injects.US], &card.Sides[injects.CN]
	w := card.Weights
	caption = fmt.Sprintf("How each side answered the requests it received, and how it asked (weights: timeliness %.2g, quality %.2g, cooperation %.2g)",
		w.Timeliness, w.Quality, w.Cooperation)
	row := func(label string, f func(*SideScore) string) {
		rows = append(rows, []string{label, f(us), f(cn)})
	}
	row("", func(s *SideScore) string { return s.Side.Title() })
	row("requests received", func(s *SideScore) string { return fmt.Sprint(s.Received) })
	row("answered / declined / ignored / open", func(s *SideScore) string {
		return fmt.Sprintf("%d / %d / %d / %d", s.Answered, s.Declined, s.Ignored, s.InProgress)
	})
	row("parts on time", func(s *SideScore) string {
		if s.Received == 0 {
			return "nothing received"
		}
		if s.Due == 0 {
			return "none due yet"
		}
		return fmt.Sprintf("%d of %d (%d%%)", s.OnTime, s.Due, 100*s.OnTime/s.Due)
	})
	ratio := func(f func(*SideScore) float64) func(*SideScore) string {
		return func(s *SideScore) string {
			if s.Due == 0 {
				return "—"
			}
			return fmt.Sprintf("%.2f", f(s))
		}
	}
	row("timeliness", ratio(func(s *SideScore) float64 { return s.Timeliness }))
	row("quality", ratio(func(s *SideScore) float64 { return s.Quality }))
	row("cooperation", ratio(func(s *SideScore) float64 { return s.Cooperation }))
	row("rubric", func(s *SideScore) string {
		switch {
		case s.AskedOnly:
			return "— (nothing to answer)"
		case !s.Rated:
			return "not rated"
		}
		return fmt.Sprint(s.Rubric)
	})
	row("hotline calls missed", func(s *SideScore) string {
		return penaltyWords(s.MissedCalls, MissedCallPenalty)
	})
	row("requests sent", func(s *SideScore) string { return fmt.Sprint(s.Sent) })
	row("  under the wrong commitment", func(s *SideScore) string {
		return penaltyWords(s.CategoryErrors, CategoryErrorPenalty)
	})
	row("  without technical material", func(s *SideScore) string {
		return penaltyWords(s.Undetailed, UndetailedPenalty)
	})
	row("SCORE", func(s *SideScore) string {
		switch {
		case s.AskedOnly:
			return fmt.Sprintf("%d / 100 (how it asked)", s.Score)
		case !s.Rated:
			return "not rated (nothing to judge)"
		}
		return fmt.Sprintf("%d / 100", s.Score)
	})
	return caption, rows
}

func penaltyWords(n, each int) string {
	if n == 0 {
		return "0"
	}
	return fmt.Sprintf("%d (−%d)", n, n*each)
}

// groundWords names a legal ground by its title, as players read it, and
// says when it does not cover what it declined.
func groundWords(sc *injects.Scenario, id string, sound bool) string {
	words := id
	if g, ok := sc.Ground(id); ok {
		words = g.Title
	}
	if !sound {
		return words + " (does not cover it)"
	}
	return words
}

func shortTime(sc *injects.Scenario, at Offset) string {
	return sc.Time(time.Duration(at)).Format("01-02 15:04")
}

// WriteTranscriptLine writes one event as a line of a run's transcript:
// story time, offset and description; a dialogue meeting's review in full.
func WriteTranscriptLine(w io.Writer, st *State, ev *Event) {
	if ev.Type == ReviewHeld && ev.Review.Meeting > 0 {
		fmt.Fprintln(w)
		WriteReview(w, st.Scenario, ev.Review)
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, "%s  %-10s  %s\n", StoryTime(st.Scenario, ev.At), injects.FormatOffset(ev.At), Describe(st, ev))
}

// WriteOutcome says how the exercise ended.
func WriteOutcome(w io.Writer, st *State) {
	sc := st.Scenario
	if i, ok := sc.EndingIndex(st.Ending); ok {
		fmt.Fprintf(w, "\nOutcome: %s\n%s\n", sc.Endings[i].Title, sc.Endings[i].Text)
		return
	}
	fmt.Fprintln(w, "\nOutcome: the story clock ran out with no ending reached.")
}
