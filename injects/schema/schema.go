// Package schema is the JSON Schema (draft 2020-12) of the inject-file
// format, generated from Go types that mirror what the loader accepts. Editors
// with the YAML language server use it for completion, hover text and checks
// as a facilitator types; `hotline validate` remains the judge, and a test
// runs files through both to keep them in agreement.
package schema

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/invopop/jsonschema"

	"hotline/injects"
)

// FileName is the name `hotline new` gives the schema beside a scenario,
// and the one the editor line refers to.
const FileName = "hotline.schema.json"

// EditorLine is the comment that points the YAML language server at the
// schema, for an inject file with the schema beside it.
const EditorLine = "# yaml-language-server: $schema=" + FileName

// Generate returns the schema of an inject file.
func Generate() *jsonschema.Schema {
	r := &jsonschema.Reflector{
		Anonymous:                  true,
		ExpandedStruct:             true,
		RequiredFromJSONSchemaTags: true,
	}
	s := r.Reflect(&File{})
	// No title: an editor would show it above the description of every key.
	s.Description = "A scenario for Hotline, the tabletop exercise of the US–China cybercrime hotline (format 1). Every key is explained in docs/inject-format.md."
	for _, d := range s.Definitions {
		formatRules(d)
	}
	formatRules(s)
	return s
}

// JSON returns the schema as indented JSON, ending with a newline.
func JSON() []byte {
	b, err := json.MarshalIndent(Generate(), "", "  ")
	if err != nil {
		panic(err) // the schema is built from fixed types; it always marshals
	}
	return append(b, '\n')
}

// formatRules applies the rules the loader applies to every value of a
// kind, whatever its field, so that a field added to the types follows
// them: no number is over injects.MaxNumber either way (where a number is
// a number, not text), and a block whose keys are all optional, and that
// needs none, may be left empty (its entries commented out).
func formatRules(s *jsonschema.Schema) {
	walk(s, func(x *jsonschema.Schema) {
		if ts := typesOf(x); len(ts) > 0 && !slices.ContainsFunc(ts, func(t string) bool { return t != "integer" && t != "number" }) {
			bounded(x) // a number and nothing else
		}
		if x.Type == "object" && x.Properties != nil && len(x.Required) == 0 && x.MinProperties == nil {
			types(x, "object", "null")
		}
	})
}

// bounded keeps a number within what the loader reads, unless the schema
// bounds it already.
func bounded(x *jsonschema.Schema) *jsonschema.Schema {
	if x.Minimum == "" && x.ExclusiveMinimum == "" {
		x.Minimum = json.Number(strconv.Itoa(-injects.MaxNumber))
	}
	if x.Maximum == "" && x.ExclusiveMaximum == "" {
		x.Maximum = json.Number(strconv.Itoa(injects.MaxNumber))
	}
	return x
}

// walk visits a schema and every schema inside it.
func walk(s *jsonschema.Schema, visit func(*jsonschema.Schema)) {
	if s == nil {
		return
	}
	visit(s)
	if s.Properties != nil {
		for p := s.Properties.Oldest(); p != nil; p = p.Next() {
			walk(p.Value, visit)
		}
	}
	for _, x := range slices.Concat(s.AnyOf, s.OneOf, s.AllOf) {
		walk(x, visit)
	}
	for _, x := range []*jsonschema.Schema{s.Items, s.AdditionalProperties, s.Not, s.If, s.Then, s.Else} {
		walk(x, visit)
	}
}

// Patterns of the format's scalars, as the loader reads them.
const (
	idPattern       = `^[A-Za-z0-9._-]{1,80}$`
	varNamePattern  = `^[A-Za-z_][A-Za-z0-9_]*$`
	calendarPattern = `[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?`
	// A duration: whole numbers with units w, d, h, m, largest first, each
	// at most once, optionally after T+.
	durationPattern = `([Tt]\+)?(0|[0-9]{1,6}w([0-9]{1,6}d)?([0-9]{1,6}h)?([0-9]{1,6}m)?|[0-9]{1,6}d([0-9]{1,6}h)?([0-9]{1,6}m)?|[0-9]{1,6}h([0-9]{1,6}m)?|[0-9]{1,6}m)`
)

// positivePattern is a duration above zero: some number in it is not 0.
// Editors run JavaScript's regular expressions and validators Go's, so the
// patterns use what both read: no lookahead.
var positivePattern = func() string {
	const number = `[0-9]{1,6}`
	zeros, nonzero := `0{1,6}`, []string{}
	for k := range 6 { // k leading zeros, then a digit that is not, then at most 5-k more
		nonzero = append(nonzero, strings.Repeat("0", k)+`[1-9][0-9]{0,`+strconv.Itoa(5-k)+`}`)
	}
	units := []string{"w", "d", "h", "m"}
	var alts []string
	for i, u := range units { // u is the first unit whose number is not 0
		var b strings.Builder
		for _, before := range units[:i] {
			b.WriteString(`(` + zeros + before + `)?`)
		}
		b.WriteString(`(` + strings.Join(nonzero, "|") + `)` + u)
		for _, after := range units[i+1:] {
			b.WriteString(`(` + number + after + `)?`)
		}
		alts = append(alts, b.String())
	}
	return `([Tt]\+)?(` + strings.Join(alts, "|") + `)`
}()

// except matches every id but the given words: the loader refuses them
// where ids of other kinds are fine.
func except(words ...string) string {
	const idChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"
	type node struct {
		word bool
		next map[byte]*node
	}
	root := &node{next: map[byte]*node{}}
	for _, w := range words {
		n := root
		for i := 0; i < len(w); i++ {
			if n.next[w[i]] == nil {
				n.next[w[i]] = &node{next: map[byte]*node{}}
			}
			n = n.next[w[i]]
		}
		n.word = true
	}
	// Below a prefix of the words: stop there (unless the prefix is a word,
	// or nothing), or go on with a character no word goes on with, or
	// follow the words.
	var below func(n *node, top bool) string
	below = func(n *node, top bool) string {
		var alts []string
		if !n.word && !top {
			alts = append(alts, "")
		}
		var other strings.Builder
		for i := 0; i < len(idChars); i++ {
			if n.next[idChars[i]] == nil {
				other.WriteString(regexp.QuoteMeta(string(idChars[i])))
			}
		}
		alts = append(alts, `[`+strings.ReplaceAll(other.String(), "-", `\-`)+`][A-Za-z0-9._-]*`)
		keys := slices.Sorted(maps.Keys(n.next))
		for _, c := range keys {
			alts = append(alts, regexp.QuoteMeta(string(c))+below(n.next[c], false))
		}
		return "(" + strings.Join(alts, "|") + ")"
	}
	return "^" + below(root, true) + "$"
}

// whole anchors a pattern, allowing the spaces the loader trims.
func whole(alternatives ...string) string {
	return `^\s*(` + strings.Join(alternatives, "|") + `)\s*$`
}

// The words editors show when a value does not fit.
const (
	idMessage       = "expected an id: letters, digits, '-', '_' and '.', no spaces"
	durationMessage = "expected a duration like 48h, 2d or 1d12h: whole numbers with units w, d, h, m, largest first"
	positiveMessage = "expected a duration longer than 0m, like 24h or 2d"
	storyMessage    = "expected an offset like T+2d or a date and time like 2015-10-05 09:00"
)

// types sets the JSON types a value may have; one is written as "type": T.
func types(s *jsonschema.Schema, ts ...string) {
	s.Type = ""
	switch len(ts) {
	case 0:
		return
	case 1:
		s.Type = ts[0]
		delete(s.Extras, "type")
	default:
		extra(s, "type", ts)
	}
}

// extra sets a keyword the struct does not have: a list of types, or the
// YAML language server's errorMessage and patternErrorMessage, which
// validators ignore and editors show in place of their own words.
func extra(s *jsonschema.Schema, key string, v any) {
	if s.Extras == nil {
		s.Extras = map[string]any{}
	}
	s.Extras[key] = v
}

// typesOf returns the JSON types a schema allows.
func typesOf(s *jsonschema.Schema) []string {
	if s.Type != "" {
		return []string{s.Type}
	}
	ts, _ := s.Extras["type"].([]string)
	return ts
}

// value is a scalar of the given JSON types, a string matching pattern
// when one is given; an editor says message when it does not fit.
func value(pattern, message string, ts ...string) *jsonschema.Schema {
	s := &jsonschema.Schema{Pattern: pattern}
	types(s, ts...)
	if message != "" {
		extra(s, "errorMessage", message)
		if pattern != "" {
			extra(s, "patternErrorMessage", message)
		}
	}
	return s
}

// zero is 0 as a number: a duration may be written 0.
func zero(s *jsonschema.Schema) *jsonschema.Schema {
	s.Minimum, s.Maximum = "0", "0"
	return s
}

// An id written as a number or true is its text: 2015 is an id.
func (ID) JSONSchema() *jsonschema.Schema {
	return value(idPattern, idMessage, "string", "number", "boolean")
}

func (Text) JSONSchema() *jsonschema.Schema {
	return value("", `expected text; quote it if it contains ": "`, "string", "number", "boolean", "null")
}

func (RequiredText) JSONSchema() *jsonschema.Schema {
	return value(`\S`, "cannot be empty: write the text after the key", "string", "number", "boolean")
}

// A variable's value: when it is a number, it is one.
func (Scalar) JSONSchema() *jsonschema.Schema {
	return bounded(value("", "expected a value: a whole number, true or false, or text", "string", "number", "boolean"))
}

func (Duration) JSONSchema() *jsonschema.Schema {
	return zero(value(whole(durationPattern), durationMessage, "string", "integer"))
}

func (PositiveDuration) JSONSchema() *jsonschema.Schema {
	return value(whole(positivePattern), positiveMessage, "string")
}

func (CalendarTime) JSONSchema() *jsonschema.Schema {
	return value(whole(calendarPattern), "expected a date and time like 2015-10-05 09:00", "string")
}

func (CalendarDate) JSONSchema() *jsonschema.Schema {
	return value(whole(`[0-9]{4}-[0-9]{2}-[0-9]{2}`), "expected a date like 2026-11-23", "string")
}

func (ClockTime) JSONSchema() *jsonschema.Schema {
	return value(whole(`[0-9]{1,2}:[0-9]{2}`), "expected a time of day like 09:00", "string")
}

func (StoryTime) JSONSchema() *jsonschema.Schema {
	return zero(value(whole(durationPattern, calendarPattern), storyMessage, "string", "integer"))
}

func (EndTime) JSONSchema() *jsonschema.Schema {
	return value(whole(positivePattern, calendarPattern), "expected an offset above zero like T+10d, or a date and time like 2015-11-04 18:00", "string")
}

func (Condition) JSONSchema() *jsonschema.Schema {
	return value("", `expected a condition in quotes, like 'tension >= 60'`, "string", "boolean")
}

func (Escalate) JSONSchema() *jsonschema.Schema {
	return zero(value(whole(durationPattern, "never"), "expected a duration like 1d, or never", "string", "integer"))
}

func (LadderStep) JSONSchema() *jsonschema.Schema {
	const message = "expected the rungs to move, like 1 or -1"
	s := value("", message, "integer")
	s.AnyOf = []*jsonschema.Schema{rule(&jsonschema.Schema{Minimum: "1"}, message), rule(&jsonschema.Schema{Maximum: "-1"}, message)}
	return s
}

// vocabulary lists a closed set of names as the loader spells them, read
// from the injects package's types.
func vocabulary(name func(i int) string) *jsonschema.Schema {
	var enum []any
	for i := 0; ; i++ {
		n := name(i)
		if strings.HasPrefix(n, "invalid(") {
			break
		}
		enum = append(enum, n)
	}
	return &jsonschema.Schema{Type: "string", Enum: enum}
}

func (SideName) JSONSchema() *jsonschema.Schema {
	return vocabulary(func(i int) string { return injects.Side(i).String() })
}

func (Channel) JSONSchema() *jsonschema.Schema {
	return vocabulary(func(i int) string { return injects.Channel(i).String() })
}

func (Affiliation) JSONSchema() *jsonschema.Schema {
	return vocabulary(func(i int) string { return injects.Affiliation(i).String() })
}

func (RequestKind) JSONSchema() *jsonschema.Schema {
	return vocabulary(func(i int) string { return injects.RequestKind(i).String() })
}

func (Category) JSONSchema() *jsonschema.Schema {
	return vocabulary(func(i int) string { return injects.Category(i).String() })
}

// Cover is what a ground covers: a matter, a part of a response or a flaw
// of a request.
type Cover string

func (Cover) JSONSchema() *jsonschema.Schema {
	var enum []any
	for _, v := range []*jsonschema.Schema{
		vocabulary(func(i int) string { return injects.Category(i).String() }),
		vocabulary(func(i int) string { return injects.ElementKind(i).String() }),
		vocabulary(func(i int) string { return injects.Flaw(i).String() }),
	} {
		enum = append(enum, v.Enum...)
	}
	return &jsonschema.Schema{Type: "string", Enum: append(enum, "updates")}
}

func (Basis) JSONSchema() *jsonschema.Schema {
	return vocabulary(func(i int) string { return injects.Basis(i).String() })
}

func (Tone) JSONSchema() *jsonschema.Schema {
	return vocabulary(func(i int) string { return injects.Tone(i).String() })
}

func (Sanctions) JSONSchema() *jsonschema.Schema {
	return vocabulary(func(i int) string { return injects.SanctionsStep(i + 1).String() })
}

func (VarType) JSONSchema() *jsonschema.Schema {
	return vocabulary(func(i int) string { return injects.VarType(i).String() })
}

// orScalar lets a block also be written as a single value (a team as its
// name, a deadline as its duration): one schema whose string, number and
// object forms each meet their own keywords, since a keyword for strings
// (pattern) passes every other type, and one for objects (required) every
// value that is not one.
func orScalar(block, alt *jsonschema.Schema) {
	block.Pattern, block.Minimum, block.Maximum = alt.Pattern, alt.Minimum, alt.Maximum
	types(block, append(slices.DeleteFunc(typesOf(alt), func(t string) bool { return t == "object" }), "object")...)
	if m, ok := alt.Extras["patternErrorMessage"]; ok {
		extra(block, "patternErrorMessage", m)
	}
}

func (Include) JSONSchemaExtend(s *jsonschema.Schema)   { orScalar(s, Text("").JSONSchema()) }
func (Objective) JSONSchemaExtend(s *jsonschema.Schema) { orScalar(s, RequiredText("").JSONSchema()) }
func (Team) JSONSchemaExtend(s *jsonschema.Schema)      { orScalar(s, RequiredText("").JSONSchema()) }
func (Rung) JSONSchemaExtend(s *jsonschema.Schema)      { orScalar(s, Text("").JSONSchema()) }
func (Deadline) JSONSchemaExtend(s *jsonschema.Schema) {
	orScalar(s, PositiveDuration("").JSONSchema())
}
func (Cost) JSONSchemaExtend(s *jsonschema.Schema)    { orScalar(s, Duration("").JSONSchema()) }
func (Meeting) JSONSchemaExtend(s *jsonschema.Schema) { orScalar(s, StoryTime("").JSONSchema()) }

// An effect has exactly one key.
func (Effect) JSONSchemaExtend(s *jsonschema.Schema) {
	one := uint64(1)
	s.MinProperties, s.MaxProperties = &one, &one
	extra(s, "errorMessage", "an effect is one key and its value, on its own line starting with - , such as - open: rfa-servers")
}

// oneOrMany lets a list be written as a single value, a list of one, or
// be left empty: the item's own forms, or a list of items.
func oneOrMany(s *jsonschema.Schema, item *jsonschema.Schema) {
	items := s.Items
	*s = jsonschema.Schema{Description: s.Description, Items: items, Pattern: item.Pattern, Minimum: item.Minimum,
		Maximum: item.Maximum}
	types(s, append(slices.DeleteFunc(typesOf(item), func(t string) bool { return t == "null" || t == "object" }), "array", "null")...)
	if m, ok := item.Extras["patternErrorMessage"]; ok {
		extra(s, "patternErrorMessage", m)
	}
}

func (IDList) JSONSchemaExtend(s *jsonschema.Schema)      { oneOrMany(s, ID("").JSONSchema()) }
func (TextList) JSONSchemaExtend(s *jsonschema.Schema)    { oneOrMany(s, Text("").JSONSchema()) }
func (IncludeList) JSONSchemaExtend(s *jsonschema.Schema) { oneOrMany(s, Text("").JSONSchema()) }
func (MeetingList) JSONSchemaExtend(s *jsonschema.Schema) { oneOrMany(s, StoryTime("").JSONSchema()) }
func (PositiveDurationList) JSONSchemaExtend(s *jsonschema.Schema) {
	oneOrMany(s, PositiveDuration("").JSONSchema())
}

// A cover written alone is one of the words; in a list, each item is.
func (CoverList) JSONSchemaExtend(s *jsonschema.Schema) {
	var words []string
	for _, w := range Cover("").JSONSchema().Enum {
		words = append(words, regexp.QuoteMeta(w.(string)))
	}
	oneOrMany(s, value(whole(words...), "", "string"))
}

func (Effects) JSONSchemaExtend(s *jsonschema.Schema) { types(s, "array", "null") }

// Collections are keyed by ids (variables by names conditions can use) and
// may be left empty, their entries commented out. entry is what an editor
// shows over an entry's id.
func collection(s *jsonschema.Schema, keys *jsonschema.Schema, what, entry string) {
	s.PropertyNames = keys
	s.AdditionalProperties.Description = entry
	types(s, "object", "null")
	extra(s, "errorMessage", "expected "+what+", each an id followed by a colon, one a line")
}

func ids() *jsonschema.Schema { return value(idPattern, idMessage, "string") }

func names() *jsonschema.Schema {
	return but(value(varNamePattern, "a variable's id is a name conditions use: letters, digits and _, not starting with a digit", "string"),
		"conditions have a word of their own by that name; choose another", injects.ReservedNames()...)
}

// but refuses some words where the schema s takes ids, saying message.
func but(s *jsonschema.Schema, message string, words ...string) *jsonschema.Schema {
	s.AllOf = append(s.AllOf, value(except(words...), message))
	return s
}

func (Objectives) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "objectives", "An objective: its id (as injects and requests name it under objectives:), then its text, or a block with text:, injects: and requests:.")
}

func (Personas) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "personas", "A persona: its id (as injects name it under from:), then name: and affiliation:.")
}

func (Grounds) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "grounds", "A ground: its id (as requests name it under grounds:), then title:, text: and covers:.")
}

func (Profiles) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "profiles", "A counterpart profile: its id (as sides name it under counterparts: and hotline run --us takes it), then how the bot plays.")
}

func (Endings) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "endings", "An ending: its id (as end: effects name it), then title:, text: and if:.")
}

func (Requests) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "requests", "A request: its id (as open: effects and conditions such as status(\"id\") name it), then what it asks and when each part is due.")
}

func (Actions) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "actions", "An action: its id (as conditions such as taken(\"id\") name it), then side:, label: and effects:.")
}

func (Injects) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "injects", "An inject: its id (as after:, next:, fire: and conditions such as fired(\"id\") name it), then when it fires, to whom, from whom, and what it says.")
}

func (Choices) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "choices", "A choice: its id (as deadline choose: and conditions such as chose(\"inject\", \"id\") name it), then label: and what it does.")
}

func (Bearings) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, ids(), "objectives with reasons", "An objective's id (as objectives: declares it), then the reason: a sentence a teacher can read aloud.")
}

func (Acronyms) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, nil, "acronyms", "An acronym, then what it stands for.")
}

func (Variables) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, names(), "variables", "A variable: its name, as conditions and effects use it (letters, digits and _), then initial: and, for a meter, min: and max:.")
}

// Teams may not take the ids that address whole sides.
func (Teams) JSONSchemaExtend(s *jsonschema.Schema) {
	collection(s, but(ids(), "us, cn and all address whole sides; give the team another id", injects.WholeSides()...), "teams",
		"A team: its id (as to: names it, so not us, cn or all), then the agency's name.")
}

// A ladder has two rungs at least.
func (Ladder) JSONSchemaExtend(s *jsonschema.Schema) {
	two := uint64(2)
	s.PropertyNames, s.MinProperties = ids(), &two
	s.AdditionalProperties.Description = "A rung: its id (as ceiling: and conditions such as rung == \"id\" name it), then its title, or a block with title: and text:."
	extra(s, "errorMessage", "expected at least two rungs, lowest first, each an id followed by a colon and its title")
}

// The values set and changed name variables.
func (VarValues) JSONSchemaExtend(s *jsonschema.Schema) { s.PropertyNames = names() }
func (VarChanges) JSONSchemaExtend(s *jsonschema.Schema) {
	s.PropertyNames = names()
}

// Rules across a block's keys, each with the words an editor shows when it
// is broken. A rule's check refuses a key (a property false), or asks for
// one, or restricts a value, so that editors word it as the loader does;
// "not" is only for telling which blocks a rule is about.

// rule is a check whose failure editors word as message.
func rule(check *jsonschema.Schema, message string) *jsonschema.Schema {
	extra(check, "errorMessage", message)
	return check
}

func required(keys ...string) *jsonschema.Schema { return &jsonschema.Schema{Required: keys} }

func anyOf(alts ...*jsonschema.Schema) *jsonschema.Schema { return &jsonschema.Schema{AnyOf: alts} }

func props(kv ...any) *jsonschema.Schema {
	s := &jsonschema.Schema{Properties: jsonschema.NewProperties()}
	for i := 0; i+1 < len(kv); i += 2 {
		s.Properties.Set(kv[i].(string), kv[i+1].(*jsonschema.Schema))
	}
	return s
}

// refuse refuses the keys in a block.
func refuse(keys ...string) *jsonschema.Schema {
	s := props()
	for _, k := range keys {
		s.Properties.Set(k, jsonschema.FalseSchema)
	}
	return s
}

// has holds for a block with the key, its value meeting v.
func has(key string, v *jsonschema.Schema) *jsonschema.Schema {
	s := props(key, v)
	s.Required = []string{key}
	return s
}

func constant(v any, message string) *jsonschema.Schema {
	return rule(&jsonschema.Schema{Const: v}, message)
}

// when is check applied only to the blocks cond holds for.
func when(cond, check *jsonschema.Schema) *jsonschema.Schema {
	return &jsonschema.Schema{If: cond, Then: check}
}

// A shared file has no scenario: block; any other file needs one.
func (File) JSONSchemaExtend(s *jsonschema.Schema) {
	s.AllOf = append(s.AllOf, &jsonschema.Schema{
		If:   has("shared", &jsonschema.Schema{Const: true}),
		Then: rule(refuse("scenario"), "a shared file has no scenario: block; remove shared: true to play this file"),
		Else: rule(required("scenario"), "missing the scenario: block (id, title, start and end); a file meant only to be included says shared: true"),
	})
}

// An inject fires one way; a delay goes with after or when; choices need
// one side to choose.
func (Inject) JSONSchemaExtend(s *jsonschema.Schema) {
	oneTrigger := "give one of at, after or when, not two"
	s.AllOf = append(s.AllOf,
		when(required("at"), rule(refuse("after", "when"), oneTrigger)),
		when(required("after"), rule(refuse("when"), oneTrigger)),
		when(required("delay"), rule(anyOf(required("after"), required("when")),
			"delay goes with after or when; with at, add it to the time")),
		when(has("choices", &jsonschema.Schema{Type: "object", MinProperties: ptr(1)}),
			props("to", value(except("all"), "choices need one side to choose: address the inject to us, cn or a team, not all"))))
}

// min and max come together, on an int; initial is of the declared type.
func (Variable) JSONSchemaExtend(s *jsonschema.Schema) {
	s.DependentRequired = map[string][]string{"min": {"max"}, "max": {"min"}}
	initial := func(t, message string) *jsonschema.Schema {
		return props("initial", rule(&jsonschema.Schema{Type: t}, message))
	}
	bounds := anyOf(required("min"), required("max"))
	s.AllOf = append(s.AllOf,
		when(has("type", &jsonschema.Schema{Const: "int"}), initial("integer", "expected a whole number, as the variable is an int")),
		when(has("type", &jsonschema.Schema{Const: "bool"}), initial("boolean", "expected true or false, as the variable is a bool")),
		when(bounds, props("type", constant("int", "min and max apply to int variables only"))),
		when(&jsonschema.Schema{AllOf: []*jsonschema.Schema{bounds, {Not: required("type")}}},
			initial("integer", "min and max apply to int variables only: write a whole number, unquoted")))
}

// A request goes to the other side.
func (Request) JSONSchemaExtend(s *jsonschema.Schema) {
	for _, from := range []injects.Side{injects.US, injects.CN} {
		to := from.Other().String()
		s.AllOf = append(s.AllOf, when(has("from", &jsonschema.Schema{Const: from.String()}),
			props("to", constant(to, "a request goes to the other side: "+to))))
	}
}

func ptr(n uint64) *uint64 { return &n }

// A sanctions threat or imposition names the request whose matter it
// answers, and moves the ladder itself.
func (Action) JSONSchemaExtend(s *jsonschema.Schema) {
	step := &jsonschema.Schema{Enum: []any{injects.Threaten.String(), injects.Impose.String()}}
	s.AllOf = append(s.AllOf, when(has("sanctions", step),
		rule(required("about"), "sanctions: "+injects.Threaten.String()+" and "+injects.Impose.String()+" need about: the request whose matter the sanctions answer")))
}
