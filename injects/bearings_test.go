package injects_test

import (
	"testing"

	"hotline/injects"
)

const bearingsFile = `format: 1
scenario:
  id: bearings
  title: Bearings
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
  tension: {type: int, min: 0, max: 100, initial: 40}
objectives:
  tell-apart: Tell espionage apart from commercial theft.
  weigh-escalation: Weigh the costs of public attribution.
actions:
  attribute:
    side: us
    label: Blame China's government in public
    effects: [change: {tension: 10}]
    undermines:
      weigh-escalation: >
        Attribution is not certain,
        and China will deny it.
injects:
  breach:
    at: T+0h
    to: fbi
    from: white-cell
    channel: intel
    title: Personnel records breached
    choices:
      ask:
        label: Send a request for information
        effects: [change: {tension: -1}]
        supports:
          tell-apart: A request for information fits espionage.
        neutral:
          weigh-escalation: It escalates nothing.
      wait:
        label: Wait
        effects: [change: {tension: 1}]
`

// A choice and an action say what they mean for objectives; the loader
// keeps each bearing with its verdict and its reason, and an objective
// that only a bearing names counts as exercised.
func TestBearingsLoad(t *testing.T) {
	sc, diags := injects.Parse("bearings.yaml", []byte(bearingsFile))
	if sc == nil || len(diags) != 0 {
		t.Fatalf("the file does not load clean:\n%v", diags)
	}
	in := &sc.Injects[0]
	ask, _ := in.Choice("ask")
	want := []injects.Bearing{
		{Objective: "tell-apart", Verdict: injects.Supports, Why: "A request for information fits espionage."},
		{Objective: "weigh-escalation", Verdict: injects.Neutral, Why: "It escalates nothing."},
	}
	if len(ask.Bearings) != len(want) {
		t.Fatalf("choice ask has bearings %+v", ask.Bearings)
	}
	for i, w := range want {
		got := ask.Bearings[i]
		if got.Objective != w.Objective || got.Verdict != w.Verdict || got.Why != w.Why || got.Pos.Line == 0 {
			t.Errorf("bearing %d = %+v; want %+v with a position", i, got, w)
		}
	}
	if wait, _ := in.Choice("wait"); len(wait.Bearings) != 0 {
		t.Errorf("choice wait has bearings %+v; it says none", wait.Bearings)
	}
	b, ok := injects.BearingOn(sc.Actions[0].Bearings, "weigh-escalation")
	if !ok || b.Verdict != injects.Undermines || b.Why != "Attribution is not certain, and China will deny it." {
		t.Errorf("action attribute bears %+v, %v on weigh-escalation", b, ok)
	}
	if _, ok := injects.BearingOn(sc.Actions[0].Bearings, "tell-apart"); ok {
		t.Error("action attribute bears on tell-apart; it says nothing of it")
	}
}
