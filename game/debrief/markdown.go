package debrief

import (
	"fmt"
	"io"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects/graph"
)

// md builds a Markdown document. Text from scenarios and logs is escaped
// where it goes, so that it reads as written and cannot become markup.
type md struct{ strings.Builder }

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`)

// esc makes text plain in Markdown, on one line.
func esc(s string) string { return mdEscaper.Replace(oneLine(s)) }

func (m *md) h(level int, text string) {
	fmt.Fprintf(m, "%s %s\n\n", strings.Repeat("#", level), esc(text))
}

func (m *md) p(text string) { m.WriteString(esc(text) + "\n\n") }

// raw writes Markdown the program made itself.
func (m *md) raw(text string) { m.WriteString(text) }

func (m *md) bullets(items []string) {
	for _, it := range items {
		m.WriteString("- " + esc(it) + "\n")
	}
	if len(items) > 0 {
		m.WriteString("\n")
	}
}

// table writes a table; cells are escaped, except those the program made.
func (m *md) table(header []string, rows [][]string) {
	cell := func(s string) string {
		if s == "" {
			return " "
		}
		return esc(s)
	}
	line := func(cells []string) {
		m.WriteString("|")
		for _, c := range cells {
			m.WriteString(" " + cell(c) + " |")
		}
		m.WriteString("\n")
	}
	line(header)
	m.WriteString("|" + strings.Repeat(" --- |", len(header)) + "\n")
	for _, r := range rows {
		line(r)
	}
	m.WriteString("\n")
}

// entries writes named things as a two-column table.
func (m *md) entries(header [2]string, es []Entry) {
	var rows [][]string
	for _, e := range es {
		text := e.Text
		if e.Note != "" {
			text += " (" + e.Note + ")"
		}
		rows = append(rows, []string{e.Name, text})
	}
	m.table(header[:], rows)
}

// fenced writes a code block whose fence no line of its content can
// close: longer than any run of backticks in it.
func (m *md) fenced(info, content string) {
	longest, run := 0, 0
	for _, c := range content {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	m.WriteString(fence + info + "\n" + content + fence + "\n\n")
}

// quote writes Markdown from an inject file as a block quote, as its
// author wrote it, save raw HTML: its angle brackets show as written.
func (m *md) quote(body string) {
	body = strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(body)
	for _, line := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		m.WriteString(strings.TrimRight("> "+line, " ") + "\n")
	}
	m.WriteString("\n")
}

func (m *md) done(w io.Writer) error {
	_, err := io.WriteString(w, m.String())
	return err
}

// WriteMarkdown writes the situation manual as Markdown.
func (h *Handbook) WriteMarkdown(w io.Writer) error {
	m := &md{}
	m.raw(h.chrome().line() + "\n\n")
	m.h(1, "Situation manual: "+h.Scenario.Title)
	m.p("Hotline tabletop exercise of the US–China cybercrime mechanism of 2015, for " + h.For + ".")
	m.p(h.Handling)
	if len(h.Particulars) > 0 {
		m.table([]string{"", ""}, entryRows(h.Particulars))
	}
	m.h(2, "1. Purpose and scope")
	for _, p := range h.Purpose {
		m.p(p)
	}
	if h.FacilitatorSummary != "" {
		m.p("For the facilitator: " + h.FacilitatorSummary)
	}
	for _, p := range h.Scope {
		m.p(p)
	}
	m.h(2, "2. Agenda")
	m.table([]string{"When", "What", ""}, rows(h.Agenda))
	m.p(h.AgendaNote)
	m.h(2, "3. Exercise guidelines")
	m.bullets(h.Guidelines)
	m.h(2, "4. The counterfactual")
	for _, p := range h.Framing {
		m.p(p)
	}
	m.h(2, "5. Schedule on the story calendar")
	m.table([]string{"Washington", "Beijing", "What"}, rows(h.Schedule))
	m.p(h.ScheduleNote)
	if h.Script != nil && h.Script.Calendar != "" {
		m.fenced("mermaid", h.Script.Calendar)
	}
	m.h(2, "6. Objectives")
	var obj [][]string
	for _, o := range h.Objectives {
		obj = append(obj, []string{o.ID, o.Text})
	}
	m.table([]string{"Objective", "What it asks"}, obj)
	m.h(2, "7. The mechanism in plain words")
	mech := &h.Mechanism
	m.h(3, "What the two governments agreed on 25 September 2015")
	m.entries([2]string{"Commitment", "What it says"}, mech.Commitments)
	m.h(3, "Requests")
	m.entries([2]string{"Kind", "What it does"}, mech.Kinds)
	m.p("Each request lists the parts of the answer it needs, each with a due time counted from when it was sent:")
	m.entries([2]string{"Part", "What it is"}, mech.Parts)
	m.p("Each request invokes a commitment:")
	m.entries([2]string{"Commitment invoked", "When it fits"}, mech.Bases)
	m.h(3, "Legal grounds for declining a part")
	m.p("A side may decline a part of a request on a legal ground the request allows. A ground covers some matters, parts or flawed requests; a decline on a ground that covers the part is a sound answer, one on a ground that does not is a refusal.")
	m.entries([2]string{"Ground", "What it means, and what it covers"}, mech.Grounds)
	m.h(3, "The hotline and its ladder")
	for _, p := range mech.Hotline {
		m.p(p)
	}
	m.entries([2]string{"Rung", "What it means"}, mech.Rungs)
	m.entries([2]string{"On the hotline", "Moves"}, mech.Moves)
	m.h(3, "How the dialogue reviews")
	for _, p := range mech.Review {
		m.p(p)
	}
	m.h(2, "8. The delegations and their role cards")
	for _, d := range h.Delegations {
		m.h(3, d.Name)
		if d.Lead != "" {
			m.p("Lead: " + d.Lead)
		}
		if !d.Own {
			var names []string
			for _, t := range d.Teams {
				names = append(names, t.Name)
			}
			m.p("Its teams: " + list(names) + ".")
			continue
		}
		if len(d.Interests) > 0 {
			m.p("Its interests (background, not instructions):")
			m.bullets(d.Interests)
		} else {
			m.p(d.InterestsNote)
		}
		m.p("What every team of the delegation may do:")
		m.bullets(d.MayDo)
		for _, t := range d.Teams {
			m.h(4, "Role card: "+t.Name)
			if t.Who != "" {
				m.p(t.Who)
			}
		}
	}
	m.h(2, "9. Rules of play")
	for _, p := range h.Rules.Clock {
		m.p(p)
	}
	m.h(3, "Keys")
	m.entries([2]string{"Key", "Does"}, h.Rules.Keys)
	m.h(3, "Seats")
	m.entries([2]string{"Seat", "Sees and does"}, h.Rules.Seats)
	m.h(3, "What the facilitator does")
	m.bullets(h.Rules.Facilitator)
	if h.Script != nil {
		m.entries([2]string{"Control key", "Does"}, h.Rules.ControlKeys)
		h.Script.markdown(m)
	}
	acronymsMarkdown(m, h.Acronyms)
	h.Feedback.markdown(m, h.Scenario.Title)
	return m.done(w)
}

func acronymsMarkdown(m *md, as []Entry) {
	m.h(2, "Appendix: Acronyms")
	if len(as) == 0 {
		m.p("None.")
		return
	}
	m.table([]string{"Acronym", "Stands for"}, entryRows(as))
}

func (f *Feedback) markdown(m *md, title string) {
	m.h(2, "Appendix: Participant feedback form")
	m.p(title + ". Please fill this in before you leave: it is read for the after-action report, without your name unless you give it.")
	m.table([]string{"", ""}, [][]string{{"Name (optional)", " "}, {"Delegation and team, or seat", " "}})
	m.p("Rate each statement: " + strings.Join(f.Scale, ", ") + ".")
	var rs [][]string
	for _, r := range f.Ratings {
		rs = append(rs, []string{r, " "})
	}
	m.table([]string{"Statement", "1–5"}, rs)
	for i, q := range f.Questions {
		fmt.Fprintf(m, "%d. %s\n", i+1, esc(q))
	}
	m.raw("\n")
}

func (s *Script) markdown(m *md) {
	m.h(2, "10. The Master Scenario Events List (facilitator only)")
	var table [][]string
	for _, r := range s.MSEL {
		when := r.Time
		if r.Washington != "" {
			when += " (" + r.Washington + " Washington)"
		}
		table = append(table, []string{r.N, when, r.From, r.To, r.Channel, r.Subject, r.ObjectiveIDs})
	}
	m.table([]string{"#", "When", "From", "To", "Channel", "Subject", "Objectives"}, table)
	for _, r := range s.MSEL {
		m.h(3, fmt.Sprintf("%s. %s — %s", r.N, r.ID, r.Subject))
		when := r.Time
		if r.Washington != "" {
			when += " · " + r.Washington + " Washington · " + r.Beijing + " Beijing"
		}
		m.table([]string{"Field", "Value"}, [][]string{
			{"When", when}, {"From", r.From}, {"To", r.To}, {"Channel", r.Channel},
			{"Expected action", strings.ReplaceAll(r.Action, "\n", "; ")},
			{"Objectives", strings.ReplaceAll(r.Objectives, "\n", "; ")},
			{"Controller notes", r.Notes},
		})
		if r.Message != "" {
			m.quote(r.Message)
		}
	}
	for _, part := range []struct {
		title string
		items []Scripted
	}{{"11. Requests", s.Requests}, {"12. Actions", s.Actions}, {"13. Endings", s.Endings}} {
		m.h(2, part.title)
		for _, it := range part.items {
			m.h(3, it.ID+": "+it.Title)
			if it.Body != "" {
				m.quote(it.Body)
			}
			m.bullets(it.Lines)
		}
	}
	m.h(2, "14. Objectives and what exercises them")
	m.table([]string{"Objective", "Injects", "Requests"}, rows(s.Coverage))
	m.h(2, "15. Counterparts")
	var ps [][]string
	for _, p := range s.Profiles {
		ps = append(ps, []string{p.Note, p.Name, p.Text})
	}
	m.table([]string{"Profile", "Title", "How it plays"}, ps)
}

func rows(rs []Row) [][]string {
	out := make([][]string, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return out
}

// WriteMarkdown writes the after-action report as Markdown, its timeline
// as a Mermaid chart and tables.
func (r *Report) WriteMarkdown(w io.Writer) error {
	m := &md{}
	m.raw(r.chrome().line() + "\n\n")
	m.h(1, "After-action report: "+r.Scenario.Title)
	m.p("Hotline tabletop exercise of the US–China cybercrime mechanism of 2015. After-action report and improvement plan (HSEEP AAR/IP). " + r.Provenance())
	m.h(2, "1. Overview")
	o := &r.Overview
	ov := [][]string{{"Scenario", r.Scenario.Title + " (" + r.Scenario.ID + ")"}}
	if o.Log != "" {
		ov = append(ov, []string{"Log", o.Log})
	}
	if o.Played != "" {
		ov = append(ov, []string{"Played", o.Played})
	}
	for _, p := range o.Players {
		ov = append(ov, []string{p.Name, p.Text})
	}
	if o.Facilitator != "" {
		ov = append(ov, []string{"Facilitator", o.Facilitator})
	}
	ov = append(ov, [][]string{
		{"Seed", fmt.Sprint(o.Seed)},
		{"Story time", fmt.Sprintf("%s to %s (%s time), %s", o.From.Time, o.To.Time, r.Scenario.Zone, o.StoryTime)},
		{"Real time", o.RealTime},
		{"Outcome", strings.TrimSpace(o.Outcome + ". " + o.OutcomeText)},
	}...)
	for _, n := range o.Numbers {
		ov = append(ov, []string{n.Name, n.Text})
	}
	m.table([]string{"", ""}, ov)
	if len(o.Seats) > 0 {
		m.h(3, "Seats")
		m.table([]string{"Person", "Seat", "Team", "From", "Until"}, seatRows(o.Seats))
	}
	if len(o.Warnings) > 0 {
		m.h(3, "Warnings")
		m.bullets(o.Warnings)
	}
	m.h(2, "2. Timeline")
	m.fenced("mermaid", r.Timeline.mermaid(r.Scenario))
	r.Timeline.markdown(m)
	m.h(2, "3. Analysis of objectives")
	m.p("Ratings on HSEEP's scale: P, performed without challenges; S, with some challenges; M, with major challenges; U, unable to be performed.")
	var rt [][]string
	for _, oa := range r.Objectives {
		row := []string{oa.ID}
		for _, s := range oa.Sides {
			row = append(row, ratingCell(&s))
		}
		rt = append(rt, row)
	}
	m.table([]string{"Objective", "United States", "China"}, rt)
	for _, oa := range r.Objectives {
		m.h(3, oa.ID+": "+oa.Text)
		for _, s := range oa.Sides {
			m.p(fmt.Sprintf("%s: %s.", s.Name, ratingLine(&s)))
			var ev []string
			for _, e := range s.Evidence {
				ev = append(ev, evidenceLine(&e))
			}
			m.bullets(ev)
		}
		if len(oa.Notes) > 0 {
			m.p("Evaluators' observations:")
			m.bullets(noteLines(oa.Notes))
		}
	}
	m.h(3, "How the ratings are reached")
	m.bullets(r.RatingRules)
	m.h(2, "4. Strengths")
	findingsMarkdown(m, r.Strengths, "No strength stands out in the events.")
	m.h(2, "5. Areas for improvement")
	findingsMarkdown(m, r.Improvements, "No area for improvement stands out in the events.")
	m.h(2, "6. The dialogue's review")
	var b strings.Builder
	r.Review.write(&b)
	m.fenced("text", b.String())
	m.table([]string{"Review", "Held", "United States", "China"}, rows(r.Review.Held))
	m.h(2, "7. Hotwash questions")
	for i, q := range r.Hotwash {
		fmt.Fprintf(m, "%d. %s — %s\n", i+1, esc(q.At.Time), esc(q.Text))
	}
	m.raw("\n")
	m.h(2, "8. Improvement plan")
	var pl [][]string
	for _, p := range r.Plan {
		pl = append(pl, []string{sideWord(p.Side) + p.Issue, p.Objectives, p.Action, p.Responsible, p.Due})
	}
	m.table([]string{"Issue", "Objectives", "Corrective action", "Responsible", "Due"}, pl)
	acronymsMarkdown(m, r.Acronyms)
	return m.done(w)
}

// write lays out the review as the program prints it.
func (rv *Review) write(w io.Writer) error {
	sides := make([][]string, len(rv.Sides))
	for i, r := range rv.Sides {
		sides[i] = r
	}
	return game.WriteReviewViews(w, rv.Heading, rv.Requests, rv.Caption, sides)
}

func seatRows(seats []Seat) [][]string {
	var out [][]string
	for _, s := range seats {
		until := "the end"
		if s.Until != nil {
			until = s.Until.Time
		}
		out = append(out, []string{s.Person, s.Role, s.Where, s.From.Time, until})
	}
	return out
}

// ratingCell is a rating in a table: its letter, and who set it when not
// the rules.
func ratingCell(s *SideRating) string {
	switch {
	case s.Rating == "":
		return "—"
	case s.Rating != s.ByRules():
		return s.Rating + " (facilitator)"
	case s.Evaluated != "":
		return s.Rating + " (evaluators)"
	}
	return s.Rating
}

// ratingLine says a rating in full, and where it came from.
func ratingLine(s *SideRating) string {
	if s.Rating == "" {
		return "not rated: nothing in the run graded this objective for this delegation"
	}
	line := s.Rating + ", " + RatingWords(s.Rating)
	var from []string
	if s.Rating != s.ByRules() {
		why := "set by the facilitator"
		if s.Note != "" {
			why += ": " + s.Note
		}
		from = append(from, why)
	}
	if s.Evaluated != "" {
		from = append(from, "evaluators rated "+s.Evaluated)
	}
	if s.Derived != "" && (s.Evaluated != "" || s.Rating != s.Derived) {
		from = append(from, "the events give "+s.Derived)
	}
	if len(from) > 0 {
		line += " (" + strings.Join(from, "; ") + ")"
	}
	return line
}

func evidenceLine(e *Evidence) string {
	line := e.At.Time + ": " + e.Text
	if e.Grade != "" {
		line += " [" + e.Grade + "]"
	}
	return line
}

func noteLines(notes []Note) []string {
	var out []string
	for _, n := range notes {
		line := n.At.Time + ", " + n.By
		if n.Team != "" {
			line += " on " + n.Team
		}
		if n.Rating != "" {
			line += " (" + n.Rating + ")"
		}
		out = append(out, line+": "+n.Text)
	}
	return out
}

func sideWord(side string) string {
	switch side {
	case "us":
		return "United States: "
	case "cn":
		return "China: "
	}
	return ""
}

func findingsMarkdown(m *md, fs []Finding, none string) {
	if len(fs) == 0 {
		m.p(none)
		return
	}
	for i, f := range fs {
		fmt.Fprintf(m, "%d. ", i+1)
		if f.Side != "" {
			fmt.Fprintf(m, "**%s** ", esc(strings.TrimSuffix(sideWord(f.Side), " ")))
		}
		m.WriteString(esc(f.Text))
		if len(f.Objectives) > 0 {
			fmt.Fprintf(m, " *(%s)*", esc(strings.Join(f.Objectives, ", ")))
		}
		m.WriteString("\n")
		for _, e := range f.Evidence {
			m.WriteString("   - " + esc(e) + "\n")
		}
	}
	m.WriteString("\n")
}

// mermaid draws the timeline as a Mermaid Gantt chart: requests as bars
// from sent to due with their parts as milestones, calls, the ladder's
// moves, and the decisions.
func (t *Timeline) mermaid(s Scenario) string {
	b := &strings.Builder{}
	dates := s.dates()
	date := func(mo Moment) string { return dates(time.Duration(mo.At)) }
	fmt.Fprintf(b, "gantt\n  title %s (story calendar, %s)\n  dateFormat YYYY-MM-DD HH:mm\n  axisFormat %%m-%%d\n", graph.GanttText(s.Title), s.Zone)
	if len(t.Requests) > 0 {
		b.WriteString("  section Requests\n")
	}
	for i, r := range t.Requests {
		fmt.Fprintf(b, "  %s :r%d, %s, %s\n", graph.GanttText(fmt.Sprintf("%s %s to %s", r.ID, sideShort(r.From), sideShort(r.To))), i, date(r.Sent), date(r.Due))
		for j, p := range r.Parts {
			tag := map[string]string{OnTime: "done, ", Late: "crit, ", Never: "crit, ", Declined: "active, "}[p.Outcome]
			at := p.Due
			if p.At != nil {
				at = *p.At
			}
			fmt.Fprintf(b, "  %s :%smilestone, r%dp%d, %s, 0d\n", graph.GanttText(r.ID+" "+p.Part+" "+p.Outcome), tag, i, j, date(at))
		}
	}
	if len(t.Calls) > 0 {
		b.WriteString("  section Hotline\n")
	}
	for _, c := range t.Calls {
		end := c.AnswerBy
		if c.Answered != nil {
			end = *c.Answered
		}
		tag := ""
		if c.Outcome == "missed" || c.Promise == "broken" {
			tag = "crit, "
		}
		fmt.Fprintf(b, "  %s :%sc%d, %s, %s\n", graph.GanttText(fmt.Sprintf("Hotline call %d %s to %s %s", c.N, sideShort(c.From), sideShort(otherSide(c.From)), c.Outcome)), tag, c.N, date(c.Rang), date(end))
	}
	if len(t.Ladder.Points) > 1 {
		b.WriteString("  section Ladder\n")
		for i, p := range t.Ladder.Points[1:] {
			fmt.Fprintf(b, "  %s :milestone, l%d, %s, 0d\n", graph.GanttText(fmt.Sprintf("%s %s", sideShort(p.Side), t.rung(sideLevel(p)))), i, date(p.At))
		}
	}
	decisions := sortedMarks(t.Marks, MarkDecision, MarkDeadline, MarkAction, MarkControl)
	if len(decisions) > 0 {
		b.WriteString("  section Decisions and control\n")
	}
	for i, mk := range decisions {
		tag := ""
		if mk.Kind == MarkDeadline {
			tag = "crit, "
		}
		fmt.Fprintf(b, "  %s :%smilestone, d%d, %s, 0d\n", graph.GanttText(sideShort(mk.Side)+": "+mk.Text), tag, i, date(mk.At))
	}
	return b.String()
}

// rung names a rung of the ladder; a report edited by hand may name one
// it does not have.
func (t *Timeline) rung(i int) string {
	if i >= 0 && i < len(t.Ladder.Rungs) {
		return t.Ladder.Rungs[i]
	}
	return fmt.Sprintf("rung %d", i)
}

// sideLevel is the level of the side whose escalation moved.
func sideLevel(p LadderPoint) int {
	if p.Side == "cn" {
		return p.CN
	}
	return p.US
}

func sideShort(side string) string {
	switch side {
	case "us":
		return "US"
	case "cn":
		return "CN"
	case "all":
		return "both"
	}
	return "White Cell"
}

func otherSide(side string) string {
	if side == "us" {
		return "cn"
	}
	return "us"
}

func (t *Timeline) markdown(m *md) {
	if len(t.Requests) > 0 {
		m.h(3, "Requests")
		var rs [][]string
		for _, r := range t.Requests {
			tally := map[string]int{}
			for _, p := range r.Parts {
				tally[p.Outcome]++
			}
			rs = append(rs, []string{r.ID, sideShort(r.From) + " to " + sideShort(r.To), r.Sent.Time, r.Due.Time,
				fmt.Sprint(tally[OnTime]), fmt.Sprint(tally[Late]), fmt.Sprint(tally[Declined]), fmt.Sprint(tally[Never]), r.Status})
		}
		m.table([]string{"Request", "Direction", "Sent", "Last due", "On time", "Late", "Declined", "Never", "Status"}, rs)
		var ps [][]string
		for _, r := range t.Requests {
			for _, p := range r.Parts {
				at := "—"
				if p.At != nil {
					at = p.At.Time
				}
				ps = append(ps, []string{r.ID, p.Part, p.Due.Time, p.Outcome, at, p.Detail})
			}
		}
		m.table([]string{"Request", "Part", "Due", "Outcome", "Delivered or declined", "Detail"}, ps)
	}
	if len(t.Calls) > 0 {
		m.h(3, "Hotline calls")
		var cs [][]string
		for _, c := range t.Calls {
			answered, promise := "—", ""
			if c.Answered != nil {
				answered = c.Answered.Time
			}
			if c.Promise != "" && c.PromiseBy != nil {
				promise = c.Promise + ", by " + c.PromiseBy.Time
			}
			cs = append(cs, []string{fmt.Sprint(c.N), sideShort(c.From) + " to " + sideShort(otherSide(c.From)), c.About, c.Rang.Time, c.AnswerBy.Time, c.Outcome, answered, promise})
		}
		m.table([]string{"Call", "Direction", "About", "Rang", "Answer by", "Outcome", "Answered", "Commitment"}, cs)
	}
	m.h(3, "The ladder and the meters")
	var ls [][]string
	for _, p := range t.Ladder.Points {
		who := "start"
		if p.Side != "" {
			who = sideShort(p.Side) + ": " + p.Cause
		}
		ls = append(ls, []string{p.At.Time, t.rung(p.US), t.rung(p.CN), t.rung(p.Rung), who})
	}
	m.table([]string{"From", "US escalation", "China's escalation", "The ladder", "Why"}, ls)
	var ms [][]string
	for _, mt := range t.Meters {
		if len(mt.Points) == 0 {
			continue
		}
		lo, hi := mt.Points[0].Value, mt.Points[0].Value
		for _, p := range mt.Points {
			lo, hi = min(lo, p.Value), max(hi, p.Value)
		}
		ms = append(ms, []string{mt.ID, fmt.Sprint(mt.Points[0].Value), fmt.Sprint(lo), fmt.Sprint(hi), fmt.Sprint(mt.Points[len(mt.Points)-1].Value), fmt.Sprint(len(mt.Points) - 1)})
	}
	m.table([]string{"Meter", "Start", "Lowest", "Highest", "End", "Changes"}, ms)
	m.h(3, "Injects, decisions and the control cell")
	var ks [][]string
	for _, mk := range t.Marks {
		ks = append(ks, []string{mk.At.Time, mk.Kind, sideShort(mk.Side), mk.Text, mk.By})
	}
	m.table([]string{"When", "What", "Side", "", "By"}, ks)
}
