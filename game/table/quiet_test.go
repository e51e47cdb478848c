package table_test

import (
	"testing"
	"time"

	"hotline/game"
	"hotline/game/table"
)

// handTicker is a ticker the test ticks: each tick is taken by the table
// before Tick returns.
type handTicker struct{ c chan time.Time }

func (h *handTicker) Start(time.Duration) <-chan time.Time { return h.c }
func (h *handTicker) Stop()                                {}

// The ticker's ticks that move the clock alone are told every QuietTicks
// ticks; a tick that makes news is told at once, and the clock's time
// comes with whatever is told.
func TestTicksThatMoveOnlyTheClockAreToldLessOften(t *testing.T) {
	ticker := &handTicker{c: make(chan time.Time)}
	tb, host := classTable(t, "campaign", nil, ticker, nil)
	if err := tb.SetWait(host, table.Off); err != nil {
		t.Fatal(err)
	}
	sub := tb.Subscribe()
	defer sub.Close()
	if _, err := tb.Do(host, game.Command{Verb: game.RunClock}); err != nil {
		t.Fatal(err)
	}
	<-sub.C()
	seen := len(sub.Next().Events)

	quiet, toldQuiet, news := 0, 0, 0
	for range 200 {
		ticker.c <- time.Now()
		tb.Sync()
		made := len(tb.Since(0)) > seen
		seen = len(tb.Since(0))
		told := false
		select {
		case <-sub.C():
			told = true
			if u := sub.Next(); u.Now != tb.Now() {
				t.Fatalf("told the clock at %v, the table's is at %v", u.Now, tb.Now())
			}
		default:
		}
		switch {
		case made && !told:
			t.Fatal("a tick that made events was not told")
		case made:
			news++
			quiet = 0
		case told:
			toldQuiet++
			if quiet+1 != table.QuietTicks {
				t.Fatalf("told after %d quiet ticks, want %d", quiet+1, table.QuietTicks)
			}
			quiet = 0
		default:
			quiet++
			if quiet >= table.QuietTicks {
				t.Fatalf("%d quiet ticks in a row were not told", quiet)
			}
		}
	}
	if news == 0 || toldQuiet == 0 {
		t.Fatalf("the run had %d ticks with news and %d quiet ticks told: the test proves nothing", news, toldQuiet)
	}
}
