// Package debrief makes the documents that frame a run of the exercise:
// the situation manual players read before it (Handbook), the after-action
// report and improvement plan written from its log (Report), and several
// tables' runs of one scenario side by side (Comparison).
//
// Building a document is a pure function of a scenario and, for the report
// and the comparison, the events a log makes again: no terminal code and no
// I/O, so that every document is tested with goldens. Each document is a
// plain value that holds everything its renderers print, already in words,
// so that a report saved as JSON renders again without its log.
package debrief

import (
	"fmt"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
)

// Moment is a point on the story calendar, as an offset and in words.
type Moment struct {
	At   game.Offset `json:"at"`   // story offset from the scenario's start
	Time string      `json:"time"` // the story time in the scenario's zone, "Thu 01 Oct 09:00"
}

func moment(sc *injects.Scenario, at time.Duration) Moment {
	return Moment{At: game.Offset(at), Time: clock(sc, at)}
}

// dateParts say what of a date dateWords writes besides the day.
type dateParts uint8

const (
	withClock dateParts = 1 << iota
	withYear
)

// dateWords writes a date as every document does, one style throughout:
// "Thu 01 Oct", with its year ("Thu 01 Oct 2015") and its time of day
// ("Thu 01 Oct 09:00") when asked.
func dateWords(t time.Time, parts dateParts) string {
	layout := "Mon 02 Jan"
	if parts&withYear != 0 {
		layout += " 2006"
	}
	if parts&withClock != 0 {
		layout += " 15:04"
	}
	return t.Format(layout)
}

// clock writes a story offset as a day and a time, in the scenario's zone.
func clock(sc *injects.Scenario, at time.Duration) string {
	return dateWords(sc.Time(at), withClock)
}

// Date writes a real date and time in the documents' style, with its year:
// when a log was last written, say.
func Date(t time.Time) string { return dateWords(t, withYear|withClock) }

// Scenario names the scenario a document was made from.
type Scenario struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	Source  string `json:"source"`
	Digest  string `json:"digest"`
	// Zone is the city whose clock story times are given in.
	Zone  string `json:"zone"`
	Start string `json:"start"` // the story calendar's first day and time, with the year
	End   string `json:"end"`
	// Span is how much story time the scenario covers.
	Span string `json:"span"`
	// Location and Begins place the story calendar, for charts that need
	// dates: the zone's name, and the first instant as 2006-01-02 15:04.
	Location string `json:"location"`
	Begins   string `json:"begins"`
}

// dates returns a function that writes a story offset as a chart reads a
// date: 2015-10-01 09:00. A zone that does not load (a report edited by
// hand) counts as UTC.
func (s Scenario) dates() func(time.Duration) string {
	loc, err := time.LoadLocation(s.Location)
	if err != nil {
		loc = time.UTC
	}
	start, err := time.ParseInLocation(chartLayout, s.Begins, loc)
	if err != nil {
		return func(time.Duration) string { return s.Begins }
	}
	return func(at time.Duration) string { return start.Add(at).Format(chartLayout) }
}

const chartLayout = "2006-01-02 15:04"

func scenarioOf(sc *injects.Scenario) Scenario {
	return Scenario{ID: sc.ID, Title: sc.Title, Summary: strings.TrimSpace(sc.Summary), Source: sc.Source, Digest: sc.Digest,
		Zone: sc.ZoneCity(), Start: longTime(sc, 0), End: longTime(sc, sc.End), Span: spanWords(sc.End),
		Location: sc.Start.Location().String(), Begins: sc.Start.Format(chartLayout)}
}

// longTime writes a story offset as a date and time with the year.
func longTime(sc *injects.Scenario, at time.Duration) string {
	return dateWords(sc.Time(at), withYear|withClock)
}

// The capitals' clocks, for the schedule. The injects package embeds the
// zone database.
var washington, beijing = injects.Washington, injects.Beijing

// spanWords says a length of story time in days and hours.
var spanWords = game.SpanWords

// plural writes a count of things: "1 day", "3 days".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	if strings.HasSuffix(thing, "y") && !strings.HasSuffix(thing, "ay") {
		return fmt.Sprintf("%d %sies", n, thing[:len(thing)-1])
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// count writes a small count in words, as prose does: "three".
func count(n int) string {
	words := [...]string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}

// upperFirst capitalizes a sentence.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// list joins words as prose: "a", "a and b", "a, b and c".
func list(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// oneLine folds text written over several lines into one.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// teamName and audienceWords say who, as transcripts do.
var (
	teamName      = game.TeamName
	audienceWords = game.AudienceName
)

// personaName names who sends an inject.
func personaName(sc *injects.Scenario, id string) string {
	if p, ok := sc.Persona(id); ok && p.Name != "" {
		return p.Name
	}
	return id
}
