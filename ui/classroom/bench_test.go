package classroom

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/table"
)

// BenchmarkClassOf60 serves the campaign to a full room over SSH on
// loopback: six students in each of the eight teams, eight observers,
// three evaluators and the projector, 60 sessions.
//
//	go test ./ui/classroom -run '^$' -bench ClassOf60 -benchtime 1000x
func BenchmarkClassOf60(b *testing.B) {
	benchRoom(b, room{perTeam: 6, observers: 8, evaluators: 3})
}

// BenchmarkLectureHall serves the campaign to a lecture hall of 300
// sessions on one server, two ways: at one table (36 students in each of
// the eight teams, eight observers, three evaluators and the projector),
// and as ten tables of 30 (three students in each team, four observers, an
// evaluator and the projector at each), as a course splits into tables.
//
//	go test ./ui/classroom -run '^$' -bench 'LectureHall|ClassOf60' -benchtime 200x
func BenchmarkLectureHall(b *testing.B) {
	b.Run("one-table-of-300", func(b *testing.B) {
		benchRoom(b, room{tables: 1, perTeam: 36, observers: 8, evaluators: 3})
	})
	b.Run("ten-tables-of-30", func(b *testing.B) {
		benchRoom(b, room{tables: 10, perTeam: 3, observers: 4, evaluators: 1})
	})
}

// room is who a benchmark seats at each of its tables: students in every
// team, the table's observers and evaluators, and its projector.
type room struct {
	tables                int // 0 is one
	perTeam               int
	observers, evaluators int
}

// benchRoom serves the campaign to a room over SSH on loopback, the
// clients in this process. Bots play every team, so decisions, requests
// and calls flow while the story clock runs at top speed on the table's
// own ticker (ten frames of news a second to every screen). In each op the
// facilitator changes the clock's speed, and the op ends when every
// screen shows the new speed in its header.
//
// Reported: the time from the command to the frame that shows it on each
// screen (p50, p99, max); how many sessions were dropped or missed a
// message; the heap per session, of the server alone and with its client;
// and the CPU per session while the clock runs (of the server alone, and
// with the clients) and while it is paused. The server's part is what
// remains of the process's once the clients' goroutines, which carry a
// profiler label, are taken out: the garbage collector's background work
// stays in it, so it is an upper bound.
func benchRoom(b *testing.B, r room) {
	runtime.MemProfileRate = 4096 // fine enough to tell the server's heap from the clients'
	defer func() { runtime.MemProfileRate = 512 * 1024 }()
	// Each table's own clock, ten ticks a second.
	tables := newHall(b, "campaign", max(1, r.tables), table.Config{})
	for _, c := range tables {
		c.control(game.Command{Verb: game.SetSpeed, Speed: game.MaxSpeed})
		white, _ := c.tb.Actor(host)
		if err := c.tb.SetWait(white, table.Off); err != nil { // the story flows without waiting for the room
			b.Fatal(err)
		}
	}

	heapBefore, clientBefore := heapShares()
	var screens []*client
	pprof.Do(context.Background(), pprof.Labels("side", "client"), func(context.Context) {
		for _, c := range tables {
			seat := func(code, name string) {
				cl := c.dial(code, 100, 30)
				cl.waitFor("Name:")
				cl.typeText(name + "\r")
				cl.waitFor(name + " · ")
				screens = append(screens, cl)
			}
			for _, t := range c.sc.Teams {
				for i := range r.perTeam {
					seat(c.codes.Teams[t.ID], fmt.Sprintf("%s student %d", t.ID, i+1))
				}
			}
			for i := range r.observers {
				seat(c.codes.Observer, fmt.Sprintf("observer %d", i+1))
			}
			for i := range r.evaluators {
				seat(c.codes.Evaluator, fmt.Sprintf("evaluator %d", i+1))
			}
			proj := c.dial(c.codes.Projector, 160, 45)
			proj.waitFor("LADDER")
			screens = append(screens, proj)
		}
	})
	// The room's commands: to every table, and whether all of them run, or
	// one has ended.
	control := func(cmd game.Command) { // at once, as the room's console sends them
		var wg sync.WaitGroup
		for _, c := range tables {
			wg.Go(func() { c.control(cmd) })
		}
		wg.Wait()
	}
	running := func() bool {
		for _, c := range tables {
			if !c.tb.Running() {
				return false
			}
		}
		return true
	}
	ended := func() bool { return slices.ContainsFunc(tables, (*class).ended) }
	n := float64(len(screens))
	heapAfter, clientAfter := heapShares()
	runtime.MemProfileRate = 512 * 1024 // its default: sampling finely costs CPU the run would count
	heapPerSession := float64(heapAfter-heapBefore) / n / 1024
	serverHeapPerSession := float64(int64(heapAfter-heapBefore)-int64(clientAfter-clientBefore)) / n / 1024

	var lat []time.Duration
	missed := 0
	control(game.Command{Verb: game.RunClock})
	var profile bytes.Buffer
	profiling := pprof.StartCPUProfile(&profile) == nil // not when the run profiles itself
	cpu0, wall0 := cpuTime(), time.Now()
	b.ResetTimer()
	for i := 0; i < b.N && !ended(); i++ {
		if !running() {
			control(game.Command{Verb: game.RunClock}) // after a meeting's pause
		}
		// The marker is the speed in every screen's header: 11h and 12h of
		// story a second by turns.
		speed := game.MaxSpeed - time.Duration(1-i%2)*time.Hour
		marker := fmt.Sprintf("at %dh", int(speed.Hours()))
		waits := make([]<-chan time.Time, len(screens))
		for k, cl := range screens {
			waits[k] = cl.screen.expect(marker)
		}
		sent := time.Now()
		control(game.Command{Verb: game.SetSpeed, Speed: speed})
		// Closed after ten seconds, for every screen still waiting then.
		timeout := make(chan struct{})
		expire := time.AfterFunc(10*time.Second, func() { close(timeout) })
		check := time.NewTicker(100 * time.Millisecond)
	screens:
		for _, w := range waits {
			for {
				select {
				case at := <-w:
					lat = append(lat, at.Sub(sent))
					continue screens
				case <-check.C:
					if !running() {
						// The dialogue met, or the story ended: the
						// headers rightly say so instead of the speed.
						break screens
					}
					continue
				case <-timeout:
					missed++
					continue screens
				}
			}
		}
		check.Stop()
		expire.Stop()
	}
	b.StopTimer()
	busy := float64(cpuTime()-cpu0) / float64(time.Since(wall0)) * 100
	serverShare := 1.0
	if profiling {
		pprof.StopCPUProfile()
		client, all, err := labelledCPU(profile.Bytes(), "side", "client")
		if err != nil {
			b.Fatal(err)
		}
		if all > 0 {
			serverShare = 1 - float64(client)/float64(all)
		}
	}
	if !ended() {
		control(game.Command{Verb: game.PauseClock})
	}

	// Paused, nothing should move: once the runtime has given back the
	// memory the run freed, measure the CPU over a few seconds.
	debug.FreeOSMemory()
	time.Sleep(2 * time.Second)
	cpu0, wall0 = cpuTime(), time.Now()
	time.Sleep(3 * time.Second)
	paused := float64(cpuTime()-cpu0) / float64(time.Since(wall0)) * 100

	dropped := 0
	for _, cl := range screens {
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
	b.ReportMetric(n, "sessions")
	b.ReportMetric(float64(missed), "missed")
	b.ReportMetric(float64(dropped), "dropped")
	if profiling {
		b.ReportMetric(busy*serverShare/n, "%cpu-running/session")
	}
	b.ReportMetric(busy/n, "%cpu-running-with-client/session")
	b.ReportMetric(paused/n, "%cpu-paused/session")
	b.ReportMetric(serverHeapPerSession, "KiB-heap/session")
	b.ReportMetric(heapPerSession, "KiB-heap-with-client/session")
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

// heapShares returns the bytes of heap in use, and of them the bytes the
// benchmark's clients allocated, as the heap profile sees them.
func heapShares() (all, clients uint64) {
	runtime.GC()
	runtime.GC() // the profile counts what the last collection found live
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	var recs []runtime.MemProfileRecord
	for {
		n, ok := runtime.MemProfile(recs, false)
		if ok {
			recs = recs[:n]
			break
		}
		recs = make([]runtime.MemProfileRecord, n+50)
	}
	rate := int64(runtime.MemProfileRate)
	for _, r := range recs {
		if r.InUseBytes() == 0 || !clientStack(r.Stack()) {
			continue
		}
		// The profile samples one allocation in rate bytes; scale as
		// pprof does.
		count, size := r.InUseObjects(), r.InUseBytes()
		avg := float64(size) / float64(count)
		scale := 1 / (1 - math.Exp(-avg/float64(rate)))
		clients += uint64(float64(size) * scale)
	}
	return m.HeapInuse, clients
}

// clientStack reports whether an allocation was made for a benchmark's
// client: its terminal emulator, its SSH connection and session.
func clientStack(pcs []uintptr) bool {
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		for _, p := range []string{
			"github.com/charmbracelet/x/vt.",
			"hotline/ui/classroom.newScreen",
			"hotline/ui/classroom.(*client)",
			"hotline/ui/classroom.(*class).dial",
			"hotline/ui/classroom.(*class).connect",
			"golang.org/x/crypto/ssh.Dial",
			"golang.org/x/crypto/ssh.NewClientConn",
			"golang.org/x/crypto/ssh.(*Client)",
			"golang.org/x/crypto/ssh.(*Session)",
		} {
			if strings.HasPrefix(f.Function, p) {
				return true
			}
		}
		if !more {
			return false
		}
	}
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

// labelledCPU reads a CPU profile (runtime/pprof's gzipped protocol
// buffer) and returns the CPU time of the samples that carry the label
// key=value, and of all.
func labelledCPU(profile []byte, key, value string) (labelled, all time.Duration, err error) {
	zr, err := gzip.NewReader(bytes.NewReader(profile))
	if err != nil {
		return 0, 0, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return 0, 0, err
	}
	type sample struct {
		values []int64
		labels [][2]int64 // key, value: indexes in the strings
	}
	var (
		types   [][2]int64 // type, unit
		samples []sample
		strs    []string
	)
	err = protoFields(raw, func(field int, v uint64, b []byte) error {
		switch field {
		case 1: // sample_type
			var t [2]int64
			protoFields(b, func(f int, v uint64, _ []byte) error {
				if f == 1 || f == 2 {
					t[f-1] = int64(v)
				}
				return nil
			})
			types = append(types, t)
		case 2: // sample
			var s sample
			protoFields(b, func(f int, v uint64, p []byte) error {
				switch {
				case f == 2 && p != nil: // packed values
					for len(p) > 0 {
						x, n := binary.Uvarint(p)
						if n <= 0 {
							return fmt.Errorf("a bad value in the profile")
						}
						s.values, p = append(s.values, int64(x)), p[n:]
					}
				case f == 2:
					s.values = append(s.values, int64(v))
				case f == 3:
					var l [2]int64
					protoFields(p, func(f int, v uint64, _ []byte) error {
						if f == 1 || f == 2 {
							l[f-1] = int64(v)
						}
						return nil
					})
					s.labels = append(s.labels, l)
				}
				return nil
			})
			samples = append(samples, s)
		case 6: // string_table
			strs = append(strs, string(b))
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	cpu := -1
	for i, t := range types {
		if int(t[0]) < len(strs) && strs[t[0]] == "cpu" {
			cpu = i
		}
	}
	if cpu < 0 {
		return 0, 0, fmt.Errorf("the profile has no CPU time")
	}
	for _, s := range samples {
		if cpu >= len(s.values) {
			continue
		}
		d := time.Duration(s.values[cpu])
		all += d
		for _, l := range s.labels {
			if int(l[0]) < len(strs) && int(l[1]) < len(strs) && strs[l[0]] == key && strs[l[1]] == value {
				labelled += d
			}
		}
	}
	return labelled, all, nil
}

// protoFields calls f with each field of a protocol buffer message: its
// number, and its value (a varint or fixed number) or its bytes.
func protoFields(msg []byte, f func(field int, v uint64, b []byte) error) error {
	for len(msg) > 0 {
		tag, n := binary.Uvarint(msg)
		if n <= 0 {
			return fmt.Errorf("a bad tag in the profile")
		}
		msg = msg[n:]
		field, wire := int(tag>>3), tag&7
		var v uint64
		var b []byte
		switch wire {
		case 0:
			v, n = binary.Uvarint(msg)
			if n <= 0 {
				return fmt.Errorf("a bad varint in the profile")
			}
			msg = msg[n:]
		case 1:
			if len(msg) < 8 {
				return fmt.Errorf("a short field in the profile")
			}
			v, msg = binary.LittleEndian.Uint64(msg), msg[8:]
		case 2:
			l, n := binary.Uvarint(msg)
			if n <= 0 || uint64(len(msg)-n) < l {
				return fmt.Errorf("a bad length in the profile")
			}
			b, msg = msg[n:n+int(l)], msg[n+int(l):]
		case 5:
			if len(msg) < 4 {
				return fmt.Errorf("a short field in the profile")
			}
			v, msg = uint64(binary.LittleEndian.Uint32(msg)), msg[4:]
		default:
			return fmt.Errorf("a field of wire type %d in the profile", wire)
		}
		if err := f(field, v, b); err != nil {
			return err
		}
	}
	return nil
}
