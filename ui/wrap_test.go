package ui

import (
	"fmt"
	"strings"
	"testing"

	"hotline/injects"
)

// reads reports whether the screen shows text whole, however its lines
// were broken: at spaces, or after a hyphen.
func reads(screen, text string) bool {
	norm := func(s string) string {
		return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "- ", "-")
	}
	return strings.Contains(norm(screen), norm(text))
}

// Choices and legal grounds are wrapped at 80 to 120 columns, never cut,
// and grounds are named by their titles, never their ids.
func TestChoicesAndGroundsReadWhole(t *testing.T) {
	for _, w := range []int{80, 100, 120} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			m := newPlay(t, "opm-breach", injects.US, "by-the-book", w, 40)
			keys(m, "down") // the breach, below the situation briefing
			i, _ := m.Game().Scenario().InjectIndex("opm-discovery")
			briefing := plain(m)
			if w >= 120 { // the briefing beside the list: its column alone
				var col []string
				for _, l := range strings.Split(briefing, "\n") {
					if _, right, ok := strings.Cut(l, "│"); ok {
						col = append(col, right)
					}
				}
				briefing = strings.Join(col, "\n")
			}
			for _, ch := range m.Game().Scenario().Injects[i].Choices {
				if !reads(briefing, ch.Label) {
					t.Errorf("the choice %q is not whole on the screen:\n%s", ch.Label, plain(m))
				}
			}

			m = newPlaySeed(t, "hotline-escalation", injects.CN, "by-the-book", 1, w, 40)
			untilRequests(t, m)
			keys(m, "tab", "enter", "1", "space")
			for i := 0; i < 20 && !m.Game().State().Requests[panelOf[*requests](m).open].Elements[0].Delivered; i++ {
				steps(m, 1)
			}
			keys(m, "space", "down", "d")
			sc := m.Game().Scenario()
			req := &sc.Requests[panelOf[*requests](m).open]
			for _, id := range req.Grounds {
				g, _ := sc.Ground(id)
				if !reads(plain(m), g.Title) {
					t.Errorf("the ground %q is not whole on the screen:\n%s", g.Title, plain(m))
				}
			}
			keys(m, "1") // declined on the first
			mustContain(t, plain(m), "✗ declined: Not permitted under national law")
			keys(m, "esc", "tab", "tab") // the review
			if !reads(plain(m), "ground: Not permitted under national law") {
				t.Errorf("the review does not name the ground by its title:\n%s", plain(m))
			}
			if strings.Contains(plain(m), "national-law") {
				t.Errorf("a ground is named by its id:\n%s", plain(m))
			}
		})
	}
}
