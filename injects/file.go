package injects

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"
)

// fileDoc is one inject file, decoded but not yet merged with the files it
// includes or checked across sections.
type fileDoc struct {
	name     string
	format   int
	shared   bool // meant to be included by other files, not played alone
	meta     *meta
	includes []include

	objectives []Objective
	sides      [2]sideDoc
	teams      []Team
	personas   []Persona
	variables  []Variable
	grounds    []Ground
	profiles   []Profile
	requests   []Request
	actions    []Action
	injects    []Inject

	acronyms []Acronym

	// Whole-exercise sections; nil when the file does not have them.
	exercise *Exercise
	feedback *[]string
	hotline  *Hotline
	costs    *Costs
	review   *Review
	endings  *[]Ending

	// Set while loading includes.
	children []*fileDoc    // the files this one includes, once each
	shift    time.Duration // added to this file's story offsets
}

// meta is the "scenario:" block.
type meta struct {
	id, title, summary string
	facilitatorSummary string
	start              time.Time
	end                time.Duration
	hasEnd             bool
	playingTime        time.Duration
	pos                Pos
}

type include struct {
	file string
	at   time.Duration
	pos  Pos
}

type sideDoc struct {
	name, lead     string
	interests      []string
	counterparts   []string
	counterpartPos []Pos
	declared       bool
	pos            Pos
}

var topKeys = []string{"format", "shared", "scenario", "exercise", "include", "objectives", "sides", "personas", "variables",
	"grounds", "profiles", "hotline", "costs", "review", "endings", "requests", "actions", "injects", "acronyms", "feedback"}

// decodeFile decodes the document root of one file.
func (d *decoder) decodeFile(root *yaml.Node) *fileDoc {
	f := &fileDoc{name: d.file}
	top := d.object(root, "file", topKeys...)
	if v := top.get("format"); v != nil {
		if n, ok := d.integer(v, "format"); ok {
			f.format = n
			if n != FormatVersion {
				d.errorf(v, CodeFormat, "format: this version of hotline reads format %d, found %d", FormatVersion, n)
			}
		}
	}
	if v := top.get("shared"); v != nil {
		f.shared, _ = d.boolean(v, "shared")
	}
	if v := top.get("scenario"); v != nil {
		f.meta = d.meta(v)
	}
	if v := top.get("exercise"); v != nil {
		f.exercise = d.exercise(v)
	}
	for _, e := range d.entries(top.get("acronyms"), "acronyms") {
		f.acronyms = append(f.acronyms, Acronym{Short: e.key, Long: d.text(e.value, "acronym "+strconv.Quote(e.key))})
	}
	if v := top.get("feedback"); v != nil {
		f.feedback = d.feedback(v)
	}
	for _, n := range d.list(top.get("include"), "include") {
		f.includes = append(f.includes, d.include(n))
	}
	for _, e := range d.entries(top.get("objectives"), "objectives") {
		f.objectives = append(f.objectives, d.objective(e))
	}
	for _, e := range d.entries(top.get("sides"), "sides") {
		side, ok := d.enum(e.keyNode, "sides", sideNames)
		if ok {
			d.side(f, Side(side), e)
		}
	}
	for _, e := range d.entries(top.get("personas"), "personas") {
		f.personas = append(f.personas, d.persona(e))
	}
	for _, e := range d.entries(top.get("variables"), "variables") {
		f.variables = append(f.variables, d.variable(e))
	}
	for _, e := range d.entries(top.get("grounds"), "grounds") {
		f.grounds = append(f.grounds, d.ground(e))
	}
	for _, e := range d.entries(top.get("profiles"), "profiles") {
		f.profiles = append(f.profiles, d.profile(e))
	}
	if v := top.get("hotline"); v != nil {
		f.hotline = d.hotline(v)
	}
	if v := top.get("costs"); v != nil {
		f.costs = d.costs(v)
	}
	if v := top.get("review"); v != nil {
		f.review = d.review(v, f.meta)
	}
	if v := top.get("endings"); v != nil {
		endings := []Ending{}
		for _, e := range d.entries(v, "endings") {
			endings = append(endings, d.ending(e))
		}
		f.endings = &endings
	}
	requests := d.entries(top.get("requests"), "requests")
	f.requests = make([]Request, 0, len(requests))
	for _, e := range requests {
		f.requests = append(f.requests, d.request(e))
	}
	for _, e := range d.entries(top.get("actions"), "actions") {
		f.actions = append(f.actions, d.action(e))
	}
	injects := d.entries(top.get("injects"), "injects")
	f.injects = make([]Inject, 0, len(injects)) // large structs: grow once
	for _, e := range injects {
		f.injects = append(f.injects, d.inject(e))
	}
	return f
}

// idKey checks a collection key as an id.
func (d *decoder) idKey(e field, what string) string {
	if !validID(e.key) {
		d.errorf(e.keyNode, CodeBadValue, "%s id %q: use letters, digits, '-', '_' and '.' only", what, e.key)
	}
	return e.key
}

func (d *decoder) meta(n *yaml.Node) *meta {
	o := d.object(n, "scenario", "id", "title", "summary", "facilitator_summary", "start", "timezone", "end", "playing_time")
	d.require(o, "scenario", "id", "title", "start", "end")
	m := &meta{
		id:                 d.id(o.get("id"), "scenario.id"),
		title:              d.nonEmpty(o.get("title"), "scenario.title"),
		summary:            d.text(o.get("summary"), "scenario.summary"),
		facilitatorSummary: d.text(o.get("facilitator_summary"), "scenario.facilitator_summary"),
		pos:                d.pos(o.node),
	}
	loc := time.UTC
	if v := o.get("timezone"); v != nil {
		name := d.text(v, "scenario.timezone")
		l, err := time.LoadLocation(name)
		if err != nil || name == "" {
			d.errorf(v, CodeTime, "scenario.timezone: unknown time zone %q; use a name like America/New_York", name)
		} else {
			loc = l
		}
	} else {
		loc = Washington
	}
	if v := o.get("start"); v != nil {
		s := d.text(v, "scenario.start")
		t, ok := parseCalendar(s, loc)
		if !ok {
			d.errorf(v, CodeTime, "scenario.start: expected a date and time like 2015-09-25 09:00, found %q", s)
		}
		m.start = t
	}
	if v := o.get("end"); v != nil {
		m.end, m.hasEnd = d.storyTime(v, "scenario.end", m)
		if m.hasEnd && m.end <= 0 {
			d.errorf(v, CodeTime, "scenario.end: the end must come after the start")
			m.hasEnd = false
		}
	}
	if v := o.get("playing_time"); v != nil {
		if dur, ok := d.duration(v, "scenario.playing_time"); ok {
			m.playingTime = d.positive(v, "scenario.playing_time", dur, 0)
		}
	}
	return m
}

// storyTime reads a time on the story calendar: an offset like "T+30d", or
// a calendar time like "2015-12-01 10:00" when the file has a start.
func (d *decoder) storyTime(n *yaml.Node, what string, m *meta) (time.Duration, bool) {
	s := d.scalar(n, what, "a time like T+30d or 2015-12-01 10:00")
	if s == nil {
		return 0, false
	}
	if off, err := ParseDuration(s.Value); err == nil {
		return off, true
	}
	if m != nil && !m.start.IsZero() {
		if t, ok := parseCalendar(s.Value, m.start.Location()); ok {
			return t.Sub(m.start), true
		}
	}
	if m == nil || m.start.IsZero() {
		if _, ok := parseCalendar(s.Value, time.UTC); ok {
			d.errorf(s, CodeTime, "%s: a calendar time needs scenario.start in this file; write an offset like T+30d", what)
			return 0, false
		}
	}
	d.errorf(s, CodeTime, "%s: expected a time like T+30d or 2015-12-01 10:00, found %s", what, describe(s))
	return 0, false
}

// texts reads a list of lines of text, leaving out empty ones.
func (d *decoder) texts(n *yaml.Node, what string) []string {
	var out []string
	for _, item := range d.list(n, what) {
		if t := strings.TrimSpace(d.text(item, what)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// exercise reads the exercise: block, the sitting's particulars.
func (d *decoder) exercise(n *yaml.Node) *Exercise {
	o := d.object(n, "exercise", "date", "start", "location", "sponsor", "contact", "organizations")
	ex := &Exercise{
		Location:      d.text(o.get("location"), "exercise.location"),
		Sponsor:       d.text(o.get("sponsor"), "exercise.sponsor"),
		Contact:       d.text(o.get("contact"), "exercise.contact"),
		Organizations: d.texts(o.get("organizations"), "exercise.organizations"),
	}
	if v := o.get("date"); v != nil {
		s := d.text(v, "exercise.date")
		if t, err := time.Parse("2006-01-02", strings.TrimSpace(s)); err == nil {
			ex.Date = t
		} else {
			d.errorf(v, CodeTime, "exercise.date: expected a date like 2026-11-23, found %q", s)
		}
	}
	if v := o.get("start"); v != nil {
		s := d.text(v, "exercise.start")
		if at, ok := ParseClockTime(s); ok {
			ex.Start, ex.Timed = at, true
		} else {
			d.errorf(v, CodeTime, "exercise.start: expected a time of day like 09:00, found %q", s)
		}
	}
	return ex
}

// feedback reads the feedback: block, the participants' feedback form.
func (d *decoder) feedback(n *yaml.Node) *[]string {
	o := d.object(n, "feedback", "questions")
	d.require(o, "feedback", "questions")
	qs := d.texts(o.get("questions"), "feedback.questions")
	if v := o.get("questions"); v != nil && (len(qs) == 0 || len(qs) > MaxFeedbackQuestions) {
		d.errorf(v, CodeBadValue, "feedback.questions: give from 1 to %d questions, found %d", MaxFeedbackQuestions, len(qs))
	}
	return &qs
}

func (d *decoder) include(n *yaml.Node) include {
	n = d.deref(n)
	if n != nil && n.Kind == yaml.MappingNode {
		o := d.object(n, "include", "file", "at")
		d.require(o, "include", "file")
		inc := include{file: d.text(o.get("file"), "include.file"), pos: d.pos(o.get("file"))}
		if v := o.get("at"); v != nil {
			inc.at, _ = d.duration(v, "include.at")
		}
		return inc
	}
	return include{file: d.text(n, "include"), pos: d.pos(n)}
}

func (d *decoder) side(f *fileDoc, side Side, e field) {
	what := "sides." + side.String()
	o := d.object(e.value, what, "name", "lead", "interests", "teams", "counterparts")
	sd := sideDoc{
		name:      d.text(o.get("name"), what+".name"),
		lead:      d.text(o.get("lead"), what+".lead"),
		interests: d.texts(o.get("interests"), what+".interests"),
		declared:  true,
		pos:       d.pos(e.keyNode),
	}
	for _, c := range d.list(o.get("counterparts"), what+".counterparts") {
		sd.counterparts = append(sd.counterparts, d.id(c, what+".counterparts"))
		sd.counterpartPos = append(sd.counterpartPos, d.pos(c))
	}
	for _, t := range d.entries(o.get("teams"), what+".teams") {
		team := Team{ID: d.idKey(t, "team"), Side: side, Pos: d.pos(t.keyNode)}
		if v := d.deref(t.value); v != nil && v.Kind == yaml.MappingNode {
			to := d.object(v, "team "+strconv.Quote(t.key), "name", "role")
			d.require(to, "team "+strconv.Quote(t.key), "name")
			team.Name = d.nonEmpty(to.get("name"), "team "+strconv.Quote(t.key)+" name")
			team.Role = d.text(to.get("role"), "team "+strconv.Quote(t.key)+" role")
		} else {
			team.Name = d.nonEmpty(t.value, "team "+strconv.Quote(t.key)+" name")
		}
		f.teams = append(f.teams, team)
	}
	f.sides[side] = sd
}

func (d *decoder) persona(e field) Persona {
	what := "persona " + strconv.Quote(e.key)
	o := d.object(e.value, what, "name", "affiliation")
	d.require(o, what, "name", "affiliation")
	p := Persona{ID: d.idKey(e, "persona"), Name: d.nonEmpty(o.get("name"), what+" name"), Pos: d.pos(e.keyNode)}
	if v := o.get("affiliation"); v != nil {
		a, _ := d.enum(v, what+" affiliation", affiliationNames)
		p.Affiliation = Affiliation(a)
	}
	return p
}

// scalarValue reads a variable value, keeping its YAML type for checking
// against the variable's declared type.
func (d *decoder) scalarValue(n *yaml.Node, what string) (Value, bool) {
	s := d.scalar(n, what, "a value")
	if s == nil {
		return Value{}, false
	}
	v := Value{Type: Text, Text: s.Value}
	switch s.Tag {
	case "!!int":
		i, err := strconv.Atoi(strings.TrimPrefix(s.Value, "+"))
		switch {
		case err != nil && !errors.Is(err, strconv.ErrRange):
		case err != nil || i > MaxNumber || i < -MaxNumber:
			d.errorf(s, CodeBadValue, "%s: %s is too large: a whole number in an inject file is at most %d either way", what, describe(s), MaxNumber)
			return Value{}, false
		default:
			v.Type, v.Int = Int, i
		}
	case "!!bool":
		v.Type, v.Bool = Bool, s.Value == "true"
	}
	return v, true
}

func (d *decoder) variable(e field) Variable {
	what := "variable " + strconv.Quote(e.key)
	v := Variable{ID: e.key, Pos: d.pos(e.keyNode)}
	o := d.object(e.value, what, "type", "min", "max", "initial", "description")
	d.require(o, what, "initial")
	var initial Value
	hasInitial := false
	if n := o.get("initial"); n != nil {
		initial, hasInitial = d.scalarValue(n, what+" initial")
	}
	if n := o.get("type"); n != nil {
		t, _ := d.enum(n, what+" type", varTypeNames)
		v.Type = VarType(t)
	} else if hasInitial {
		v.Type = initial.Type
	}
	v.Description = d.text(o.get("description"), what+" description")
	hasMin, hasMax := o.has("min"), o.has("max")
	if hasMin || hasMax {
		if v.Type != Int {
			d.errorf(o.node, CodeConflicting, "%s: min and max apply to int variables only", what)
		}
		v.Min, _ = d.integer(o.get("min"), what+" min")
		v.Max, _ = d.integer(o.get("max"), what+" max")
		if !hasMax || !hasMin {
			d.errorf(o.node, CodeMissing, "%s: give both min and max, or neither", what)
		} else if v.Min > v.Max {
			d.errorf(o.get("max"), CodeBadValue, "%s: max %d is below min %d", what, v.Max, v.Min)
		}
	}
	if hasInitial {
		val, ok := convertValue(initial, v.Type)
		switch {
		case !ok:
			d.errorf(o.get("initial"), CodeType, "%s initial: expected %s, found %q%s", what, typeWords(v.Type), initial.Text, notAsWritten(d.deref(o.get("initial"))))
		case v.Meter() && (val.Int < v.Min || val.Int > v.Max):
			d.errorf(o.get("initial"), CodeBadValue, "%s initial: %d is outside %d..%d", what, val.Int, v.Min, v.Max)
		}
		v.Initial = val
	}
	v.Initial.Type = v.Type
	return v
}

// typeWords names a variable type for messages.
func typeWords(t VarType) string {
	return [...]string{"a whole number", "true or false", "text"}[t]
}

// convertValue fits a decoded scalar to a declared type. Any scalar is text.
func convertValue(v Value, t VarType) (Value, bool) {
	if t == Text {
		return Value{Type: Text, Text: v.Text}, true
	}
	return v, v.Type == t
}

func (d *decoder) ground(e field) Ground {
	what := "ground " + strconv.Quote(e.key)
	o := d.object(e.value, what, "title", "text", "covers")
	d.require(o, what, "title")
	g := Ground{ID: d.idKey(e, "ground"), Title: d.nonEmpty(o.get("title"), what+" title"),
		Text: d.text(o.get("text"), what+" text"), Pos: d.pos(e.keyNode)}
	// One list names matters, parts and flaws alike: their names differ.
	words := append(append(append([]string{}, categoryNames...), elementNames...), flawNames...)
	for _, c := range d.list(o.get("covers"), what+" covers") {
		s := d.scalar(c, what+" covers", "a matter, a part of a response or a flaw of a request")
		if s == nil {
			continue
		}
		if i, ok := parse(categoryNames, s.Value); ok {
			g.Covers = append(g.Covers, Category(i))
		} else if i, ok := parse(elementNames, s.Value); ok {
			g.Parts = append(g.Parts, ElementKind(i))
		} else if i, ok := parse(flawNames, s.Value); ok {
			g.Flaws = append(g.Flaws, Flaw(i))
		} else if s.Value == "updates" {
			g.Parts = append(g.Parts, Update)
		} else {
			d.errorf(s, CodeBadValue, "%s covers: %s is not allowed%s", what, describe(s), suggestOr(s.Value, words))
		}
	}
	return g
}

var profileKeys = []string{"title", "description", "pace", "respond", "quality", "decline", "clarify",
	"answer", "answers", "escalate", "tones", "initiative"}

func (d *decoder) profile(e field) Profile {
	what := "profile " + strconv.Quote(e.key)
	o := d.object(e.value, what, profileKeys...)
	d.require(o, what, "title")
	p := baseProfile()
	p.ID, p.Pos = d.idKey(e, "profile"), d.pos(e.keyNode)
	p.Title = d.nonEmpty(o.get("title"), what+" title")
	p.Description = d.text(o.get("description"), what+" description")
	if v := o.get("pace"); v != nil {
		if x, ok := d.number(v, what+" pace"); ok {
			if x < 0 || x > 3 {
				d.errorf(v, CodeBadValue, "%s pace: expected a share of the due window between 0 and 3, found %v", what, x)
			} else {
				p.Pace = x
			}
		}
	}
	p.Respond = d.chance(o.get("respond"), what+" respond", p.Respond)
	p.Decline = d.chance(o.get("decline"), what+" decline", p.Decline)
	p.Clarify = d.chance(o.get("clarify"), what+" clarify", p.Clarify)
	p.Answer = d.chance(o.get("answer"), what+" answer", p.Answer)
	p.Initiative = d.chance(o.get("initiative"), what+" initiative", p.Initiative)
	d.weights(o.get("quality"), what+" quality", qualityNames, p.Quality[:])
	d.weights(o.get("answers"), what+" answers", answerNames, p.Answers[:])
	d.weights(o.get("tones"), what+" tones", toneNames, p.Tones[:])
	if v := o.get("escalate"); v != nil {
		if s := d.deref(v); s != nil && s.Kind == yaml.ScalarNode && s.Value == "never" {
			p.Escalate = 0
		} else if dur, ok := d.duration(v, what+" escalate"); ok {
			if dur == 0 {
				dur = time.Minute
			}
			p.Escalate = dur
		}
	}
	return p
}

func (d *decoder) hotline(n *yaml.Node) *Hotline {
	o := d.object(n, "hotline", "answer_within", "commit_within", "impose_after", "ladder", "ceiling", "moves")
	h := defaultHotline()
	h.Pos = d.pos(o.node)
	if v := o.get("answer_within"); v != nil {
		if dur, ok := d.duration(v, "hotline.answer_within"); ok {
			h.AnswerWithin = d.positive(v, "hotline.answer_within", dur, h.AnswerWithin)
		}
	}
	if v := o.get("commit_within"); v != nil {
		if dur, ok := d.duration(v, "hotline.commit_within"); ok {
			h.CommitWithin = d.positive(v, "hotline.commit_within", dur, h.CommitWithin)
		}
	}
	if v := o.get("impose_after"); v != nil {
		if dur, ok := d.duration(v, "hotline.impose_after"); ok {
			h.ImposeAfter = d.positive(v, "hotline.impose_after", dur, h.ImposeAfter)
		}
	}
	if v := o.get("ladder"); v != nil {
		var rungs []Rung
		for _, e := range d.entries(v, "hotline.ladder") {
			r := Rung{ID: d.idKey(e, "rung")}
			if m := d.deref(e.value); m != nil && m.Kind == yaml.MappingNode {
				ro := d.object(m, "rung "+strconv.Quote(e.key), "title", "text")
				r.Title = d.text(ro.get("title"), "rung "+strconv.Quote(e.key)+" title")
				r.Text = d.text(ro.get("text"), "rung "+strconv.Quote(e.key)+" text")
			} else {
				r.Title = d.text(e.value, "rung "+strconv.Quote(e.key))
			}
			if r.Title == "" {
				r.Title = e.key
			}
			rungs = append(rungs, r)
		}
		if len(rungs) < 2 {
			d.errorf(v, CodeBadValue, "hotline.ladder: give at least two rungs, lowest first")
		} else {
			h.Rungs, h.Ceiling = rungs, len(rungs)-1
		}
	}
	if v := o.get("ceiling"); v != nil {
		var ids []string
		for _, r := range h.Rungs {
			ids = append(ids, r.ID)
		}
		if i, ok := d.enum(v, "hotline.ceiling", ids); ok {
			h.Ceiling = i
		}
	}
	if v := o.get("moves"); v != nil {
		mo := d.object(v, "hotline.moves", "ring", "missed", "commit", "explain", "deny", "kept", "broken")
		for key, dst := range map[string]*int{"ring": &h.Moves.Ring, "missed": &h.Moves.Missed,
			"commit": &h.Moves.Commit, "explain": &h.Moves.Explain, "deny": &h.Moves.Deny,
			"kept": &h.Moves.Kept, "broken": &h.Moves.Broken} {
			if mv := mo.get(key); mv != nil {
				*dst, _ = d.integer(mv, "hotline.moves."+key)
			}
		}
	}
	return &h
}

// positive reports a zero duration where one must be positive.
func (d *decoder) positive(n *yaml.Node, what string, v, def time.Duration) time.Duration {
	if v <= 0 {
		d.errorf(n, CodeDuration, "%s: must be longer than 0m", what)
		return def
	}
	return v
}

func (d *decoder) costs(n *yaml.Node) *Costs {
	c := defaultCosts()
	for _, e := range d.entries(n, "costs") {
		k, ok := parse(elementNames, e.key)
		if !ok {
			d.errorf(e.keyNode, CodeUnknownKey, "costs: unknown element %q%s", e.key, suggestOr(e.key, elementNames))
			continue
		}
		what := "costs." + e.key
		if v := d.deref(e.value); v != nil && v.Kind == yaml.MappingNode {
			qo := d.object(v, what, qualityNames...)
			for q, qn := range qualityNames {
				if qv := qo.get(qn); qv != nil {
					c[k][q], _ = d.duration(qv, what+"."+qn)
				}
			}
			continue
		}
		if dur, ok := d.duration(e.value, what); ok {
			c[k] = [numQualities]time.Duration{dur, dur, dur}
		}
	}
	return &c
}

func (d *decoder) review(n *yaml.Node, m *meta) *Review {
	o := d.object(n, "review", "meetings", "weights")
	r := Review{Weights: defaultWeights, Pos: d.pos(o.node)}
	for _, mn := range d.list(o.get("meetings"), "review.meetings") {
		title := ""
		if b := d.deref(mn); b != nil && b.Kind == yaml.MappingNode {
			mo := d.object(b, "review.meetings", "at", "title")
			d.require(mo, "review.meetings", "at")
			title = d.text(mo.get("title"), "review.meetings title")
			if mn = mo.get("at"); mn == nil {
				continue
			}
		}
		if off, ok := d.storyTime(mn, "review.meetings", m); ok {
			r.Meetings = append(r.Meetings, off)
			r.Titles = append(r.Titles, title)
			r.meetingPos = append(r.meetingPos, d.pos(mn))
		}
	}
	if v := o.get("weights"); v != nil {
		w := [3]float64{}
		d.weights(v, "review.weights", []string{"timeliness", "quality", "cooperation"}, w[:])
		r.Weights = Weights{Timeliness: w[0], Quality: w[1], Cooperation: w[2]}
		if w[0]+w[1]+w[2] == 0 {
			d.errorf(v, CodeBadValue, "review.weights: at least one weight must be above 0")
			r.Weights = defaultWeights
		}
	}
	return &r
}

func (d *decoder) ending(e field) Ending {
	what := "ending " + strconv.Quote(e.key)
	o := d.object(e.value, what, "title", "text", "if")
	d.require(o, what, "title")
	end := Ending{ID: d.idKey(e, "ending"), Title: d.nonEmpty(o.get("title"), what+" title"),
		Text: d.text(o.get("text"), what+" text"), Pos: d.pos(e.keyNode)}
	if v := o.get("if"); v != nil {
		end.If = d.condition(v, what+" if")
	}
	return end
}

var requestKeys = []string{"kind", "from", "to", "subject", "body", "category", "basis", "attached", "due", "grounds", "if",
	"on_overdue", "objectives", "verifies"}

func (d *decoder) request(e field) Request {
	what := "request " + strconv.Quote(e.key)
	o := d.object(e.value, what, requestKeys...)
	d.require(o, what, "kind", "from", "subject", "category", "due")
	r := Request{ID: d.idKey(e, "request"), Pos: d.pos(e.keyNode)}
	if v := o.get("kind"); v != nil {
		k, _ := d.enum(v, what+" kind", requestKindNames)
		r.Kind = RequestKind(k)
	}
	if v := o.get("from"); v != nil {
		s, _ := d.enum(v, what+" from", sideNames)
		r.From = Side(s)
	}
	r.To = r.From.Other()
	if v := o.get("to"); v != nil {
		if s, ok := d.enum(v, what+" to", sideNames); ok && Side(s) == r.From {
			d.errorf(v, CodeBadValue, "%s: a request goes to the other side; from and to are both %q", what, r.From)
		}
	}
	r.Subject = d.nonEmpty(o.get("subject"), what+" subject")
	r.Body = d.text(o.get("body"), what+" body")
	if v := o.get("category"); v != nil {
		c, _ := d.enum(v, what+" category", categoryNames)
		r.Category = Category(c)
	}
	if v := o.get("basis"); v != nil {
		b, _ := d.enum(v, what+" basis", basisNames)
		r.Basis = Basis(b)
	}
	for _, a := range d.list(o.get("attached"), what+" attached") {
		if t := d.text(a, what+" attached"); t != "" {
			r.Attached = append(r.Attached, t)
		}
	}
	if v := o.get("due"); v != nil {
		r.Elements = d.due(v, what)
	}
	for _, g := range d.list(o.get("grounds"), what+" grounds") {
		r.Grounds = append(r.Grounds, d.id(g, what+" grounds"))
		r.groundPos = append(r.groundPos, d.pos(g))
	}
	if v := o.get("if"); v != nil {
		r.Available = d.condition(v, what+" if")
	}
	r.OnOverdue = d.effects(o.get("on_overdue"), what+" on_overdue")
	for _, ob := range d.list(o.get("objectives"), what+" objectives") {
		r.Objectives = append(r.Objectives, d.id(ob, what+" objectives"))
		r.objectivePos = append(r.objectivePos, d.pos(ob))
	}
	if v := o.get("verifies"); v != nil {
		r.Verifies, r.verifiesPos = d.id(v, what+" verifies"), d.pos(v)
	}
	return r
}

// objectiveKeys are the keys of an objective's long form; the short form
// is its text alone.
var objectiveKeys = []string{"text", "injects", "requests", "tasks"}

// objective reads an objective: its text, or a block with the text and the
// injects and requests that exercise it.
func (d *decoder) objective(e field) Objective {
	what := "objective " + strconv.Quote(e.key)
	ob := Objective{ID: d.idKey(e, "objective"), Pos: d.pos(e.keyNode)}
	if n := d.deref(e.value); n == nil || n.Kind != yaml.MappingNode {
		ob.Text = d.nonEmpty(e.value, what+" text")
		return ob
	}
	o := d.object(e.value, what, objectiveKeys...)
	d.require(o, what, "text")
	ob.Text = d.nonEmpty(o.get("text"), what+" text")
	for _, n := range d.list(o.get("injects"), what+" injects") {
		ob.Injects = append(ob.Injects, d.id(n, what+" injects"))
		ob.injectPos = append(ob.injectPos, d.pos(n))
	}
	for _, n := range d.list(o.get("requests"), what+" requests") {
		ob.Requests = append(ob.Requests, d.id(n, what+" requests"))
		ob.requestPos = append(ob.requestPos, d.pos(n))
	}
	ob.Tasks = d.texts(o.get("tasks"), what+" tasks")
	return ob
}

var dueKeys = []string{"acknowledge", "preserve", "investigate", "mitigate", "updates", "results"}

// due reads a request's element due times, in the canonical element order.
func (d *decoder) due(n *yaml.Node, what string) []ElementSpec {
	o := d.object(n, what+" due", dueKeys...)
	d.require(o, what+" due", "acknowledge")
	var els []ElementSpec
	for k, key := range dueKeys {
		v := o.get(key)
		if v == nil {
			continue
		}
		kind := ElementKind(k)
		if key == "updates" {
			list := d.list(v, what+" due.updates")
			for i, u := range list {
				dur, ok := d.duration(u, what+" due.updates")
				if !ok {
					continue
				}
				id := "update"
				if len(list) > 1 {
					id = "update-" + strconv.Itoa(i+1)
				}
				els = append(els, ElementSpec{ID: id, Kind: Update, Due: d.positive(u, what+" due.updates", dur, time.Hour)})
			}
			continue
		}
		if dur, ok := d.duration(v, what+" due."+key); ok {
			els = append(els, ElementSpec{ID: key, Kind: kind, Due: d.positive(v, what+" due."+key, dur, time.Hour)})
		}
	}
	return els
}

func (d *decoder) action(e field) Action {
	what := "action " + strconv.Quote(e.key)
	o := d.object(e.value, what, "side", "label", "text", "tone", "if", "once", "about", "sanctions", "effects", "supports", "neutral", "undermines")
	d.require(o, what, "side", "label")
	a := Action{ID: d.idKey(e, "action"), Label: d.nonEmpty(o.get("label"), what+" label"),
		Text: d.text(o.get("text"), what+" text"), Pos: d.pos(e.keyNode)}
	if v := o.get("side"); v != nil {
		s, _ := d.enum(v, what+" side", sideNames)
		a.Side = Side(s)
	}
	if v := o.get("tone"); v != nil {
		t, _ := d.enum(v, what+" tone", toneNames)
		a.Tone = Tone(t)
	}
	if v := o.get("if"); v != nil {
		a.If = d.condition(v, what+" if")
	}
	if v := o.get("once"); v != nil {
		a.Once, _ = d.boolean(v, what+" once")
	}
	if v := o.get("about"); v != nil {
		a.About, a.aboutPos = d.id(v, what+" about"), d.pos(v)
	}
	if v := o.get("sanctions"); v != nil {
		if st, ok := d.enum(v, what+" sanctions", sanctionsNames[1:]); ok {
			a.Sanctions, a.sanctionsPos = SanctionsStep(st+1), d.pos(v)
		}
	}
	a.Effects = d.effects(o.get("effects"), what+" effects")
	a.Bearings = d.bearings(o, what)
	return a
}

var injectKeys = []string{"at", "after", "when", "delay", "to", "from", "channel", "title", "body", "notes",
	"objectives", "effects", "choices", "deadline"}

func (d *decoder) inject(e field) Inject {
	what := "inject " + strconv.Quote(e.key)
	o := d.object(e.value, what, injectKeys...)
	d.require(o, what, "to", "from", "channel", "title")
	in := Inject{ID: d.idKey(e, "inject"), Pos: d.pos(e.keyNode)}
	in.Trigger = d.trigger(o, what)
	if v := o.get("to"); v != nil {
		in.toPos = d.pos(v)
		switch to := d.id(v, what+" to"); to {
		case "all":
			in.To.All = true
		case "us", "cn":
			in.To.Side, _ = ParseSide(to)
		default:
			in.To.Team = to // resolved to its side once teams are known
		}
	}
	in.From, in.fromPos = d.id(o.get("from"), what+" from"), d.pos(o.get("from"))
	if v := o.get("channel"); v != nil {
		c, _ := d.enum(v, what+" channel", channelNames)
		in.Channel = Channel(c)
	}
	in.Title = d.nonEmpty(o.get("title"), what+" title")
	in.Body = d.text(o.get("body"), what+" body")
	in.Notes = d.text(o.get("notes"), what+" notes")
	for _, ob := range d.list(o.get("objectives"), what+" objectives") {
		in.Objectives = append(in.Objectives, d.id(ob, what+" objectives"))
		in.objectivePos = append(in.objectivePos, d.pos(ob))
	}
	in.Effects = d.effects(o.get("effects"), what+" effects")
	for _, c := range d.entries(o.get("choices"), what+" choices") {
		in.Choices = append(in.Choices, d.choice(c, what))
	}
	if v := o.get("deadline"); v != nil {
		in.Deadline = d.deadline(v, what)
	}
	return in
}

func (d *decoder) trigger(o object, what string) Trigger {
	var t Trigger
	var set []string
	for _, k := range []string{"at", "after", "when"} {
		if o.has(k) {
			set = append(set, k)
		}
	}
	if len(set) > 1 {
		d.errorf(o.get(set[1]), CodeConflicting, "%s: give one of at, after or when, not %s", what, strings.Join(set, " and "))
	}
	switch {
	case o.has("at"):
		t.Kind, t.Pos = At, d.pos(o.get("at"))
		t.At, _ = d.duration(o.get("at"), what+" at")
	case o.has("after"):
		t.Kind, t.Pos = After, d.pos(o.get("after"))
		t.After = d.id(o.get("after"), what+" after")
	case o.has("when"):
		t.Kind, t.Pos = When, d.pos(o.get("when"))
		t.If = d.condition(o.get("when"), what+" when")
	}
	if v := o.get("delay"); v != nil {
		if t.Kind == At || t.Kind == Reserve {
			d.errorf(v, CodeConflicting, "%s: delay goes with after or when; with at, add it to the time", what)
		}
		t.Delay, _ = d.duration(v, what+" delay")
	}
	return t
}

func (d *decoder) choice(e field, injectWhat string) Choice {
	what := injectWhat + " choice " + strconv.Quote(e.key)
	o := d.object(e.value, what, "label", "tone", "if", "effects", "next", "supports", "neutral", "undermines")
	d.require(o, what, "label")
	c := Choice{ID: d.idKey(e, "choice"), Label: d.nonEmpty(o.get("label"), what+" label"), Pos: d.pos(e.keyNode)}
	if v := o.get("tone"); v != nil {
		t, _ := d.enum(v, what+" tone", toneNames)
		c.Tone = Tone(t)
	}
	if v := o.get("if"); v != nil {
		c.If = d.condition(v, what+" if")
	}
	c.Effects = d.effects(o.get("effects"), what+" effects")
	c.Next, c.nextPos = d.id(o.get("next"), what+" next"), d.pos(o.get("next"))
	c.Bearings = d.bearings(o, what)
	return c
}

// bearings reads what a choice or an action means for objectives: under
// supports, neutral and undermines, each objective with the reason.
func (d *decoder) bearings(o object, what string) []Bearing {
	var out []Bearing
	for v, key := range verdictNames {
		for _, e := range d.entries(o.get(key), what+" "+key) {
			b := Bearing{Objective: d.idKey(e, "objective"), Verdict: Verdict(v), Why: strings.TrimSpace(d.text(e.value, what+" "+key+" "+e.key)), Pos: d.pos(e.keyNode)}
			if n := d.deref(e.value); b.Why == "" && (isNull(n) || n.Kind == yaml.ScalarNode) {
				d.errorf(e.keyNode, CodeMissing, "%s %s %s: give the reason, a sentence a teacher can read aloud in the debrief", what, key, e.key)
			}
			if prev, ok := BearingOn(out, b.Objective); ok {
				d.errorf(e.keyNode, CodeConflicting, "%s: %q is under both %s and %s; say once what the course means for an objective", what, b.Objective, prev.Verdict, key)
				continue
			}
			out = append(out, b)
		}
	}
	return out
}

func (d *decoder) deadline(n *yaml.Node, injectWhat string) *Deadline {
	what := injectWhat + " deadline"
	dl := &Deadline{Pos: d.pos(n)}
	if s := d.deref(n); s != nil && s.Kind == yaml.ScalarNode {
		if dur, ok := d.duration(s, what); ok {
			dl.Within = d.positive(s, what, dur, time.Hour)
		}
		return dl
	}
	o := d.object(n, what, "within", "choose", "effects")
	d.require(o, what, "within")
	if v := o.get("within"); v != nil {
		if dur, ok := d.duration(v, what+" within"); ok {
			dl.Within = d.positive(v, what+" within", dur, time.Hour)
		}
	}
	dl.Choose, dl.choosePos = d.id(o.get("choose"), what+" choose"), d.pos(o.get("choose"))
	dl.Effects = d.effects(o.get("effects"), what+" effects")
	return dl
}

var effectKeys = []string{"set", "change", "open", "ring", "fire", "cancel", "ladder", "end"}

// effects reads a list of effects, each a single key: value pair.
func (d *decoder) effects(n *yaml.Node, what string) []Effect {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, CodeType, "%s: expected a list of effects (each line starting with \"- \"), found %s", what, describe(n))
		return nil
	}
	var out []Effect
	for _, item := range n.Content {
		fields := d.entries(item, what)
		if len(fields) == 0 {
			if it := d.deref(item); isNull(it) || it.Kind == yaml.MappingNode {
				d.errorf(item, CodeMissing, "%s: an effect needs one of: %s", what, strings.Join(effectKeys, ", "))
			}
			continue
		}
		if len(fields) > 1 {
			d.errorf(fields[1].keyNode, CodeConflicting, "%s: one effect per list item; start %q on its own line with \"- \"", what, fields[1].key)
		}
		for _, f := range fields {
			out = append(out, d.effect(f, what)...)
		}
	}
	return out
}

func (d *decoder) effect(f field, what string) []Effect {
	kind, ok := parse(effectKeys, f.key)
	if !ok {
		d.errorf(f.keyNode, CodeUnknownKey, "%s: unknown effect %q%s", what, f.key, suggestOr(f.key, effectKeys))
		return nil
	}
	ek := EffectKind(kind)
	switch ek {
	case SetVar, ChangeVar:
		var out []Effect
		for _, e := range d.entries(f.value, what+" "+f.key) {
			v, ok := d.scalarValue(e.value, what+" "+f.key+" "+e.key)
			if !ok {
				continue
			}
			if ek == ChangeVar && v.Type != Int {
				d.errorf(e.value, CodeType, "%s change %s: expected a whole number to add, like 10 or -5, found %s", what, e.key, describe(d.deref(e.value)))
				continue
			}
			out = append(out, Effect{Kind: ek, Var: e.key, Value: v, Pos: d.pos(e.keyNode)})
		}
		if len(out) == 0 && isNull(d.deref(f.value)) {
			d.errorf(f.keyNode, CodeMissing, "%s: %s needs variable: value pairs", what, f.key)
		}
		return out
	case MoveLadder:
		steps, ok := d.integer(f.value, what+" ladder")
		if ok && steps == 0 {
			d.errorf(f.value, CodeBadValue, "%s ladder: give the rungs to move, like 1 or -1", what)
		}
		return []Effect{{Kind: ek, Steps: steps, Pos: d.pos(f.value)}}
	case RingLine:
		o := d.object(f.value, what+" ring", "from", "about")
		d.require(o, what+" ring", "from")
		e := Effect{Kind: ek, Pos: d.pos(f.keyNode)}
		if v := o.get("from"); v != nil {
			s, _ := d.enum(v, what+" ring from", sideNames)
			e.Side = Side(s)
		}
		e.Target = d.id(o.get("about"), what+" ring about")
		return []Effect{e}
	default:
		target := d.id(f.value, what+" "+f.key)
		return []Effect{{Kind: ek, Target: target, Pos: d.pos(d.deref(f.value))}}
	}
}
