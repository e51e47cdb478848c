package schema_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"

	"hotline/injects"
	"hotline/injects/starter"
)

// The schema and `hotline validate` must agree: an editor that underlines
// what validate accepts, or is silent on what validate refuses for a reason
// the schema could state, sends an author in circles. The differential test
// runs files through both: the good files (built-in scenarios, the starting
// file, the docs' examples), the corpus of bad files, and mutations of the
// built-in scenarios, a change at a time in every place of every kind.
//
// What validate refuses and the schema cannot say (a reference to an id,
// a condition, a time against the end) is listed in validateOnly; each rule
// there must be in docs/authoring.md, where authors read what their editor
// will not tell them.

// validateOnly are the rules only `hotline validate` checks: the findings
// the schema may miss, each by its code and words, and the rule as
// docs/authoring.md states it.
var validateOnly = []struct {
	code    injects.Code
	message *regexp.Regexp
	rule    string
}{
	{injects.CodeUnknownRef, re(``), "Every id a file names (a team, a persona, an inject, a request, a ground, an objective, a profile, a rung, an ending, a choice) is declared, here or in an included file."},
	{injects.CodeCondition, re(``), "Conditions compile, name only what is declared, and are true or false."},
	{injects.CodeBadValue, re(`never|can never|is never`), "Conditions compare a status, a quality or the rung with a value it can take."},
	{injects.CodeDuplicate, re(``), "No id is declared twice across the files a scenario includes, and no key is given twice in a block (an editor's YAML parser also marks the latter)."},
	{injects.CodeInclude, re(``), "Included files exist beside the file (or are built in), and do not include each other in a loop."},
	{injects.CodeAfterEnd, re(``), "Deadlines and dialogue meetings fall before the scenario's end."},
	{injects.CodeTime, re(`unknown time zone`), "scenario.timezone is a time zone the zone database knows."},
	{injects.CodeTime, re(`must come after the start|expected a date and time|expected a time like`), "Calendar times are real dates, and the end comes after the start."},
	{injects.CodeTime, re(`needs scenario.start`), "A calendar time outside the scenario: block needs scenario.start in the same file."},
	{injects.CodeMissing, re(`missing teams`), "Each side has at least one team, here or in an included file (a shared file may have none)."},
	{injects.CodeBadValue, re(`is outside|is below min`), "A meter's initial value, and every set: of it, lie within its min..max, and min is not above max."},
	{injects.CodeType, re(`change adds to whole-number|set [^ ]+: expected`), "set: and change: fit the type of the variable they name."},
	{injects.CodeConflicting, re(`min and max apply`), "min and max are given for int variables only (a type set by initial: written in quotes is text)."},
	{injects.CodeBadValue, re(`after itself|loops back`), "No inject comes after itself, directly or through others."},
	{injects.CodeBadValue, re(`at least one weight`), "At least one review weight is above 0."},
	{injects.CodeBadValue, re(`hotline.ceiling`), "hotline.ceiling names a rung of the ladder."},
	{injects.CodeBadValue, re(`sanctions need two rungs`), "A scenario with sanctions actions has two rungs of the ladder above hotline.ceiling: threatened, then imposed."},
	{injects.CodeDuration, re(`too long`), "A duration is under 100 years."},
	{injects.CodeMissing, re(`cannot be empty`), "Text made only of control or invisible characters counts as empty."},
	{injects.CodeSyntax, re(`second YAML document`), "A file holds one YAML document: nothing follows a line of ---."},
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// excused reports whether a finding is one only validate checks.
func excused(d injects.Diagnostic) bool {
	for _, v := range validateOnly {
		if d.Code == v.code && v.message.MatchString(d.Message) {
			return true
		}
	}
	return false
}

// TestValidateOnlyRulesAreDocumented: authors read in docs/authoring.md
// what their editor will not tell them.
func TestValidateOnlyRulesAreDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/authoring.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(doc)), " ")
	for _, v := range validateOnly {
		if !strings.Contains(text, v.rule) {
			t.Errorf("docs/authoring.md does not list the rule only validate checks: %q", v.rule)
		}
	}
}

// A case is a file to run through both: on disk, where its includes
// resolve, or in memory, including built-in files only.
type differentialCase struct {
	name string
	path string
	data []byte
	inst any // the JSON value of data; nil to decode it
}

func TestSchemaAgreesWithValidate(t *testing.T) {
	sch := compiled(t)
	var cases []differentialCase
	for name, data := range goodFiles(t) {
		cases = append(cases, differentialCase{name: name, data: data})
	}
	bad, _ := filepath.Glob("../testdata/bad/*.yaml")
	if len(bad) < 50 {
		t.Fatalf("found %d bad files", len(bad))
	}
	for _, p := range bad {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, differentialCase{name: p, path: p, data: data})
	}
	ms := mutants(t)
	for i, m := range ms {
		// Under the race detector, every fifth: the loader runs ten times
		// slower, and the race detector finds nothing here.
		if !raceDetector || i%5 == 0 {
			cases = append(cases, differentialCase{name: m.name, data: m.data, inst: m.inst})
		}
	}
	t.Logf("%d files, with %d mutations of the built-in scenarios", len(cases), len(ms))
	if len(ms) < 1000 {
		t.Errorf("only %d mutations of the built-in scenarios", len(ms))
	}
	// On every core: the loader and the validator are safe for concurrent use.
	found := make([]string, len(cases))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				found[i] = disagreement(t, sch, cases[i])
			}
		})
	}
	for i := range cases {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, msg := range found {
		if msg != "" {
			t.Errorf("%s: %s", cases[i].name, msg)
		}
	}
}

// disagreement runs a file through the loader and the schema, and says how
// they disagree, or "". It runs on many goroutines, so it fails no test.
func disagreement(t *testing.T, sch *jsonschema.Schema, c differentialCase) string {
	var diags injects.Diagnostics
	if c.path != "" {
		diags = injects.Check(c.path)
	} else {
		_, diags = injects.Parse(c.name, c.data)
	}
	var errs injects.Diagnostics
	for _, d := range diags {
		if d.Severity == injects.Error && d.Code != injects.CodeShared {
			errs = append(errs, d)
		}
	}
	inst := c.inst
	if inst == nil {
		var doc yaml.Node
		if yaml.Unmarshal(c.data, &doc) != nil || len(doc.Content) == 0 || duplicateKeys(&doc) {
			// The editor's YAML parser marks it before any schema is read.
			if len(errs) == 0 {
				return "validate accepts a file that is not YAML, or has a key twice"
			}
			return ""
		}
		inst = jsonValue(t, &doc)
	}
	verr := sch.Validate(inst)
	if verr == nil {
		for _, d := range errs {
			if !excused(d) {
				return fmt.Sprintf("the schema accepts it; validate says %s", d)
			}
		}
		return ""
	}
	if len(errs) == 0 {
		return fmt.Sprintf("validate accepts it; the schema says %v", verr)
	}
	if c.inst != nil {
		return "" // a mutant: one change, and both complain of it
	}
	// Each complaint of the schema is about a place validate complains of,
	// found in the file as written.
	var asWritten yaml.Node
	if err := yaml.Unmarshal(c.data, &asWritten); err != nil {
		return err.Error() // read once already: cannot happen
	}
	for _, at := range places(verr.(*jsonschema.ValidationError)) {
		first, last := span(&asWritten, at)
		if !slices.ContainsFunc(errs, func(d injects.Diagnostic) bool {
			return d.Line >= first && d.Line <= last && !strings.Contains(d.File, "builtin:")
		}) {
			return fmt.Sprintf("the schema complains of /%s (lines %d-%d), where validate finds nothing: %v\nvalidate says:\n%s",
				strings.Join(at, "/"), first, last, verr, errs.Error())
		}
	}
	return ""
}

// places are the instance locations a validation error complains of: each
// leaf's, or an alternative's whole when no alternative fits.
func places(e *jsonschema.ValidationError) [][]string {
	if len(e.Causes) == 0 || isAlternatives(e) {
		return [][]string{e.InstanceLocation}
	}
	var out [][]string
	for _, c := range e.Causes {
		out = append(out, places(c)...)
	}
	return out
}

func isAlternatives(e *jsonschema.ValidationError) bool {
	k := fmt.Sprintf("%T", e.ErrorKind)
	return strings.HasSuffix(k, ".AnyOf") || strings.HasSuffix(k, ".OneOf")
}

// span returns the lines of the node at an instance location, with its key.
func span(doc *yaml.Node, at []string) (first, last int) {
	n := doc.Content[0]
	first = 1 // the file's own findings are at its top
	for _, tok := range at {
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					first, n = n.Content[i].Line, n.Content[i+1]
					break
				}
			}
		case yaml.SequenceNode:
			i, _ := strconv.Atoi(tok)
			n = n.Content[i]
			first = n.Line
		}
	}
	return first, lastLine(n)
}

func lastLine(n *yaml.Node) int {
	last := n.Line
	for _, c := range n.Content {
		last = max(last, lastLine(c))
	}
	return last
}

func duplicateKeys(n *yaml.Node) bool {
	if n.Kind == yaml.MappingNode {
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if seen[n.Content[i].Value] {
				return true
			}
			seen[n.Content[i].Value] = true
		}
	}
	return slices.ContainsFunc(n.Content, duplicateKeys)
}

// A mutant is a built-in scenario with one change.
type mutant struct {
	name string
	data []byte
	inst any // the JSON value of data
}

// collectionRe matches the paths of blocks whose keys are ids: their
// entries are one shape, mutated once.
var collectionRe = regexp.MustCompile(`^(objectives|personas|variables|grounds|profiles|requests|actions|injects|endings|sides\.(us|cn)\.teams|hotline\.ladder|injects\.\*\.choices)$|\.(set|change)$`)

// mutants changes the built-in scenarios one thing at a time: every kind
// of place (a key path, with collections' ids as *) once, in the first file
// that has it, each way a facilitator might get it wrong or leave it out.
func mutants(t *testing.T) []mutant {
	t.Helper()
	var out []mutant
	seen := map[string]bool{}
	sources := map[string][]byte{"hotline new": starter.File(starter.Options{File: "new.yaml"})}
	files := []string{"hotline new", "opm-breach.yaml", "assistance-request.yaml", "hotline-escalation.yaml", "common.yaml", "campaign.yaml"}
	for _, file := range files {
		data, ok := sources[file]
		if !ok {
			var err error
			if data, err = os.ReadFile(filepath.Join("..", "scenarios", file)); err != nil {
				t.Fatal(err)
			}
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		// Each mutation applies to a fresh copy, found by its place.
		mutate := func(where []int, what string, change func(parent *yaml.Node, i int)) {
			fresh := clone(&doc)
			n := fresh
			for _, i := range where[:len(where)-1] {
				n = n.Content[i]
			}
			change(n, where[len(where)-1])
			inst := jsonValue(t, fresh) // before Marshal, which clears the nodes' tags
			text, err := yaml.Marshal(fresh)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, mutant{name: file + ": " + what, data: text, inst: inst})
		}
		var visit func(n *yaml.Node, where []int, path string)
		visit = func(n *yaml.Node, where []int, path string) {
			switch n.Kind {
			case yaml.DocumentNode:
				visit(n.Content[0], append(where, 0), "")
			case yaml.MappingNode:
				if !seen[path+"{}"] {
					seen[path+"{}"] = true
					for what, extra := range map[string]string{"an unknown key": "extra", "a misspelt key": misspell(firstKey(n))} {
						mutate(slices.Clone(where), path+": "+what, func(parent *yaml.Node, i int) {
							m := parent.Content[i]
							m.Content = append(m.Content, scalar("!!str", extra), scalar("!!int", "1"))
						})
					}
				}
				for i := 0; i+1 < len(n.Content); i += 2 {
					key := n.Content[i].Value
					shape := key
					if collectionRe.MatchString(path) {
						shape = "*"
					}
					child := strings.TrimPrefix(path+"."+shape, ".")
					if !seen[child] {
						seen[child] = true
						for what, change := range entryMutations(key, n.Content[i+1], shape == "*") {
							mutate(append(slices.Clone(where), i), child+": "+what, change)
						}
					}
					visit(n.Content[i+1], append(slices.Clone(where), i+1), child)
				}
			case yaml.SequenceNode:
				if len(n.Content) > 0 && !seen[path+"[]"] {
					seen[path+"[]"] = true
					for what, change := range itemMutations(n.Content[0]) {
						mutate(append(slices.Clone(where), 0), path+"[0]: "+what, change)
					}
				}
				for i, c := range n.Content {
					visit(c, append(slices.Clone(where), i), path+"[]")
				}
			}
		}
		visit(&doc, nil, "")
	}
	slices.SortFunc(out, func(a, b mutant) int { return strings.Compare(a.name, b.name) })
	return out
}

// clone copies a document, aliases pointing into the copy.
func clone(doc *yaml.Node) *yaml.Node {
	copies := map[*yaml.Node]*yaml.Node{}
	var cp func(n *yaml.Node) *yaml.Node
	cp = func(n *yaml.Node) *yaml.Node {
		if n == nil {
			return nil
		}
		if c, ok := copies[n]; ok {
			return c
		}
		c := *n
		copies[n] = &c
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, x := range n.Content {
			c.Content[i] = cp(x)
		}
		c.Alias = cp(n.Alias)
		return &c
	}
	return cp(doc)
}

func firstKey(m *yaml.Node) string {
	if len(m.Content) == 0 {
		return "x"
	}
	return m.Content[0].Value
}

// misspell swaps two letters, as fingers do.
func misspell(s string) string {
	if len(s) < 2 {
		return s + "x"
	}
	b := []byte(s)
	b[len(b)-1], b[len(b)-2] = b[len(b)-2], b[len(b)-1]
	if string(b) == s {
		return s + "x"
	}
	return string(b)
}

func scalar(tag, v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v} }

// values are what a facilitator may write in place of a value, rightly or
// wrongly, by the kind of value the place holds: a word, a number, a block
// or a list.
func values(was *yaml.Node) []string {
	switch {
	case was.Kind == yaml.MappingNode:
		return []string{"left empty", "words", "a list", "an empty block"}
	case was.Kind == yaml.SequenceNode:
		return []string{"left empty", "words", "a block", "an empty list"}
	case was.Tag == "!!int" || was.Tag == "!!float":
		return []string{"left empty", "blank", "zero", "negative", "a fraction", "a million more", "words", "a list"}
	case was.Tag == "!!bool":
		return []string{"left empty", "words", "zero"}
	}
	return []string{"left empty", "blank", "spaces", "zero", "a million more", "true", "words", "0m", "a date", "all",
		"never", "a list", "a block"}
}

var written = map[string]func() *yaml.Node{
	"left empty": func() *yaml.Node { return scalar("!!null", "") },
	"blank": func() *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "", Style: yaml.DoubleQuotedStyle}
	},
	"spaces": func() *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "  ", Style: yaml.DoubleQuotedStyle}
	},
	"zero":           func() *yaml.Node { return scalar("!!int", "0") },
	"negative":       func() *yaml.Node { return scalar("!!int", "-1") },
	"a million more": func() *yaml.Node { return scalar("!!int", "2000000") },
	"a fraction":     func() *yaml.Node { return scalar("!!float", "1.5") },
	"words":          func() *yaml.Node { return scalar("!!str", "two days") },
	"true":           func() *yaml.Node { return scalar("!!bool", "true") },
	"all":            func() *yaml.Node { return scalar("!!str", "all") },
	"0m":             func() *yaml.Node { return scalar("!!str", "0m") },
	"a date":         func() *yaml.Node { return scalar("!!str", "2015-10-06 09:00") },
	"never":          func() *yaml.Node { return scalar("!!str", "never") },
	"a list": func() *yaml.Node {
		return &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{scalar("!!str", "x")}}
	},
	"an empty list": func() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle} },
	"a block": func() *yaml.Node {
		return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{scalar("!!str", "x"), scalar("!!int", "1")}}
	},
	"an empty block": func() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle} },
}

// entryMutations change the key: value entry of a block at index i of its
// parent's content.
func entryMutations(key string, was *yaml.Node, isID bool) map[string]func(parent *yaml.Node, i int) {
	out := map[string]func(*yaml.Node, int){
		"deleted": func(p *yaml.Node, i int) { p.Content = slices.Delete(p.Content, i, i+2) },
		"a typo":  func(p *yaml.Node, i int) { p.Content[i+1] = typo(p.Content[i+1]) },
	}
	for _, what := range values(was) {
		out[what] = func(p *yaml.Node, i int) { p.Content[i+1] = written[what]() }
	}
	if isID {
		for _, id := range []string{"all", "days", "two words", "hyphen-ated", strings.Repeat("x", 81)} {
			out["the id "+id] = func(p *yaml.Node, i int) { p.Content[i] = scalar("!!str", id) }
		}
	} else {
		out["the key misspelt"] = func(p *yaml.Node, i int) { p.Content[i] = scalar("!!str", misspell(key)) }
	}
	return out
}

// itemMutations change the first item of a list.
func itemMutations(was *yaml.Node) map[string]func(parent *yaml.Node, i int) {
	out := map[string]func(*yaml.Node, int){
		"deleted": func(p *yaml.Node, i int) { p.Content = slices.Delete(p.Content, i, i+1) },
		"a typo":  func(p *yaml.Node, i int) { p.Content[i] = typo(p.Content[i]) },
		"alone": func(p *yaml.Node, i int) { // the list written as its first item
			*p = *p.Content[i]
		},
	}
	for _, what := range values(was) {
		out[what] = func(p *yaml.Node, i int) { p.Content[i] = written[what]() }
	}
	return out
}

// typo misspells a scalar, or leaves another node as it is.
func typo(n *yaml.Node) *yaml.Node {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		return n
	}
	return scalar("!!str", misspell(n.Value))
}
