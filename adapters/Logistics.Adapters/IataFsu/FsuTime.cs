using Logistics.Adapters.Sdk;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.IataFsu;

/// <summary>A day and month as Cargo-IMP writes them (<c>24MAR</c>), with the optional time and day change after it.</summary>
readonly record struct DayMonth(int Day, int Month);

/// <summary>A time of departure or arrival information: type S/E/A, HHMM and the day change from the line's date.</summary>
readonly record struct TimeInfo(char Type, LocalTime Time, int DayChange, int Element);

/// <summary>
/// Cargo-IMP dates carry no year and local times no zone. The zone is the airport's (CANONICAL.md: IATA code →
/// zone, inferred; an airport not in the table gives UTC, assumed-utc). The year is the one of the three around the
/// reference (the envelope's origin time, else the receive time) that puts the resolved instant nearest to it, so a
/// 31DEC2350 status received on 1 January is last year's.
/// </summary>
static class FsuTime
{
    static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Parses <c>DDMMM</c> at the start of <paramref name="s"/>; the rest (time, day change) is returned in <paramref name="rest"/>.</summary>
    public static DayMonth? ParseDayMonth(string s, out string rest)
    {
        rest = "";
        if (s.Length < 5 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1])) return null;
        var day = (s[0] - '0') * 10 + (s[1] - '0');
        var month = Array.IndexOf(Months, s.Substring(2, 3)) + 1;
        if (month == 0 || day < 1 || day > MaxDay(month)) return null;
        rest = s[5..];
        return new DayMonth(day, month);
    }

    /// <summary>HHMM; null when it is not four digits of a valid time.</summary>
    public static LocalTime? ParseHhmm(ReadOnlySpan<char> s)
    {
        if (s.Length != 4 || s.ContainsAnyExcept("0123456789")) return null;
        int hour = (s[0] - '0') * 10 + (s[1] - '0'), minute = (s[2] - '0') * 10 + (s[3] - '0');
        return hour > 23 || minute > 59 ? null : new LocalTime(hour, minute);
    }

    /// <summary>
    /// The local date-time <paramref name="date"/> + <paramref name="time"/> + <paramref name="days"/> at the airport, in the
    /// year that puts it nearest to <paramref name="reference"/>; null when the date exists in none of those years (29FEB).
    /// </summary>
    public static ResolvedTime? Resolve(DayMonth date, LocalTime time, int days, ZoneHint airport, Instant reference)
    {
        var year = reference.InUtc().Year;
        ResolvedTime? best = null;
        var bestDistance = Duration.MaxValue;
        for (var y = year - 1; y <= year + 1; y++)
        {
            if (date.Day > CalendarSystem.Iso.GetDaysInMonth(y, date.Month)) continue;
            var local = new LocalDate(y, date.Month, date.Day).PlusDays(days).At(time);
            var resolved = airport.Resolve(local);
            var distance = Abs(resolved.Utc - reference);
            if (distance < bestDistance) (best, bestDistance) = (resolved, distance);
        }
        return best;
    }

    /// <summary>The Type-B origin stamp (day, hour, minute GMT) in the month that puts it nearest to <paramref name="receivedAt"/>.</summary>
    public static Instant? Origin(OriginStamp stamp, Instant receivedAt)
    {
        var received = receivedAt.InUtc();
        Instant? best = null;
        var bestDistance = Duration.MaxValue;
        for (var m = -1; m <= 1; m++)
        {
            var month = new LocalDate(received.Year, received.Month, 1).PlusMonths(m);
            if (stamp.Day > CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month)) continue;
            var instant = new LocalDateTime(month.Year, month.Month, stamp.Day, stamp.Hour, stamp.Minute).InUtc().ToInstant();
            var distance = Abs(instant - receivedAt);
            if (distance < bestDistance) (best, bestDistance) = (instant, distance);
        }
        return best;
    }

    static int MaxDay(int month) => month == 2 ? 29 : CalendarSystem.Iso.GetDaysInMonth(2000, month);

    static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;
}
