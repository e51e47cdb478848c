package classroom

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"syscall"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/table"
)

// BenchmarkClassOf60 serves the campaign to a full room over SSH on
// loopback: six students in each of the eight teams, eight observers,
// three evaluators and the projector, 60 sessions. Bots play every team,
// so decisions, requests and calls flow while the story clock runs at top
// speed on the table's own ticker (ten frames of news a second to every
// screen). In each op the facilitator changes the clock's speed, and the
// op ends when all 60 screens show the new speed in their header.
//
// Reported: the time from the command to the frame that shows it on each
// screen (p50, p99, max), the heap per session (server and client both
// live in this process, so it is an upper bound for the server), the CPU
// used with everyone connected and the clock paused, and how many
// sessions were dropped or missed a message.
//
//	go test ./ui/classroom -run '^$' -bench ClassOf60 -benchtime 1000x
func BenchmarkClassOf60(b *testing.B) {
	c := newClassOn(b, "campaign", nil) // the table's own clock, ten ticks a second
	c.control(game.Command{Verb: game.SetSpeed, Speed: game.MaxSpeed})
	white, _ := c.tb.Actor(host)
	if err := c.tb.SetWait(white, table.Off); err != nil { // the story flows without waiting for the room
		b.Fatal(err)
	}

	heapBefore := heapInUse()
	var room []*client
	seat := func(code, name string) {
		cl := c.dial(code, 100, 30)
		cl.waitFor("Name:")
		cl.typeText(name + "\r")
		cl.waitFor("You: " + name)
		room = append(room, cl)
	}
	for _, t := range c.sc.Teams {
		for i := range 6 {
			seat(c.codes.Teams[t.ID], fmt.Sprintf("%s student %d", t.ID, i+1))
		}
	}
	for i := range 8 {
		seat(c.codes.Observer, fmt.Sprintf("observer %d", i+1))
	}
	for i := range 3 {
		seat(c.codes.Evaluator, fmt.Sprintf("evaluator %d", i+1))
	}
	proj := c.dial(c.codes.Projector, 160, 45)
	proj.waitFor("LADDER")
	room = append(room, proj)
	heapPerSession := float64(heapInUse()-heapBefore) / float64(len(room)) / 1024

	var lat []time.Duration
	missed := 0
	c.control(game.Command{Verb: game.RunClock})
	b.ResetTimer()
	for i := 0; i < b.N && !c.ended(); i++ {
		if !c.running() {
			c.control(game.Command{Verb: game.RunClock}) // after a meeting's pause
		}
		// The marker is the speed in every screen's header: 11h and 12h of
		// story a second by turns.
		speed := game.MaxSpeed - time.Duration(1-i%2)*time.Hour
		marker := fmt.Sprintf("at %dh", int(speed.Hours()))
		waits := make([]<-chan time.Time, len(room))
		for k, cl := range room {
			waits[k] = cl.screen.expect(marker)
		}
		sent := time.Now()
		c.control(game.Command{Verb: game.SetSpeed, Speed: speed})
		timeout := time.After(10 * time.Second)

		for _, w := range waits {
			select {
			case at := <-w:
				lat = append(lat, at.Sub(sent))
			case <-timeout:
				missed++
			}
		}
	}
	b.StopTimer()
	c.control(game.Command{Verb: game.PauseClock})

	// Paused, nothing should move: once the runtime has given back the
	// memory the run freed, measure the CPU over a few seconds.
	debug.FreeOSMemory()
	time.Sleep(2 * time.Second)
	cpu0, wall0 := cpuTime(), time.Now()
	time.Sleep(3 * time.Second)
	idle := float64(cpuTime()-cpu0) / float64(time.Since(wall0)) * 100

	dropped := 0
	for _, cl := range room {
		select {
		case <-cl.ended:
			dropped++
		default:
		}
	}
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
		b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
		b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
	}
	b.ReportMetric(heapPerSession, "KiB/session")
	b.ReportMetric(idle, "%cpu-paused")
	b.ReportMetric(float64(missed), "missed")
	b.ReportMetric(float64(dropped), "dropped")
}

// running reports whether the story clock runs.
func (c *class) running() bool {
	var on bool
	c.tb.Sync()
	for _, ev := range c.tb.Since(0) {
		switch ev.Type {
		case game.ClockResumed:
			on = true
		case game.ClockPaused:
			on = false
		}
	}
	return on
}

// ended reports whether the exercise reached its end.
func (c *class) ended() bool {
	return len(c.events(game.Ended)) > 0
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// cpuTime is the CPU this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// expect returns a channel that gets the time the screen first shows text.
func (s *screen) expect(text string) <-chan time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan time.Time, 1)
	s.want, s.seen = text, ch
	return ch
}
