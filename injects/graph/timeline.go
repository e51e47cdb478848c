package graph

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"hotline/injects"
)

// Lane is a row of the story calendar.
type Lane uint8

const (
	USLane Lane = iota
	CNLane
	BothLane
	DialogueLane
	numLanes
)

var laneTitles = [numLanes]string{"United States", "China", "Both sides", "Joint dialogue"}

// Mark is something on the story calendar: an inject with a fixed time, and
// how long its addressees have to choose; a dialogue meeting; the end.
type Mark struct {
	Lane   Lane
	At     time.Duration
	Window time.Duration // a deadline, if any
	Ref    string        // inject id, empty for the dialogue's marks
	Title  string
}

// Calendar is the scenario's injects on the story calendar, by side.
type Calendar struct {
	Title string
	Start time.Time
	Marks []Mark
	// Unscheduled are the injects with no fixed time: those that wait on a
	// condition, or on an effect or a choice that fires them.
	Unscheduled []string
}

// FixedTimes returns the story offset of every inject whose time is known
// before play: those with at:, and those after: one of them. Injects due
// after the end are left out.
func FixedTimes(sc *injects.Scenario) map[string]time.Duration {
	at := make(map[string]time.Duration, len(sc.Injects))
	var fixed func(i, depth int) (time.Duration, bool)
	fixed = func(i, depth int) (time.Duration, bool) {
		switch t := sc.Injects[i].Trigger; t.Kind {
		case injects.At:
			return t.At, true
		case injects.After:
			j, ok := sc.InjectIndex(t.After)
			if !ok || depth > len(sc.Injects) {
				return 0, false
			}
			base, ok := fixed(j, depth+1)
			return max(base+t.Delay, t.NotBefore), ok
		}
		return 0, false
	}
	for i := range sc.Injects {
		if t, ok := fixed(i, 0); ok && (sc.End == 0 || t <= sc.End) {
			at[sc.Injects[i].ID] = t
		}
	}
	return at
}

// Timeline places every inject whose time is known before play, and the
// dialogue's meetings, on the story calendar.
func Timeline(sc *injects.Scenario) *Calendar {
	c := &Calendar{Title: sc.Title, Start: sc.Start}
	fixed := FixedTimes(sc)
	for i := range sc.Injects {
		in := &sc.Injects[i]
		t, ok := fixed[in.ID]
		if !ok {
			c.Unscheduled = append(c.Unscheduled, in.ID)
			continue
		}
		m := Mark{Lane: lane(in.To), At: t, Ref: in.ID, Title: in.Title}
		if in.Deadline != nil {
			m.Window = in.Deadline.Within
		}
		c.Marks = append(c.Marks, m)
	}
	for i, m := range sc.Review.Meetings {
		title := sc.Review.Titles[i]
		if title == "" {
			title = fmt.Sprintf("Dialogue meeting %d", i+1)
		}
		c.Marks = append(c.Marks, Mark{Lane: DialogueLane, At: m, Title: title})
	}
	c.Marks = append(c.Marks, Mark{Lane: DialogueLane, At: sc.End, Title: "End: closing review"})
	slices.SortStableFunc(c.Marks, func(a, b Mark) int {
		if a.Lane != b.Lane {
			return int(a.Lane) - int(b.Lane)
		}
		return int((a.At - b.At) / time.Minute)
	})
	return c
}

func lane(a injects.Audience) Lane {
	switch {
	case a.All:
		return BothLane
	case a.Side == injects.CN:
		return CNLane
	}
	return USLane
}

// Mermaid writes the calendar as a Mermaid Gantt chart: an inject is a
// milestone, its deadline a bar.
func (c *Calendar) Mermaid(w io.Writer) error {
	b := &strings.Builder{}
	const layout = "2006-01-02 15:04"
	b.WriteString("gantt\n")
	fmt.Fprintf(b, "  title %s (story calendar, %s)\n", GanttText(c.Title), c.Start.Location())
	b.WriteString("  dateFormat YYYY-MM-DD HH:mm\n  axisFormat %m-%d\n")
	lane := Lane(numLanes)
	for i, m := range c.Marks {
		if m.Lane != lane {
			lane = m.Lane
			fmt.Fprintf(b, "  section %s\n", laneTitles[lane])
		}
		name := m.Title
		if m.Ref != "" {
			name = m.Ref + " - " + m.Title
		}
		when := c.Start.Add(m.At).Format(layout)
		fmt.Fprintf(b, "  %s :milestone, m%d, %s, 0d\n", GanttText(name), i, when)
		if m.Window > 0 {
			fmt.Fprintf(b, "  %s :w%d, %s, %s\n", GanttText("deadline for "+m.Ref), i, when, ganttDuration(m.Window))
		}
	}
	if len(c.Unscheduled) > 0 {
		fmt.Fprintf(b, "  %%%% No fixed time (a when: condition, or fired by an effect or a choice): %s\n", strings.Join(c.Unscheduled, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ganttDuration writes a duration in the one unit a Gantt chart reads.
func ganttDuration(d time.Duration) string {
	if d%time.Hour == 0 {
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return fmt.Sprintf("%dm", d/time.Minute)
}

// GanttText keeps a Mermaid Gantt task name clear of the characters that
// end it or could be read as markup, and short.
func GanttText(s string) string {
	s = strings.NewReplacer(":", " -", ";", ",", "#", "no.", "<", "‹", ">", "›").Replace(s)
	if ganttKeyword.MatchString(s) {
		// A task named "Call the ministry" would read as Mermaid's call
		// statement: an invisible zero-width space before it keeps it a name.
		s = "\u200b" + s
	}
	return clip(s)
}

// ganttKeyword matches text that Mermaid's Gantt lexer reads as a
// statement, not a task's name, when a line starts with it.
var ganttKeyword = regexp.MustCompile(`(?i)^\s*(call\s|click\s|href\s|gantt\b|dateformat\s|inclusiveenddates\b|topaxis\b|axisformat\s|tickinterval\s|includes\s|excludes\s|todaymarker\s|weekday\s|weekend\s|\d{4}-\d\d-\d\d\b|title\s|accdescription\s|accdescr|acctitle|section\s|%)`)

// DOT writes the calendar left to right along a time axis, one row of
// marks per lane.
func (c *Calendar) DOT(w io.Writer) error {
	b := &strings.Builder{}
	b.WriteString("digraph calendar {\n  rankdir=LR;\n")
	fmt.Fprintf(b, "  label=%s;\n  labelloc=t;\n", dotString([]string{c.Title + " (story calendar, " + c.Start.Location().String() + ")"}))
	b.WriteString("  node [fontname=\"Helvetica\", fontsize=10, shape=box];\n  edge [style=invis];\n")
	var times []time.Duration
	for _, m := range c.Marks {
		if !slices.Contains(times, m.At) {
			times = append(times, m.At)
		}
	}
	slices.Sort(times)
	for i, t := range times {
		fmt.Fprintf(b, "  t%d [shape=plaintext, label=%s];\n", i, dotString([]string{
			injects.FormatOffset(t), c.Start.Add(t).Format("Mon 01-02 15:04")}))
	}
	for i := 1; i < len(times); i++ {
		fmt.Fprintf(b, "  t%d -> t%d [style=solid, arrowhead=none];\n", i-1, i)
	}
	colours := [numLanes]string{"#dbe8ff", "#ffe0dc", "#efe6ff", "#e8f5e0"}
	for i, m := range c.Marks {
		lines := []string{laneTitles[m.Lane]}
		if m.Ref != "" {
			lines = append(lines, m.Ref)
		}
		lines = append(lines, m.Title)
		if m.Window > 0 {
			lines = append(lines, "choose within "+injects.FormatDuration(m.Window))
		}
		fmt.Fprintf(b, "  m%d [label=%s, style=filled, fillcolor=%q];\n", i, dotString(lines), colours[m.Lane])
		fmt.Fprintf(b, "  { rank=same; t%d; m%d; }\n", slices.Index(times, m.At), i)
	}
	// Each lane's marks in a row, in time order.
	for l := Lane(0); l < numLanes; l++ {
		prev := -1
		for i, m := range c.Marks {
			if m.Lane != l {
				continue
			}
			if prev >= 0 {
				fmt.Fprintf(b, "  m%d -> m%d;\n", prev, i)
			}
			prev = i
		}
	}
	if len(c.Unscheduled) > 0 {
		fmt.Fprintf(b, "  unscheduled [shape=note, label=%s];\n", dotString([]string{
			"No fixed time (a when: condition,", "or fired by an effect or a choice):", strings.Join(c.Unscheduled, ", ")}))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}
