package injects

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// Story time is kept to the minute. Durations in inject files are written
// as whole numbers with units, largest first: "48h", "2d", "1d12h", "90m",
// "1w". A story offset may be written with a "T+" prefix, as in an MSEL.

var (
	errDuration = errors.New("expected a duration like 48h, 2d or 1d12h")
	errTooLong  = errors.New("duration is too long: keep it under 100 years")
)

var units = []struct {
	suffix byte
	size   time.Duration
}{
	{'w', 7 * 24 * time.Hour},
	{'d', 24 * time.Hour},
	{'h', time.Hour},
	{'m', time.Minute},
}

// maxDuration keeps sums of offsets far from overflow: about 100 years.
const maxDuration = 100 * 365 * 24 * time.Hour

// ParseDuration reads a duration such as "1d12h" or "T+2d". A bare "0" is
// zero.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "T+"), "t+")
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, errDuration
	}
	var total time.Duration
	next := 0 // index into units: each unit may appear once, largest first
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i == len(s) || i > 6 {
			return 0, errDuration
		}
		n, _ := strconv.Atoi(s[:i])
		u := next
		for u < len(units) && units[u].suffix != s[i] {
			u++
		}
		if u == len(units) {
			return 0, errDuration
		}
		if time.Duration(n) > maxDuration/units[u].size { // before multiplying, which could overflow
			return 0, errTooLong
		}
		total += time.Duration(n) * units[u].size
		if total > maxDuration {
			return 0, errTooLong
		}
		next = u + 1
		s = s[i+1:]
	}
	return total, nil
}

// FormatDuration writes a duration the way inject files do: "1d12h", "45m".
func FormatDuration(d time.Duration) string {
	d = d.Truncate(time.Minute) // first, so that -d cannot overflow
	if d < 0 {
		return "-" + FormatDuration(-d)
	}
	if d == 0 {
		return "0m"
	}
	var b strings.Builder
	for _, u := range units[1:] { // days, hours, minutes read better than weeks
		if n := d / u.size; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10))
			b.WriteByte(u.suffix)
			d -= n * u.size
		}
	}
	return b.String()
}

// FormatOffset writes a story offset as in an MSEL: "T+2d04:30".
func FormatOffset(d time.Duration) string {
	sign := "+"
	d = d.Truncate(time.Minute) // so that -d cannot overflow
	if d < 0 {
		sign, d = "-", -d
	}
	days := d / (24 * time.Hour)
	d -= days * 24 * time.Hour
	h := d / time.Hour
	m := (d - h*time.Hour) / time.Minute
	var b strings.Builder
	b.WriteString("T")
	b.WriteString(sign)
	if days > 0 {
		b.WriteString(strconv.FormatInt(int64(days), 10))
		b.WriteByte('d')
	}
	b.WriteString(pad2(int(h)))
	b.WriteByte(':')
	b.WriteString(pad2(int(m)))
	return b.String()
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// calendarLayouts are the ways a calendar time may be written.
var calendarLayouts = []string{
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

// parseCalendar reads "2015-09-25 09:00" in the given zone.
func parseCalendar(s string, loc *time.Location) (time.Time, bool) {
	for _, l := range calendarLayouts {
		if t, err := time.ParseInLocation(l, strings.TrimSpace(s), loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// ParseClockTime reads a time of day, "09:00" or "9:00", as the time
// since midnight.
func ParseClockTime(s string) (time.Duration, bool) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, false
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, true
}
