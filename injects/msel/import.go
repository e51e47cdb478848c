package msel

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v4"

	"hotline/injects"
)

// Options say how to import a sheet.
type Options struct {
	// Output is where the inject file will be written: its name gives a new
	// scenario's id, and the file is checked there, so that its includes
	// resolve as they will.
	Output string
	// Base, when set, is the inject file or built-in scenario the sheet was
	// exported from. Its sections other than the injects are kept, and so
	// is what the sheet cannot hold of each inject it lists: effects, the
	// effects and tones of choices, the effects of deadlines. Without it,
	// the file is made from the sheet alone, with the built-in delegations,
	// meters and hotline of common.yaml.
	Base string
}

// Finding is a problem with a cell of the sheet, or with the file made
// from it.
type Finding struct {
	Where    string // a cell, as Sheet.Cell names it, or a file
	Severity injects.Severity
	Message  string

	line, col int // of a cell, for sorting; 0 for a file
}

func (f Finding) String() string { return fmt.Sprintf("%s: %s: %s", f.Where, f.Severity, f.Message) }

// Findings lists findings; Errors counts the errors among them.
type Findings []Finding

// Errors returns how many findings are errors.
func (fs Findings) Errors() int {
	n := 0
	for _, f := range fs {
		if f.Severity == injects.Error {
			n++
		}
	}
	return n
}

// entry is a row read into an inject's fields.
type entry struct {
	line       int // the sheet's row number
	id         string
	trigger    string // "at", "after", "when" or "" for a reserve inject
	at         time.Duration
	after      string
	when       string
	delay      time.Duration
	from, to   string
	channel    string
	title      string
	body       string
	notes      string
	choices    []choice
	deadline   *deadline
	objectives []objective
	// Whether the story-time cells were given, to check them against the
	// time the file gives the inject.
	given [2]bool
	times [2]time.Time
	// Which time counts (see times.go): whether a story time does rather
	// than the Time cell, and which; which story cells were changed since
	// export.
	storyWins bool
	storyCell int
	changed   [2]bool
}

type choice struct{ id, label string }

type deadline struct {
	within time.Duration
	choose string
}

type objective struct{ id, text string }

// importer turns a sheet into an inject file.
type importer struct {
	s     *Sheet
	opt   Options
	found Findings
	// What the sheet's names resolve against: the base scenario, or the
	// built-in delegations.
	known *injects.Scenario
	start time.Time
	own   map[string]bool // the injects the base file itself holds
	// exported are the rows the base file's own injects export to, by id:
	// what the sheet was before it was edited.
	exported map[string][NumCols]string
	entries  []*entry
	rowOf    map[string]int // inject id -> index in entries
	// The personas and objectives the sheet names that the scenario lacks,
	// to be declared in the file.
	personas   []objective // id and name
	objectives []objective
	// Indexes of them, so that a sheet of thousands of rows is read in
	// time that grows with its rows.
	personaIDs   map[string]string // by the slug of an id or a name
	personaUsed  map[string]int
	objectiveIDs map[string]bool
	refused      map[string]bool // kinds past maxNew, reported once
}

func (im *importer) errorf(col, line int, format string, args ...any) {
	im.cellf(injects.Error, col, line, format, args...)
}

func (im *importer) warnf(col, line int, format string, args ...any) {
	im.cellf(injects.Warning, col, line, format, args...)
}

func (im *importer) cellf(sev injects.Severity, col, line int, format string, args ...any) {
	im.found = append(im.found, Finding{Where: im.s.Cell(col, line), Severity: sev, Message: fmt.Sprintf(format, args...),
		line: line, col: im.s.Columns[col]})
}

// sorted returns the findings about the file first, then the cells' by row
// and column.
func (fs Findings) sorted() Findings {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return a.col - b.col
	})
	return fs
}

// Import makes an inject file from a sheet. It returns the file's text and
// every finding; when there are errors, the text is nil. The file it
// returns validates.
func Import(s *Sheet, opt Options) ([]byte, Findings) {
	im := &importer{s: s, opt: opt, rowOf: map[string]int{}, objectiveIDs: map[string]bool{}}
	text, found := im.run()
	var head Findings
	for _, w := range s.Warnings {
		where, msg, _ := strings.Cut(w, ": warning: ")
		head = append(head, Finding{Where: where, Severity: injects.Warning, Message: msg})
	}
	return text, append(head, found.sorted()...)
}

func (im *importer) run() ([]byte, Findings) {
	opt := im.opt
	var base *baseFile
	if opt.Base != "" {
		var err error
		if base, err = readBase(opt.Base); err != nil {
			return nil, append(im.found, Finding{Where: opt.Base, Severity: injects.Error, Message: err.Error()})
		}
		im.known, im.start, im.own = base.sc, base.sc.Start, base.own
	} else {
		im.known = commonScenario()
	}
	im.read()
	if im.found.Errors() > 0 {
		return nil, im.found
	}
	var doc *yaml.Node
	if base != nil {
		doc = im.onto(base)
	} else {
		doc = im.alone()
	}
	if im.found.Errors() > 0 {
		return nil, im.found
	}
	text, err := base.encode(doc)
	if err != nil {
		return nil, append(im.found, Finding{Where: opt.Output, Severity: injects.Error, Message: err.Error()})
	}
	im.check(text, base)
	if im.found.Errors() > 0 {
		return nil, im.found
	}
	return text, im.found
}

// commonScenario is the built-in delegations, personas and objectives that
// a file made from a sheet alone includes.
func commonScenario() *injects.Scenario {
	sc, _ := injects.Parse("common.yaml", []byte("format: 1\nscenario: {id: common, title: Common, start: 2015-10-05, end: T+1d}\ninclude: [common.yaml]\n"))
	return sc
}

// The patterns that read cells. They are compiled on first use: every
// command of the program links this package, and only import reads cells.
var (
	laterRe  = lazyRegexp(`^(.*?),\s*(\S+)\s+later$`)
	offsetRe = lazyRegexp(`^[Tt]\+(?:(\d+)d)?(\d{1,2}):(\d{2})$`) // T+1d02:00, as transcripts write it
	idRe     = lazyRegexp(`^[A-Za-z0-9._-]{1,80}$`)
	choiceRe = lazyRegexp(`^([A-Za-z0-9._-]{1,80}):\s+(.+)$`)
	// A deadline line: "Deadline 12h" or "Deadline 12h: choice".
	deadlineRe = lazyRegexp(`^(?i:deadline)\s+(\S+?)(?::\s*(\S+))?$`)
)

func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// storyLayouts are the ways a story time may be written in a cell,
// including how spreadsheets show date cells.
var storyLayouts = []string{storyLayout, "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05",
	"1/2/2006 15:04", "1/2/06 15:04", "01-02-06 15:04", "1/2/2006 3:04 PM", "1/2/06 3:04 PM"}

func parseStory(s string, loc *time.Location) (time.Time, bool) {
	for _, l := range storyLayouts {
		if t, err := time.ParseInLocation(l, strings.TrimSpace(s), loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func parseOffset(s string) (time.Duration, error) {
	if m := offsetRe().FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		d, _ := strconv.Atoi(m[1])
		h, _ := strconv.Atoi(m[2])
		mi, _ := strconv.Atoi(m[3])
		return time.Duration(d)*24*time.Hour + time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute, nil
	}
	return injects.ParseDuration(s)
}

// read turns the rows into entries, reporting every bad cell.
func (im *importer) read() {
	s := im.s
	used, next := map[string]int{}, map[string]int{}
	// Rows of injects the file includes rather than holds are left to the
	// file they come from.
	inherited := map[string][NumCols]string{}
	exported := Export(im.known)
	im.exported = map[string][NumCols]string{}
	for _, r := range exported.Rows {
		if !im.own[r[ColID]] {
			inherited[r[ColID]] = r
		} else {
			im.exported[r[ColID]] = r
		}
	}
	for k, row := range s.Rows {
		line := s.Lines[k]
		e := &entry{line: line}
		cell := func(c int) string { return strings.TrimSpace(row[c]) }
		if was, ok := inherited[cell(ColID)]; ok {
			im.leave(row, was, line)
			continue
		}
		e.title = cell(ColSubject)
		if e.title == "" {
			im.errorf(ColSubject, line, "missing: every inject needs a subject")
		}
		e.id = cell(ColID)
		switch {
		case e.id == "":
			e.id = unique(slug(e.title), used, next)
		case !idRe().MatchString(e.id):
			im.errorf(ColID, line, "%q is not an id; use letters, digits, '-', '_' and '.', no spaces", e.id)
		}
		if first, dup := used[e.id]; dup {
			im.errorf(ColID, line, "inject %q is already the inject of row %d", e.id, first)
		}
		used[e.id] = line
		im.readTime(e, row)
		im.chooseTime(e, row)
		im.readFrom(e, cell(ColFrom))
		im.readTo(e, cell(ColTo))
		im.readChannel(e, cell(ColChannel))
		e.body = strings.TrimRight(row[ColMessage], " \n")
		e.notes = strings.TrimRight(row[ColNotes], " \n")
		im.readAction(e, row[ColAction])
		im.readObjectives(e, row[ColObjective])
		im.rowOf[e.id] = len(im.entries)
		im.entries = append(im.entries, e)
	}
	im.calendar()
}

// leave checks that a row of an included inject is as the included file
// has it, and warns that edits to it are not imported.
func (im *importer) leave(row, was [NumCols]string, line int) {
	for c := range row {
		if c == ColEvent || c == ColWashington || c == ColBeijing {
			continue // numbered and placed by the sheet
		}
		if strings.TrimSpace(row[c]) != strings.TrimSpace(was[c]) {
			in, _ := im.known.InjectIndex(was[ColID])
			im.warnf(c, line, "inject %q comes from %s, which this file includes: change it there; this row's edits are not imported",
				was[ColID], im.known.Injects[in].Pos.File)
			return
		}
	}
}

func (im *importer) readTime(e *entry, row [NumCols]string) {
	text := strings.TrimSpace(row[ColTime])
	for i, c := range []int{ColWashington, ColBeijing} {
		v := strings.TrimSpace(row[c])
		if v == "" {
			continue
		}
		t, ok := parseStory(v, []*time.Location{washington, beijing}[i])
		if !ok {
			im.errorf(c, e.line, "expected a story time like 2015-10-05 09:00, found %q", v)
			continue
		}
		e.given[i], e.times[i] = true, t
	}
	if m := laterRe().FindStringSubmatch(text); m != nil && (strings.HasPrefix(text, "after ") || strings.HasPrefix(text, "when ")) {
		d, err := injects.ParseDuration(m[2])
		if err != nil {
			im.errorf(ColTime, e.line, "%q: expected a delay like \"6h later\"", m[2]+" later")
		}
		text, e.delay = strings.TrimSpace(m[1]), d
	}
	switch {
	case text == "":
		if !e.given[0] && !e.given[1] {
			im.errorf(ColTime, e.line, "missing: say when the inject comes, like T+2d, or give its story time")
		}
		e.trigger = "at" // from the story time, once the calendar is known
		e.at = -1
	case strings.EqualFold(text, "reserve"):
	case strings.HasPrefix(text, "after "):
		e.trigger, e.after = "after", strings.TrimSpace(strings.TrimPrefix(text, "after "))
	case strings.HasPrefix(text, "when "):
		e.trigger, e.when = "when", strings.TrimSpace(strings.TrimPrefix(text, "when "))
	default:
		d, err := parseOffset(text)
		if err != nil {
			im.errorf(ColTime, e.line, "expected a time like T+2d or T+1d02:00, \"after INJECT\", \"when CONDITION\" or \"reserve\", found %q", text)
		}
		e.trigger, e.at = "at", d
	}
}

// calendar fixes the scenario's start, for a file made from the sheet
// alone, and turns story times into offsets where Time is blank.
func (im *importer) calendar() {
	if im.start.IsZero() {
		// A row with both an offset and a story time gives the start; else
		// the earliest story time is T+0.
		for _, e := range im.entries {
			if e.trigger == "at" && e.at >= 0 && e.given[0] {
				im.start = e.times[0].Add(-e.at)
				break
			}
		}
		if im.start.IsZero() {
			for _, e := range im.entries {
				for i := range e.given {
					if e.given[i] && (im.start.IsZero() || e.times[i].Before(im.start)) {
						im.start = e.times[i]
					}
				}
			}
		}
		if im.start.IsZero() && len(im.entries) > 0 {
			im.errorf(ColWashington, im.entries[0].line, "no row gives a story time, so the calendar cannot be set: give this one a story time, like 2015-10-05 09:00")
			return
		}
		im.start = im.start.In(washington)
	}
	for _, e := range im.entries {
		if e.trigger == "at" && e.at < 0 {
			t := e.times[e.storyCell]
			if e.at = t.Sub(im.start); e.at < 0 {
				im.errorf(ColWashington, e.line, "%s comes before the scenario's start at %s", t.In(washington).Format(storyLayout), im.start.Format(storyLayout))
			}
		}
	}
}

// lookup finds an id or a name, as written in a cell, among pairs: "White
// Cell" finds white-cell, "FBI" fbi.
func lookup(v string, ids, names []string) (string, bool) {
	for i, id := range ids {
		if v == id || slug(v) == slug(id) || slug(v) == slug(names[i]) {
			return id, true
		}
	}
	return "", false
}

func (im *importer) readFrom(e *entry, v string) {
	if v == "" {
		im.errorf(ColFrom, e.line, "missing: who sends the inject")
		return
	}
	if im.personaIDs == nil {
		// The personas by the slugs of their ids and names, as lookup
		// finds them, made once: a sheet may name thousands.
		im.personaIDs, im.personaUsed = map[string]string{}, map[string]int{}
		for _, p := range im.known.Personas {
			im.addPersona(p.ID, p.Name)
		}
	}
	if id, ok := im.personaIDs[slug(v)]; ok {
		e.from = id
		return
	}
	if len(im.personas) == maxNew {
		im.tooMany(ColFrom, e.line, "personas")
		return
	}
	e.from = unique(slug(v), im.personaUsed, nil)
	im.addPersona(e.from, v)
	im.personas = append(im.personas, objective{id: e.from, text: v})
	im.warnf(ColFrom, e.line, "a new persona, %q; the file says it speaks for the White Cell: change its affiliation under personas if not", e.from)
}

func (im *importer) readTo(e *entry, v string) {
	switch strings.ToLower(v) {
	case "":
		im.errorf(ColTo, e.line, "missing: whom the inject is for: us, cn, all or a team")
		return
	case "all", "both", "both sides", "both delegations":
		e.to = "all"
		return
	case "us", "united states", "united states delegation":
		e.to = "us"
		return
	case "cn", "china", "china delegation":
		e.to = "cn"
		return
	}
	var ids, names []string
	for _, t := range im.known.Teams {
		ids, names = append(ids, t.ID), append(names, t.Name)
	}
	if id, ok := lookup(v, ids, names); ok {
		e.to = id
		return
	}
	msg := fmt.Sprintf("no team %q; write us, cn, all or one of: %s", v, strings.Join(ids, ", "))
	if im.opt.Base == "" {
		msg += " (the built-in delegations' teams; to use the teams of your scenario, import with --base)"
	}
	im.errorf(ColTo, e.line, "%s", msg)
}

func (im *importer) readChannel(e *entry, v string) {
	var names []string
	for c := injects.Channel(0); !strings.HasPrefix(c.String(), "invalid("); c++ {
		if strings.EqualFold(v, c.String()) || strings.EqualFold(v, c.Title()) {
			e.channel = c.String()
			return
		}
		names = append(names, c.String())
	}
	if v == "" {
		im.errorf(ColChannel, e.line, "missing: how the inject arrives: %s", strings.Join(names, ", "))
		return
	}
	im.errorf(ColChannel, e.line, "%q is not a channel; use one of: %s", v, strings.Join(names, ", "))
}

// readAction reads the choices, a line each as "id: label" (or a label
// alone, which gets an id from its words), and a "Deadline 12h: id" line.
func (im *importer) readAction(e *entry, v string) {
	used := map[string]int{}
	for _, l := range strings.Split(v, "\n") {
		l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "-•*"))
		if l == "" {
			continue
		}
		if m := deadlineRe().FindStringSubmatch(l); m != nil {
			d, err := injects.ParseDuration(m[1])
			if err != nil || d <= 0 {
				im.errorf(ColAction, e.line, "%q: expected a deadline like \"Deadline 12h\" or \"Deadline 12h: choice-id\"", l)
				continue
			}
			if e.deadline != nil {
				im.errorf(ColAction, e.line, "two deadlines; an inject has one")
			}
			e.deadline = &deadline{within: d, choose: m[2]}
			continue
		}
		c := choice{}
		if m := choiceRe().FindStringSubmatch(l); m != nil {
			c.id, c.label = m[1], strings.TrimSpace(m[2])
		} else {
			c.id, c.label = slug(l), l
		}
		if _, dup := used[c.id]; dup {
			im.errorf(ColAction, e.line, "choice %q is given twice", c.id)
			continue
		}
		used[c.id] = 0
		e.choices = append(e.choices, c)
	}
}

func (im *importer) readObjectives(e *entry, v string) {
	for _, l := range strings.Split(v, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		id, text, _ := strings.Cut(l, ":")
		id, text = strings.TrimSpace(id), strings.TrimSpace(text)
		if !idRe().MatchString(id) {
			im.errorf(ColObjective, e.line, "%q: write each objective as its id, or as id: text, one a line", l)
			continue
		}
		if len(e.objectives) == maxRowObjectives {
			im.errorf(ColObjective, e.line, "more than %d objectives in one row; an inject serves a few", maxRowObjectives)
			return
		}
		e.objectives = append(e.objectives, objective{id, text})
		if _, known := im.known.Objective(id); !known && !im.objectiveIDs[id] {
			if len(im.objectives) == maxNew {
				im.tooMany(ColObjective, e.line, "objectives")
				return
			}
			if text == "" {
				text = id
			}
			im.objectives = append(im.objectives, objective{id, text})
			im.objectiveIDs[id] = true
		}
	}
}

// What a sheet may add to its scenario, so that a sheet of a few megabytes
// cannot stand for millions of declarations: an MSEL names a few dozen
// personas and objectives, a few to an inject.
const (
	maxNew           = 1000
	maxRowObjectives = 20
)

// tooMany reports, once for each kind, a sheet that names more new
// personas or objectives than maxNew.
func (im *importer) tooMany(col, line int, kind string) {
	if im.refused[kind] {
		return
	}
	if im.refused == nil {
		im.refused = map[string]bool{}
	}
	im.refused[kind] = true
	im.errorf(col, line, "the sheet names more than %d %s the scenario lacks; declare them in the inject file", maxNew, kind)
}

// addPersona indexes a persona; the first to claim a slug keeps it.
func (im *importer) addPersona(id, name string) {
	im.personaUsed[id] = 0
	for _, k := range []string{slug(id), slug(name)} {
		if _, taken := im.personaIDs[k]; !taken {
			im.personaIDs[k] = id
		}
	}
}

// slug makes an id from text: "Designs stolen!" gives "designs-stolen".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return "inject"
	}
	return b.String()
}

// unique returns id, or id with a number, so that it is not among used.
// next remembers, for each id, the number to try first, so that a sheet of
// thousands of rows of one subject is not a walk of their numbers at each
// row; it may be nil.
func unique(id string, used, next map[string]int) string {
	c := id
	for n := max(next[id], 2); ; n++ {
		if _, taken := used[c]; !taken {
			if next != nil {
				next[id] = n
			}
			return c
		}
		c = id + "-" + strconv.Itoa(n)
	}
}

// check validates the file made from the sheet where it will be written,
// and reports each finding at the cell it comes from.
func (im *importer) check(text []byte, base *baseFile) {
	dir := filepath.Dir(im.opt.Output)
	tmp, err := os.CreateTemp(dir, ".hotline-msel-*.yaml")
	if err != nil {
		im.found = append(im.found, Finding{Where: im.opt.Output, Severity: injects.Error, Message: err.Error()})
		return
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(text); err != nil {
		tmp.Close()
		im.found = append(im.found, Finding{Where: im.opt.Output, Severity: injects.Error, Message: err.Error()})
		return
	}
	tmp.Close()
	sc, diags := injects.Load(tmp.Name())
	where := im.locator(text)
	for _, d := range diags {
		if base != nil && base.known[d.Severity.String()+d.Message] {
			continue // a finding about the base as it was, not about the sheet
		}
		f := Finding{Severity: d.Severity, Message: d.Message + " [" + string(d.Code) + "]"}
		switch {
		case d.File != tmp.Name():
			f.Where = fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col)
		default:
			if col, line, ok := where(d.Line); ok {
				f.Where, f.line, f.col = im.s.Cell(col, line), line, im.s.Columns[col]
			} else {
				f.Where = fmt.Sprintf("%s:%d:%d", im.opt.Output, d.Line, d.Col)
			}
		}
		im.found = append(im.found, f)
	}
	if sc == nil {
		return
	}
	im.checkStoryTimes(sc)
}

// locator maps a line of the file made from the sheet to the cell it came
// from: the inject whose block holds the line, and the column of its field.
func (im *importer) locator(text []byte) func(line int) (col, row int, ok bool) {
	var doc yaml.Node
	if yaml.Unmarshal(text, &doc) != nil || len(doc.Content) == 0 {
		return func(int) (int, int, bool) { return 0, 0, false }
	}
	injectsNode, _ := mapGet(doc.Content[0], "injects")
	type span struct {
		start, row int
		fields     [][2]int // line of a field's key, its column
	}
	var spans []span
	if injectsNode != nil {
		for i := 0; i+1 < len(injectsNode.Content); i += 2 {
			k, v := injectsNode.Content[i], injectsNode.Content[i+1]
			r, ok := im.rowOf[k.Value]
			if !ok {
				spans = append(spans, span{start: k.Line, row: -1})
				continue
			}
			sp := span{start: k.Line, row: im.entries[r].line}
			for j := 0; j+1 < len(v.Content); j += 2 {
				sp.fields = append(sp.fields, [2]int{v.Content[j].Line, fieldColumn[v.Content[j].Value]})
			}
			spans = append(spans, sp)
		}
	}
	return func(line int) (int, int, bool) {
		for i := len(spans) - 1; i >= 0; i-- {
			sp := spans[i]
			if line < sp.start {
				continue
			}
			if sp.row < 0 {
				return 0, 0, false
			}
			col := ColID
			for _, f := range sp.fields {
				if f[0] <= line {
					col = f[1]
				}
			}
			return col, sp.row, true
		}
		return 0, 0, false
	}
}

// fieldColumn is the column an inject's field comes from.
var fieldColumn = map[string]int{
	"at": ColTime, "after": ColTime, "when": ColTime, "delay": ColTime, "from": ColFrom, "to": ColTo,
	"channel": ColChannel, "title": ColSubject, "body": ColMessage, "notes": ColNotes, "objectives": ColObjective,
	"choices": ColAction, "deadline": ColAction, "effects": ColID,
}

// encode writes a YAML document: two-space indents, no line wrapping, and
// a blank line before each top-level section and each inject.
func encode(doc *yaml.Node) ([]byte, error) {
	raw, err := yaml.Dump(doc, yaml.WithIndent(2), yaml.WithLineWidth(-1), yaml.WithCompactSeqIndent(false))
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(raw), "\n")
	var out []string
	inInjects, firstInject := false, true
	for i, l := range lines {
		top := l != "" && l[0] != ' ' && l[0] != '#' && l[0] != '-'
		inject := inInjects && strings.HasPrefix(l, "  ") && len(l) > 2 && l[2] != ' ' && l[2] != '#'
		if top || inject && !firstInject {
			// Before the key and the comment lines just above it.
			at := len(out)
			for at > 0 && strings.HasPrefix(strings.TrimSpace(out[at-1]), "#") && indent(out[at-1]) == indent(l) {
				at--
			}
			if at > 0 && out[at-1] != "" && i > 0 {
				out = slices.Insert(out, at, "")
			}
		}
		if top {
			inInjects, firstInject = strings.HasPrefix(l, "injects:"), true
		} else if inject {
			firstInject = false
		}
		out = append(out, l)
	}
	return []byte(strings.Join(out, "\n")), nil
}

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
