package injects_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"hotline/injects"
)

const (
	minute = time.Minute
	hour   = time.Hour
	day    = 24 * time.Hour
)

func TestParseDuration(t *testing.T) {
	good := []struct {
		in   string
		want time.Duration
	}{
		{"48h", 48 * hour},
		{"2d", 2 * day},
		{"1d12h", day + 12*hour},
		{"90m", 90 * minute},
		{"1w", 7 * day},
		{"1w2d3h4m", 9*day + 3*hour + 4*minute},
		{"T+2d", 2 * day},
		{"t+30m", 30 * minute},
		{"T+0", 0},
		{"0", 0},
		{"0m", 0},
		{"0h", 0},
		{" 3h ", 3 * hour},
		{"35d1h", 35*day + hour},
		{"1h90m", 2*hour + 30*minute},
		{"007h", 7 * hour},
		{"999999m", 999999 * minute},
	}
	for _, c := range good {
		got, err := injects.ParseDuration(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}

	bad := []struct {
		in, err string
	}{
		{"", "expected a duration like 48h"},
		{"T+", "expected a duration like 48h"},
		{"two days", "expected a duration like 48h"},
		{"48 hours", "expected a duration like 48h"},
		{"48hours", "expected a duration like 48h"},
		{"48", "expected a duration like 48h"},
		{"h", "expected a duration like 48h"},
		{"1.5d", "expected a duration like 48h"},
		{"-2h", "expected a duration like 48h"},
		{"+2h", "expected a duration like 48h"},
		{"2h1d", "expected a duration like 48h"}, // largest unit first
		{"1d1d", "expected a duration like 48h"}, // each unit once
		{"2D", "expected a duration like 48h"},
		{"1y", "expected a duration like 48h"},
		{"30s", "expected a duration like 48h"},
		{"1234567m", "expected a duration like 48h"}, // seven digits
		{"2015-10-06 09:00", "expected a duration like 48h"},
		{"1d 12h", "expected a duration like 48h"},
		{"T+ 2d", "expected a duration like 48h"},
		{"999999w", "too long"},
		{"5300w", "too long"},
		{"99999w99999d", "too long"},
	}
	for _, c := range bad {
		got, err := injects.ParseDuration(c.in)
		if err == nil || !strings.Contains(err.Error(), c.err) || got != 0 {
			t.Errorf("ParseDuration(%q) = %v, %v; want an error saying %q", c.in, got, err, c.err)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	cases := []struct {
		in   time.Duration
		want string
	}{
		{0, "0m"},
		{30 * time.Second, "0m"},
		{45 * minute, "45m"},
		{90 * minute, "1h30m"},
		{36 * hour, "1d12h"},
		{8 * day, "8d"}, // days read better than weeks
		{2*day + 30*minute, "2d30m"},
		{day + hour + minute + 59*time.Second, "1d1h1m"},
		{-90 * minute, "-1h30m"},
		{-30 * time.Second, "0m"},
		{math.MaxInt64, "106751d23h47m"},
		{math.MinInt64, "-106751d23h47m"},
	}
	for _, c := range cases {
		if got := injects.FormatDuration(c.in); got != c.want {
			t.Errorf("FormatDuration(%v) = %q; want %q", c.in, got, c.want)
		}
	}
	// Whatever FormatDuration writes, ParseDuration reads back.
	for d := time.Duration(0); d < 100*day; d = d*3 + 7*minute {
		got, err := injects.ParseDuration(injects.FormatDuration(d))
		if err != nil || got != d {
			t.Errorf("ParseDuration(FormatDuration(%v)) = %v, %v", d, got, err)
		}
	}
}

func TestFormatOffset(t *testing.T) {
	cases := []struct {
		in   time.Duration
		want string
	}{
		{0, "T+00:00"},
		{30 * time.Second, "T+00:00"},
		{90 * minute, "T+01:30"},
		{23*hour + 59*minute, "T+23:59"},
		{3 * day, "T+3d00:00"},
		{2*day + 4*hour + 30*minute, "T+2d04:30"},
		{81*day + 9*hour, "T+81d09:00"},
		{-90 * minute, "T-01:30"},
		{-(day + 2*hour), "T-1d02:00"},
		{math.MaxInt64, "T+106751d23:47"},
		{math.MinInt64, "T-106751d23:47"},
	}
	for _, c := range cases {
		if got := injects.FormatOffset(c.in); got != c.want {
			t.Errorf("FormatOffset(%v) = %q; want %q", c.in, got, c.want)
		}
	}
}
