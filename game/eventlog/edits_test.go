package eventlog_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/injects"
)

// A log is checked byte for byte: a line must be what hotline writes for
// its event. Edits that leave the events as they were are refused too,
// each at its line and in words.
func TestEditsThatKeepTheEventsAreRefused(t *testing.T) {
	_, data := runLog(t)
	lines := strings.SplitAfter(string(data), "\n")
	k := 4 // a line in the middle, not the last
	for _, c := range []struct{ name, line, want string }{
		{"a field twice", strings.Replace(lines[k], `"type":`, `"by":"someone","type":`, 1), `it has the field "by" twice`},
		{"a field twice, same value", strings.Replace(lines[k], `{"seq":`, `{"at":"0m","seq":`, 1), `it has the field "at" twice`},
		{"an unknown field", strings.Replace(lines[k], `"type":`, `"grade":"A","type":`, 1), `it has a field "grade" that hotline does not write there`},
		{"spaces", strings.Replace(lines[k], `,"type":`, `, "type": `, 1), "spelled differently (spaces, escapes or the order of fields)"},
		{"a \\u escape", escapeFirstLetter(lines[k]), "spelled differently"},
		{"CRLF", strings.TrimSuffix(lines[k], "\n") + "\r\n", "it ends with a carriage return (CRLF)"},
	} {
		edited := strings.Join(lines[:k], "") + c.line + strings.Join(lines[k+1:], "")
		if edited == string(data) {
			t.Fatalf("%s: the edit changed nothing", c.name)
		}
		_, err := eventlog.Parse([]byte(edited))
		want := fmt.Sprintf("line %d", k+1)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error at %s saying %q", c.name, err, want, c.want)
		}
	}
}

// escapeFirstLetter writes the first letter of the line's type as a \u
// escape: the same event, spelled otherwise.
func escapeFirstLetter(line string) string {
	i := strings.Index(line, `"type":"`) + len(`"type":"`)
	return line[:i] + fmt.Sprintf(`\u%04x`, line[i]) + line[i+1:]
}

// What was dropped at the end of a log, or why it is refused, is said as
// it is: blank lines are not a line cut short, a byte-order mark is named.
func TestLogMessagesSayWhatIsThere(t *testing.T) {
	_, data := runLog(t)
	log, err := eventlog.Parse(append(append([]byte(nil), data...), "\n\n"...))
	if err != nil || !log.Truncated || log.Dropped != "the log ends with 2 blank lines, which hotline does not write" || log.Size != int64(len(data)) {
		t.Errorf("trailing blank lines: %+v, %v", log, err)
	}
	cut := data[:len(data)-5]
	if log, err := eventlog.Parse(cut); err != nil || log.Dropped != "the last line was cut short (the run stopped while writing it)" {
		t.Errorf("a last line cut short: %v", err)
	}
	i := bytes.IndexByte(data, '\n') + 1
	blank := append(append(append([]byte(nil), data[:i]...), '\n'), data[i:]...)
	if _, err := eventlog.Parse(blank); err == nil || err.Error() != "line 2 is blank; hotline writes no blank lines between events" {
		t.Errorf("a blank line inside: %v", err)
	}
	bom := append([]byte("\xef\xbb\xbf"), data...)
	if _, err := eventlog.Parse(bom); err == nil || !strings.Contains(err.Error(), "line 1 is damaged: it starts with a byte-order mark (U+FEFF)") || strings.Contains(err.Error(), "ï") {
		t.Errorf("a byte-order mark: %v", err)
	}
}

// pauses is a log of a solo exercise whose player pauses and resumes the
// clock n times: made line by line as it is read, so that the log itself
// takes no memory.
type pauses struct {
	head    []byte // the events before the first pause
	n, seq  int
	pending []byte
}

func newPauses(t testing.TB, n int) *pauses {
	sc, diags := injects.LoadBuiltin("campaign")
	if sc == nil {
		t.Fatal(diags)
	}
	p := &pauses{n: n}
	s, err := game.NewSession(sc, 1, [2]string{"", "default"}, func(_ *game.State, ev *game.Event) {
		b, _ := json.Marshal(ev)
		p.head = append(append(p.head, b...), '\n')
		p.seq = ev.Seq
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = s
	p.pending = p.head
	return p
}

func (p *pauses) Read(b []byte) (int, error) {
	for len(p.pending) == 0 {
		if p.n == 0 {
			return 0, io.EOF
		}
		p.n--
		p.seq++
		kind := "clock.resumed"
		if p.n%2 == 0 {
			kind = "clock.paused"
		}
		p.pending = fmt.Appendf(p.pending[:0], `{"seq":%d,"at":"0m","type":"%s","by":"player"}`+"\n", p.seq, kind)
	}
	n := copy(b, p.pending)
	p.pending = p.pending[n:]
	return n, nil
}

// heapSampler reads a log and notes the largest live heap seen while it
// is made again.
type heapSampler struct {
	r    *eventlog.Reader
	n    int
	most uint64
}

func (h *heapSampler) Next() (game.Event, []byte, error) {
	h.n++
	if h.n%5_000 == 0 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.most = max(h.most, m.HeapAlloc)
	}
	return h.r.Next()
}

// A review reads its log as a stream: the memory it takes does not grow
// with the log. 40,000 events, some 20 MB as events in memory, are made
// again and checked in a few.
func TestReviewReadsTheLogAsAStream(t *testing.T) {
	sc, _ := injects.LoadBuiltin("campaign")
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h := &heapSampler{r: eventlog.NewReader(newPauses(t, 40_000))}
	eng, err := game.ReplayFrom(sc, h)
	if err != nil {
		t.Fatal(err)
	}
	if eng.State().Running {
		t.Error("the clock runs after an even number of pauses and resumes")
	}
	if grew := int64(h.most) - int64(m.HeapAlloc); grew > 4<<20 {
		t.Errorf("the live heap grew by %d MB while the log was made again", grew>>20)
	}
}

// BenchmarkReviewLargeLog reads and makes again a log of 100,000 events, as
// review does: the time and memory per event of checking a long log.
func BenchmarkReviewLargeLog(b *testing.B) {
	sc, _ := injects.LoadBuiltin("campaign")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := game.ReplayFrom(sc, eventlog.NewReader(newPauses(b, 100_000))); err != nil {
			b.Fatal(err)
		}
	}
}
