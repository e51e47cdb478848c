package ui

import (
	"math"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A meter draws its width whatever the value and the range: a value out of
// its range, or a range at the limits of an int, must not break the frame.
func TestMeterAlwaysFits(t *testing.T) {
	s := NewStyles(true)
	cases := []struct{ v, lo, hi int }{
		{50, 0, 100}, {100000, 0, 100}, {-100000, 0, 100}, {0, math.MinInt, math.MaxInt},
		{math.MaxInt, math.MinInt, math.MaxInt}, {math.MinInt, 0, 1}, {5, -1_000_000, 1_000_000},
	}
	for _, c := range cases {
		if got := ansi.StringWidth(s.meter(c.v, c.lo, c.hi, 10)); got != 10 {
			t.Errorf("meter(%d, %d, %d) is %d wide, want 10", c.v, c.lo, c.hi, got)
		}
	}
}
