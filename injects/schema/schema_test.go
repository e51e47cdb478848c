package schema_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
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
	v := value(&doc)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
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
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int":
		i, _ := strconv.Atoi(strings.TrimPrefix(n.Value, "+"))
		return i
	case "!!float":
		f, _ := strconv.ParseFloat(n.Value, 64)
		return f
	}
	return n.Value // strings, and timestamps, which YAML 1.2 reads as strings
}

// goodFiles are inject files the loader accepts: the built-in scenarios,
// the good corpus, the starting file of hotline new, and every YAML example
// of docs/inject-format.md (each a part of a file, checked with format: 1
// added).
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
		b := doc[m[2]:m[3]]
		if !bytes.Contains(b, []byte("format: ")) {
			b = append([]byte("format: 1\n"), b...)
		}
		files["docs/inject-format.md:"+strconv.Itoa(line)] = b
	}
	return files
}

func TestGoodFilesMatchTheSchema(t *testing.T) {
	sch := compiled(t)
	for name, data := range goodFiles(t) {
		if err := sch.Validate(instance(t, data)); err != nil {
			t.Errorf("%s does not match the schema:\n%v", name, err)
		}
	}
}

// TestSchemaCatchesMistakes: what an editor should underline as it is typed.
func TestSchemaCatchesMistakes(t *testing.T) {
	sch := compiled(t)
	base, err := os.ReadFile("../scenarios/opm-breach.yaml")
	if err != nil {
		t.Fatal(err)
	}
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
	} {
		bad := strings.Replace(string(base), c.from, c.to, 1)
		if bad == string(base) {
			t.Fatalf("%s: %q is not in the file", c.name, c.from)
		}
		if err := sch.Validate(instance(t, []byte(bad))); err == nil {
			t.Errorf("%s passes the schema", c.name)
		}
	}
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
