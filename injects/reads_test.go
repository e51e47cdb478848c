package injects_test

import (
	"reflect"
	"testing"

	"hotline/injects"
)

func TestConditionReads(t *testing.T) {
	sc, diags := injects.Parse("reads.yaml", []byte(`format: 1
scenario: {id: reads, title: Reads, start: 2015-10-05 09:00, end: T+3d}
include: [common.yaml]
injects:
  first: {at: T+0h, to: us, from: white-cell, channel: note, title: First}
  second:
    when: 'tension >= 60 && status("rfa-x") != "open" || fired("first") && trust < tension && days > 1 && missed("us") > 0'
    to: us
    from: white-cell
    channel: note
    title: Second
requests:
  rfa-x: {kind: assistance, from: us, subject: X, category: commercial-theft, due: {acknowledge: 24h}}
`))
	if sc == nil {
		t.Fatal(diags.Error())
	}
	i, _ := sc.InjectIndex("second")
	got := sc.Injects[i].Trigger.If.Reads(sc)
	want := injects.Reads{Variables: []string{"tension", "trust"}, Injects: []string{"first"}, Requests: []string{"rfa-x"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reads %+v, want %+v", got, want)
	}
}
