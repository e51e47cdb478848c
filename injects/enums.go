package injects

import (
	"fmt"
	"strconv"
)

// The format's closed vocabularies. Each has the names an inject file uses,
// a Parse function, and text marshalling so that logs use the same names.

// Side is one of the two delegations.
type Side uint8

const (
	US Side = iota
	CN
)

var sideNames = []string{"us", "cn"}

// Other returns the opposite side.
func (s Side) Other() Side { return 1 - s }

func (s Side) String() string { return name(sideNames, int(s)) }

// Title is the side's name in prose.
func (s Side) Title() string { return [...]string{"United States", "China"}[s] }

// Noun is the side's name within a sentence: "the United States", "China".
func (s Side) Noun() string { return [...]string{"the United States", "China"}[s] }

// Possessive is the side's name in prose as an owner, within a sentence:
// "the United States' requests", "China's requests".
func (s Side) Possessive() string { return [...]string{"the United States'", "China's"}[s] }

// ParseSide reads "us" or "cn".
func ParseSide(s string) (Side, bool) { v, ok := parse(sideNames, s); return Side(v), ok }

func (s Side) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

func (s *Side) UnmarshalText(b []byte) error { return unmarshal(sideNames, "side", b, (*uint8)(s)) }

// Quality is how thorough a delivered element is.
type Quality uint8

const (
	Thin Quality = iota
	Adequate
	Thorough
	numQualities
)

var qualityNames = []string{"thin", "adequate", "thorough"}

func (q Quality) String() string { return name(qualityNames, int(q)) }

// Qualities lists the qualities from thinnest to most thorough.
func Qualities() []Quality { return []Quality{Thin, Adequate, Thorough} }

// ParseQuality reads "thin", "adequate" or "thorough".
func ParseQuality(s string) (Quality, bool) { v, ok := parse(qualityNames, s); return Quality(v), ok }

func (q Quality) MarshalText() ([]byte, error) { return []byte(q.String()), nil }

func (q *Quality) UnmarshalText(b []byte) error {
	return unmarshal(qualityNames, "quality", b, (*uint8)(q))
}

// ElementKind is a part of a response, as the fact sheet lists them.
type ElementKind uint8

const (
	Acknowledge ElementKind = iota
	Preserve
	Investigate
	Mitigate
	Update
	Results
	numElementKinds
)

var elementNames = []string{"acknowledge", "preserve", "investigate", "mitigate", "update", "results"}

func (k ElementKind) String() string { return name(elementNames, int(k)) }

// Verb is the element's kind as an action, for menus and transcripts.
func (k ElementKind) Verb() string {
	return [...]string{"acknowledge", "preserve and collect evidence", "investigate", "mitigate",
		"send a status update", "send results"}[k]
}

// Noun is the element's kind as a thing delivered.
func (k ElementKind) Noun() string {
	return [...]string{"acknowledgement", "evidence preservation", "investigation", "mitigation",
		"status update", "results"}[k]
}

// ParseElementKind reads an element kind's name.
func ParseElementKind(s string) (ElementKind, bool) {
	v, ok := parse(elementNames, s)
	return ElementKind(v), ok
}

// Category is the kind of matter a request concerns.
type Category uint8

const (
	CommercialTheft Category = iota
	StateEspionage
	CriticalInfrastructure
	OtherCybercrime
)

var categoryNames = []string{"commercial-theft", "state-espionage", "critical-infrastructure", "other-cybercrime"}

func (c Category) String() string { return name(categoryNames, int(c)) }

// Title is the category in prose.
func (c Category) Title() string {
	return [...]string{"commercial theft", "state espionage", "critical infrastructure", "other cybercrime"}[c]
}

// ParseCategory reads a category's name.
func ParseCategory(s string) (Category, bool) {
	v, ok := parse(categoryNames, s)
	return Category(v), ok
}

func (c Category) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

func (c *Category) UnmarshalText(b []byte) error {
	return unmarshal(categoryNames, "category", b, (*uint8)(c))
}

// Basis is the commitment a request invokes.
type Basis uint8

const (
	// Cooperation is the fact sheet's general undertaking to cooperate with
	// requests to investigate cybercrime, collect evidence and mitigate.
	Cooperation Basis = iota
	// Pledge is the commitment that neither government conducts or knowingly
	// supports cyber-enabled theft of intellectual property for commercial
	// advantage.
	Pledge
	// Norms is the UN GGE report's peacetime norms on critical
	// infrastructure: above all, for a request, that states answer
	// appropriate requests for assistance from a state whose critical
	// infrastructure is attacked.
	Norms
)

var basisNames = []string{"cooperation", "pledge", "norms"}

func (b Basis) String() string { return name(basisNames, int(b)) }

// Title is the basis in prose.
func (b Basis) Title() string {
	return [...]string{"cooperation on cybercrime", "the commercial-theft pledge", "the UN GGE norms on critical infrastructure"}[b]
}

// Channel is how an inject reaches its audience.
type Channel uint8

const (
	HotlineChannel Channel = iota
	Note
	Email
	Press
	Intel
)

var channelNames = []string{"hotline", "note", "email", "press", "intel"}

func (c Channel) String() string { return name(channelNames, int(c)) }

// Title is the channel in prose.
func (c Channel) Title() string {
	return [...]string{"Hotline", "Diplomatic note", "Email", "Press", "Intelligence report"}[c]
}

// RequestKind says whether a request asks for information or assistance.
type RequestKind uint8

const (
	Information RequestKind = iota
	Assistance
)

var requestKindNames = []string{"information", "assistance"}

func (k RequestKind) String() string { return name(requestKindNames, int(k)) }

// Title is the kind in prose.
func (k RequestKind) Title() string {
	return [...]string{"request for information", "request for assistance"}[k]
}

// Tone colours choices and actions; bot profiles weigh them by it.
type Tone uint8

const (
	Measured Tone = iota
	Conciliatory
	Firm
	numTones
)

var toneNames = []string{"measured", "conciliatory", "firm"}

func (t Tone) String() string { return name(toneNames, int(t)) }

// Verdict is what a choice or an action means for a learning objective.
type Verdict uint8

const (
	Supports   Verdict = iota // a course that serves the objective
	Neutral                   // a fair course that neither serves nor harms it
	Undermines                // a course that works against it
)

var verdictNames = []string{"supports", "neutral", "undermines"}

func (v Verdict) String() string { return name(verdictNames, int(v)) }

// Answer is how a side answers a hotline call.
type Answer uint8

const (
	// Commit promises to deliver what is outstanding within the hotline's
	// commitment window.
	Commit Answer = iota
	// Explain gives reasons (for instance a legal ground) without promising.
	Explain
	// Deny rejects the complaint.
	Deny
	numAnswers
)

var answerNames = []string{"commit", "explain", "deny"}

func (a Answer) String() string { return name(answerNames, int(a)) }

// Answers lists the answers in menu order.
func Answers() []Answer { return []Answer{Commit, Explain, Deny} }

// ParseAnswer reads "commit", "explain" or "deny".
func ParseAnswer(s string) (Answer, bool) { v, ok := parse(answerNames, s); return Answer(v), ok }

func (a Answer) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

func (a *Answer) UnmarshalText(b []byte) error {
	return unmarshal(answerNames, "answer", b, (*uint8)(a))
}

// SanctionsStep is what an action does about sanctions on named
// individuals and entities. The engine holds each step to the sanctions
// rule: a matter that sanctions answer, a failed response, an escalation
// over the hotline, a threat first, and days between threat and imposition.
type SanctionsStep uint8

const (
	NoSanctions SanctionsStep = iota
	// Threaten threatens sanctions over the action's request.
	Threaten
	// Impose imposes the sanctions threatened over the action's request.
	Impose
	// Withdraw withdraws a sanctions threat: over the action's request, or
	// every threat of the side when the action names none.
	Withdraw
	// Lift lifts sanctions in force: over the action's request, or all the
	// side's when the action names none.
	Lift
)

var sanctionsNames = []string{"", "threaten", "impose", "withdraw", "lift"}

func (s SanctionsStep) String() string { return name(sanctionsNames, int(s)) }

// Affiliation is whom a persona speaks for.
type Affiliation uint8

const (
	AffUS Affiliation = iota
	AffCN
	AffPress
	AffCompany
	AffWhiteCell
)

var affiliationNames = []string{"us", "cn", "press", "company", "white-cell"}

func (a Affiliation) String() string { return name(affiliationNames, int(a)) }

// VarType is a variable's type.
type VarType uint8

const (
	Int VarType = iota
	Bool
	Text
)

var varTypeNames = []string{"int", "bool", "text"}

func (t VarType) String() string { return name(varTypeNames, int(t)) }

// Value is a variable's value; which field counts depends on the variable's
// type.
type Value struct {
	Type VarType
	Int  int
	Bool bool
	Text string
}

// Any returns the value as an int, bool or string.
func (v Value) Any() any {
	switch v.Type {
	case Bool:
		return v.Bool
	case Text:
		return v.Text
	}
	return v.Int
}

func (v Value) String() string {
	switch v.Type {
	case Bool:
		return strconv.FormatBool(v.Bool)
	case Text:
		return strconv.Quote(v.Text)
	}
	return strconv.Itoa(v.Int)
}

func name(names []string, i int) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return "invalid(" + strconv.Itoa(i) + ")"
}

func parse(names []string, s string) (int, bool) {
	for i, n := range names {
		if n == s {
			return i, true
		}
	}
	return 0, false
}

func unmarshal(names []string, what string, b []byte, dst *uint8) error {
	v, ok := parse(names, string(b))
	if !ok {
		return fmt.Errorf("unknown %s %q", what, b)
	}
	*dst = uint8(v)
	return nil
}

func (b Basis) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

func (b *Basis) UnmarshalText(t []byte) error { return unmarshal(basisNames, "basis", t, (*uint8)(b)) }

func (k RequestKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

func (k *RequestKind) UnmarshalText(t []byte) error {
	return unmarshal(requestKindNames, "request kind", t, (*uint8)(k))
}

func (k ElementKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

func (k *ElementKind) UnmarshalText(t []byte) error {
	return unmarshal(elementNames, "element", t, (*uint8)(k))
}
