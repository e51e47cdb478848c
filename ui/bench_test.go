package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"hotline/game/table"
	"hotline/injects"
)

// bigScenario has n requests, half each way, all opened at the start, and
// k injects arriving an hour apart.
func bigScenario(tb testing.TB, n, k int) *injects.Scenario {
	var b strings.Builder
	b.WriteString(`format: 1
scenario: {id: big, title: A crowded season, start: 2015-09-28 09:00, end: T+60d}
include: [common.yaml]
requests:
`)
	for i := range n {
		from := []string{"us", "cn"}[i%2]
		fmt.Fprintf(&b, "  r%04d: {kind: assistance, from: %s, subject: Servers abroad in case %d, category: commercial-theft, "+
			"due: {acknowledge: 24h, preserve: 48h, investigate: 10d, mitigate: 3d, updates: [5d, 12d], results: 20d}, grounds: [national-law]}\n", i, from, i)
	}
	b.WriteString("injects:\n  open-all:\n    at: T+0h\n    to: all\n    from: white-cell\n    channel: note\n    title: The requests arrive\n    effects:\n")
	for i := range n {
		fmt.Fprintf(&b, "      - open: r%04d\n", i)
	}
	for i := range k {
		fmt.Fprintf(&b, "  i%04d: {at: T+%dh, to: %s, from: white-cell, channel: %s, title: Briefing number %d, body: \"**Item %d.** Something happened.\"}\n",
			i, i, []string{"us", "all"}[i%2], []string{"note", "email", "press", "intel"}[i%4], i, i)
	}
	sc, diags := injects.Parse("big.yaml", []byte(b.String()))
	if sc == nil {
		tb.Fatal(diags)
	}
	return sc
}

// BenchmarkView draws the main screen with 1,000 requests and 200 injects,
// on the feed and on the request queue.
func BenchmarkView(b *testing.B) {
	sc := bigScenario(b, 1000, 200)
	g, err := Solo(Setup{Scenario: sc, Side: injects.US, Counterpart: "slow-walking", Seed: 1, Speed: time.Hour}, nil, table.ManualTicker{})
	if err != nil {
		b.Fatal(err)
	}
	runUntil(b, g, 10*24*time.Hour)
	m := New(Options{Game: g, Manual: true})
	send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	f := frameOf(m)
	f.overlays.stack = nil                // the main screen, not an incoming call
	for i, p := range f.tabs.panels[:2] { // the feed and the requests
		f.tabs.show(i)
		b.Run(p.title(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}
