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
	acronymsMarkdown(m, "Appendix: Acronyms", h.Acronyms)
	h.Feedback.markdown(m, h.Scenario.Title)
	return m.done(w)
}

func acronymsMarkdown(m *md, title string, as []Entry) {
	m.h(2, title)
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
	m.p(ReportSubtitle + " " + r.Provenance())
	r.summaryMarkdown(m)
	m.h(2, "1. Overview")
	o := &r.Overview
	ov := [][]string{{"Scenario", r.Scenario.Title + " (" + r.Scenario.ID + ")"}}
	ov = append(ov, entryRows(o.Particulars)...)
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
		{"Participants", "Appendix A"},
		{"Seed", fmt.Sprint(o.Seed)},
		{"Story time", fmt.Sprintf("%s to %s (%s time), %s", o.From.Time, o.To.Time, r.Scenario.Zone, o.StoryTime)},
		{"Real time", o.RealTime},
		{"Outcome", strings.TrimSpace(o.Outcome + ". " + o.OutcomeText)},
	}...)
	for _, n := range o.Numbers {
		ov = append(ov, []string{n.Name, n.Text})
	}
	m.table([]string{"", ""}, ov)
	if len(o.Warnings) > 0 {
		m.h(3, "Warnings")
		m.bullets(o.Warnings)
	}
	m.h(2, "2. Timeline")
	m.fenced("mermaid", r.Timeline.mermaid(r.Scenario))
	r.Timeline.markdown(m)
	m.h(2, "3. Analysis of objectives")
	m.p("Ratings on HSEEP's scale: P, performed without challenges; S, with some challenges; M, with major challenges; U, unable to be performed.")
	m.table([]string{"Objective", "United States", "China"}, r.ratingRows())
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
	improvementsMarkdown(m, r.Improvements)
	m.h(2, "6. The dialogue's review")
	var b strings.Builder
	r.Review.write(&b)
	m.fenced("text", b.String())
	m.table([]string{"Review", "Held", "United States", "China"}, rows(r.Review.Held))
	r.Hotwash.markdown(m)
	r.Feedback.markdown(m)
	m.h(2, "9. Improvement plan")
	m.p(planNote)
	m.table(planHeader, r.planRows())
	m.h(2, "Appendix A: Participants")
	r.Participants.markdown(m)
	acronymsMarkdown(m, "Appendix B: Acronyms", r.Acronyms)
	return m.done(w)
}

func (r *Report) summaryMarkdown(m *md) {
	s := &r.Summary
	m.h(2, "Executive summary")
	m.p(s.Exercised)
	m.p(s.Outcome)
	m.p("Each objective's rating on HSEEP's scale (P, S, M, U), as section 3 gives it with what the objective asks and the evidence:")
	m.table([]string{"Objective", "United States", "China"}, r.ratingRows())
	if fs := r.SummaryStrengths(); len(fs) > 0 {
		m.p("Strengths, the weightiest first:")
		for _, f := range fs {
			m.WriteString("- " + summaryLine(&f) + "\n")
		}
		m.raw("\n")
	}
	if fs := r.SummaryImprovements(); len(fs) > 0 {
		m.p("Areas for improvement, the weightiest first:")
		for _, f := range fs {
			m.WriteString("- " + summaryLine(&f.Finding) + "\n")
		}
		m.raw("\n")
	}
	m.p(s.Next)
}

// summaryLine is a finding on one line: its delegation, its text and its
// id.
func summaryLine(f *Finding) string {
	line := esc(f.Text) + " (" + esc(f.ID) + ")"
	if f.Side != "" {
		line = "**" + esc(strings.TrimSuffix(sideWord(f.Side), " ")) + "** " + line
	}
	return line
}

func improvementsMarkdown(m *md, fs []Improvement) {
	if len(fs) == 0 {
		m.p("No area for improvement stands out in the events.")
		return
	}
	m.p(improvementsNote)
	for _, f := range fs {
		findingMarkdown(m, &f.Finding)
		if f.Reference != "" {
			m.WriteString("  - *Reference:* " + esc(f.Reference) + "\n")
		}
		m.WriteString("  - *Analysis:* " + esc(rootCauseWords(f.RootCause)) + "\n")
	}
	m.WriteString("\n")
}

// improvementsNote says how the areas for improvement are laid out.
const improvementsNote = "The weightiest first. Each gives its evidence, its reference (the fact sheet's commitment it is measured against, where it concerns one, besides its objectives) and its analysis: the root cause, where the log shows one. Where it does not, why it happened is for the hotwash to find."

// rootCauseWords is an analysis as printed: the root cause, or a word
// that it is still to be found.
func rootCauseWords(cause string) string {
	if cause == "" {
		return "not shown by the log: for the hotwash to find."
	}
	return cause
}

func (h *Hotwash) markdown(m *md) {
	m.h(2, "7. Hotwash")
	m.p(hotwashNote(h))
	for _, q := range h.Questions {
		m.h(3, strings.TrimSuffix(q.ID+". "+q.At.Time, " "))
		m.p(q.Text)
		m.p("Why it is asked: " + q.Why)
		answer := q.Answer
		if answer == "" {
			answer = "(to be recorded at the hotwash)"
		}
		m.p("Answer: " + answer)
	}
}

// hotwashNote says how the questions were chosen, and where the answers
// go.
func hotwashNote(h *Hotwash) string {
	var raised string
	switch {
	case h.Raised == 0:
		raised = "The run raised none: ask what worked, what did not, and what to change first."
	case h.Raised <= MaxQuestions:
		raised = fmt.Sprintf("The run raised %s, all asked here.", plural(h.Raised, "question"))
	default:
		raised = fmt.Sprintf("The run raised %d questions; these are the first %s.", h.Raised, count(MaxQuestions))
	}
	return HotwashOrder + " " + raised + " Record each answer here, in the console during the hotwash, or in the report's JSON."
}

func (f *FeedbackSummary) markdown(m *md) {
	m.h(2, "8. Participants' feedback")
	m.p(feedbackNote(f))
	var rs [][]string
	for _, r := range f.Ratings {
		rs = append(rs, append([]string{r.Statement}, ratingCounts(r)...))
	}
	m.table([]string{"Statement", "1", "2", "3", "4", "5", "Average"}, rs)
	for i, q := range f.Questions {
		m.p(fmt.Sprintf("%d. %s", i+1, q.Question))
		var as []string
		for _, a := range q.Answers {
			as = append(as, a.Seat+": "+a.Text)
		}
		if len(as) == 0 {
			as = []string{"No answer."}
		}
		m.bullets(as)
	}
}

// feedbackNote says where the feedback comes from.
func feedbackNote(f *FeedbackSummary) string {
	scale := "Each statement is rated " + strings.Join(f.Scale, ", ") + "."
	switch f.Forms {
	case 0:
		return "No feedback form was handed in at the terminal. Tally the paper forms here. " + scale
	case 1:
		return "One participant handed in the feedback form at the terminal. " + scale + " Answers are given by seat, not by name."
	}
	return fmt.Sprintf("%s handed in the feedback form at the terminal (each person's latest counts). %s The table counts the ratings and averages them; answers are given by seat, not by name.", upperFirst(formsWords(f.Forms)), scale)
}

// ratingCounts are a statement's counts of each rating, and its average.
func ratingCounts(r FeedbackRating) []string {
	var out []string
	for _, n := range r.Count {
		out = append(out, countCell(n))
	}
	return append(out, r.Average())
}

func countCell(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

// planNote says how to fill in the improvement plan.
const planNote = "A row for each area for improvement, in HSEEP's columns, and empty rows for what the hotwash raises. Fill in the corrective action, its capability element (planning, organization, equipment, training or exercise), the organization and point of contact responsible, and the dates: here on paper, in the console during the hotwash, or in the report's JSON (then render it again)."

var planHeader = []string{"Core capability", "Issue / area for improvement", "Corrective action", "Capability element", "Primary responsible organization", "Point of contact", "Start date", "Completion date"}

// planRows are the plan's rows as printed, blank rows last.
func (r *Report) planRows() [][]string {
	var out [][]string
	for _, p := range r.Plan {
		issue := sideWord(p.Side) + p.Issue
		if p.Area != "" {
			issue = p.Area + ". " + issue
		}
		if p.Objectives != "" {
			issue += " (" + p.Objectives + ")"
		}
		out = append(out, []string{p.Capability, issue, p.Action, p.Element, p.Organization, p.Contact, planDate(p.Start), planDate(p.Completion)})
	}
	for range BlankPlanRows {
		out = append(out, make([]string, len(planHeader)))
	}
	return out
}

// planDate writes a plan's date in the documents' style.
func planDate(s string) string {
	t, err := time.Parse(game.DateLayout, s)
	if err != nil {
		return s
	}
	return dateWords(t, withYear)
}

func (p *Participants) markdown(m *md) {
	m.p(p.Note)
	var rs [][]string
	for _, x := range p.People {
		until := "the end"
		if x.Until != nil {
			until = x.Until.Time
		}
		rs = append(rs, []string{x.Name, x.Role, x.Delegation, x.Team, x.From.Time, until})
	}
	m.table([]string{"Who", "Role", "Delegation", "Team", "From", "Until"}, rs)
}

// write lays out the review as the program prints it.
func (rv *Review) write(w io.Writer) error {
	sides := make([][]string, len(rv.Sides))
	for i, r := range rv.Sides {
		sides[i] = r
	}
	return game.WriteReviewViews(w, rv.Heading, rv.Requests, rv.Caption, sides)
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
	for _, f := range fs {
		findingMarkdown(m, &f)
	}
	m.WriteString("\n")
}

// findingMarkdown writes a finding as an item of a list: its id,
// delegation, text and objectives, then its evidence.
func findingMarkdown(m *md, f *Finding) {
	fmt.Fprintf(m, "- **%s.** ", esc(f.ID))
	if f.Side != "" {
		fmt.Fprintf(m, "**%s** ", esc(strings.TrimSuffix(sideWord(f.Side), " ")))
	}
	m.WriteString(esc(f.Text))
	if len(f.Objectives) > 0 {
		fmt.Fprintf(m, " *(%s)*", esc(strings.Join(f.Objectives, ", ")))
	}
	m.WriteString("\n")
	for _, e := range f.Evidence {
		m.WriteString("  - " + esc(e) + "\n")
	}
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
			rs = append(rs, []string{r.Subject, sideShort(r.From) + " to " + sideShort(r.To), r.Sent.Time, r.Due.Time,
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
				ps = append(ps, []string{r.Subject, p.Name, p.Due.Time, p.Outcome, at, p.Detail})
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
