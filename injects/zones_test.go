package injects_test

import (
	"testing"
	"time"

	"hotline/injects"
)

// TestClocks: the capitals' clocks read the same instant whatever zone a
// scenario's calendar is written in, and a third zone is named by its city.
func TestClocks(t *testing.T) {
	for _, c := range []struct {
		zone string
		want []string
	}{
		{"America/New_York", []string{"Washington Mon 02 Jun 07:30", "Beijing Mon 02 Jun 19:30"}},
		{"America/Chicago", []string{"Washington Mon 02 Jun 08:30", "Beijing Mon 02 Jun 20:30", "Chicago Mon 02 Jun 07:30"}},
		{"Asia/Shanghai", []string{"Washington Sun 01 Jun 19:30", "Beijing Mon 02 Jun 07:30"}},
		{"UTC", []string{"Washington Mon 02 Jun 03:30", "Beijing Mon 02 Jun 15:30", "UTC Mon 02 Jun 07:30"}},
		{"America/Argentina/Buenos_Aires", []string{"Washington Mon 02 Jun 06:30", "Beijing Mon 02 Jun 18:30", "Buenos Aires Mon 02 Jun 07:30"}},
	} {
		sc, diags := injects.Parse("zone.yaml", []byte("format: 1\nscenario: {id: z, title: Z, start: 2025-06-02 07:00, end: T+1d, timezone: "+c.zone+"}\ninclude: [common.yaml]\n"))
		if sc == nil {
			t.Fatal(diags.Error())
		}
		var got []string
		for _, clock := range sc.Clocks(30 * time.Minute) {
			got = append(got, clock.City+" "+clock.Time.Format("Mon 02 Jan 15:04"))
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.zone, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %v, want %v", c.zone, got, c.want)
				break
			}
		}
	}
}
