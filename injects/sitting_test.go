package injects_test

import (
	"slices"
	"testing"
	"time"

	"hotline/injects"
)

// What a file says of the sitting, its documents and its feedback form is
// read as written; what it leaves out takes the defaults.
func TestSittingAndDocumentFields(t *testing.T) {
	src := `format: 1
scenario:
  id: port
  title: Ransomware at the port
  summary: Terminals stop.
  facilitator_summary: China's request will be late on purpose.
  start: 2015-10-05 09:00
  end: T+3d
exercise:
  date: 2026-11-23
  start: "9:30"
  location: Room 204
  sponsor: School of Public Policy
  contact: Ms Rivera, rivera@example.edu
  organizations: [School of Public Policy, Port Authority]
acronyms:
  FBI: Federal Bureau of Investigation
  CBP: Customs and Border Protection
feedback:
  questions: [What worked?, What did not?]
include: [common.yaml]
objectives:
  answer-fast:
    text: Answer in time.
    tasks: [Acknowledge within 12 hours]
sides:
  us:
    name: US delegation
    interests: [Keep the port's trade moving]
    teams:
      cbp: {name: Customs and Border Protection, role: Watches the containers.}
personas:
  port-ops:
    name: Port operations
    affiliation: company
injects:
  port-down:
    at: T+1d
    to: us
    from: port-ops
    channel: email
    title: Terminal systems encrypted
    objectives: [answer-fast]
`
	sc, diags := injects.Parse("port.yaml", []byte(src))
	if sc == nil {
		t.Fatalf("does not load:\n%v", diags)
	}
	ex := sc.Exercise
	if !ex.Date.Equal(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)) || !ex.Timed || ex.Start != 9*time.Hour+30*time.Minute ||
		ex.Location != "Room 204" || ex.Sponsor != "School of Public Policy" || ex.Contact != "Ms Rivera, rivera@example.edu" ||
		!slices.Equal(ex.Organizations, []string{"School of Public Policy", "Port Authority"}) {
		t.Errorf("exercise: %+v", ex)
	}
	if sc.Summary != "Terminals stop." || sc.FacilitatorSummary != "China's request will be late on purpose." {
		t.Errorf("summaries: %q, %q", sc.Summary, sc.FacilitatorSummary)
	}
	if !slices.Equal(sc.Feedback, []string{"What worked?", "What did not?"}) {
		t.Errorf("feedback: %q", sc.Feedback)
	}
	// The file's own acronyms and common.yaml's, the file's first when
	// both define one.
	var fbi string
	for _, a := range sc.Acronyms {
		if a.Short == "FBI" {
			fbi = a.Long
		}
	}
	if fbi != "Federal Bureau of Investigation" || len(sc.Acronyms) < 2 {
		t.Errorf("acronyms: %+v", sc.Acronyms)
	}
	if o := sc.Objectives[len(sc.Objectives)-1]; !slices.Equal(o.Tasks, []string{"Acknowledge within 12 hours"}) {
		t.Errorf("tasks of %s: %q", o.ID, o.Tasks)
	}
	if us := sc.Sides[injects.US]; us.Name != "US delegation" || !slices.Equal(us.Interests, []string{"Keep the port's trade moving"}) {
		t.Errorf("us: %+v", us)
	}
	cbp, _ := sc.Team("cbp")
	if cbp.Role != "Watches the containers." {
		t.Errorf("cbp's role: %q", cbp.Role)
	}

	plain, _ := injects.Parse("plain.yaml", []byte(`format: 1
scenario: {id: plain, title: Plain, start: 2015-10-05 09:00, end: T+1d}
sides:
  us: {teams: {fbi: FBI}}
  cn: {teams: {mps: MPS}}
`))
	if plain == nil || !slices.Equal(plain.Feedback, injects.DefaultFeedback) || plain.Exercise.Timed || !plain.Exercise.Date.IsZero() {
		t.Errorf("a file that says nothing: %+v", plain)
	}
}
