package graph_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"hotline/injects"
	"hotline/injects/graph"
	"hotline/injects/starter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixtures are the scenarios drawn: branches.yaml has a node of every kind
// and some that nothing reaches; the starting file of hotline new is what a
// facilitator draws first.
func fixtures(t *testing.T) map[string]*injects.Scenario {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "starter.yaml")
	if err := os.WriteFile(path, starter.File(starter.Options{File: "starter.yaml"}), 0o644); err != nil {
		t.Fatal(err)
	}
	out := map[string]*injects.Scenario{}
	for name, p := range map[string]string{"branches": "testdata/branches.yaml", "starter": path} {
		sc, diags := injects.Load(p)
		if sc == nil {
			t.Fatalf("%s: %s", p, diags.Error())
		}
		out[name] = sc
	}
	return out
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test -update and read the diff\ngot:\n%s", path, got)
	}
}

func TestGoldenGraphs(t *testing.T) {
	for name, sc := range fixtures(t) {
		var m, d, tm, td bytes.Buffer
		g := graph.Build(sc)
		cal := graph.Timeline(sc)
		for _, err := range []error{g.Mermaid(&m), g.DOT(&d), cal.Mermaid(&tm), cal.DOT(&td)} {
			if err != nil {
				t.Fatal(err)
			}
		}
		golden(t, name+".mmd", m.Bytes())
		golden(t, name+".dot", d.Bytes())
		golden(t, name+"-timeline.mmd", tm.Bytes())
		golden(t, name+"-timeline.dot", td.Bytes())
		checkFlowchart(t, name, m.String())
		checkGantt(t, name, tm.String())
		checkDOT(t, name, d.String())
		checkDOT(t, name+" timeline", td.String())
	}
}

// TestUnreachable: the analysis marks what nothing in play can reach, and
// only that.
func TestUnreachable(t *testing.T) {
	sc := fixtures(t)["branches"]
	var got []string
	for _, n := range graph.Build(sc).Unreachable() {
		got = append(got, n.Ref)
	}
	want := []string{
		"orphan",       // a reserve inject nothing fires
		"too-late",     // due after the end
		"never",        // an ending tried after one that is always true
		"forgotten",    // an ending only an unreachable choice leads to
		"orphan/shrug", // a choice of an unreachable inject
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("unreachable: %v, want %v", got, want)
	}
	if n := graph.Build(fixtures(t)["starter"]).Unreachable(); len(n) != 0 {
		t.Errorf("the starting file has unreachable nodes: %+v", n)
	}
}

func TestTimelinePlacesFixedInjects(t *testing.T) {
	cal := graph.Timeline(fixtures(t)["branches"])
	var placed []string
	for _, m := range cal.Marks {
		if m.Ref != "" {
			placed = append(placed, m.Ref)
		}
	}
	if !slices.Equal(placed, []string{"report", "follow-up"}) {
		t.Errorf("on the calendar: %v", placed)
	}
	if !slices.Equal(cal.Unscheduled, []string{"leak-story", "overdue-press", "hot", "orphan", "too-late"}) {
		t.Errorf("unscheduled: %v", cal.Unscheduled)
	}
}

// The Mermaid written is a small part of the language; these checks parse
// it statement by statement, as Mermaid's grammar reads each: every node
// declared once with a balanced shape and a quoted label free of raw quotes
// and markup, every edge between declared nodes.
var (
	mmdNode  = regexp.MustCompile(`^  (n\d+)(\(\(|\(\[|\{\{|\{|\[/|\[\\|\[\[|\[)"([^"]*)"(\)\)|\]\)|\}\}|\}|/\]|\\\]|\]\]|\])$`)
	mmdEdge  = regexp.MustCompile(`^  (n\d+) (-->|-\.->)(?:\|"([^"|]*)"\|)? (n\d+)$`)
	mmdClass = regexp.MustCompile(`^  class (n\d+(?:,n\d+)*) unreachable$`)
	shapes   = map[string]string{"((": "))", "([": "])", "{{": "}}", "{": "}", "[/": "/]", `[\`: `\]`, "[[": "]]", "[": "]"}
	// label text: no raw markup; entity codes only of the kinds escaped.
	mmdText = regexp.MustCompile(`^(?:[^<>"&#]|<br>|#(?:quot|lt|gt|amp|35);)*$`)
)

func checkFlowchart(t *testing.T, name, src string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	if lines[0] != "flowchart TD" {
		t.Fatalf("%s: starts with %q", name, lines[0])
	}
	declared := map[string]bool{}
	for i, l := range lines[1:] {
		bad := func(why string) { t.Errorf("%s line %d: %s: %q", name, i+2, why, l) }
		switch {
		case strings.HasPrefix(l, "  %% "):
		case strings.HasPrefix(l, "  classDef unreachable "):
		case mmdNode.MatchString(l):
			m := mmdNode.FindStringSubmatch(l)
			if declared[m[1]] {
				bad("declared twice")
			}
			declared[m[1]] = true
			if shapes[m[2]] != m[4] {
				bad("shape opens with " + m[2] + " and closes with " + m[4])
			}
			if !mmdText.MatchString(m[3]) {
				bad("label needs escaping")
			}
		case mmdEdge.MatchString(l):
			m := mmdEdge.FindStringSubmatch(l)
			if !declared[m[1]] || !declared[m[4]] {
				bad("edge between undeclared nodes")
			}
			if !mmdText.MatchString(m[3]) {
				bad("label needs escaping")
			}
		case mmdClass.MatchString(l):
			for _, id := range strings.Split(mmdClass.FindStringSubmatch(l)[1], ",") {
				if !declared[id] {
					bad("class of an undeclared node")
				}
			}
		default:
			bad("not a statement of the flowchart grammar")
		}
	}
}

var ganttTask = regexp.MustCompile(`^  [^:#;]+ :(?:milestone, m\d+|w\d+), \d{4}-\d\d-\d\d \d\d:\d\d, \d+[dhm]$`)

func checkGantt(t *testing.T, name, src string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	if lines[0] != "gantt" {
		t.Fatalf("%s: starts with %q", name, lines[0])
	}
	sections := 0
	for i, l := range lines[1:] {
		switch {
		case strings.HasPrefix(l, "  title ") && !strings.ContainsAny(l[8:], ":#;"):
		case l == "  dateFormat YYYY-MM-DD HH:mm", l == "  axisFormat %m-%d":
		case strings.HasPrefix(l, "  section ") && !strings.ContainsAny(l[10:], ":#;"):
			sections++
		case strings.HasPrefix(l, "  %% "):
		case ganttTask.MatchString(l):
			if sections == 0 {
				t.Errorf("%s line %d: a task before any section", name, i+2)
			}
		default:
			t.Errorf("%s line %d: not a statement of the Gantt grammar: %q", name, i+2, l)
		}
	}
}

// checkDOT checks that quotes and braces balance and that every edge joins
// declared nodes.
func checkDOT(t *testing.T, name, src string) {
	t.Helper()
	if !strings.HasPrefix(src, "digraph ") || !strings.HasSuffix(src, "}\n") {
		t.Errorf("%s: not a digraph", name)
	}
	unescaped := strings.ReplaceAll(strings.ReplaceAll(src, `\\`, ""), `\"`, "")
	if strings.Count(unescaped, `"`)%2 != 0 {
		t.Errorf("%s: unbalanced quotes", name)
	}
	declared := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^  (\w+) \[`).FindAllStringSubmatch(src, -1) {
		declared[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`(?m)^  (\w+) -> (\w+)`).FindAllStringSubmatch(src, -1) {
		if !declared[m[1]] || !declared[m[2]] {
			t.Errorf("%s: edge %s -> %s joins undeclared nodes", name, m[1], m[2])
		}
	}
}

// TestBranchesOnAVariableShowWhatSetsIt: a condition on a variable is
// linked from each choice, deadline, inject, request or action whose
// effects set or change it.
func TestBranchesOnAVariableShowWhatSetsIt(t *testing.T) {
	g := graph.Build(fixtures(t)["branches"])
	into := map[string][]string{} // condition -> what links to it, with the edge's label
	for _, e := range g.Edges {
		if to := g.Nodes[e.To]; to.Kind == graph.Condition && e.Label != "" {
			from := g.Nodes[e.From]
			into[to.Lines[0]] = append(into[to.Lines[0]], from.Lines[0]+" ("+e.Label+")")
		}
	}
	want := []string{"leak: Leak it to the press (tension)", "deadline 12h (tension)"}
	for _, cond := range []string{"tension >= 60", "tension >= 80", "tension < 50", `fired("report") && tension < 60`} {
		if got := into[cond]; !slices.Equal(got, want) {
			t.Errorf("%s: linked from %v, want %v", cond, got, want)
		}
	}
}

// TestTimelineKeepsMeetingTitles: a meeting the file names is drawn under
// its name.
func TestTimelineKeepsMeetingTitles(t *testing.T) {
	sc, diags := injects.LoadBuiltin("campaign")
	if sc == nil {
		t.Fatal(diags.Error())
	}
	var meetings []string
	for _, m := range graph.Timeline(sc).Marks {
		if m.Lane == graph.DialogueLane {
			meetings = append(meetings, m.Title)
		}
	}
	if want := []string{"First meeting of the high-level joint dialogue, Washington", "End: closing review"}; !slices.Equal(meetings, want) {
		t.Errorf("the dialogue's marks: %v, want %v", meetings, want)
	}
}
