package msel

import (
	"strings"
	"time"

	"hotline/injects"
	"hotline/injects/graph"
)

// Which time counts. A row says when its inject comes three times: in the
// Time column, and on the calendar in Washington and in Beijing. A
// facilitator moves an inject by changing one of them and leaves the
// others; the one changed must win, and the others must not be errors.
// The rule, as docs/authoring.md states it:
//
//   - The Time cell counts, unless it is empty, or unless (importing onto
//     the file the sheet came from) it is as exported and a story time was
//     changed: then that story time moves the inject.
//   - A story time that says otherwise than the time that counts is set
//     aside with a warning, and the next export writes it afresh; one left
//     as exported is set aside without a word.
//   - It is an error when the story times that count disagree with each
//     other, or move an inject whose Time cell gives it no fixed time.

// chooseTime decides which of a row's time cells counts.
func (im *importer) chooseTime(e *entry, row [NumCols]string) {
	was, exported := im.exported[e.id]
	if exported {
		for i, c := range []int{ColWashington, ColBeijing} {
			e.changed[i] = e.given[i] && !sameStoryTime(row[c], was[c], []*time.Location{washington, beijing}[i])
		}
	} else {
		e.changed = e.given
	}
	switch {
	case strings.TrimSpace(row[ColTime]) == "":
		e.storyWins = true
	case exported && sameTimeCell(row[ColTime], was[ColTime]) && (e.changed[0] || e.changed[1]):
		e.storyWins = true
		if e.trigger == "at" {
			e.at = -1 // from the story time, once the calendar is known
		}
	}
	if e.storyWins && (!e.given[0] || !e.changed[0] && e.changed[1]) {
		e.storyCell = 1 // Beijing's, when Washington's is not given or not changed
	}
}

// checkStoryTimes holds the story times a row gives against the time the
// file made from the sheet gives its inject.
func (im *importer) checkStoryTimes(sc *injects.Scenario) {
	fixed := graph.FixedTimes(sc)
	for _, e := range im.entries {
		t, ok := fixed[e.id]
		how := "in reserve, when an effect or a choice fires it"
		if e.trigger == "after" || e.trigger == "when" {
			how = e.trigger + " " + e.after + e.when
		}
		for i, c := range []int{ColWashington, ColBeijing} {
			if !e.given[i] || !e.changed[i] {
				continue // as exported: written afresh
			}
			loc := []*time.Location{washington, beijing}[i]
			here := e.times[i].In(loc).Format(storyLayout)
			switch {
			case e.storyWins && e.trigger != "at":
				im.errorf(c, e.line, "inject %q comes %s, so a story time cannot move it: give the Time cell an offset like T+2d, or clear this cell", e.id, how)
			case !ok:
				im.warnf(c, e.line, "inject %q comes %s, as the Time cell says, so it has no story time: %s is set aside", e.id, how, here)
			case sc.Time(t).Equal(e.times[i]):
			case e.storyWins:
				im.errorf(c, e.line, "the story times disagree: the inject comes at %s, which is %s here, not %s; give one story time, or clear this cell",
					injects.FormatOffset(t), sc.Time(t).In(loc).Format(storyLayout), here)
			default:
				im.warnf(c, e.line, "the Time cell puts the inject at %s, which is %s here; %s is set aside, and the next export writes it afresh",
					injects.FormatOffset(t), sc.Time(t).In(loc).Format(storyLayout), here)
			}
		}
	}
}

// sameTimeCell reports whether two Time cells say the same: "T+1d" and
// "T+1d00:00", or the same words spaced otherwise.
func sameTimeCell(a, b string) bool {
	a, b = strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " ")
	if a == b {
		return true
	}
	da, errA := parseOffset(a)
	db, errB := parseOffset(b)
	return errA == nil && errB == nil && da == db
}

// sameStoryTime reports whether two story-time cells name the same
// instant, however a spreadsheet wrote them.
func sameStoryTime(a, b string, loc *time.Location) bool {
	if strings.TrimSpace(a) == strings.TrimSpace(b) {
		return true
	}
	ta, okA := parseStory(a, loc)
	tb, okB := parseStory(b, loc)
	return okA && okB && ta.Equal(tb)
}
