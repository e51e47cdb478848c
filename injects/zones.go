package injects

import (
	"path"
	"strings"
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

// capitals names the zones whose clocks are the capitals', by the names
// the zone database gives them.
var capitals = map[string]string{
	"America/New_York": "Washington", "US/Eastern": "Washington", "EST5EDT": "Washington",
	"Asia/Shanghai": "Beijing", "PRC": "Beijing", "Asia/Chongqing": "Beijing", "Asia/Chungking": "Beijing", "Asia/Harbin": "Beijing",
}

// City names a time zone by the city whose clock it is: Washington and
// Beijing for the capitals' zones, else the zone's own last word
// ("America/Chicago" is Chicago, "UTC" is UTC).
func City(loc *time.Location) string {
	if c, ok := capitals[loc.String()]; ok {
		return c
	}
	return strings.ReplaceAll(path.Base(loc.String()), "_", " ")
}

// A Clock is the story time as one city's clock reads it.
type Clock struct {
	City string
	Time time.Time
}

// Clocks returns a story offset as the screens, documents and logs show
// it: on Washington's and Beijing's clocks, and then on the clock of the
// scenario's own zone, named by its city, when it is neither. It is the one
// place where the capitals' times are worked out.
func (s *Scenario) Clocks(at time.Duration) []Clock {
	t := s.Time(at)
	clocks := []Clock{{"Washington", t.In(Washington)}, {"Beijing", t.In(Beijing)}}
	if own := City(t.Location()); own != "Washington" && own != "Beijing" {
		clocks = append(clocks, Clock{own, t})
	}
	return clocks
}

// ZoneCity names the zone the scenario's calendar is written in by its
// city, as City does.
func (s *Scenario) ZoneCity() string { return City(s.Start.Location()) }
