package classroom

import (
	"strings"
	"testing"
	"time"
)

// A lecture hall behind one school address joins at once: 300 students
// connect without a code in the user name and type their team's code at
// the prompt, all within the same instant of the server's clock. The next
// one from that address is refused, saying why, and gets in once the clock
// has moved on by a fifth of a second.
func TestALectureHallJoinsFromOneAddressAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED: a lecture hall joining is not checked: -short was given, and it opens 300 SSH connections (CI runs it)")
	}
	c := newClass(t, "campaign")
	c.srv.cfg.FPS = 120 // screens drawn sooner: the joins take less of the test's time
	join := func(i int) *client {
		t.Helper()
		cl := c.dial("student", 100, 30)
		cl.waitUntil("the prompt", func(s string) bool {
			return strings.Contains(s, "Code:") || strings.Contains(cl.stderr.String(), "hotline:")
		})
		if why := cl.stderr.String(); why != "" {
			t.Fatalf("student %d of the hall was refused: %s", i+1, why)
		}
		team := c.sc.Teams[i%len(c.sc.Teams)]
		cl.typeCode(c.codes.Teams[team.ID], "You join "+team.Name)
		return cl
	}
	for i := range joinBurst {
		join(i).conn.Close() // seated or not, the hall's joins are what is counted
	}

	late := c.dial("student", 100, 30)
	late.waitEnd()
	if !strings.Contains(late.stderr.String(), "too many connections from this address at once") {
		t.Fatalf("the 301st connection in the same instant: %q, want it refused as too many", late.stderr.String())
	}
	c.clock.Add(time.Second / joinsPerSecond)
	join(joinBurst)
}
