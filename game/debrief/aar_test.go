package debrief_test

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

// report makes the report of a run's events, or fails.
func report(t *testing.T, sc *injects.Scenario, events []game.Event) *debrief.Report {
	t.Helper()
	rep, err := debrief.NewReport(sc, events, debrief.Info{Log: "run.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// section returns a Markdown document's section, from its heading to the
// next of its level.
func section(doc, heading string) string {
	i := strings.Index(doc, "\n"+heading+"\n")
	if i < 0 {
		return ""
	}
	rest := doc[i+1:]
	level := strings.Fields(heading)[0] + " "
	if j := strings.Index(rest[len(heading):], "\n"+level); j >= 0 {
		return rest[:len(heading)+j]
	}
	return rest
}

// The report opens with an executive summary a sponsor reads in a page:
// what was exercised and by whom, the outcome, the objectives' ratings,
// the weightiest strengths and areas for improvement, and what comes next.
func TestExecutiveSummary(t *testing.T) {
	sc, events := classRun(t)
	rep := report(t, sc, events)
	md := string(write(t, rep.WriteMarkdown))
	if i, j := strings.Index(md, "## Executive summary"), strings.Index(md, "## 1. Overview"); i < 0 || i > j {
		t.Fatalf("the executive summary is not before the overview:\n%.600s", md)
	}
	sum := section(md, "## Executive summary")
	for _, want := range []string{
		`Hotline exercised the cybercrime mechanism the United States and China agreed on in September 2015 with the scenario "Ransomware at the port of Tianjin": three objectives over 6 days of story time`,
		"A class: the facilitator, 3 people at their seats, and 2 counterpart bots",
		"The port reopened with US help.",
		"At the closing review the United States scored 70 and China scored 50.",
		"The hotline rang once, and was answered.",
		"| answer-fast | S (evaluators) | M |",
		"Seven areas for improvement are carried to the improvement plan (section 9), none agreed yet; the hotwash takes four questions (section 7).",
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("the summary lacks %q:\n%s", want, sum)
		}
	}
	// The weightiest three of each, by their ids, in their order.
	if !slices.Equal(rep.Summary.Strengths, []string{"S1", "S2", "S3"}) || !slices.Equal(rep.Summary.Improvements, []string{"A1", "A2", "A3"}) {
		t.Errorf("the summary names %v and %v", rep.Summary.Strengths, rep.Summary.Improvements)
	}
	if !strings.Contains(sum, rep.Improvements[0].Text+" (A1)") || strings.Contains(sum, "(A4)") {
		t.Errorf("the summary does not name the weightiest areas for improvement, and only those:\n%s", sum)
	}
	if !strings.Contains(string(write(t, rep.WriteHTML)), `<section class="summary" id="summary">`) {
		t.Error("the HTML has no executive summary")
	}
	// A run no person played says so, where a sponsor reads it.
	opm := builtin(t, "opm-breach")
	headless := report(t, opm, played(t, opm, 1, goldenPair))
	if !strings.Contains(headless.Summary.Exercised, "No person took part: this was a headless run, in which scripted counterpart bots played both delegations, the by-the-book profile for the United States and the slow-walking profile for China.") {
		t.Errorf("a headless run's summary: %s", headless.Summary.Exercised)
	}
	// The United States answered nothing, and is scored on how it asked.
	if !strings.Contains(headless.Summary.Outcome, "At the closing review the United States scored 90 and China scored 64.") {
		t.Errorf("a side that only asked: %s", headless.Summary.Outcome)
	}
}

// Areas for improvement come weightiest first, each with its reference
// (the fact sheet's commitment besides its objectives) and its analysis:
// the root cause where the log shows one, for the hotwash otherwise.
func TestAreasForImprovementHaveReferenceAndAnalysis(t *testing.T) {
	sc, events := classRun(t)
	rep := report(t, sc, events)
	byText := func(prefix string) debrief.Improvement {
		for _, f := range rep.Improvements {
			if strings.HasPrefix(f.Text, prefix) {
				return f
			}
		}
		t.Fatalf("no area for improvement starts %q", prefix)
		return debrief.Improvement{}
	}
	for _, c := range []struct{ text, reference, cause string }{
		{"Declined the mitigation", "The September 2015 fact sheet: Cooperation within the law",
			`The ground "Needs legal process first" covers the investigation and results of any request; the mitigation of a request about other cybercrime is not among what it covers.`},
		{"The evidence preservation of China's request", "The September 2015 fact sheet: Cooperation within the law",
			"Work on the evidence preservation began only at Tue 03 Nov 13:00, after it fell due at Tue 03 Nov 11:00."},
		{"Never rang the hotline", "The September 2015 fact sheet: The hotline", ""},
		{"Eve observed on answer-fast", "", ""},
	} {
		f := byText(c.text)
		if f.Reference != c.reference || f.RootCause != c.cause {
			t.Errorf("%s…: reference %q, root cause %q; want %q, %q", c.text, f.Reference, f.RootCause, c.reference, c.cause)
		}
	}
	for i, f := range rep.Improvements {
		if want := "A" + string(rune('1'+i)); f.ID != want {
			t.Errorf("area %d is %s", i+1, f.ID)
		}
	}
	if rep.Improvements[0].Text[:8] != "Declined" || !strings.HasPrefix(rep.Improvements[len(rep.Improvements)-1].Text, "Eve observed") {
		t.Errorf("not the weightiest first: %q … %q", rep.Improvements[0].Text, rep.Improvements[len(rep.Improvements)-1].Text)
	}
	md := string(write(t, rep.WriteMarkdown))
	for _, want := range []string{
		"  - *Reference:* The September 2015 fact sheet: The hotline\n  - *Analysis:* not shown by the log: for the hotwash to find.",
		"  - *Analysis:* Work on the evidence preservation began only at Tue 03 Nov 13:00",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	// Every area keeps both fields in the JSON, empty or not, for the
	// facilitator to fill in.
	var doc struct {
		Areas []map[string]any `json:"areas_for_improvement"`
	}
	json.Unmarshal(jsonOf(t, rep), &doc)
	for _, a := range doc.Areas {
		if _, ok := a["root_cause"]; !ok {
			t.Errorf("%v has no root_cause to fill in", a["id"])
		}
		if _, ok := a["reference"]; !ok {
			t.Errorf("%v has no reference to fill in", a["id"])
		}
	}

	// A run played by a bot says its profile is the cause.
	campaign := builtin(t, "campaign")
	headless := report(t, campaign, played(t, campaign, 1, goldenPair))
	for _, f := range headless.Improvements {
		if f.Side == "cn" && !strings.Contains(f.RootCause, "China was played by the slow-walking counterpart bot, which by design acknowledges, then lets deadlines pass") {
			t.Errorf("%s %q: root cause %q", f.ID, f.Text, f.RootCause)
		}
	}
}

// causeFile is a facilitator's scenario whose receiving side has a
// decision to take on the request before its acknowledgement falls due.
const causeFile = `format: 1
scenario:
  id: causes
  title: Causes
  start: 2015-10-01 09:00
  end: T+2d
sides:
  us:
    teams: {fbi: Federal Bureau of Investigation}
  cn:
    teams: {mps: Ministry of Public Security}
personas:
  white-cell: {name: White Cell, affiliation: white-cell}
variables:
  trust: {type: int, min: 0, max: 100, initial: 50}
objectives:
  answer-fast: Acknowledge a request in time.
requests:
  rfa:
    kind: assistance
    from: us
    subject: Servers in Dongguan
    category: commercial-theft
    basis: cooperation
    attached: [addresses]
    due: {acknowledge: 12h, results: 1d}
    objectives: [answer-fast]
injects:
  filed:
    at: T+0h
    to: fbi
    from: white-cell
    channel: note
    title: The request goes out
    effects: [open: rfa]
  arrives:
    when: 'status("rfa") != "unopened"'
    to: mps
    from: white-cell
    channel: note
    title: A US request arrives
    choices:
      act: {label: Act on it, effects: [change: {trust: 5}]}
      stall: {label: Wait for instructions, effects: [change: {trust: -5}]}
    deadline: {within: 6h, choose: stall}
`

// The acknowledgement was late because the decision on the request was
// left to its deadline: the analysis says so.
func TestRootCauseOfALapsedDecision(t *testing.T) {
	sc, diags := injects.Parse("causes.yaml", []byte(causeFile))
	if sc == nil || len(diags) != 0 {
		t.Fatalf("the scenario does not load clean:\n%v", diags)
	}
	var log []game.Event
	s, err := game.NewClass(sc, 1, "Ms Rivera", func(_ *game.State, ev *game.Event) { log = append(log, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	white, _ := s.Engine.Actor("Ms Rivera")
	for _, p := range []game.Person{{Name: "Ana", Role: game.Player, Team: "fbi"}, {Name: "Li", Role: game.Player, Team: "mps"}} {
		if err := s.Do(white, game.Command{Verb: game.Seat, Person: p}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Advance(sc.End); err != nil {
		t.Fatal(err)
	}
	rep := report(t, sc, again(t, sc, log))
	if len(rep.Improvements) == 0 {
		t.Fatal("no area for improvement")
	}
	want := `The acknowledgement was late because China left the decision on "A US request arrives" to its deadline (Thu 01 Oct 15:00), before the acknowledgement fell due at Thu 01 Oct 21:00.`
	var causes []string
	for _, f := range rep.Improvements {
		causes = append(causes, f.RootCause)
	}
	if !slices.Contains(causes, want) {
		t.Errorf("no analysis says %q:\n%s", want, strings.Join(causes, "\n"))
	}
}

// The improvement plan has HSEEP's columns, a row for each area for
// improvement and blank rows for the hotwash; its dates are dates.
func TestImprovementPlan(t *testing.T) {
	sc, events := classRun(t)
	rep := report(t, sc, events)
	md := string(write(t, rep.WriteMarkdown))
	header := "| Core capability | Issue / area for improvement | Corrective action | Capability element | Primary responsible organization | Point of contact | Start date | Completion date |"
	plan := section(md, "## 9. Improvement plan")
	if !strings.Contains(plan, header) {
		t.Fatalf("the plan's header is not HSEEP's:\n%s", plan)
	}
	blank := "|   |   |   |   |   |   |   |   |\n"
	if n := strings.Count(plan, blank); n != debrief.BlankPlanRows {
		t.Errorf("%d blank rows, want %d", n, debrief.BlankPlanRows)
	}
	if !strings.Contains(plan, "| Cooperation within the law | A1. United States: Declined the mitigation") {
		t.Errorf("the first row does not give the core capability and the area:\n%s", plan)
	}
	page := string(write(t, rep.WriteHTML))
	for _, th := range []string{"<th>Core capability</th>", "<th>Capability element</th>", "<th>Point of contact</th>", "<th>Start date</th>", "<th>Completion date</th>"} {
		if !strings.Contains(page, th) {
			t.Errorf("the HTML plan lacks %s", th)
		}
	}

	// A run with no area for improvement still prints rows to fill.
	none := courseRun(t, "ask", "hold", false)
	if len(none.Improvements) != 0 {
		t.Fatal("the run has areas for improvement")
	}
	plan = section(string(write(t, none.WriteMarkdown)), "## 9. Improvement plan")
	if n := strings.Count(plan, blank); n != debrief.BlankPlanRows {
		t.Errorf("a run with no area for improvement prints %d blank rows:\n%s", n, plan)
	}

	// Dates and elements are checked when the edited JSON is read.
	var doc map[string]any
	json.Unmarshal(jsonOf(t, rep), &doc)
	row := doc["improvement_plan"].([]any)[1].(map[string]any)
	for _, c := range []struct {
		field, value, want string
	}{
		{"completion_date", "yesterday", `the improvement plan's row A2 ("The results of the United States' request \"Which shipping li…"): the completion date "yesterday" is not a date: write it as year-month-day, like 2026-12-01`},
		{"start_date", "2026-13-01", `the start date "2026-13-01" is not a date`},
		{"capability_element", "budget", `"budget" is not a capability element; the elements are planning, organization, equipment, training, exercise`},
	} {
		saved := row[c.field]
		row[c.field] = c.value
		data, _ := json.Marshal(doc)
		if _, err := debrief.ReadReport(data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: %v; want an error saying %q", c.field, c.value, err, c.want)
		}
		row[c.field] = saved
	}
	row["start_date"], row["completion_date"] = "2027-01-10", "2026-12-01"
	data, _ := json.Marshal(doc)
	if _, err := debrief.ReadReport(data); err == nil || !strings.Contains(err.Error(), "the completion date 2026-12-01 is before the start date 2027-01-10") {
		t.Errorf("a completion before the start: %v", err)
	}
	row["start_date"], row["completion_date"], row["capability_element"] = "2026-12-01", "2027-03-31", "training"
	data, _ = json.Marshal(doc)
	edited, err := debrief.ReadReport(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(write(t, edited.WriteMarkdown)); !strings.Contains(got, "| training | China delegation |   | Tue 01 Dec 2026 | Wed 31 Mar 2027 |") {
		t.Errorf("the plan's dates are not in the documents' style:\n%s", section(got, "## 9. Improvement plan"))
	}
}

// Every field a facilitator may edit is kept when the JSON is read back
// and rendered again; a field the report does not know is refused by name,
// with the field it is likely a slip for.
func TestReportJSONKeepsEveryEditableField(t *testing.T) {
	sc, events := classRun(t)
	rep := report(t, sc, events)
	var doc map[string]any
	json.Unmarshal(jsonOf(t, rep), &doc)
	doc["status"] = "Final"
	summary := doc["executive_summary"].(map[string]any)
	summary["exercised"], summary["next"] = "Exercised by the sponsor's own words.", "Meet again in March."
	summary["areas_for_improvement"] = []any{"A4"}
	area := doc["areas_for_improvement"].([]any)[1].(map[string]any)
	area["root_cause"], area["reference"] = "The MPS desk had no one on the weekend roster.", "MPS duty roster, section 2"
	q := doc["hotwash"].(map[string]any)["questions"].([]any)[0].(map[string]any)
	q["answer"] = "The legal adviser read the ground too widely."
	row := doc["improvement_plan"].([]any)[0].(map[string]any)
	for k, v := range map[string]string{"corrective_action": "Train the desk on grounds", "capability_element": "training", "core_capability": "Lawful cooperation",
		"primary_responsible_organization": "FBI legal attaché", "point_of_contact": "J. Doe", "start_date": "2026-12-01", "completion_date": "2027-03-31"} {
		row[k] = v
	}
	doc["improvement_plan"] = append(doc["improvement_plan"].([]any), map[string]any{"row": "H1", "issue": "Nobody knew who takes the hotline at night.",
		"corrective_action": "Write the night roster.", "capability_element": "planning"})
	data, _ := json.Marshal(doc)
	edited, err := debrief.ReadReport(data)
	if err != nil {
		t.Fatal(err)
	}
	md := string(write(t, edited.WriteMarkdown))
	for _, want := range []string{
		"**Final** ·", "Exercised by the sponsor's own words.", "Meet again in March.",
		"*Reference:* MPS duty roster, section 2", "*Analysis:* The MPS desk had no one on the weekend roster.",
		"Answer: The legal adviser read the ground too widely.",
		"| Lawful cooperation | A1. United States: Declined the mitigation",
		"| Train the desk on grounds | training | FBI legal attaché | J. Doe | Tue 01 Dec 2026 | Wed 31 Mar 2027 |",
		"| Nobody knew who takes the hotline at night. | Write the night roster. | planning |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the edited report lacks %q", want)
		}
	}
	if sum := section(md, "## Executive summary"); !strings.Contains(sum, "(A4)") || strings.Contains(sum, "(A1)") {
		t.Errorf("the summary does not name the areas the facilitator chose:\n%s", sum)
	}
	// Saved again and read back, nothing is lost.
	resaved, err := debrief.ReadReport(jsonOf(t, edited))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(write(t, resaved.WriteMarkdown)); got != md {
		t.Errorf("saved again, the report renders otherwise:\n%s", diffLines([]byte(md), []byte(got)))
	}

	// Fields it does not know are named, with what they are likely a slip for.
	area["rootcause"] = "a slip"
	row["owner"] = "the FBI"
	doc["hotwash_answers"] = []any{"one"}
	summary["areas_for_improvement"] = []any{"A1"}
	data, _ = json.Marshal(doc)
	_, err = debrief.ReadReport(data)
	for _, want := range []string{
		"the report has three fields this hotline does not know, and would drop:",
		"areas_for_improvement[1] (A2).rootcause (did you mean root_cause?)",
		"improvement_plan[0] (A1).owner; rename or remove them", // no slip of any field
		"hotwash_answers (did you mean hotwash?)",
		"docs/debrief.md lists the fields a facilitator may edit",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadReport: %v; want an error saying %q", err, want)
		}
	}
	delete(area, "rootcause")
	delete(row, "owner")
	delete(doc, "hotwash_answers")
	summary["strengths"] = []any{"S9"}
	data, _ = json.Marshal(doc)
	if _, err := debrief.ReadReport(data); err == nil || !strings.Contains(err.Error(), `the executive summary's strengths names "S9", which is no strength of the report`) {
		t.Errorf("a summary naming no strength: %v", err)
	}
}

// The hotwash asks at most five questions, the weightiest kinds first and
// no more than two of a kind, each with room for its answer; answers the
// console records land under their question.
func TestHotwashQuestions(t *testing.T) {
	campaign := builtin(t, "campaign")
	rep := report(t, campaign, played(t, campaign, 1, goldenPair))
	h := rep.Hotwash
	if len(h.Questions) != debrief.MaxQuestions || h.Raised <= debrief.MaxQuestions {
		t.Fatalf("%d questions of %d raised", len(h.Questions), h.Raised)
	}
	kinds := map[string]int{}
	var order []string
	for i, q := range h.Questions {
		if q.ID != "Q"+string(rune('1'+i)) || q.Why == "" || q.Answer != "" {
			t.Errorf("question %d: %+v", i+1, q)
		}
		kind := q.Why
		if strings.HasPrefix(kind, "The scenario says this course undermines") {
			kind = "undermines"
		}
		kinds[kind]++
		if !slices.Contains(order, kind) {
			order = append(order, kind)
		}
	}
	for why, n := range kinds {
		if n > 2 {
			t.Errorf("%d questions of one kind: %s", n, why)
		}
	}
	if !slices.Equal(order, []string{"undermines", "A hotline call rang out unanswered.", "A decision was left to its deadline."}) {
		t.Errorf("the questions are not ranked: %q", order)
	}
	md := section(string(write(t, rep.WriteMarkdown)), "## 7. Hotwash")
	if !strings.Contains(md, "The run raised 18 questions; these are the first five.") || !strings.Contains(md, "Answer: (to be recorded at the hotwash)") {
		t.Errorf("the hotwash section:\n%s", md)
	}
	if n := strings.Count(string(write(t, rep.WriteHTML)), `<div class="lines" title="The hotwash's answer"></div>`); n != 5 {
		t.Errorf("%d questions have room for the answer in the HTML, want 5", n)
	}

	// The facilitator records answers in the console: they land under
	// their question; one to a question the report no longer asks stays,
	// with its words.
	sc, events := classRun(t)
	first := report(t, sc, events).Hotwash.Questions[0]
	events = afterPlay(t, sc, events, nil,
		game.Command{Verb: game.AnswerHotwash, Question: first.ID, Title: first.Text, Text: "The ground was read too widely."},
		game.Command{Verb: game.AnswerHotwash, Question: "Q9", Title: "What would you change first?", Text: "The night roster."})
	got := report(t, sc, events).Hotwash.Questions
	if got[0].Answer != "The ground was read too widely." {
		t.Errorf("the first question's answer: %q", got[0].Answer)
	}
	last := got[len(got)-1]
	if last.ID != "Q9" || last.Text != "What would you change first?" || last.Answer != "The night roster." || last.Why != "Asked at the hotwash." {
		t.Errorf("the hotwash's own question: %+v", last)
	}
}

// afterPlay ends a class's run, has people hand in feedback forms, and
// the facilitator record the hotwash; it returns the events made again.
func afterPlay(t *testing.T, sc *injects.Scenario, events []game.Event, forms map[string]game.FeedbackForm, hotwash ...game.Command) []game.Event {
	t.Helper()
	log := slices.Clone(events)
	s, err := game.Resume(sc, log, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Engine.Observe(func(_ *game.State, ev *game.Event) { log = append(log, *ev) })
	names := make([]string, 0, len(forms))
	for name := range forms {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		a, ok := s.Engine.Actor(name)
		if !ok {
			t.Fatalf("%s is not seated", name)
		}
		if err := s.Do(a, game.Command{Verb: game.GiveFeedback, Feedback: forms[name]}); err != nil {
			t.Fatalf("%s's form: %v", name, err)
		}
	}
	white, _ := s.Engine.Actor(s.Engine.State().Facilitator)
	for _, c := range hotwash {
		if err := s.Do(white, c); err != nil {
			t.Fatalf("%v: %v", c.Verb, err)
		}
	}
	return again(t, sc, log)
}

// The forms people hand in at the terminal are summed up: each
// statement's ratings counted and averaged, every answer listed by seat,
// never by name; the hotwash's corrective actions fill the plan.
func TestFeedbackAndHotwashRecordInTheReport(t *testing.T) {
	sc, events := classRun(t)
	events = afterPlay(t, sc, events, map[string]game.FeedbackForm{
		"Ana":       {Ratings: []int{5, 4, 4, 0, 5, 3}, Answers: []string{"The preservation: the legal process took a day.", "", "Name a duty officer."}},
		"Li":        {Ratings: []int{4, 2, 3, 4, 5, 0}, Answers: []string{"", "When the acknowledgement was late."}},
		"Eve":       {Ratings: []int{3}},
		"Ms Rivera": {Answers: []string{"", "", "Run it again in March."}},
	},
		game.Command{Verb: game.AgreeAction, Correction: game.CorrectiveAction{Row: "A1", Issue: "A1", Title: "the decline", Action: "Train the desk on which ground covers what.",
			Element: "training", Organization: "FBI Cyber Division", Contact: "J. Doe", Start: "2026-12-01", Completion: "2027-03-31"}},
		game.Command{Verb: game.AgreeAction, Correction: game.CorrectiveAction{Row: "H1", Title: "Nobody knew who takes the hotline at night.", Action: "Write the night roster.", Element: "planning"}},
	)
	rep := report(t, sc, events)
	f := rep.Feedback
	if f.Forms != 4 {
		t.Errorf("%d forms", f.Forms)
	}
	if r := f.Ratings[0]; r.Count != [5]int{0, 0, 1, 1, 1} || r.Average() != "4.0" {
		t.Errorf("the first statement: %+v", r)
	}
	if r := f.Ratings[5]; r.Count != [5]int{0, 0, 1, 0, 0} || r.Average() != "3.0" {
		t.Errorf("the last statement, which one person left blank: %+v", r)
	}
	md := string(write(t, rep.WriteMarkdown))
	fb := section(md, "## 8. Participants' feedback")
	for _, want := range []string{
		"Four participants handed in the feedback form at the terminal",
		"| The exercise was well structured and organized. |   |   | 1 | 1 | 1 | 4.0 |",
		"- a player (United States, Federal Bureau of Investigation): The preservation: the legal process took a day.",
		"- a player (China, Tianjin Port Authority): When the acknowledgement was late.",
		"- the White Cell: Run it again in March.",
	} {
		if !strings.Contains(fb, want) {
			t.Errorf("the feedback section lacks %q:\n%s", want, fb)
		}
	}
	for _, name := range []string{"Ana", "Li", "Eve", "Rivera"} {
		if strings.Contains(fb, name) {
			t.Errorf("the feedback section names %s", name)
		}
	}
	plan := section(md, "## 9. Improvement plan")
	for _, want := range []string{
		"| Cooperation within the law | A1. United States: Declined the mitigation of China's request \"Extortion servers hosted in Ohio behind the port ransomware\" on a ground that does not cover it: the review counts it as a refusal. (answer-fast) | Train the desk on which ground covers what. | training | FBI Cyber Division | J. Doe | Tue 01 Dec 2026 | Wed 31 Mar 2027 |",
		"|   | Nobody knew who takes the hotline at night. | Write the night roster. | planning |   |   |   |   |",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("the plan lacks %q:\n%s", want, plan)
		}
	}
	if !strings.Contains(rep.Summary.Next, "2 corrective actions agreed") || !strings.Contains(rep.Summary.Next, "Four participants handed in the feedback form (section 8).") {
		t.Errorf("the summary's next steps: %s", rep.Summary.Next)
	}
}

// The participants appendix lists who sat where, people and bots, and
// says plainly who played a run no class sat.
func TestParticipantsAppendix(t *testing.T) {
	sc, events := classRun(t)
	rep := report(t, sc, events)
	overview := section(string(write(t, rep.WriteMarkdown)), "## 1. Overview")
	for _, want := range []string{"| Sponsor | School of Public Policy |", "| Participating organizations | School of Public Policy; Port of Tianjin (played) |", "| Participants | Appendix A |"} {
		if !strings.Contains(overview, want) {
			t.Errorf("the overview lacks %q", want)
		}
	}
	p := rep.Participants
	var rows []string
	for _, x := range p.People {
		until := "the end"
		if x.Until != nil {
			until = x.Until.Time
		}
		rows = append(rows, strings.Join([]string{x.Name, x.Role, x.Delegation, x.Team, x.From.Time, until}, " | "))
	}
	want := []string{
		"Ms Rivera | facilitator (White Cell) |  |  | Mon 02 Nov 09:00 | the end",
		"Ana | player | United States | Federal Bureau of Investigation | Mon 02 Nov 09:00 | the end",
		"Li | player | China | Tianjin Port Authority | Mon 02 Nov 09:00 | the end",
		"Eve | evaluator |  |  | Mon 02 Nov 09:00 | the end",
		"the by-the-book counterpart bot | bot | United States | Customs and Border Protection | Mon 02 Nov 09:00 | the end",
		"the slow-walking counterpart bot | bot | China | Ministry of Public Security | Mon 02 Nov 09:00 | the end",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("the participants:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	opm := builtin(t, "opm-breach")
	headless := report(t, opm, played(t, opm, 1, goldenPair))
	md := section(string(write(t, headless.WriteMarkdown)), "## Appendix A: Participants")
	for _, w := range []string{
		"No person took part: this was a headless run",
		"| the by-the-book counterpart bot | bot | United States | every team |",
		"| the slow-walking counterpart bot | bot | China | every team |",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("a headless run's participants lack %q:\n%s", w, md)
		}
	}
	// A solo player against a bot.
	var log []game.Event
	s, err := game.NewSession(opm, 1, [2]string{"", "cooperative"}, func(_ *game.State, ev *game.Event) { log = append(log, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	s.Advance(opm.End)
	solo := report(t, opm, again(t, opm, log)).Participants
	if solo.Note != "One person played the United States alone, every team of it; the cooperative counterpart bot played China." {
		t.Errorf("a solo run: %s", solo.Note)
	}
}

// The acronyms appendix lists every acronym the report uses, its own
// words among them.
func TestReportAcronyms(t *testing.T) {
	sc, events := classRun(t)
	rep := report(t, sc, events)
	md := string(write(t, rep.WriteMarkdown))
	body, appendix, ok := strings.Cut(md, "## Appendix B: Acronyms")
	if !ok {
		t.Fatal("the report has no acronyms appendix")
	}
	for _, a := range []string{"AAR", "HSEEP", "IP", "US"} {
		if !regexp.MustCompile(`\b` + a + `\b`).MatchString(body) {
			t.Errorf("the report does not use %s", a)
		}
		if !strings.Contains(appendix, "| "+a+" |") {
			t.Errorf("the appendix lacks %s, which the report uses", a)
		}
	}
}

// Every document's Markdown reads as a person would write it, and writes
// its dates in one style ("Thu 01 Oct 09:00", with the year where it
// matters): no other style outside its Mermaid charts, whose dates are
// Mermaid's.
func TestDocumentsWording(t *testing.T) {
	bad := []*regexp.Regexp{
		regexp.MustCompile(`States's`),                                         // "United States's requests"
		regexp.MustCompile(`\.;`),                                              // "accordingly.; weigh-escalation"
		regexp.MustCompile(`\(s\)`),                                            // "call(s)"
		regexp.MustCompile(`Lead: \.`),                                         // a lead nobody named
		regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`),                            // 2015-10-01
		regexp.MustCompile(`\b\d{2}-\d{2} \d{2}:\d{2}\b`),                      // 10-01 09:00
		regexp.MustCompile(`\b\d{1,2}/\d{1,2}/\d{2,4}\b`),                      // 10/1/2015
		regexp.MustCompile(`\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}`),            // Thu 2015-10-01
		regexp.MustCompile(`\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d`), // Thu Oct 1
	}
	fence := regexp.MustCompile("(?s)```mermaid\n.*?```\n")
	docs := map[string][]byte{}
	for _, sc := range scenarios(t) {
		for _, v := range []game.Viewer{{All: true}, {Side: injects.US}, {Side: injects.CN}} {
			docs["handbook "+sc.ID+" "+v.Side.String()] = write(t, debrief.NewHandbook(sc, v, debrief.Sitting{}).WriteMarkdown)
		}
		docs["eeg "+sc.ID] = write(t, debrief.NewEvaluationGuide(sc, debrief.Sitting{}).WriteMarkdown)
		if injects.IsBuiltin(sc.ID) {
			docs["report "+sc.ID] = write(t, report(t, sc, played(t, sc, 1, goldenPair)).WriteMarkdown)
		}
	}
	sc, events := classRun(t)
	docs["report class"] = write(t, report(t, sc, events).WriteMarkdown)
	cmp := twoTables(t)
	docs["compare"] = write(t, cmp.WriteMarkdown)
	for name, doc := range docs {
		text := fence.ReplaceAllString(string(doc), "")
		for _, re := range bad {
			for _, m := range re.FindAllStringIndex(text, 3) {
				t.Errorf("%s says %q: …%s…", name, text[m[0]:m[1]], text[max(0, m[0]-60):min(len(text), m[1]+60)])
			}
		}
	}
}
