package injects_test

import (
	"slices"
	"testing"

	"hotline/injects"
)

// TestObjectivesOfAnEvent: an inject or a request serves the objectives it
// names, as it names them, and then those whose block names it.
func TestObjectivesOfAnEvent(t *testing.T) {
	sc, diags := injects.Parse("mapped.yaml", []byte(`format: 1
scenario: {id: mapped, title: Mapped, start: 2015-10-05 09:00, end: T+3d}
include: [common.yaml]
objectives:
  hotline:
    text: Escalate when a response fails.
    injects: [first]
    requests: [rfa]
  answer: Answer on time.
  escalate-early:
    text: Ring before the deadline passes.
    injects: [first]
requests:
  rfa:
    kind: assistance
    from: us
    subject: Servers
    category: commercial-theft
    due: {acknowledge: 24h}
    objectives: [answer]
injects:
  first:
    at: T+0h
    to: us
    from: white-cell
    channel: note
    title: First
    objectives: [answer]
    effects:
      - open: rfa
`))
	if sc == nil {
		t.Fatal(diags.Error())
	}
	if got := sc.InjectObjectives("first"); !slices.Equal(got, []string{"answer", "hotline", "escalate-early"}) {
		t.Errorf("inject first serves %v", got)
	}
	if got := sc.RequestObjectives("rfa"); !slices.Equal(got, []string{"answer", "hotline"}) {
		t.Errorf("request rfa serves %v", got)
	}
	if got := sc.InjectObjectives("nothing"); got != nil {
		t.Errorf("an unknown inject serves %v", got)
	}
}
