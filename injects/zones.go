package injects

import (
	"time"
	_ "time/tzdata" // scenario zones must resolve on machines without a zoneinfo database
)

// Washington and Beijing are the capitals' clocks, which the screens and
// documents show side by side. The zone database is embedded, so they
// always load.
var (
	Washington = mustZone("America/New_York")
	Beijing    = mustZone("Asia/Shanghai")
)

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // the embedded database lacks a zone it has always had
	}
	return loc
}
