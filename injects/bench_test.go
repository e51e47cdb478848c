package injects_test

import (
	"fmt"
	"strings"
	"testing"

	"hotline/injects"
)

// largeScenario writes a valid scenario with n injects of the shapes real
// files have: fixed times, chains of after:, when: conditions of a few
// kinds, choices with effects and next:, deadlines, and requests opened by
// choices.
func largeScenario(n int) []byte {
	const (
		nVars     = 24
		nPersonas = 30
		nRequests = 200
		days      = 60
	)
	var b strings.Builder
	b.Grow(n * 420)
	b.WriteString(`# A generated season of incidents, for the loader's benchmark.
format: 1
scenario:
  id: large-season
  title: A long season on the hotline
  summary: Many incidents, many requests, many choices.
  start: 2015-09-28 09:00
  timezone: America/New_York
  end: T+70d
include: [common.yaml]
objectives:
  triage: Sort incidents by what the mechanism can do about them.
  follow-up: Follow every request to its results.
review:
  meetings: [T+30d, 2015-12-01 10:00]
variables:
`)
	for v := range nVars {
		if v%4 == 3 {
			fmt.Fprintf(&b, "  flag_%d:\n    type: bool\n    initial: false\n    description: Incident family %d made the news\n", v, v)
			continue
		}
		fmt.Fprintf(&b, "  meter_%d:\n    type: int\n    min: 0\n    max: 100\n    initial: %d\n    description: Pressure from incident family %d\n", v, 10+v*3, v)
	}
	b.WriteString("personas:\n")
	for p := range nPersonas {
		aff := []string{"us", "cn", "press", "company", "white-cell"}[p%5]
		fmt.Fprintf(&b, "  source-%d:\n    name: Source number %d\n    affiliation: %s\n", p, p, aff)
	}
	b.WriteString("requests:\n")
	for r := range nRequests {
		from, grounds := "us", "[national-law, insufficient-information]"
		if r%3 == 1 {
			from, grounds = "cn", "[legal-process, national-security]"
		}
		cat := []string{"commercial-theft", "state-espionage", "critical-infrastructure", "other-cybercrime"}[r%4]
		fmt.Fprintf(&b, `  rfi-%d:
    kind: %s
    from: %s
    subject: Servers used in incident %d
    body: |
      Please identify the operators of the servers listed in annex %d and
      preserve the logs for ninety days.
    category: %s
    basis: cooperation
    due:
      acknowledge: 24h
      preserve: 3d
      investigate: 7d
      updates: [2d, 5d]
      results: 10d
    grounds: %s
    on_overdue:
      - change: {trust: -2}
`, r, []string{"information", "assistance"}[r%2], from, r, r, cat, grounds)
		if r%2 == 1 {
			fmt.Fprintf(&b, "    if: fired(\"inc-%d\")\n", r)
		}
	}
	b.WriteString("injects:\n")
	teams := []string{"us", "cn", "fbi", "mps", "dhs", "mss", "all"}
	for i := range n {
		id := fmt.Sprintf("inc-%d", i)
		to := teams[i%len(teams)]
		from := fmt.Sprintf("source-%d", i%nPersonas)
		v := (i/6 + i) % nVars
		if v%4 == 3 {
			v-- // an int variable
		}
		meter := fmt.Sprintf("meter_%d", v)
		fmt.Fprintf(&b, "  %s:\n", id)
		switch i % 6 {
		case 0, 3:
			fmt.Fprintf(&b, "    at: T+%dd%dh\n", (i/6)%days, i%24)
		case 1:
			fmt.Fprintf(&b, "    after: inc-%d\n    delay: %dh\n", i-1, 1+i%12)
		case 2:
			// A few condition shapes, each over many ids, as real files have.
			var cond string
			switch (i / 6) % 5 {
			case 0:
				cond = fmt.Sprintf("%s >= %d", meter, 40+i%50)
			case 1:
				cond = fmt.Sprintf("fired(\"inc-%d\") && tension > 50", i-2)
			case 2:
				cond = fmt.Sprintf("status(\"rfi-%d\") == \"overdue\"", i%nRequests)
			case 3:
				cond = fmt.Sprintf("chose(\"inc-%d\", \"firm\") || rung == \"ministerial\"", i-2-(i-2)%6)
			case 4:
				cond = fmt.Sprintf("flag_%d && days >= %d", 3+4*((i/6)%(nVars/4)), i%30)
			}
			fmt.Fprintf(&b, "    when: '%s'\n    delay: 2h\n", cond)
		case 4:
			// a reserve inject, fired by the next: of inject i-4
		case 5:
			fmt.Fprintf(&b, "    after: inc-%d\n", i-5)
		}
		if i%6 == 0 || i%6 == 4 {
			to = []string{"us", "cn"}[i%2]
		}
		fmt.Fprintf(&b, "    to: %s\n    from: %s\n    channel: %s\n", to, from, []string{"hotline", "note", "email", "press", "intel"}[i%5])
		fmt.Fprintf(&b, "    title: Incident %d develops\n    body: |\n      Reports reach the desk about incident %d. Analysts disagree about\n      who is behind it and what the other side can be asked to do.\n", i, i)
		if i%6 == 0 {
			next := "# no reserve inject follows the last"
			if i+4 < n {
				next = fmt.Sprintf("next: inc-%d", i+4)
			}
			fmt.Fprintf(&b, "    objectives: [triage, follow-up]\n")
			fmt.Fprintf(&b, `    choices:
      firm:
        label: Press the other side hard
        tone: firm
        effects:
          - change: {tension: 5, %[1]s: 10}
          - open: rfi-%[2]d
        %[3]s
      measured:
        label: Ask quietly through the mechanism
        tone: measured
        effects:
          - change: {trust: 3}
          - set: {%[4]s: true}
      wait:
        label: Wait for more facts
        tone: conciliatory
        effects:
          - change: {%[1]s: -5}
    deadline:
      within: %[5]dh
      choose: wait
`, meter, i%nRequests, next, fmt.Sprintf("flag_%d", 3+4*((i/6)%(nVars/4))), 6+i%30)
		}
		if i%6 == 3 {
			fmt.Fprintf(&b, "    effects:\n      - change: {%s: 2}\n", meter)
		}
	}
	b.WriteString(`endings:
  calm:
    title: Calm
    if: tension < 50 && trust >= 50
  storm:
    title: Storm
    if: "true"
`)
	return []byte(b.String())
}

func TestLargeScenarioIsValid(t *testing.T) {
	data := largeScenario(600)
	sc, diags := injects.Parse("large.yaml", data)
	if sc == nil || len(diags) != 0 {
		t.Fatalf("%d findings:\n%s", len(diags), diags.Error())
	}
	if len(sc.Injects) < 600 {
		t.Fatalf("%d injects", len(sc.Injects))
	}
}

// BenchmarkValidateLarge measures loading a scenario of 10,000 injects.
func BenchmarkValidateLarge(b *testing.B) {
	data := largeScenario(10000)
	sc, diags := injects.Parse("large.yaml", data)
	if sc == nil || len(diags) != 0 {
		b.Fatalf("%d findings:\n%.2000s", len(diags), diags.Error())
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if sc, _ := injects.Parse("large.yaml", data); sc == nil {
			b.Fatal("no scenario")
		}
	}
}

// BenchmarkBadReferences measures a 1 MB file of 14,000 injects, each
// after an inject that does not exist (target: under 1 s and 200 MB).
func BenchmarkBadReferences(b *testing.B) {
	var buf strings.Builder
	buf.WriteString("format: 1\nscenario: {id: refs, title: Refs, start: 2015-10-05 09:00, end: T+30d}\ninclude: [common.yaml]\n")
	buf.WriteString("personas:\n  p: {name: P, affiliation: company}\ninjects:\n")
	for i := 0; buf.Len() < 1<<20; i++ {
		fmt.Fprintf(&buf, "  inject-%06d: {after: inject-%06dx, to: us, from: p, channel: email, title: T}\n", i, i)
	}
	data := []byte(buf.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := injects.Parse("refs.yaml", data); diags.Errors() == 0 {
			b.Fatal("no findings")
		}
	}
}
