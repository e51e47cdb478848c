package debrief

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"hotline/injects"
)

// Sitting is what the facilitator says of the sitting when printing the
// situation manual: each field given overrides what the inject file's
// exercise: block says, so that one file serves many classes. The zero
// Sitting keeps the file's.
type Sitting struct {
	Date          time.Time // the day; zero keeps the file's
	Start         time.Duration
	Timed         bool // Start is given
	Location      string
	Sponsor       string
	Contact       string
	Organizations []string
	// Speed is the class's clock pace, story time per real second; zero
	// is the screens' default.
	Speed time.Duration
	// Draft marks every page of the documents as a draft.
	Draft bool
}

// defaultSpeed is the clock's pace when nobody changes it: the screens'
// and the playing time's.
const defaultSpeed = 30 * time.Minute

// sitting is the file's exercise: block with the facilitator's fields
// over it.
func (s Sitting) over(ex injects.Exercise) injects.Exercise {
	if !s.Date.IsZero() {
		ex.Date = s.Date
	}
	if s.Timed {
		ex.Start, ex.Timed = s.Start, true
	}
	for _, f := range []struct {
		to   *string
		from string
	}{{&ex.Location, s.Location}, {&ex.Sponsor, s.Sponsor}, {&ex.Contact, s.Contact}} {
		if f.from != "" {
			*f.to = f.from
		}
	}
	if len(s.Organizations) > 0 {
		ex.Organizations = s.Organizations
	}
	return ex
}

func (s Sitting) speed() time.Duration {
	if s.Speed <= 0 {
		return defaultSpeed
	}
	return s.Speed
}

func (s Sitting) status() string {
	if s.Draft {
		return Draft
	}
	return Final
}

// A document's status, printed on every page.
const (
	Draft = "Draft"
	Final = "Final"
)

// particulars are the situation manual's cover: HSEEP's exercise
// overview, as far as the file and the facilitator say.
func particulars(ex injects.Exercise) []Entry {
	var out []Entry
	add := func(name, text string) {
		if text != "" {
			out = append(out, Entry{Name: name, Text: text})
		}
	}
	if !ex.Date.IsZero() {
		add("Date", dateWords(ex.Date, 0|withYear))
	}
	add("Location", ex.Location)
	add("Sponsor", ex.Sponsor)
	add("Point of contact", ex.Contact)
	add("Participating organizations", strings.Join(ex.Organizations, "; "))
	return out
}

// The agenda's fixed parts, in real minutes.
const (
	briefingTime = 20 * time.Minute
	breakTime    = 10 * time.Minute
	hotwashTime  = 30 * time.Minute
	feedbackTime = 10 * time.Minute
)

// agenda lays out the sitting in clock time: briefing, play, a break, the
// hotwash and the feedback forms. Play lasts the scenario's playing time
// at the class's pace; without a start time, times count from 0:00.
func agenda(sc *injects.Scenario, ex injects.Exercise, speed time.Duration) ([]Row, string) {
	play, how := playLength(sc, speed)
	parts := []struct {
		length      time.Duration
		what, words string
	}{
		{briefingTime, "Briefing", "Seats, the situation manual and the rules of play; questions. The story clock is paused."},
		{play, "Play", "The facilitator starts the story clock; the delegations play until the exercise ends with the dialogue's closing review."},
		{breakTime, "Break", "The facilitator prepares the replay and the after-action report."},
		{hotwashTime, "Hotwash", "The run on the projector (hotline replay), the report's hotwash questions, the improvement plan."},
		{feedbackTime, "Feedback forms", "Each participant fills in the form at the end of this manual."},
	}
	var rows []Row
	at := time.Duration(0)
	for _, p := range parts {
		rows = append(rows, Row{clockWords(ex, at) + "–" + clockWords(ex, at+p.length), p.what, p.words})
		at += p.length
	}
	note := fmt.Sprintf("Play is %s: %s, at the class's pace of %s.", realWords(play), how, paceWords(speed))
	if !ex.Timed {
		note += " Times count from the start; give one (hotline handbook --start 09:00, or exercise.start in the file) to print the clock."
	}
	return rows, note
}

// playLength estimates how long play takes at a pace: the file's playing
// time, given at the default pace, scaled; else the whole story calendar
// at that pace, quiet stretches not skipped.
func playLength(sc *injects.Scenario, speed time.Duration) (time.Duration, string) {
	if sc.PlayingTime > 0 {
		d := time.Duration(float64(sc.PlayingTime) * float64(defaultSpeed) / float64(speed))
		how := "the scenario's playing time (" + realWords(sc.PlayingTime) + " at " + paceWords(defaultSpeed) + ")"
		if speed == defaultSpeed {
			how = "the scenario's playing time"
		}
		return roundUp(d, 5*time.Minute), how
	}
	d := time.Duration(float64(sc.End) / float64(speed) * float64(time.Second))
	return roundUp(d, 5*time.Minute), "the whole story calendar with the clock running, no stretch skipped (the file gives no playing time)"
}

func roundUp(d, to time.Duration) time.Duration {
	if r := d % to; r != 0 {
		d += to - r
	}
	return max(d, to)
}

// clockWords writes a time of the sitting: the clock, or the time since
// the start.
func clockWords(ex injects.Exercise, at time.Duration) string {
	if ex.Timed {
		t := ex.Start + at
		return fmt.Sprintf("%02d:%02d", int(t/time.Hour)%24, int(t%time.Hour/time.Minute))
	}
	return fmt.Sprintf("%d:%02d", int(at/time.Hour), int(at%time.Hour/time.Minute))
}

// paceWords says a clock speed: "30 story minutes a second".
func paceWords(d time.Duration) string {
	if d%time.Hour == 0 {
		n := int(d / time.Hour)
		if n == 1 {
			return "1 story hour a second"
		}
		return fmt.Sprintf("%d story hours a second", n)
	}
	return fmt.Sprintf("%s a second", strings.Replace(spanWords(d), "minute", "story minute", 1))
}

// guidelines are the exercise's ground rules, as HSEEP's situation
// manual has them, for this mechanism.
var guidelines = []string{
	"This is a no-fault exercise. It tests the mechanism and the plans, not the people: say what you would do and why. Mistakes made here are what the exercise is for.",
	"Play your role as your government would in 2015: within its law, its stated policy and what it knew, not as you would wish it to act.",
	"Decisions made in play set no precedent and commit no one.",
	"Use what the scenario gives you. Where it is silent, assume what is reasonable and say so; do not fight the scenario.",
	"The other delegation learns what you decide only through the mechanism: requests and their answers, the hotline, and the public steps a government takes.",
	"Every request, part and decision has a deadline in story time. Read the deadline, not the clock.",
	"The hotwash after play is where the lessons are drawn: note what surprised you, and bring it.",
}

// Feedback is the participants' feedback form (HSEEP's): statements each
// participant rates from 1 to 5, and free-text questions the scenario may
// set.
type Feedback struct {
	Ratings   []string `json:"ratings"`
	Scale     []string `json:"scale"` // what 1 to 5 mean
	Questions []string `json:"questions"`
}

func feedback(sc *injects.Scenario) Feedback {
	return Feedback{Ratings: injects.FeedbackRatings, Questions: sc.Feedback,
		Scale: []string{"1 strongly disagree", "2 disagree", "3 neither", "4 agree", "5 strongly agree"}}
}

// glossary is Hotline's own acronyms; a scenario adds its own.
var glossary = []Entry{
	{Name: "AAR", Text: "After-action report"},
	{Name: "EEG", Text: "Exercise Evaluation Guide"},
	{Name: "HSEEP", Text: "Homeland Security Exercise and Evaluation Program, whose templates these documents follow"},
	{Name: "IP", Text: "Improvement plan"},
	{Name: "MSEL", Text: "Master Scenario Events List: the script's injects in time order"},
	{Name: "RFI", Text: "Request for information"},
	{Name: "RFA", Text: "Request for assistance"},
	{Name: "SitMan", Text: "Situation manual"},
	{Name: "TTX", Text: "Tabletop exercise"},
	{Name: "UN", Text: "United Nations"},
	{Name: "US", Text: "United States"},
}

// acronyms lists the acronyms a document uses: Hotline's and the
// scenario's (the scenario's meaning first), alphabetically, each only if
// the document's text has it as a word.
func acronyms(sc *injects.Scenario, doc any) []Entry {
	text, err := json.Marshal(doc)
	if err != nil {
		return nil
	}
	all := map[string]string{}
	for _, e := range glossary {
		all[e.Name] = e.Text
	}
	if sc != nil {
		for _, a := range sc.Acronyms {
			all[a.Short] = oneLine(a.Long)
		}
	}
	// A word is a run of letters, digits and hyphens: an acronym of one
	// word is looked up among them, one of several searched for.
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '-' }
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(string(text), func(r rune) bool { return !inWord(r) }) {
		words[w] = true
	}
	var out []Entry
	for short, long := range all {
		used := words[short]
		if strings.IndexFunc(short, func(r rune) bool { return !inWord(r) }) >= 0 {
			used = regexp.MustCompile(`(^|[^\p{L}\p{N}-])` + regexp.QuoteMeta(short) + `($|[^\p{L}\p{N}-])`).Match(text)
		}
		if used {
			out = append(out, Entry{Name: short, Text: long})
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	return out
}
