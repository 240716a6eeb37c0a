package update

import (
	"fmt"
	"time"
)

// date renders a lastModified time as a UTC day, as Nix's lock-update
// messages do.
func date(unix int64) string {
	if unix == 0 {
		return "unknown date"
	}
	return time.Unix(unix, 0).UTC().Format(time.DateOnly)
}

// age renders how long before now unix was, in the coarsest unit that
// still says something: days up to two months, then months, then years.
func age(unix int64, now time.Time) string {
	if unix == 0 {
		return "age unknown"
	}
	days := int(now.Sub(time.Unix(unix, 0)).Hours() / 24)
	switch {
	case days < 0:
		return "in the future"
	case days == 0:
		return "today"
	case days < 60:
		return count(days, "day") + " old"
	case days < 730:
		return count(days/30, "month") + " old"
	}
	return count(days/365, "year") + " old"
}

func count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
