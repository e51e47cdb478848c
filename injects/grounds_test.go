package injects_test

import (
	"strings"
	"testing"
	"time"

	"hotline/injects"
)

// groundsFile declares grounds covering along each line, a request with its
// material and one without, one misfiled, titled meetings, a choice with a
// condition and a playing time.
const groundsFile = `format: 1
scenario:
  id: grounds
  title: Grounds
  start: 2015-10-01 09:00
  end: T+10d
  playing_time: 1h15m
sides:
  us:
    teams: {fbi: Federal Bureau of Investigation}
  cn:
    teams: {mps: Ministry of Public Security}
personas:
  white-cell: {name: White Cell, affiliation: white-cell}
grounds:
  law:
    title: Not permitted under national law
    covers: [updates, results]
  process:
    title: Needs legal process first
    covers: [commercial-theft, investigate]
  detail:
    title: Not enough technical detail
    covers: [nothing-attached]
  misfiled:
    title: Outside the commitment invoked
    covers: [category-error]
requests:
  detailed:
    kind: assistance
    from: us
    subject: With material
    category: commercial-theft
    basis: pledge
    attached: [server addresses, times]
    due: {acknowledge: 1d, investigate: 2d, updates: 3d, results: 4d}
    grounds: [law, process, detail, misfiled]
    if: "true"
  bare:
    kind: information
    from: us
    subject: Without material
    category: other-cybercrime
    due: {acknowledge: 1d, investigate: 2d}
    grounds: [process, detail]
    if: "true"
  dressed:
    kind: assistance
    from: us
    subject: Espionage under the pledge
    category: state-espionage
    basis: pledge
    attached: [server addresses]
    due: {acknowledge: 1d, mitigate: 2d}
    grounds: [misfiled, detail]
    if: "true"
injects:
  ask:
    at: 0h
    to: us
    from: white-cell
    channel: note
    title: Ask
    choices:
      send:
        label: Send it
        if: 'status("detailed") == "unopened"'
        effects:
          - open: detailed
      wait:
        label: Wait
        effects:
          - open: bare
    deadline: {within: 1h, choose: wait}
review:
  meetings:
    - 2d
    - at: 5d
      title: The first meeting of the joint dialogue
endings:
  done:
    title: Done
    if: "true"
`

func TestGroundsSayWhatTheyCover(t *testing.T) {
	sc, diags := injects.Parse("grounds.yaml", []byte(groundsFile))
	if sc == nil || len(diags) != 0 {
		t.Fatalf("the file does not load clean:\n%v", diags)
	}
	req := func(id string) *injects.Request {
		i, _ := sc.RequestIndex(id)
		return &sc.Requests[i]
	}
	ground := func(id string) *injects.Ground {
		g, _ := sc.Ground(id)
		return g
	}
	cases := []struct {
		ground, request string
		part            injects.ElementKind
		sound           bool
	}{
		{"law", "detailed", injects.Results, true},
		{"law", "detailed", injects.Update, true},
		{"law", "detailed", injects.Investigate, false},
		{"process", "detailed", injects.Investigate, true},   // commercial theft, investigation
		{"process", "bare", injects.Investigate, false},      // other cybercrime
		{"process", "detailed", injects.Results, false},      // not a part it names
		{"detail", "bare", injects.Investigate, true},        // nothing attached
		{"detail", "detailed", injects.Investigate, false},   // material attached
		{"misfiled", "dressed", injects.Mitigate, true},      // espionage under the pledge
		{"misfiled", "detailed", injects.Investigate, false}, // theft under the pledge fits
	}
	for _, c := range cases {
		if got := ground(c.ground).Sound(req(c.request), c.part); got != c.sound {
			t.Errorf("%s covers the %s of %s: %v, want %v", c.ground, c.part, c.request, got, c.sound)
		}
	}
	if !req("detailed").Detailed() || req("bare").Detailed() {
		t.Error("Detailed does not follow attached:")
	}
	if got := strings.Join(req("detailed").Attached, "; "); got != "server addresses; times" {
		t.Errorf("attached %q", got)
	}
	if sc.PlayingTime != 75*time.Minute {
		t.Errorf("playing time %v", sc.PlayingTime)
	}
	if got := sc.Review.Titles; len(got) != 2 || got[0] != "" || got[1] != "The first meeting of the joint dialogue" {
		t.Errorf("meeting titles %q", got)
	}
	i, _ := sc.InjectIndex("ask")
	if ch, _ := sc.Injects[i].Choice("send"); ch.If == nil || ch.If.Source != `status("detailed") == "unopened"` {
		t.Errorf("the choice's condition: %+v", ch.If)
	}
}

func TestBuiltinsSayHowLongTheyTake(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		sc, _ := injects.LoadBuiltin(id)
		if sc.PlayingTime < 15*time.Minute || sc.PlayingTime > 2*time.Hour {
			t.Errorf("%s: playing time %v", id, sc.PlayingTime)
		}
	}
}

func TestPlayingTimeMustBeADuration(t *testing.T) {
	src := strings.Replace(groundsFile, "playing_time: 1h15m", "playing_time: an hour", 1)
	sc, diags := injects.Parse("grounds.yaml", []byte(src))
	if sc != nil || len(diags) != 1 || diags[0].Code != injects.CodeDuration || diags[0].Line != 7 {
		t.Errorf("scenario %v, findings:\n%v", sc != nil, diags)
	}
}
