package injects

import (
	"regexp"
	"slices"
	"strconv"
	"time"
)

// checker checks a merged scenario across sections: references, conditions,
// times, and the warnings about things that can never matter.
type checker struct {
	s    *Scenario
	r    *reporter
	comp *compiler
	// What effects and fields refer to, for the warnings.
	fireable   map[string]bool // injects fired by an effect or a choice's next
	endingRefs map[string]bool
	varRefs    map[string]bool
	personaRef map[string]bool
	opened     map[string]bool // requests opened by an effect
	rated      map[string]bool // objectives a choice or an action bears on
	// library is set for a shared file, meant to be included: what it lacks
	// may come from the file that includes it.
	library bool
	idsOf   map[string][]string // by kind, for suggestions
	// shared names the included shared files. They declare variables,
	// personas and profiles for many scenarios to pick from, so one that a
	// scenario does not use is not worth a warning.
	shared map[string]bool
}

func check(s *Scenario, root *fileDoc, r *reporter) {
	c := &checker{s: s, r: r, fireable: map[string]bool{}, endingRefs: map[string]bool{},
		varRefs: map[string]bool{}, personaRef: map[string]bool{}, opened: map[string]bool{}, rated: map[string]bool{},
		library: root.shared, shared: map[string]bool{}}
	for _, f := range postOrder(root) {
		if f.shared {
			c.shared[f.name] = true
		}
	}
	c.meta(root)
	c.sides()
	c.variables()
	c.comp = newCompiler(s, r)
	c.injects()
	c.requests()
	c.actions()
	c.objectives()
	c.endings()
	c.review()
	c.timing()
	c.warnings()
}

func (c *checker) errorf(p Pos, code Code, format string, args ...any) {
	c.r.at(Error, p, code, format, args...)
}

func (c *checker) warnf(p Pos, code Code, format string, args ...any) {
	c.r.at(Warning, p, code, format, args...)
}

func (c *checker) meta(root *fileDoc) {
	top := Pos{File: root.name, Line: 1, Col: 1}
	if root.format == 0 {
		c.errorf(top, CodeMissing, "missing \"format: %d\" at the top of the file", FormatVersion)
	}
	switch {
	case root.shared && root.meta != nil:
		c.errorf(top, CodeConflicting, "a file with a scenario: block is not a shared file; remove shared: true")
	case root.meta == nil && !root.shared:
		c.errorf(top, CodeMissing, "missing the scenario: block (id, title, start and end); a file meant only to be included says shared: true instead")
	}
}

func (c *checker) sides() {
	for _, d := range c.s.Sides {
		if len(c.s.TeamsOf(d.Side)) == 0 && !c.library {
			p := d.Pos
			if p.File == "" {
				p = Pos{File: c.s.Source, Line: 1, Col: 1}
			}
			c.errorf(p, CodeMissing, "sides.%s: missing teams; list the delegation's agencies under sides.%s.teams", d.Side, d.Side)
		}
		for i, id := range d.Counterparts {
			if _, ok := c.s.Profile(id); !ok {
				c.errorf(posAt(d.counterpartPos, i, d.Pos), CodeUnknownRef, "sides.%s.counterparts: no profile named %q%s", d.Side, id, suggest(id, c.ids("profile")))
			}
		}
	}
	for _, t := range c.s.Teams {
		if slices.Contains(WholeSides(), t.ID) {
			c.errorf(t.Pos, CodeReserved, "team %q: us, cn and all address whole sides; give the team another id", t.ID)
		}
	}
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// ReservedNames are the names that conditions give their own words (days,
// rung, fired, ...): no variable may take one. Sorted.
func ReservedNames() []string {
	names := []string{EnvHours, EnvDays, EnvLadder, EnvRung}
	for fn := range probeFuncs {
		names = append(names, fn)
	}
	slices.Sort(names)
	return names
}

// WholeSides are the ids an inject's to: gives whole sides, which no team
// may take.
func WholeSides() []string { return []string{"us", "cn", "all"} }

func (c *checker) variables() {
	for _, v := range c.s.Variables {
		switch {
		case !identifier.MatchString(v.ID):
			c.errorf(v.Pos, CodeBadValue, "variable %q: conditions use variable names, so use letters, digits and _ only (like tension_level)", v.ID)
		case reservedName(v.ID):
			c.errorf(v.Pos, CodeReserved, "variable %q: the name is taken by a condition builtin; choose another", v.ID)
		}
	}
}

// ids lists the ids of one kind, for suggestions, listed once a check.
func (c *checker) ids(kind string) []string {
	if ids, ok := c.idsOf[kind]; ok {
		return ids
	}
	if c.idsOf == nil {
		c.idsOf = map[string][]string{}
	}
	c.idsOf[kind] = c.listIDs(kind)
	return c.idsOf[kind]
}

func (c *checker) listIDs(kind string) []string {
	var out []string
	switch kind {
	case "profile":
		for _, x := range c.s.Profiles {
			out = append(out, x.ID)
		}
	case "inject":
		for _, x := range c.s.Injects {
			out = append(out, x.ID)
		}
	case "request":
		for _, x := range c.s.Requests {
			out = append(out, x.ID)
		}
	case "persona":
		for _, x := range c.s.Personas {
			out = append(out, x.ID)
		}
	case "variable":
		for _, x := range c.s.Variables {
			out = append(out, x.ID)
		}
	case "ending":
		for _, x := range c.s.Endings {
			out = append(out, x.ID)
		}
	case "ground":
		for _, x := range c.s.Grounds {
			out = append(out, x.ID)
		}
	case "objective":
		for _, x := range c.s.Objectives {
			out = append(out, x.ID)
		}
	case "team":
		out = append(out, "us", "cn", "all")
		for _, x := range c.s.Teams {
			out = append(out, x.ID)
		}
	}
	return out
}

// orPos returns p, or def when p is unset.
func orPos(p, def Pos) Pos {
	if p.Line == 0 {
		return def
	}
	return p
}

// posAt returns the i-th position of list, or def when there is none.
func posAt(list []Pos, i int, def Pos) Pos {
	if i < len(list) {
		return orPos(list[i], def)
	}
	return def
}

// ref reports id when it names nothing of the kind.
func (c *checker) ref(p Pos, what, kind, id string, exists bool) {
	if id == "" || exists {
		return
	}
	hint := ""
	if !c.r.full() { // past the findings listed, a suggestion is work for nothing
		hint = suggestOr(id, c.ids(kind))
	}
	c.errorf(p, CodeUnknownRef, "%s: no %s named %q%s", what, kind, id, hint)
}

func (c *checker) effects(effects []Effect, what string) {
	s := c.s
	for _, e := range effects {
		switch e.Kind {
		case SetVar, ChangeVar:
			i, ok := s.VariableIndex(e.Var)
			c.ref(e.Pos, what, "variable", e.Var, ok)
			if !ok {
				continue
			}
			c.varRefs[e.Var] = true
			v := &s.Variables[i]
			if e.Kind == ChangeVar {
				if v.Type != Int {
					c.errorf(e.Pos, CodeType, "%s: change adds to whole-number variables; %q is %s", what, v.ID, v.Type)
				}
				continue
			}
			val, ok := convertValue(e.Value, v.Type)
			switch {
			case !ok:
				c.errorf(e.Pos, CodeType, "%s: set %s: expected %s, found %q", what, v.ID, typeWords(v.Type), e.Value.Text)
			case v.Meter() && (val.Int < v.Min || val.Int > v.Max):
				c.errorf(e.Pos, CodeBadValue, "%s: set %s: %d is outside %d..%d", what, v.ID, val.Int, v.Min, v.Max)
			}
		case OpenReq:
			_, ok := s.RequestIndex(e.Target)
			c.ref(e.Pos, what+" open", "request", e.Target, ok)
			c.opened[e.Target] = true
		case RingLine:
			_, ok := s.RequestIndex(e.Target)
			c.ref(e.Pos, what+" ring about", "request", e.Target, ok)
		case FireInject, CancelInject:
			_, ok := s.InjectIndex(e.Target)
			c.ref(e.Pos, what, "inject", e.Target, ok)
			if e.Kind == FireInject {
				c.fireable[e.Target] = true
			}
		case EndExercise:
			_, ok := s.EndingIndex(e.Target)
			c.ref(e.Pos, what+" end", "ending", e.Target, ok)
			c.endingRefs[e.Target] = true
		}
	}
}

func (c *checker) injects() {
	s := c.s
	for i := range s.Injects {
		in := &s.Injects[i]
		what := "inject " + strconv.Quote(in.ID)
		if in.To.Team != "" {
			t, ok := s.Team(in.To.Team)
			c.ref(orPos(in.toPos, in.Pos), what+" to", "team", in.To.Team, ok)
			if ok {
				in.To.Side = t.Side
			}
		}
		if in.From != "" {
			_, ok := s.Persona(in.From)
			c.ref(orPos(in.fromPos, in.Pos), what+" from", "persona", in.From, ok)
			c.personaRef[in.From] = true
		}
		for j, ob := range in.Objectives {
			_, ok := s.Objective(ob)
			c.ref(posAt(in.objectivePos, j, in.Pos), what+" objectives", "objective", ob, ok)
		}
		switch in.Trigger.Kind {
		case After:
			_, ok := s.InjectIndex(in.Trigger.After)
			c.ref(in.Trigger.Pos, what+" after", "inject", in.Trigger.After, ok)
			if in.Trigger.After == in.ID {
				c.errorf(in.Trigger.Pos, CodeBadValue, "%s: an inject cannot come after itself", what)
			}
		case When:
			c.comp.compile(in.Trigger.If, what+" when")
		}
		c.effects(in.Effects, what+" effects")
		if len(in.Choices) > 0 && in.To.All {
			c.errorf(orPos(in.toPos, in.Pos), CodeChoiceTo, "%s: choices need one side to choose; address the inject to us, cn or a team", what)
		}
		for j := range in.Choices {
			ch := &in.Choices[j]
			cw := what + " choice " + strconv.Quote(ch.ID)
			c.comp.compile(ch.If, cw+" if")
			c.effects(ch.Effects, cw)
			c.bearings(ch.Bearings, cw)
			if ch.Next != "" {
				_, ok := s.InjectIndex(ch.Next)
				c.ref(orPos(ch.nextPos, ch.Pos), cw+" next", "inject", ch.Next, ok)
				c.fireable[ch.Next] = true
			}
		}
		if dl := in.Deadline; dl != nil {
			if dl.Choose != "" {
				if _, ok := in.Choice(dl.Choose); !ok {
					var ids []string
					for _, ch := range in.Choices {
						ids = append(ids, ch.ID)
					}
					c.errorf(orPos(dl.choosePos, dl.Pos), CodeUnknownRef, "%s deadline choose: the inject has no choice %q%s", what, dl.Choose, suggest(dl.Choose, ids))
				}
			}
			c.effects(dl.Effects, what+" deadline")
		}
	}
}

func (c *checker) requests() {
	for i := range c.s.Requests {
		r := &c.s.Requests[i]
		what := "request " + strconv.Quote(r.ID)
		for j, g := range r.Grounds {
			_, ok := c.s.Ground(g)
			c.ref(posAt(r.groundPos, j, r.Pos), what+" grounds", "ground", g, ok)
		}
		c.comp.compile(r.Available, what+" if")
		c.effects(r.OnOverdue, what+" on_overdue")
		if r.Verifies != "" {
			k, ok := c.s.RequestIndex(r.Verifies)
			c.ref(orPos(r.verifiesPos, r.Pos), what+" verifies", "request", r.Verifies, ok)
			switch {
			case ok && k == i:
				c.errorf(orPos(r.verifiesPos, r.Pos), CodeBadValue, "%s verifies: a request cannot ask for evidence of itself", what)
			case ok && c.s.Requests[k].From != r.From:
				c.errorf(orPos(r.verifiesPos, r.Pos), CodeBadValue, "%s verifies: %q is %s request; a side asks for evidence only of what was done on its own requests",
					what, r.Verifies, c.s.Requests[k].From.Possessive())
			}
		}
	}
}

func (c *checker) actions() {
	for i := range c.s.Actions {
		a := &c.s.Actions[i]
		what := "action " + strconv.Quote(a.ID)
		c.comp.compile(a.If, what+" if")
		c.effects(a.Effects, what)
		c.bearings(a.Bearings, what)
		c.matter(a, what)
	}
}

// bearings checks that a choice or an action rates objectives that exist,
// and notes them as rated: an objective a course bears on is exercised.
func (c *checker) bearings(bs []Bearing, what string) {
	for _, b := range bs {
		_, ok := c.s.Objective(b.Objective)
		c.ref(b.Pos, what+" "+b.Verdict.String(), "objective", b.Objective, ok)
		c.rated[b.Objective] = true
	}
}

// matter checks what an action says it is about, and its sanctions step:
// sanctions answer a side's own request about commercial theft or critical
// infrastructure, on a ladder with its two sanctions rungs.
func (c *checker) matter(a *Action, what string) {
	s := c.s
	var req *Request
	if a.About != "" {
		i, ok := s.RequestIndex(a.About)
		c.ref(orPos(a.aboutPos, a.Pos), what+" about", "request", a.About, ok)
		if ok {
			req = &s.Requests[i]
			if req.From != a.Side {
				c.errorf(orPos(a.aboutPos, a.Pos), CodeBadValue, "%s about: %q is %s request; an action of %s is about its own requests",
					what, a.About, req.From.Possessive(), a.Side.Noun())
			}
		}
	}
	if a.Sanctions == NoSanctions {
		return
	}
	at := orPos(a.sanctionsPos, a.Pos)
	if a.Sanctions == Threaten || a.Sanctions == Impose {
		switch {
		case a.About == "":
			c.errorf(at, CodeMissing, "%s: sanctions: %s needs about: the request whose matter the sanctions answer", what, a.Sanctions)
		case req != nil && req.Category != CommercialTheft && req.Category != CriticalInfrastructure:
			c.errorf(orPos(a.aboutPos, a.Pos), CodeBadValue, "%s about: sanctions answer commercial theft or attacks on critical infrastructure; %q is about %s",
				what, a.About, req.Category.Title())
		}
	}
	if h := &s.Hotline; len(h.Rungs) <= h.Imposed() {
		c.errorf(at, CodeBadValue, "%s: sanctions need two rungs above the hotline's ceiling %q, threatened and imposed; the ladder has %d rung(s) in all",
			what, h.Rungs[h.Ceiling].ID, len(h.Rungs))
	}
	for _, e := range a.Effects {
		if e.Kind == MoveLadder {
			c.errorf(e.Pos, CodeConflicting, "%s: a sanctions action moves the ladder itself; remove its ladder effect", what)
		}
	}
}

func (c *checker) endings() {
	for i := range c.s.Endings {
		c.comp.compile(c.s.Endings[i].If, "ending "+strconv.Quote(c.s.Endings[i].ID)+" if")
	}
}

func (c *checker) review() {
	for i, m := range c.s.Review.Meetings {
		if c.s.End > 0 && m > c.s.End {
			c.errorf(posAt(c.s.Review.meetingPos, i, c.s.Review.Pos), CodeAfterEnd, "review.meetings: a meeting at %s comes after the scenario's end at %s",
				c.when(m), c.when(c.s.End))
		}
	}
}

// when formats a story offset with its calendar time when there is one.
func (c *checker) when(off time.Duration) string {
	if c.s.Start.IsZero() {
		return FormatOffset(off)
	}
	return FormatOffset(off) + " (" + c.s.Time(off).Format("2006-01-02 15:04") + ")"
}

// timing works out when injects with fixed times fire, reports deadlines
// that end after the scenario, and finds injects that can never fire.
func (c *checker) timing() {
	s := c.s
	n := len(s.Injects)
	fire := make([]time.Duration, n)
	known := make([]bool, n)
	can := make([]bool, n)
	state := make([]uint8, n) // 0 new, 1 in progress, 2 done
	var visit func(i int)
	visit = func(i int) {
		if state[i] == 2 {
			return
		}
		if state[i] == 1 {
			in := &s.Injects[i]
			c.errorf(in.Trigger.Pos, CodeBadValue, "inject %q: its after: chain loops back to itself", in.ID)
			state[i] = 2
			return
		}
		state[i] = 1
		in := &s.Injects[i]
		switch in.Trigger.Kind {
		case At:
			fire[i], known[i], can[i] = in.Trigger.At, true, s.End == 0 || in.Trigger.At <= s.End
		case When:
			can[i] = true
		case Reserve:
			can[i] = c.fireable[in.ID]
		case After:
			if j, ok := s.InjectIndex(in.Trigger.After); ok && j != i {
				visit(j)
				can[i] = can[j] || c.fireable[in.ID]
				if known[j] && !c.fireable[in.ID] {
					fire[i], known[i] = fire[j]+in.Trigger.Delay, true
				}
			}
		}
		if c.fireable[in.ID] {
			can[i] = true
		}
		state[i] = 2
	}
	for i := range s.Injects {
		visit(i)
	}
	for i := range s.Injects {
		in := &s.Injects[i]
		what := "inject " + strconv.Quote(in.ID)
		if known[i] && s.End > 0 && fire[i] > s.End {
			c.warnf(in.Trigger.Pos, CodeNeverFires, "%s never fires: it is due at %s, after the scenario's end at %s", what, c.when(fire[i]), c.when(s.End))
			continue
		}
		if !can[i] {
			switch in.Trigger.Kind {
			case Reserve:
				c.warnf(in.Pos, CodeNeverFires, "%s never fires: it has no at, after or when, and no effect or choice fires it", what)
			case After:
				if _, ok := s.InjectIndex(in.Trigger.After); !ok {
					continue // the unknown inject is reported
				}
				c.warnf(in.Trigger.Pos, CodeNeverFires, "%s never fires: it comes after %q, which never fires", what, in.Trigger.After)
			}
			continue
		}
		if dl := in.Deadline; dl != nil && known[i] && s.End > 0 && fire[i]+dl.Within > s.End {
			c.errorf(dl.Pos, CodeAfterEnd, "%s: the deadline falls at %s, after the scenario's end at %s",
				what, c.when(fire[i]+dl.Within), c.when(s.End))
		}
	}
}

// objectives checks the injects and requests each objective names, and
// merges into it those that name it: the objective-to-event mapping, seen
// from both ends.
func (c *checker) objectives() {
	s := c.s
	for i := range s.Objectives {
		ob := &s.Objectives[i]
		what := "objective " + strconv.Quote(ob.ID)
		for j, id := range ob.Injects {
			_, ok := s.InjectIndex(id)
			c.ref(posAt(ob.injectPos, j, ob.Pos), what+" injects", "inject", id, ok)
		}
		for j, id := range ob.Requests {
			_, ok := s.RequestIndex(id)
			c.ref(posAt(ob.requestPos, j, ob.Pos), what+" requests", "request", id, ok)
		}
	}
	for _, in := range s.Injects {
		for _, id := range in.Objectives {
			if i, ok := s.lookup("objective", id); ok && !slices.Contains(s.Objectives[i].Injects, in.ID) {
				s.Objectives[i].Injects = append(s.Objectives[i].Injects, in.ID)
			}
		}
	}
	for k := range s.Requests {
		r := &s.Requests[k]
		for j, id := range r.Objectives {
			i, ok := s.lookup("objective", id)
			c.ref(posAt(r.objectivePos, j, r.Pos), "request "+strconv.Quote(r.ID)+" objectives", "objective", id, ok)
			if ok && !slices.Contains(s.Objectives[i].Requests, r.ID) {
				s.Objectives[i].Requests = append(s.Objectives[i].Requests, r.ID)
			}
		}
	}
}

func (c *checker) warnings() {
	s := c.s
	c.lint()
	if c.library {
		c.counterparts()
		return // what counts as unused depends on the files that include this one
	}
	used := c.comp.used
	for _, ob := range s.Objectives {
		if len(ob.Injects) == 0 && len(ob.Requests) == 0 && !c.rated[ob.ID] && !c.shared[ob.Pos.File] {
			c.warnf(ob.Pos, CodeUnexercised, "objective %q is exercised by nothing: no inject or request names it under objectives:, it names none, and no choice or action bears on it", ob.ID)
		}
	}
	for _, in := range s.Injects {
		for _, ch := range in.Choices {
			if len(ch.Effects) == 0 && ch.Next == "" && !used["choice:"+in.ID+"/"+ch.ID] {
				c.warnf(ch.Pos, CodeDeadEnd, "choice %q of inject %q changes nothing: it has no effects and no next, and no condition asks chose(%q, %q)",
					ch.ID, in.ID, in.ID, ch.ID)
			}
		}
		if dl := in.Deadline; dl != nil && dl.Choose == "" && len(dl.Effects) == 0 {
			c.warnf(dl.Pos, CodeNoTimeout, "inject %q: nothing happens when its deadline passes; add choose: or effects: to the deadline", in.ID)
		}
	}
	for _, v := range s.Variables {
		if !c.varRefs[v.ID] && !used["variable:"+v.ID] && !c.shared[v.Pos.File] {
			c.warnf(v.Pos, CodeUnusedVar, "variable %q is declared but no effect or condition uses it", v.ID)
		}
	}
	for _, p := range s.Personas {
		if !c.personaRef[p.ID] && !c.shared[p.Pos.File] {
			c.warnf(p.Pos, CodeUnusedPersona, "persona %q is declared but sends no inject", p.ID)
		}
	}
	for _, r := range s.Requests {
		if !c.opened[r.ID] && r.Available == nil {
			c.warnf(r.Pos, CodeNeverOpened, "request %q is never opened: no effect opens it and it has no if: that lets %s open it", r.ID, r.From)
		}
	}
	for _, e := range s.Endings {
		if e.If == nil && !c.endingRefs[e.ID] {
			c.warnf(e.Pos, CodeUnreachable, "ending %q is never reached: it has no if: and no effect ends the exercise with it", e.ID)
		}
	}
	c.counterparts()
}

// counterparts fills in each side's bot profiles and warns about declared
// profiles that no side offers.
func (c *checker) counterparts() {
	s := c.s
	listed := map[string]bool{}
	// A side that lists no counterparts offers them all, so a profile can
	// go unused only when both sides list theirs.
	explicit := true
	for i := range s.Sides {
		for _, id := range s.Sides[i].Counterparts {
			listed[id] = true
		}
		if len(s.Sides[i].Counterparts) == 0 {
			explicit = false
			s.Sides[i].Counterparts = c.ids("profile")
		}
	}
	if !explicit {
		return
	}
	for _, p := range s.Profiles {
		if p.Pos.File != "" && !listed[p.ID] && !c.shared[p.Pos.File] {
			c.warnf(p.Pos, CodeUnusedProfile, "profile %q is declared but no side lists it under counterparts", p.ID)
		}
	}
}
