package debrief

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
)

// ReportKind and ReportFormat mark a report saved as JSON, so that
// `hotline report` knows it from a log and refuses one it cannot read.
const (
	ReportKind   = "hotline after-action report"
	ReportFormat = 2
)

// Report is the after-action report and improvement plan of one run, as
// HSEEP lays it out. Its JSON is the facilitator's to edit: a rating
// changed there, or a plan filled in, renders again with `hotline report
// REPORT.json`.
type Report struct {
	Kind   string `json:"kind"`
	Format int    `json:"format"`
	// Status is "Draft" or "Final" as the facilitator sets it; left
	// empty, a report is a draft as the rules wrote it and final once the
	// facilitator has edited it.
	Status string `json:"status"`
	// Computed is a digest of the report as the rules wrote it: a report
	// read back that no longer matches it was edited.
	Computed string `json:"computed"`
	edited   bool

	Scenario Scenario `json:"scenario"`
	Summary  Summary  `json:"executive_summary"`
	Overview Overview `json:"overview"`
	Timeline Timeline `json:"timeline"`
	// RatingRules say how the ratings below were reached.
	RatingRules  []string            `json:"rating_rules"`
	Objectives   []ObjectiveAnalysis `json:"objectives"`
	Strengths    []Finding           `json:"strengths"`
	Improvements []Improvement       `json:"areas_for_improvement"`
	Review       Review              `json:"review"`
	Hotwash      Hotwash             `json:"hotwash"`
	Feedback     FeedbackSummary     `json:"feedback"`
	Plan         []PlanRow           `json:"improvement_plan"`
	Participants Participants        `json:"participants"`
	Acronyms     []Entry             `json:"acronyms"`
}

// digest identifies what a report says, but for its status and digest.
func (r *Report) digest() string {
	c := *r
	c.Status, c.Computed = "", ""
	b, err := json.Marshal(&c)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Edited reports whether the facilitator changed the report after the
// rules wrote it.
func (r *Report) Edited() bool { return r.edited }

// status is the report's status as every page prints it.
func (r *Report) status() string {
	switch {
	case strings.EqualFold(r.Status, Final):
		return Final
	case strings.EqualFold(r.Status, Draft):
		return Draft
	case r.edited:
		return Final
	}
	return Draft
}

// ReportSubtitle says what the report is, under its title.
const ReportSubtitle = "Hotline tabletop exercise of the US–China cybercrime mechanism of 2015. After-action report and improvement plan (HSEEP AAR/IP)."

// reportWords are the words every report prints besides its JSON's: the
// acronyms appendix reads them too.
var reportWords = []string{ReportSubtitle, improvementsNote, HotwashOrder, planNote}

// Provenance says where the report's judgments come from.
func (r *Report) Provenance() string {
	if r.edited {
		return "Written from the run's log, then reviewed and edited by the facilitator."
	}
	return "Written from the run's log by Hotline's rules: a draft for the evaluators and the facilitator to review."
}

func (r *Report) chrome() chrome {
	return chrome{Edition: "After-action report and improvement plan", Title: r.Scenario.Title,
		Mark: "For the exercise's participants and its sponsor", Status: r.status()}
}

// Info is what the caller knows of a log that its events do not say.
type Info struct {
	Log    string // the log's name, as the reader knows it
	Played string // when it was played, as far as is known (the file's last write)
}

// Overview says what was played, by whom, and how it came out.
type Overview struct {
	// Particulars are the sitting's, as the inject file gives them:
	// location, sponsor, point of contact, participating organizations.
	Particulars []Entry  `json:"particulars,omitempty"`
	Log         string   `json:"log,omitempty"`
	Played      string   `json:"played,omitempty"`
	Seed        uint64   `json:"seed"`
	Players     []Entry  `json:"players"` // who played each delegation
	Facilitator string   `json:"facilitator,omitempty"`
	From        Moment   `json:"from"`
	To          Moment   `json:"to"`
	StoryTime   string   `json:"story_time"`
	RealTime    string   `json:"real_time"`
	Ended       bool     `json:"ended"`
	Outcome     string   `json:"outcome"`
	OutcomeText string   `json:"outcome_text,omitempty"`
	Numbers     []Entry  `json:"numbers"`
	Warnings    []string `json:"warnings,omitempty"`
}

// Review is the dialogue's review of the run as the program prints it:
// the closing review (or, for a run that has not ended, play as it
// stands), and the score of every review held.
type Review struct {
	Title string `json:"title"`
	// Heading is the review's first line as the program prints it.
	Heading  string             `json:"heading"`
	At       Moment             `json:"at"`
	Requests []game.RequestView `json:"requests"`
	Caption  string             `json:"caption"`
	Sides    []Row              `json:"sides"`
	Held     []Row              `json:"held"` // each review held: its title, when, and both scores
	Card     *game.Scorecard    `json:"scorecard"`
}

// NewReport writes the after-action report of a run from its scenario and
// the events of its log. The events must be those that game.Resume made
// again from the log, never the log's own: every score here is computed
// afresh from them.
func NewReport(sc *injects.Scenario, events []game.Event, info Info) (*Report, error) {
	if len(events) == 0 || events[0].Type != game.Started || events[0].Start == nil {
		return nil, errors.New("the run has no start record")
	}
	b := newBuilder(sc, events)
	r := &Report{Kind: ReportKind, Format: ReportFormat, Scenario: scenarioOf(sc)}
	r.Overview = b.overview(info)
	r.Timeline = b.timeline()
	r.Review = b.review()
	r.RatingRules = ratingRules
	r.Objectives = b.objectives()
	r.Strengths, r.Improvements = b.findings()
	r.Hotwash = b.hotwash()
	r.Feedback = b.feedback()
	r.Plan = plan(sc, r.Improvements, b.st.Corrections)
	r.Participants = b.seats.participants()
	r.Summary = b.summary(r)
	r.Acronyms = acronyms(sc, []any{r, reportWords})
	r.Computed = r.digest()
	return r, nil
}

// builder folds a run's events once, keeping what the report needs in
// time order, and holds the state where they end.
type builder struct {
	sc     *injects.Scenario
	events []game.Event
	st     *game.State
	card   *game.Scorecard // the closing review, or play as it stands
	held   []*game.Scorecard
	meters map[string][]MeterPoint
	ladder []LadderPoint
	seats  *seating
	marks  []Mark
	// opened is when each request was sent, and sentBy by whose hand, by
	// id.
	opened map[string]time.Duration
	sentBy map[string]hand
	// ringer is the inject whose choice or deadline rang each call rung
	// by an effect, and rang how each call came to ring, by call number.
	ringer map[int]string
	rang   map[int]ringing
	// decided is the event that decided each inject, by inject id, and
	// taken each action taken, in order: their indexes in events.
	decided map[string]int
	taken   []int
}

func newBuilder(sc *injects.Scenario, events []game.Event) *builder {
	b := &builder{sc: sc, events: events, meters: map[string][]MeterPoint{}, opened: map[string]time.Duration{},
		sentBy: map[string]hand{}, ringer: map[int]string{}, rang: map[int]ringing{}, decided: map[string]int{}}
	decided := "" // the inject last decided, whose effects follow
	var cause hands
	m := game.Mirror(sc)
	for _, v := range sc.Variables {
		if v.Meter() {
			b.meters[v.ID] = []MeterPoint{{At: 0, Value: v.Initial.Int}}
		}
	}
	b.ladder = []LadderPoint{{At: moment(sc, 0)}}
	b.seats = newSeating(sc, events[0].Start)
	for i := range events {
		ev := &events[i]
		m.Follow(ev)
		st := m.State()
		switch ev.Type {
		case game.VariableSet:
			if pts, ok := b.meters[ev.Var]; ok {
				b.meters[ev.Var] = append(pts, MeterPoint{At: game.Offset(ev.At), Value: ev.Value.Int})
			}
		case game.LadderMoved:
			b.ladder = append(b.ladder, LadderPoint{At: moment(sc, ev.At), US: st.Levels[injects.US], CN: st.Levels[injects.CN],
				Rung: st.Rung, Side: ev.Side.String(), Cause: ladderCause(sc, ev)})
		case game.RequestOpened:
			b.opened[ev.Request] = ev.At
			if i, ok := sc.RequestIndex(ev.Request); ok {
				b.sentBy[ev.Request] = cause.of(ev, sc.Requests[i].From)
			}
		case game.InjectChosen, game.InjectExpired:
			decided = ev.Inject
			if _, ok := b.decided[ev.Inject]; !ok {
				b.decided[ev.Inject] = i
			}
		case game.ActionTaken:
			b.taken = append(b.taken, i)
		case game.Rang:
			if ev.By == "" && ev.Cause != "" && decided != "" {
				b.ringer[ev.Call] = decided
			}
			b.rang[ev.Call] = ringingOf(st, ev, cause)
		case game.ReviewHeld:
			if ev.Review != nil && ev.Review.Meeting > 0 {
				b.held = append(b.held, game.Review(st, ev.Review.Meeting))
			}
		}
		b.mark(st, ev)
		b.seats.follow(ev)
		cause.follow(sc, ev)
	}
	b.st = m.State()
	if b.st.Ended {
		b.card = game.Review(b.st, 0)
	} else {
		b.card = game.Review(b.st, -1)
	}
	return b
}

func ladderCause(sc *injects.Scenario, ev *game.Event) string {
	switch ev.Cause {
	case "missed":
		return fmt.Sprintf("call %d unanswered", ev.Call)
	case "deny":
		return fmt.Sprintf("call %d denied", ev.Call)
	case "kept":
		return fmt.Sprintf("commitment of call %d kept", ev.Call)
	case "broken":
		return fmt.Sprintf("commitment of call %d broken", ev.Call)
	case "commit", "explain", "ring":
		return fmt.Sprintf("call %d: %s", ev.Call, ev.Cause)
	}
	if i, ok := sc.ActionIndex(ev.Cause); ok {
		return oneLine(sc.Actions[i].Label)
	}
	return ev.Cause
}

func (b *builder) overview(info Info) Overview {
	sc, st := b.sc, b.st
	start := b.events[0].Start
	o := Overview{Particulars: slices.DeleteFunc(particulars(sc.Exercise), func(e Entry) bool { return e.Name == "Date" }), Log: info.Log, Played: info.Played, Seed: start.Seed, Facilitator: start.Facilitator,
		From: moment(sc, 0), To: moment(sc, st.Now), Ended: st.Ended, StoryTime: spanWords(st.Now)}
	for side, p := range start.Players {
		o.Players = append(o.Players, Entry{Name: injects.Side(side).Title(), Text: playerWords(p)})
	}
	o.RealTime = b.realTime()
	switch {
	case !st.Ended:
		o.Outcome = "Not ended: the log stops at " + longTime(sc, st.Now)
	default:
		if i, ok := sc.EndingIndex(st.Ending); ok {
			o.Outcome, o.OutcomeText = sc.Endings[i].Title, oneLine(sc.Endings[i].Text)
		} else {
			o.Outcome = "The story clock ran out with no ending reached"
		}
	}
	fired, decided, lapsed, actions := 0, 0, 0, 0
	for _, ev := range b.events {
		switch ev.Type {
		case game.InjectFired:
			fired++
		case game.InjectChosen:
			decided++
		case game.InjectExpired:
			lapsed++
		case game.ActionTaken:
			actions++
		}
	}
	sent, parts, onTime := 0, 0, 0
	for _, rs := range b.card.Requests {
		sent++
		for _, el := range rs.Elements {
			if el.Scored {
				parts++
				if el.Timeliness == 1 {
					onTime++
				}
			}
		}
	}
	missed := 0
	for _, c := range st.Calls {
		if c.Missed {
			missed++
		}
	}
	peak := 0
	for _, p := range b.ladder {
		peak = max(peak, p.Rung)
	}
	o.Numbers = []Entry{
		{"Injects fired", fmt.Sprint(fired), ""},
		{"Decisions", fmt.Sprintf("%d taken, %d left to the deadline", decided, lapsed), ""},
		{"Requests sent", fmt.Sprint(sent), ""},
		{"Parts judged on time", ratioWords(onTime, parts), ""},
		{"Hotline calls", fmt.Sprintf("%d, %d unanswered", len(st.Calls), missed), ""},
		{"Ladder's highest rung", sc.Hotline.Rungs[peak].Title, ""},
		{"Actions taken", fmt.Sprint(actions), ""},
	}
	for _, v := range sc.Variables {
		if val, ok := st.Var(v.ID); ok && v.Meter() {
			o.Numbers = append(o.Numbers, Entry{Name: upperFirst(v.ID) + " at the end", Text: fmt.Sprintf("%d (began at %d)", val.Int, v.Initial.Int)})
		}
	}
	for _, f := range st.Failures {
		o.Warnings = append(o.Warnings, fmt.Sprintf("%s: the condition of %s %q failed and counted as false: %s", clock(sc, f.At), f.Of.Kind, f.Of.ID, f.Text))
	}
	return o
}

func ratioWords(n, of int) string {
	if of == 0 {
		return "none judged"
	}
	return fmt.Sprintf("%d of %d (%d%%)", n, of, 100*n/of)
}

func playerWords(p string) string {
	switch {
	case p == game.SoloPlayer:
		return "a solo player"
	case p == game.Class:
		return "a class"
	case strings.HasPrefix(p, "bot:"):
		return "the " + strings.TrimPrefix(p, "bot:") + " counterpart bot"
	}
	return p
}

// defaultPace is the table's clock speed, which a log records only when
// someone changes it.
const defaultPace = 30 * time.Minute

// realTime estimates how long the run took in real time: the story time
// that passed while the clock ran, not counting jumps, at the clock's
// pace. A log has no wall clock in it, so it is an estimate.
func (b *builder) realTime() string {
	running, pace := false, defaultPace
	var jumpTo, prev time.Duration
	var real time.Duration
	sawClock := false
	for _, ev := range b.events {
		if running && ev.At > prev {
			span := ev.At - prev
			if jumpTo > prev {
				span -= min(ev.At, jumpTo) - prev
			}
			real += time.Duration(float64(span) / float64(pace) * float64(time.Second))
		}
		prev = ev.At
		switch ev.Type {
		case game.ClockResumed:
			running, sawClock = true, true
		case game.ClockPaused, game.ClockStopped, game.Ended:
			running = false
		case game.SpeedSet:
			pace = ev.Speed
		case game.ClockJumped:
			jumpTo = ev.Due
		}
	}
	if !sawClock {
		return "none: played headless, with no story clock running"
	}
	words := realWords(real)
	if real >= time.Minute {
		words = "about " + words
	}
	return words + " with the clock running (at 30 story minutes a second unless the log sets another pace; pauses and jumps not counted)"
}

func realWords(d time.Duration) string {
	d = d.Round(time.Minute)
	if d < time.Minute {
		return "less than a minute"
	}
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	switch {
	case h == 0:
		return plural(m, "minute")
	case m == 0:
		return plural(h, "hour")
	}
	return plural(h, "hour") + " " + plural(m, "minute")
}

func (b *builder) review() Review {
	sc, card := b.sc, b.card
	r := Review{Title: game.ReviewTitle(sc, card.Meeting), At: moment(sc, time.Duration(card.At)), Card: card,
		Heading: game.ReviewTitle(sc, card.Meeting) + " — " + dateWords(sc.Time(time.Duration(card.At)), withYear|withClock)}
	for i := range card.Requests {
		r.Requests = append(r.Requests, restated(sc, game.ViewRequest(sc, &card.Requests[i]), &card.Requests[i]))
	}
	var rows [][]string
	r.Caption, rows = game.ViewSides(card)
	for _, row := range rows {
		r.Sides = append(r.Sides, Row(row))
	}
	for _, c := range append(slices.Clone(b.held), card) {
		r.Held = append(r.Held, Row{game.ReviewTitle(sc, c.Meeting), clock(sc, time.Duration(c.At)),
			c.Sides[injects.US].ScoreWords(), c.Sides[injects.CN].ScoreWords()})
	}
	return r
}

// restated gives the times of a request's review in the documents' one
// style: the review's table, as the terminal prints it, writes them short.
func restated(sc *injects.Scenario, v game.RequestView, rs *game.RequestScore) game.RequestView {
	short := func(at game.Offset) string { return sc.Time(time.Duration(at)).Format("01-02 15:04") }
	for i, el := range rs.Elements {
		if i+1 >= len(v.Parts) || len(v.Parts[i+1]) < 3 {
			break
		}
		row := slices.Clone(v.Parts[i+1])
		row[1] = strings.Replace(row[1], short(el.Due), clock(sc, time.Duration(el.Due)), 1)
		row[2] = strings.Replace(row[2], short(el.At), clock(sc, time.Duration(el.At)), 1)
		v.Parts[i+1] = row
	}
	return v
}

// ReadReport reads a report saved as JSON, as the facilitator may have
// edited it: its ratings changed, its plan filled in. It checks what a
// renderer relies on and says what is wrong in words.
func ReadReport(data []byte) (*Report, error) {
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("not a report saved as JSON: %v", jsonWords(err))
	}
	switch {
	case r.Kind != ReportKind:
		return nil, fmt.Errorf("not a report saved as JSON: its kind is %q, not %q", r.Kind, ReportKind)
	case r.Format != ReportFormat:
		return nil, fmt.Errorf("the report is in format %d; this hotline reads format %d", r.Format, ReportFormat)
	}
	if unknown := unknownFields(data, reflect.TypeFor[Report]()); len(unknown) > 0 {
		return nil, fmt.Errorf("the report has %s this hotline does not know, and would drop: %s; rename or remove %s (docs/debrief.md lists the fields a facilitator may edit)",
			fieldsWords(len(unknown)), strings.Join(unknown, "; "), themWords(len(unknown)))
	}
	for _, o := range r.Objectives {
		if len(o.Sides) != 2 {
			return nil, fmt.Errorf("objective %q: expected a rating for each of the two delegations, found %d", o.ID, len(o.Sides))
		}
		for _, s := range o.Sides {
			var g game.Rating
			if s.Rating != "" && g.UnmarshalText([]byte(s.Rating)) != nil {
				return nil, fmt.Errorf("objective %q, %s: %q is not a rating; the ratings are P, S, M and U, or empty for none", o.ID, s.Name, s.Rating)
			}
		}
	}
	for _, rs := range r.Review.Requests {
		if len(rs.Parts) == 0 {
			return nil, fmt.Errorf("the review of a request has no table of parts")
		}
	}
	for _, row := range r.Review.Sides {
		if len(row) != 3 {
			return nil, fmt.Errorf("a row of the review's summary has %d cells, not 3", len(row))
		}
	}
	for _, row := range r.Review.Held {
		if len(row) != 4 {
			return nil, fmt.Errorf("a row of the reviews held has %d cells, not 4", len(row))
		}
	}
	for _, p := range r.Plan {
		if err := errors.Join(game.CheckCapabilityElement(p.Element), game.CheckPlanDates(p.Start, p.Completion)); err != nil {
			return nil, fmt.Errorf("the improvement plan's row %s (%q): %v", p.Row, clipWords(p.Issue), err)
		}
	}
	for _, c := range []struct {
		what, field string
		ids         []string
		has         func(string) bool
	}{
		{"strength", "strengths", r.Summary.Strengths, func(id string) bool {
			return slices.ContainsFunc(r.Strengths, func(f Finding) bool { return f.ID == id })
		}},
		{"area for improvement", "areas_for_improvement", r.Summary.Improvements, func(id string) bool {
			return slices.ContainsFunc(r.Improvements, func(f Improvement) bool { return f.ID == id })
		}},
	} {
		for _, id := range c.ids {
			if !c.has(id) {
				return nil, fmt.Errorf("the executive summary's %s names %q, which is no %s of the report", c.field, id, c.what)
			}
		}
	}
	if r.Status != "" && !strings.EqualFold(r.Status, Draft) && !strings.EqualFold(r.Status, Final) {
		return nil, fmt.Errorf("the report's status is %q; it is %q, %q, or empty to follow from whether it was edited", r.Status, Draft, Final)
	}
	r.edited = r.digest() != r.Computed
	return &r, nil
}

func fieldsWords(n int) string {
	if n == 1 {
		return "a field"
	}
	return count(n) + " fields"
}

func themWords(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// clipWords shortens text for a message: its first words.
func clipWords(s string) string {
	const most = 60
	s = oneLine(s)
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}

// jsonWords says what encoding/json found wrong, without Go's types.
func jsonWords(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return fmt.Sprintf("%s holds %s where the report has something else", te.Field, te.Value)
	case errors.As(err, &se):
		return fmt.Sprintf("not valid JSON at byte %d", se.Offset)
	}
	return err.Error()
}
