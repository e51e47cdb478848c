package injects

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// merge builds one scenario from a file and the files it includes.
//
// Collections (objectives, teams, personas, variables, grounds, profiles,
// requests, actions, injects) are the union of all files; an id defined in
// two places is an error. Whole-exercise sections (hotline, costs, review,
// endings) come from the including file when it has them, else from the first
// included file that does. The scenario: block comes from the top file only.
func merge(root *fileDoc, r *reporter) *Scenario {
	s := &Scenario{Format: root.format, index: map[string]map[string]int{}}
	if m := root.meta; m != nil {
		s.ID, s.Title, s.Summary, s.Start = m.id, m.title, m.summary, m.start
		s.FacilitatorSummary = m.facilitatorSummary
		s.PlayingTime = m.playingTime
		s.End = m.end
	}
	first := map[string]Pos{}
	add := func(kind, id string, p Pos, i int) {
		key := kind + ":" + id
		if id == "" {
			return
		}
		if at, dup := first[key]; dup {
			r.at(Error, p, CodeDuplicate, "%s %q is already defined at %s", kind, id, at.short(p.File))
			return
		}
		first[key] = p
		s.addIndex(kind, id, i)
	}

	docs := postOrder(root)
	nInjects, nRequests := 0, 0
	for _, doc := range docs {
		nInjects += len(doc.injects)
		nRequests += len(doc.requests)
	}
	s.Injects = make([]Inject, 0, nInjects) // large structs: grow once
	s.Requests = make([]Request, 0, nRequests)
	for _, doc := range docs {
		for _, x := range doc.objectives {
			add("objective", x.ID, x.Pos, len(s.Objectives))
			s.Objectives = append(s.Objectives, x)
		}
		for _, x := range doc.teams {
			add("team", x.ID, x.Pos, len(s.Teams))
			s.Teams = append(s.Teams, x)
		}
		for _, x := range doc.personas {
			add("persona", x.ID, x.Pos, len(s.Personas))
			s.Personas = append(s.Personas, x)
		}
		for _, x := range doc.variables {
			add("variable", x.ID, x.Pos, len(s.Variables))
			s.Variables = append(s.Variables, x)
		}
		for _, x := range doc.grounds {
			add("ground", x.ID, x.Pos, len(s.Grounds))
			s.Grounds = append(s.Grounds, x)
		}
		for _, x := range doc.profiles {
			add("profile", x.ID, x.Pos, len(s.Profiles))
			s.Profiles = append(s.Profiles, x)
		}
		for _, x := range doc.requests {
			add("request", x.ID, x.Pos, len(s.Requests))
			s.Requests = append(s.Requests, x)
		}
		for _, x := range doc.actions {
			add("action", x.ID, x.Pos, len(s.Actions))
			s.Actions = append(s.Actions, x)
		}
		for _, x := range doc.injects {
			if x.Trigger.Kind == At {
				x.Trigger.At += doc.shift
			}
			x.Trigger.NotBefore = doc.shift
			add("inject", x.ID, x.Pos, len(s.Injects))
			s.Injects = append(s.Injects, x)
		}
	}

	for side := range s.Sides {
		s.Sides[side].Side = Side(side)
		if doc := firstWith(root, func(f *fileDoc) bool { return f.sides[side].declared }); doc != nil {
			sd := doc.sides[side]
			s.Sides[side].Name, s.Sides[side].Lead, s.Sides[side].Interests = sd.name, sd.lead, sd.interests
			s.Sides[side].Counterparts, s.Sides[side].Pos = sd.counterparts, sd.pos
			s.Sides[side].counterpartPos = sd.counterpartPos
		}
		if s.Sides[side].Name == "" {
			s.Sides[side].Name = Side(side).Title() + " delegation"
		}
	}

	if doc := firstWith(root, func(f *fileDoc) bool { return f.exercise != nil }); doc != nil {
		s.Exercise = *doc.exercise
	}
	s.Feedback = DefaultFeedback
	if doc := firstWith(root, func(f *fileDoc) bool { return f.feedback != nil }); doc != nil && len(*doc.feedback) > 0 {
		s.Feedback = *doc.feedback
	}
	// An acronym the including file defines again is the including file's.
	byShort := map[string]int{}
	for _, doc := range docs {
		for _, a := range doc.acronyms {
			if i, ok := byShort[a.Short]; ok {
				s.Acronyms[i] = a
				continue
			}
			byShort[a.Short] = len(s.Acronyms)
			s.Acronyms = append(s.Acronyms, a)
		}
	}

	s.Hotline = defaultHotline()
	if doc := firstWith(root, func(f *fileDoc) bool { return f.hotline != nil }); doc != nil {
		s.Hotline = *doc.hotline
	}
	s.Costs = defaultCosts()
	if doc := firstWith(root, func(f *fileDoc) bool { return f.costs != nil }); doc != nil {
		s.Costs = *doc.costs
	}
	s.Review = Review{Weights: defaultWeights}
	if doc := firstWith(root, func(f *fileDoc) bool { return f.review != nil }); doc != nil {
		s.Review = *doc.review
		order := make([]int, len(s.Review.Meetings))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(doc.review.Meetings[a], doc.review.Meetings[b]) })
		s.Review.Meetings = make([]time.Duration, len(order))
		s.Review.meetingPos = make([]Pos, len(order))
		s.Review.Titles = make([]string, len(order))
		for i, j := range order {
			s.Review.Meetings[i] = doc.review.Meetings[j] + doc.shift
			s.Review.meetingPos[i] = doc.review.meetingPos[j]
			s.Review.Titles[i] = doc.review.Titles[j]
		}
	}
	if doc := firstWith(root, func(f *fileDoc) bool { return f.endings != nil }); doc != nil {
		for _, x := range *doc.endings {
			add("ending", x.ID, x.Pos, len(s.Endings))
			s.Endings = append(s.Endings, x)
		}
	}
	if len(s.Profiles) == 0 {
		for _, p := range defaultProfiles() {
			s.addIndex("profile", p.ID, len(s.Profiles))
			s.Profiles = append(s.Profiles, p)
		}
	}
	return s
}

// postOrder lists the files, each once, included files before the files
// that include them.
func postOrder(root *fileDoc) []*fileDoc {
	var out []*fileDoc
	seen := map[*fileDoc]bool{}
	var walk func(*fileDoc)
	walk = func(f *fileDoc) {
		if seen[f] {
			return
		}
		seen[f] = true
		for _, c := range f.children {
			walk(c)
		}
		out = append(out, f)
	}
	walk(root)
	return out
}

// firstWith returns the file whose section wins: f itself, or else the first
// of its includes (searched depth first) that has it.
func firstWith(f *fileDoc, has func(*fileDoc) bool) *fileDoc {
	if has(f) {
		return f
	}
	for _, c := range f.children {
		if found := firstWith(c, has); found != nil {
			return found
		}
	}
	return nil
}

// short formats a position for a message, leaving out the file when it is
// the file the message is about.
func (p Pos) short(file string) string {
	if p.File == file {
		return fmt.Sprintf("line %d", p.Line)
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}
