package msel

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"hotline/injects"
)

// baseFile is the inject file a sheet is imported onto.
type baseFile struct {
	sc   *injects.Scenario
	text []byte     // the file as written
	doc  *yaml.Node // the file, comments and all, for the import to change
	// pristine is the file as read, to tell what the import changed.
	pristine *yaml.Node
	own      map[string]bool // the injects it holds, not those it includes
	// known are the findings about it as it was, by severity and message,
	// so that the import reports only what the sheet changed.
	known map[string]bool
}

func readBase(ref string) (*baseFile, error) {
	sc, diags := injects.Open(ref)
	if sc == nil {
		var lines []string
		for _, d := range diags {
			if d.Severity == injects.Error {
				lines = append(lines, d.String())
			}
		}
		return nil, fmt.Errorf("the base scenario has errors; fix them first:\n%s", strings.Join(lines, "\n"))
	}
	var text []byte
	var err error
	if injects.IsBuiltin(ref) {
		text, err = injects.BuiltinFile(ref + ".yaml")
	} else {
		text, err = os.ReadFile(ref)
	}
	if err != nil {
		return nil, err
	}
	b := &baseFile{sc: sc, text: text, doc: &yaml.Node{}, pristine: &yaml.Node{}, own: map[string]bool{}, known: map[string]bool{}}
	if err := yaml.Unmarshal(text, b.doc); err != nil {
		return nil, err
	}
	if err := yaml.Unmarshal(text, b.pristine); err != nil {
		return nil, err
	}
	if in, _ := mapGet(b.doc.Content[0], "injects"); in != nil {
		for i := 0; i < len(in.Content); i += 2 {
			b.own[in.Content[i].Value] = true
		}
	}
	for _, d := range diags {
		b.known[d.Severity.String()+d.Message] = true
	}
	return b, nil
}

// onto puts the sheet's injects into the base file: an inject the file
// holds keeps what the sheet cannot hold, a new one is added at the end, and
// one the sheet no longer lists is removed.
func (im *importer) onto(b *baseFile) *yaml.Node {
	root := b.doc.Content[0]
	list, _ := mapGet(root, "injects")
	if list == nil {
		list = &yaml.Node{Kind: yaml.MappingNode}
		root.Content = append(root.Content, str("injects"), list)
	}
	im.declare(root)
	im.unmap(root)
	var content []*yaml.Node
	for i := 0; i+1 < len(list.Content); i += 2 {
		k, v := list.Content[i], list.Content[i+1]
		r, ok := im.rowOf[k.Value]
		if !ok {
			im.found = append(im.found, Finding{Where: im.s.File, Severity: injects.Warning,
				Message: fmt.Sprintf("inject %q is not in the sheet, so it is not in the new file", k.Value)})
			continue
		}
		content = append(content, k, im.injectNode(im.entries[r], v))
	}
	for _, e := range im.entries {
		if !b.own[e.id] {
			content = append(content, str(e.id), im.injectNode(e, nil))
		}
	}
	list.Content = content
	list.Style = 0
	return b.doc
}

// alone makes an inject file from the sheet alone, on the built-in
// delegations.
func (im *importer) alone() *yaml.Node {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v *yaml.Node) *yaml.Node {
		kn := str(k)
		root.Content = append(root.Content, kn, v)
		return kn
	}
	format := add("format", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"})
	format.HeadComment = "Made by hotline msel import from " + filepath.Base(im.s.File) + ". The delegations, meters,\n" +
		"grounds and hotline are the built-in ones of common.yaml; the choices do\n" +
		"nothing yet: give them effects (docs/inject-format.md), or import the sheet\n" +
		"onto a scenario with --base to keep its rules.\n" +
		"Set whom each new persona speaks for: us, cn, press, company or white-cell."
	end := im.end()
	id := strings.TrimSuffix(filepath.Base(im.opt.Output), filepath.Ext(im.opt.Output))
	add("scenario", mapping(
		"id", str(slug(id)),
		"title", str(strings.TrimSuffix(filepath.Base(im.s.File), filepath.Ext(im.s.File))),
		"start", str(im.start.Format(storyLayout)),
		"timezone", str("America/New_York"),
		"end", str("T+"+injects.FormatDuration(end)),
	))
	add("include", flow(str("common.yaml")))
	im.declare(root)
	list := &yaml.Node{Kind: yaml.MappingNode}
	for _, e := range im.entries {
		list.Content = append(list.Content, str(e.id), im.injectNode(e, nil))
	}
	add("injects", list)
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
}

// declare adds the objectives and personas the sheet names and the
// scenario lacks to the file's sections, making them if need be.
func (im *importer) declare(root *yaml.Node) {
	section := func(name string) *yaml.Node {
		if m, _ := mapGet(root, name); m != nil && m.Kind == yaml.MappingNode {
			m.Style = 0
			return m
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		mapSet(root, name, m)
		return m
	}
	if len(im.objectives) > 0 {
		obj := section("objectives")
		for _, o := range im.objectives {
			obj.Content = append(obj.Content, str(o.id), str(o.text))
		}
	}
	if len(im.personas) > 0 {
		ps := section("personas")
		for _, p := range im.personas {
			ps.Content = append(ps.Content, str(p.id), mapping("name", str(p.text), "affiliation", str("white-cell")))
		}
	}
}

// end is when a file made from a sheet ends: a day after the last inject
// with a fixed time, or its deadline.
func (im *importer) end() (end time.Duration) {
	for _, e := range im.entries {
		if e.trigger == "at" {
			t := e.at
			if e.deadline != nil {
				t += e.deadline.within
			}
			end = max(end, t)
		}
	}
	return end + 24*time.Hour
}

// injectNode writes an entry as an inject block. Given the block the file
// had, it keeps what the sheet does not hold: effects, the tones, effects
// and next of choices, a deadline's effects, and comments.
func (im *importer) injectNode(e *entry, old *yaml.Node) *yaml.Node {
	n := old
	if n == nil || n.Kind != yaml.MappingNode {
		n = &yaml.Node{Kind: yaml.MappingNode}
	}
	for _, k := range []string{"at", "after", "when"} {
		if k != e.trigger {
			mapDel(n, k)
		}
	}
	if e.delay == 0 {
		mapDel(n, "delay")
	}
	switch e.trigger {
	case "at":
		mapSet(n, "at", str(offsetCell(e.at)))
	case "after":
		mapSet(n, "after", str(e.after))
	case "when":
		mapSet(n, "when", str(e.when))
	}
	if e.delay > 0 {
		mapSet(n, "delay", str(injects.FormatDuration(e.delay)))
	}
	mapSet(n, "to", str(e.to))
	mapSet(n, "from", str(e.from))
	mapSet(n, "channel", str(e.channel))
	mapSet(n, "title", str(e.title))
	text := func(k, v string) {
		switch {
		case v == "":
			mapDel(n, k)
		case strings.Contains(v, "\n"):
			mapSet(n, k, str(v+"\n"))
		default:
			mapSet(n, k, str(v))
		}
	}
	text("body", e.body)
	text("notes", e.notes)
	// The objectives an objective's block maps to the inject stay there;
	// the inject lists the rest.
	var ids []*yaml.Node
	for _, o := range e.objectives {
		if !im.mappedByBlock(o.id, e.id) {
			ids = append(ids, str(o.id))
		}
	}
	if len(ids) == 0 {
		mapDel(n, "objectives")
	} else if was, _ := mapGet(n, "objectives"); !sameIDs(was, ids) {
		mapSet(n, "objectives", flow(ids...))
	}
	if len(e.choices) == 0 {
		mapDel(n, "choices")
	} else {
		was, _ := mapGet(n, "choices")
		cs := &yaml.Node{Kind: yaml.MappingNode}
		for _, c := range e.choices {
			var v *yaml.Node
			if was != nil {
				v, _ = mapGet(was, c.id)
			}
			if v == nil || v.Kind != yaml.MappingNode {
				v = &yaml.Node{Kind: yaml.MappingNode}
			}
			mapSet(v, "label", str(c.label))
			cs.Content = append(cs.Content, str(c.id), v)
		}
		mapSet(n, "choices", cs)
	}
	if e.deadline == nil {
		mapDel(n, "deadline")
	} else {
		within := str(injects.FormatDuration(e.deadline.within))
		d, _ := mapGet(n, "deadline")
		if d == nil || d.Kind != yaml.MappingNode {
			d = &yaml.Node{Kind: yaml.MappingNode}
		}
		mapSet(d, "within", within)
		if e.deadline.choose != "" {
			mapSet(d, "choose", str(e.deadline.choose))
		} else {
			mapDel(d, "choose")
		}
		if len(d.Content) == 2 {
			mapSet(n, "deadline", within) // deadline: 12h
		} else {
			mapSet(n, "deadline", d)
		}
	}
	return n
}

// mappedByBlock reports whether the base scenario maps the objective to the
// inject in the objective's own block, rather than in the inject's list.
func (im *importer) mappedByBlock(objective, inject string) bool {
	i, ok := im.known.InjectIndex(inject)
	return ok && im.own[inject] && !slices.Contains(im.known.Injects[i].Objectives, objective) &&
		slices.Contains(im.known.InjectObjectives(inject), objective)
}

// unmap takes the injects whose rows no longer name an objective that the
// objective's block maps to them out of the block.
func (im *importer) unmap(root *yaml.Node) {
	section, _ := mapGet(root, "objectives")
	for _, e := range im.entries {
		for _, id := range im.known.InjectObjectives(e.id) {
			if !im.mappedByBlock(id, e.id) || slices.ContainsFunc(e.objectives, func(o objective) bool { return o.id == id }) {
				continue
			}
			block, _ := mapGet(section, id)
			list, _ := mapGet(block, "injects")
			if list == nil {
				o, _ := im.known.Objective(id)
				im.warnf(ColObjective, e.line, "objective %q is mapped to inject %q in %s: remove it there", id, e.id, o.Pos.File)
				continue
			}
			if list.Kind == yaml.ScalarNode && list.Value == e.id {
				mapDel(block, "injects")
				continue
			}
			list.Content = slices.DeleteFunc(list.Content, func(n *yaml.Node) bool { return n.Value == e.id })
		}
	}
}

// sameIDs reports whether a list node holds the ids given.
func sameIDs(list *yaml.Node, ids []*yaml.Node) bool {
	if list == nil {
		return false
	}
	items := list.Content
	if list.Kind == yaml.ScalarNode {
		items = []*yaml.Node{list}
	}
	return slices.EqualFunc(items, ids, func(a, b *yaml.Node) bool { return a.Value == b.Value })
}

// keyOrder is the order in which an inject's keys are written.
var keyOrder = []string{"format", "shared", "scenario", "include", "objectives", "sides", "personas", "variables",
	"at", "after", "when", "delay", "to", "from", "channel", "title", "body",
	"notes", "effects", "choices", "deadline", "label", "tone", "next", "within", "choose"}

func str(v string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	if strings.Contains(v, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func flow(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: items}
}

func mapping(kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Content = append(m.Content, str(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return m
}

// mapGet returns the value of a key of a mapping, and the key's index.
func mapGet(m *yaml.Node, key string) (*yaml.Node, int) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, -1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1], i
		}
	}
	return nil, -1
}

// mapSet sets a key's value, keeping the key (and its comments) if it is
// there, else adding it where keyOrder puts it.
func mapSet(m *yaml.Node, key string, v *yaml.Node) {
	if old, i := mapGet(m, key); old != nil {
		v.HeadComment, v.LineComment, v.FootComment = old.HeadComment, old.LineComment, old.FootComment
		if old.Kind == v.Kind && old.Kind == yaml.ScalarNode && same(key, old.Value, v.Value) {
			return // unchanged: keep it as written
		}
		m.Content[i+1] = v
		return
	}
	rank := func(k string) int {
		for i, x := range keyOrder {
			if x == k {
				return i
			}
		}
		return len(keyOrder)
	}
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if rank(m.Content[i].Value) > rank(key) {
			at = i
			break
		}
	}
	m.Content = append(m.Content[:at], append([]*yaml.Node{str(key), v}, m.Content[at:]...)...)
}

// same reports whether two values of a key mean the same: equal but for a
// final line break, or the same duration written two ways (T+0h, 0m).
func same(key, a, b string) bool {
	if strings.TrimRight(a, "\n") == strings.TrimRight(b, "\n") {
		return true
	}
	switch key {
	case "at", "delay", "within":
		da, errA := injects.ParseDuration(a)
		db, errB := injects.ParseDuration(b)
		return errA == nil && errB == nil && da == db
	}
	return false
}

func mapDel(m *yaml.Node, key string) {
	if _, i := mapGet(m, key); i >= 0 {
		m.Content = append(m.Content[:i], m.Content[i+2:]...)
	}
}
