package schema_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	ijs "github.com/invopop/jsonschema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"

	"hotline/injects"
	"hotline/injects/schema"
	"hotline/injects/starter"
)

// compiled returns the generated schema, compiled by an independent
// validator.
func compiled(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.JSON()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("hotline.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("hotline.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// instance turns YAML into the JSON value a YAML language server checks.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return jsonValue(t, &doc)
}

// jsonValue turns a YAML document into the JSON value a YAML language
// server checks.
func jsonValue(t *testing.T, doc *yaml.Node) any {
	t.Helper()
	return value(doc)
}

func value(n *yaml.Node) any {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.DocumentNode:
		return value(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = value(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, value(c))
		}
		return l
	}
	switch n.ShortTag() { // as written, or resolved from the value
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int": // YAML 1.2, as editors and the loader read it: 010 is ten
		digits := strings.TrimPrefix(n.Value, "+")
		i, err := strconv.ParseInt(digits, 10, 64)
		if err != nil {
			i, err = strconv.ParseInt(digits, 0, 64) // 0x10, 0o10
		}
		if err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		return json.Number(strings.TrimPrefix(n.Value, "+")) // too large for 64 bits, still a number
	case "!!float":
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return n.Value // JSON has no infinity: the language server sees a word
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	return n.Value // strings, and timestamps, which YAML 1.2 reads as strings
}

// goodFiles are inject files the loader accepts: the built-in scenarios,
// the good corpus, the starting file of hotline new, and every YAML example
// of docs/inject-format.md (each made a whole file).
func goodFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	paths, _ := filepath.Glob("../scenarios/*.yaml")
	good, _ := filepath.Glob("../testdata/good/*.yaml")
	paths = append(paths, good...)
	if len(paths) < 5 {
		t.Fatalf("found only %v", paths)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = b
	}
	files["hotline new"] = starter.File(starter.Options{File: "new.yaml"})
	doc, err := os.ReadFile("../../docs/inject-format.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllSubmatchIndex(doc, -1)
	if len(blocks) < 20 {
		t.Fatalf("found %d YAML examples in docs/inject-format.md", len(blocks))
	}
	for _, m := range blocks {
		line := bytes.Count(doc[:m[2]], []byte("\n")) + 1
		files["docs/inject-format.md:"+strconv.Itoa(line)] = whole(doc[m[2]:m[3]])
	}
	return files
}

// whole makes a file of an example that shows a section or two: the
// format, a scenario block and the built-in delegations added, as an author
// would paste it into a file of theirs.
func whole(example []byte) []byte {
	var head []string
	for _, section := range []struct{ keys, line string }{
		{"format", "format: 1"},
		{"scenario|shared", "scenario: {id: example, title: An example, start: 2015-10-05 09:00, end: T+30d}"},
		{"include", "include: [common.yaml]"},
	} {
		if !regexp.MustCompile(`(?m)^(` + section.keys + `):`).Match(example) {
			head = append(head, section.line)
		}
	}
	if len(head) == 0 {
		return example
	}
	return append([]byte(strings.Join(head, "\n")+"\n"), example...)
}

func TestGoodFilesMatchTheSchema(t *testing.T) {
	sch := compiled(t)
	for name, data := range goodFiles(t) {
		if err := sch.Validate(instance(t, data)); err != nil {
			t.Errorf("%s does not match the schema:\n%v", name, err)
		}
	}
}

// edit makes one change to the text of opm-breach.yaml.
func edit(t *testing.T, from, to string) []byte {
	t.Helper()
	base, err := os.ReadFile("../scenarios/opm-breach.yaml")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(base), from, to, 1)
	if changed == string(base) {
		t.Fatalf("%q is not in the file", from)
	}
	return []byte(changed)
}

// TestSchemaCatchesMistakes: what an editor should underline as it is typed.
func TestSchemaCatchesMistakes(t *testing.T) {
	sch := compiled(t)
	for _, c := range []struct{ name, from, to string }{
		{"a misspelled key", "    title: Personnel-records", "    tittle: Personnel-records"},
		{"an unknown channel", "channel: intel", "channel: fax"},
		{"a duration in words", "at: T+0h", "at: 2 days"},
		{"units out of order", "at: T+0h", "at: 12h2d"},
		{"an id with a space", "  opm-discovery:", "  opm discovery:"},
		{"two keys in one effect", "      - open: rfi-opm", "      - {open: rfi-opm, fire: x}"},
		{"a ladder move of 0", "- change: {trust: -2}", "- ladder: 0"},
		{"a variable with a hyphen", "set: {attributed: true}", "set: {was-attributed: true}"},
		{"no format", "format: 1", ""},
		{"a verdict misspelled", "label: Send China a request for information through the new mechanism",
			"label: Send China a request for information through the new mechanism\n        undermine: {weigh-escalation: It is slow.}"},
		{"objectives listed without reasons", "label: Send China a request for information through the new mechanism",
			"label: Send China a request for information through the new mechanism\n        undermines: [weigh-escalation]"},
		{"a title left empty", "    title: Personnel-records system breached\n", "    title:\n"},
		{"a due time of 0", "acknowledge: 24h", "acknowledge: 0"},
		{"a due time of 0m", "acknowledge: 24h", "acknowledge: 0m"},
		{"a team called all", "include: [common.yaml]", "include: [common.yaml]\nsides: {us: {teams: {all: Everyone}}}"},
		{"a variable called days", "variables:\n", "variables:\n  days: {initial: 1}\n"},
		{"a meter past a million", "variables:\n", "variables:\n  big: {type: int, min: 0, max: 2000000, initial: 2000000}\n"},
		{"an inject at a time and after another", "    at: T+0h", "    at: T+0h\n    after: x"},
		{"a request to its own side", "    from: us", "    from: us\n    to: us"},
	} {
		if err := sch.Validate(instance(t, edit(t, c.from, c.to))); err == nil {
			t.Errorf("%s passes the schema", c.name)
		}
	}
}

// TestSchemaAcceptsWhatValidateAccepts: what an editor must not underline,
// since validate accepts it and play is as the author meant.
func TestSchemaAcceptsWhatValidateAccepts(t *testing.T) {
	sch := compiled(t)
	for _, c := range []struct{ name, key string }{
		{"every action commented out", "actions:"},
		{"a request's body left empty", "    body: |"},
		{"an inject's notes left empty", "    notes: >"},
	} {
		good := leftEmpty(t, c.key)
		if _, diags := injects.Parse("opm-breach.yaml", good); diags.Errors() > 0 {
			t.Fatalf("%s: validate refuses it:\n%s", c.name, diags.Error())
		}
		if err := sch.Validate(instance(t, good)); err != nil {
			t.Errorf("%s: the schema refuses what validate accepts:\n%v", c.name, err)
		}
	}
	if err := sch.Validate(instance(t, edit(t, "  id: opm-breach", "  id: 2015"))); err != nil {
		t.Errorf("an id written as a number: %v", err)
	}
}

// leftEmpty is opm-breach.yaml with the value of a key (its first line as
// written) left out: what follows the key on its line is dropped, and the
// lines under it are commented out.
func leftEmpty(t *testing.T, key string) []byte {
	t.Helper()
	base, err := os.ReadFile("../scenarios/opm-breach.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(base), "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, key) })
	if at < 0 {
		t.Fatalf("%q is not in the file", key)
	}
	indent := len(key) - len(strings.TrimLeft(key, " "))
	name, _, _ := strings.Cut(key, ":")
	lines[at] = name + ":"
	for i := at + 1; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) != "" && len(l)-len(strings.TrimLeft(l, " ")) <= indent {
			break
		}
		lines[i] = "#" + l
	}
	return []byte(strings.Join(lines, "\n"))
}

// TestSchemaNamesEveryKey checks that the schema and the loader accept the
// same keys in every block: each set of keys the loader's decoder allows
// (every d.object and d.weights call in injects/*.go) is the set of
// properties of some block of the schema, and the other way round.
func TestSchemaNamesEveryKey(t *testing.T) {
	loader := loaderKeySets(t)
	inSchema := map[string]bool{}
	walkSchema(schema.Generate(), func(s *ijs.Schema) {
		if s.Properties == nil || s.AdditionalProperties != ijs.FalseSchema {
			return
		}
		var keys []string
		for p := s.Properties.Oldest(); p != nil; p = p.Next() {
			keys = append(keys, p.Key)
		}
		inSchema[keySet(keys)] = true
	})
	for set, where := range loader {
		if !inSchema[set] {
			t.Errorf("the loader accepts the keys {%s} (%s), which no block of the schema has", set, where)
		}
	}
	for set := range inSchema {
		if _, ok := loader[set]; !ok {
			t.Errorf("the schema has a block with the keys {%s}, which the loader does not accept together", set)
		}
	}
}

func keySet(keys []string) string {
	keys = slices.Clone(keys)
	slices.Sort(keys)
	return strings.Join(keys, ",")
}

func walkSchema(s *ijs.Schema, visit func(*ijs.Schema)) {
	if s == nil {
		return
	}
	visit(s)
	for _, d := range s.Definitions {
		walkSchema(d, visit)
	}
	if s.Properties != nil {
		for p := s.Properties.Oldest(); p != nil; p = p.Next() {
			walkSchema(p.Value, visit)
		}
	}
	for _, x := range append(append(s.AnyOf, s.OneOf...), s.AllOf...) {
		walkSchema(x, visit)
	}
	walkSchema(s.Items, visit)
	walkSchema(s.AdditionalProperties, visit)
}

// vocabularyKeyed are the blocks whose keys the loader reads as one of a
// vocabulary rather than through d.object: sides, costs, and an effect.
var vocabularyKeyed = []string{"sideNames", "elementNames", "effectKeys"}

// loaderKeySets reads the loader's source and returns every set of keys it
// accepts in a block, with where it is decided.
func loaderKeySets(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	paths, _ := filepath.Glob("../*.go")
	var files []*ast.File
	lists := map[string][]string{} // package-level []string vars
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, v := range vs.Values {
					if lit, ok := v.(*ast.CompositeLit); ok {
						if s, ok := stringLits(lit.Elts); ok {
							lists[vs.Names[i].Name] = s
						}
					}
				}
			}
		}
	}
	resolve := func(e ast.Expr) []string {
		switch x := e.(type) {
		case *ast.Ident:
			return lists[x.Name]
		case *ast.CompositeLit:
			s, _ := stringLits(x.Elts)
			return s
		}
		return nil
	}
	sets := map[string]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "weights" {
				fd.Body = nil // the helper itself; its callers name the keys
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "object" && sel.Sel.Name != "weights") || len(call.Args) < 3 {
				return true
			}
			var keys []string
			if sel.Sel.Name == "weights" {
				keys = resolve(call.Args[2])
			} else if call.Ellipsis.IsValid() {
				keys = resolve(call.Args[2])
			} else {
				keys, _ = stringLits(call.Args[2:])
			}
			if len(keys) == 0 {
				t.Errorf("%s: cannot read the keys of this call", fset.Position(call.Pos()))
				return true
			}
			sets[keySet(keys)] = fset.Position(call.Pos()).String()
			return true
		})
	}
	for _, name := range vocabularyKeyed {
		if lists[name] == nil {
			t.Fatalf("the loader has no list %s", name)
		}
		sets[keySet(lists[name])] = name
	}
	if len(sets) < 20 {
		t.Fatalf("found only %d key sets in the loader", len(sets))
	}
	return sets
}

func stringLits(es []ast.Expr) ([]string, bool) {
	var out []string
	for _, e := range es {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return nil, false
		}
		s, _ := strconv.Unquote(lit.Value)
		out = append(out, s)
	}
	return out, true
}
