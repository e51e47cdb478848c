// Package schema is the JSON Schema (draft 2020-12) of the inject-file
// format, generated from Go types that mirror what the loader accepts. Editors
// with the YAML language server use it for completion, hover text and checks
// as a facilitator types; `hotline validate` remains the judge.
package schema

import (
	"encoding/json"
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
	s.Title = "Hotline inject file"
	s.Description = "A scenario for Hotline, the tabletop exercise of the US–China cybercrime hotline (format 1). Reference: docs/inject-format.md."
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

// Patterns of the format's scalars, as the loader reads them.
const (
	idPattern       = `^[A-Za-z0-9._-]{1,80}$`
	varNamePattern  = `^[A-Za-z_][A-Za-z0-9_]*$`
	calendarPattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$`
	// A duration: whole numbers with units w, d, h, m, largest first, each
	// at most once, optionally after T+.
	durationPattern = `^([Tt]\+)?(0|[0-9]{1,6}w([0-9]{1,6}d)?([0-9]{1,6}h)?([0-9]{1,6}m)?|[0-9]{1,6}d([0-9]{1,6}h)?([0-9]{1,6}m)?|[0-9]{1,6}h([0-9]{1,6}m)?|[0-9]{1,6}m)$`
)

func ref(name string) *jsonschema.Schema { return &jsonschema.Schema{Ref: "#/$defs/" + name} }

func anyOf(alts ...*jsonschema.Schema) *jsonschema.Schema { return &jsonschema.Schema{AnyOf: alts} }

// str is a string matching pattern. Editors show message, not the
// pattern, when it does not match (patternErrorMessage is the YAML language
// server's keyword; validators ignore it).
func str(pattern, message string) *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Pattern: pattern, Extras: map[string]any{"patternErrorMessage": message}}
}

func typed(t string) *jsonschema.Schema { return &jsonschema.Schema{Type: t} }

func described(s *jsonschema.Schema, d string) *jsonschema.Schema {
	s.Description = d
	return s
}

func (ID) JSONSchema() *jsonschema.Schema {
	return described(str(idPattern, idMessage), "An id: letters, digits, '-', '_' and '.', up to 80 characters, no spaces.")
}

func (Text) JSONSchema() *jsonschema.Schema {
	return described(anyOf(typed("string"), typed("number"), typed("boolean")), "Text; quote it when it contains \": \".")
}

func (Scalar) JSONSchema() *jsonschema.Schema {
	return described(anyOf(typed("string"), typed("number"), typed("boolean")), "A value: a whole number, true or false, or text.")
}

func (Duration) JSONSchema() *jsonschema.Schema {
	return described(anyOf(str(durationPattern, "expected a duration like 48h, 2d or 1d12h: whole numbers with units w, d, h, m, largest first"), &jsonschema.Schema{Const: 0}),
		"A duration: whole numbers with units w, d, h, m, largest first, like 48h, 2d or 1d12h; T+ may lead, as in T+2d.")
}

func (CalendarTime) JSONSchema() *jsonschema.Schema {
	return described(str(calendarPattern, "expected a date and time like 2015-10-05 09:00"), "A calendar time such as 2015-10-05 09:00, read in scenario.timezone.")
}

func (CalendarDate) JSONSchema() *jsonschema.Schema {
	return described(str(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, "expected a date like 2026-11-23"), "A day such as 2026-11-23.")
}

func (ClockTime) JSONSchema() *jsonschema.Schema {
	return described(str(`^[0-9]{1,2}:[0-9]{2}$`, "expected a time of day like 09:00"), "A time of day such as 09:00.")
}

func (StoryTime) JSONSchema() *jsonschema.Schema {
	return described(anyOf(ref("Duration"), ref("CalendarTime")), "An offset such as T+30d, or a calendar time such as 2015-12-01 10:00.")
}

func (Condition) JSONSchema() *jsonschema.Schema {
	return described(anyOf(typed("string"), typed("boolean")),
		`A condition in the expr language, such as 'tension >= 60' or 'status("rfa-cascade") == "overdue"'. Quote it in YAML.`)
}

func (Escalate) JSONSchema() *jsonschema.Schema {
	return anyOf(ref("Duration"), &jsonschema.Schema{Const: "never"})
}

func (LadderStep) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "integer", Not: &jsonschema.Schema{Const: 0}}
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

// orScalar lets a block also be written as a single value: a team as its
// name, a deadline as its duration.
func orScalar(s *jsonschema.Schema, alt *jsonschema.Schema) {
	block := *s
	block.Description = ""
	*s = jsonschema.Schema{Description: s.Description, AnyOf: []*jsonschema.Schema{alt, &block}}
}

func (Include) JSONSchemaExtend(s *jsonschema.Schema)   { orScalar(s, ref("Text")) }
func (Objective) JSONSchemaExtend(s *jsonschema.Schema) { orScalar(s, ref("Text")) }
func (Team) JSONSchemaExtend(s *jsonschema.Schema)      { orScalar(s, ref("Text")) }
func (Rung) JSONSchemaExtend(s *jsonschema.Schema)      { orScalar(s, ref("Text")) }
func (Deadline) JSONSchemaExtend(s *jsonschema.Schema)  { orScalar(s, ref("Duration")) }
func (Cost) JSONSchemaExtend(s *jsonschema.Schema)      { orScalar(s, ref("Duration")) }
func (Meeting) JSONSchemaExtend(s *jsonschema.Schema)   { orScalar(s, ref("StoryTime")) }

// An effect has exactly one key.
func (Effect) JSONSchemaExtend(s *jsonschema.Schema) {
	one := uint64(1)
	s.MinProperties, s.MaxProperties = &one, &one
}

// oneOrMany lets a list be written as a single value, a list of one.
func oneOrMany(s *jsonschema.Schema) {
	item := s.Items
	*s = jsonschema.Schema{Description: s.Description, AnyOf: []*jsonschema.Schema{item, {Type: "array", Items: item}}}
}

func (IDList) JSONSchemaExtend(s *jsonschema.Schema)        { oneOrMany(s) }
func (CategoryList) JSONSchemaExtend(s *jsonschema.Schema)  { oneOrMany(s) }
func (StoryTimeList) JSONSchemaExtend(s *jsonschema.Schema) { oneOrMany(s) }
func (MeetingList) JSONSchemaExtend(s *jsonschema.Schema)   { oneOrMany(s) }
func (TextList) JSONSchemaExtend(s *jsonschema.Schema)      { oneOrMany(s) }
func (CoverList) JSONSchemaExtend(s *jsonschema.Schema)     { oneOrMany(s) }
func (DurationList) JSONSchemaExtend(s *jsonschema.Schema)  { oneOrMany(s) }
func (IncludeList) JSONSchemaExtend(s *jsonschema.Schema)   { oneOrMany(s) }

// Collections are keyed by ids; variables by names conditions can use.
func ids(s *jsonschema.Schema) { s.PropertyNames = str(idPattern, idMessage) }
func names(s *jsonschema.Schema) {
	s.PropertyNames = str(varNamePattern, "a variable's id is a name conditions can use: letters, digits and _, not starting with a digit")
}

const idMessage = "an id uses letters, digits, '-', '_' and '.' only, no spaces"

func (Objectives) JSONSchemaExtend(s *jsonschema.Schema) { ids(s) }
func (Teams) JSONSchemaExtend(s *jsonschema.Schema)      { ids(s) }
func (Personas) JSONSchemaExtend(s *jsonschema.Schema)   { ids(s) }
func (Grounds) JSONSchemaExtend(s *jsonschema.Schema)    { ids(s) }
func (Profiles) JSONSchemaExtend(s *jsonschema.Schema)   { ids(s) }
func (Ladder) JSONSchemaExtend(s *jsonschema.Schema)     { ids(s) }
func (Endings) JSONSchemaExtend(s *jsonschema.Schema)    { ids(s) }
func (Requests) JSONSchemaExtend(s *jsonschema.Schema)   { ids(s) }
func (Actions) JSONSchemaExtend(s *jsonschema.Schema)    { ids(s) }
func (Injects) JSONSchemaExtend(s *jsonschema.Schema)    { ids(s) }
func (Choices) JSONSchemaExtend(s *jsonschema.Schema)    { ids(s) }
func (Bearings) JSONSchemaExtend(s *jsonschema.Schema)   { ids(s) }
func (Variables) JSONSchemaExtend(s *jsonschema.Schema)  { names(s) }
func (VarValues) JSONSchemaExtend(s *jsonschema.Schema)  { names(s) }
func (VarChanges) JSONSchemaExtend(s *jsonschema.Schema) { names(s) }
