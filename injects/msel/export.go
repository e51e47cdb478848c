package msel

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"hotline/injects"
	"hotline/injects/graph"
)

// The capitals whose clocks the MSEL shows.
var washington, beijing = injects.Washington, injects.Beijing

// storyLayout is how story times are written in the sheet.
const storyLayout = "2006-01-02 15:04"

// Export makes the scenario's MSEL: a row for each inject, those with a
// fixed time first, in time order, then the others in file order.
func Export(sc *injects.Scenario) *Sheet {
	fixed := graph.FixedTimes(sc)
	order := make([]int, len(sc.Injects))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ta, oka := fixed[sc.Injects[a].ID]
		tb, okb := fixed[sc.Injects[b].ID]
		switch {
		case oka && okb:
			return cmp.Compare(ta, tb)
		case oka:
			return -1
		case okb:
			return 1
		}
		return 0
	})
	s := &Sheet{Name: SheetName}
	for c := range s.Columns {
		s.Columns[c] = c
	}
	for n, i := range order {
		in := &sc.Injects[i]
		var r [NumCols]string
		r[ColEvent] = strconv.Itoa(n + 1)
		r[ColID] = in.ID
		r[ColTime] = timeCell(in)
		if t, ok := fixed[in.ID]; ok {
			r[ColWashington] = sc.Time(t).In(washington).Format(storyLayout)
			r[ColBeijing] = sc.Time(t).In(beijing).Format(storyLayout)
		}
		r[ColFrom] = in.From
		if p, ok := sc.Persona(in.From); ok && p.Name != "" {
			r[ColFrom] = p.Name
		}
		r[ColTo] = in.To.String()
		r[ColChannel] = in.Channel.String()
		r[ColSubject] = in.Title
		r[ColMessage] = strings.TrimRight(in.Body, "\n")
		r[ColAction] = actionCell(in)
		var obj []string
		for _, id := range sc.InjectObjectives(in.ID) {
			line := id
			if o, ok := sc.Objective(id); ok && o.Text != "" {
				line += ": " + oneLine(o.Text)
			}
			obj = append(obj, line)
		}
		r[ColObjective] = strings.Join(obj, "\n")
		r[ColNotes] = strings.TrimRight(in.Notes, "\n")
		s.Rows = append(s.Rows, r)
		s.Lines = append(s.Lines, n+2)
	}
	return s
}

// timeCell writes an inject's trigger: "T+2d", "after ID, 6h later",
// "when CONDITION, 1h later" or "reserve".
func timeCell(in *injects.Inject) string {
	t := in.Trigger
	later := ""
	if t.Delay > 0 {
		later = ", " + injects.FormatDuration(t.Delay) + " later"
	}
	switch t.Kind {
	case injects.At:
		return offsetCell(t.At)
	case injects.After:
		return "after " + t.After + later
	case injects.When:
		return "when " + oneLine(t.If.Source) + later
	}
	return "reserve"
}

// actionCell writes an inject's choices, "id: label" a line, and its
// deadline: "Deadline 12h" with ": choice" for the one taken on timeout.
func actionCell(in *injects.Inject) string {
	var lines []string
	for _, ch := range in.Choices {
		lines = append(lines, ch.ID+": "+oneLine(ch.Label))
	}
	if dl := in.Deadline; dl != nil {
		line := "Deadline " + injects.FormatDuration(dl.Within)
		if dl.Choose != "" {
			line += ": " + dl.Choose
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// offsetCell writes a story offset as inject files do: T+0h, T+1d2h.
func offsetCell(d time.Duration) string {
	if d == 0 {
		return "T+0h"
	}
	return "T+" + injects.FormatDuration(d)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
