package debrief

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// A report's JSON is the facilitator's to edit, and a field it does not
// know would be dropped without a word when it is read: a root cause
// written under another name, an answer put beside the question instead
// of in it. unknownFields finds every such field, so that ReadReport can
// refuse the file and name them.

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// unknownFields lists the fields of a JSON document that a value of type
// t would drop, each by its path ("areas_for_improvement[2].rootcause"),
// with the known field its name is closest to, if any.
func unknownFields(data []byte, t reflect.Type) []string {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return nil
	}
	var out []string
	walkFields(v, t, "", &out)
	return out
}

func walkFields(v any, t reflect.Type, path string, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return // it reads itself
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			i := slices.IndexFunc(fields, func(f jsonField) bool { return strings.EqualFold(f.name, k) })
			if i < 0 {
				*out = append(*out, path+k+closest(k, fields))
				continue
			}
			walkFields(obj[k], fields[i].typ, path+k+".", out)
		}
	case reflect.Slice, reflect.Array:
		list, ok := v.([]any)
		if !ok {
			return
		}
		prefix := strings.TrimSuffix(path, ".")
		for i, item := range list {
			at := fmt.Sprintf("%s[%d]", prefix, i)
			if obj, ok := item.(map[string]any); ok {
				for _, key := range []string{"id", "row"} {
					if id, ok := obj[key].(string); ok && id != "" {
						at += " (" + id + ")"
						break
					}
				}
			}
			walkFields(item, t.Elem(), at+".", out)
		}
	case reflect.Map:
		if obj, ok := v.(map[string]any); ok {
			for k, item := range obj {
				walkFields(item, t.Elem(), path+k+".", out)
			}
		}
	}
}

// jsonField is a field of a struct as encoding/json reads it.
type jsonField struct {
	name string
	typ  reflect.Type
}

// jsonFields lists the fields encoding/json reads into a struct, those of
// embedded structs among them.
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, jsonField{name, f.Type})
	}
	return out
}

// closest suggests the known field a name is likely a slip for: " (did
// you mean root_cause?)".
func closest(name string, fields []jsonField) string {
	norm := func(s string) string {
		return strings.ToLower(strings.NewReplacer("_", "", "-", "", " ", "").Replace(s))
	}
	n := norm(name)
	// A slip is a few letters off, or a part of the name.
	best, dist := "", max(1, len(n)/3)+1
	for _, f := range fields {
		fn := norm(f.name)
		d := editDistance(n, fn)
		if len(n) >= 4 && (strings.Contains(fn, n) || strings.Contains(n, fn)) {
			d = min(d, 1)
		}
		if d < dist {
			best, dist = f.name, d
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + best + "?)"
}

// editDistance is the Levenshtein distance between two words.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range ra {
		cur := make([]int, len(rb)+1)
		cur[0] = i + 1
		for j := range rb {
			cost := 1
			if ra[i] == rb[j] {
				cost = 0
			}
			cur[j+1] = min(prev[j+1]+1, cur[j]+1, prev[j]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
