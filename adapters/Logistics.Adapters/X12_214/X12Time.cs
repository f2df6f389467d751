using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.X12_214;

/// <summary>
/// AT705/AT706/AT707: a local date and time, and the X12 time code (element 623) saying which clock it was read on.
/// The code is honoured as written (explicit): UT/GM are UTC, daylight/standard variants (ED, CS, …) are fixed
/// offsets, generic zones (ET, CT, …) follow that zone's rules on that date. LT (local time) and no code mean the
/// clock of the status location: inferred from MS1 city/state, else taken as UTC.
/// </summary>
static class X12Time
{
    static readonly Dictionary<string, int> FixedOffsetMinutes = new(StringComparer.Ordinal)
    {
        ["UT"] = 0, ["GM"] = 0,
        ["ED"] = -4 * 60, ["ES"] = -5 * 60, ["CD"] = -5 * 60, ["CS"] = -6 * 60,
        ["MD"] = -6 * 60, ["MS"] = -7 * 60, ["PD"] = -7 * 60, ["PS"] = -8 * 60,
        ["AD"] = -8 * 60, ["AS"] = -9 * 60, ["HD"] = -9 * 60, ["HS"] = -10 * 60,
        ["TD"] = -3 * 60, ["TS"] = -4 * 60, ["ND"] = -150, ["NS"] = -210,
    };

    static readonly Dictionary<string, string> GenericZones = new(StringComparer.Ordinal)
    {
        ["ET"] = "America/New_York", ["CT"] = "America/Chicago", ["MT"] = "America/Denver", ["PT"] = "America/Los_Angeles",
        ["AT"] = "America/Anchorage", ["HT"] = "Pacific/Honolulu", ["TT"] = "America/Halifax", ["NT"] = "America/St_Johns",
    };

    /// <summary>CCYYMMDD (004010 and later) or YYMMDD (003xxx); null when it is neither.</summary>
    public static LocalDate? ParseDate(string s)
    {
        if (!AllDigits(s)) return null;
        int year, month, day;
        if (s.Length == 8) (year, month, day) = (Num(s, 0, 4), Num(s, 4, 2), Num(s, 6, 2));
        else if (s.Length == 6) (year, month, day) = (2000 + Num(s, 0, 2), Num(s, 2, 2), Num(s, 4, 2));
        else return null;
        if (s.Length == 6 && year >= 2070) year -= 100; // a two-digit year: 70-99 are the 1900s
        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return null;
        return new LocalDate(year, month, day);
    }

    /// <summary>HHMM, HHMMSS or HHMMSSD.. (decimal seconds dropped); null otherwise.</summary>
    public static LocalTime? ParseTime(string s)
    {
        if (!AllDigits(s) || s.Length is not (4 or >= 6 and <= 8)) return null;
        var (hour, minute) = (Num(s, 0, 2), Num(s, 2, 2));
        var second = s.Length >= 6 ? Num(s, 4, 2) : 0;
        if (hour > 23 || minute > 59 || second > 59) return null;
        return new LocalTime(hour, minute, second);
    }

    public static bool IsKnownCode(string code) =>
        code is "" or "LT" || FixedOffsetMinutes.ContainsKey(code) || GenericZones.ContainsKey(code) || IsUtcOffsetCode(code);

    /// <summary>Resolves a local time with its AT707 code; <paramref name="localZone"/> is the zone of the status location, if known.</summary>
    public static ResolvedTime Resolve(LocalDateTime local, string code, DateTimeZone? localZone)
    {
        if (FixedOffsetMinutes.TryGetValue(code, out var minutes))
            return ResolvedTime.Explicit(local.WithOffset(Offset.FromSeconds(minutes * 60)));
        if (IsUtcOffsetCode(code))
        {
            var hours = Num(code, 1, 2) * (code[0] == 'P' ? 1 : -1);
            return ResolvedTime.Explicit(local.WithOffset(Offset.FromHours(hours)));
        }
        if (GenericZones.TryGetValue(code, out var zoneId))
        {
            // The sender named the zone: the offset is the zone's on that date, and it is explicit, not inferred.
            var zoned = local.InZoneLeniently(DateTimeZoneProviders.Tzdb[zoneId]);
            return new ResolvedTime(zoned.ToInstant(), zoned.Offset, OffsetSource.Explicit);
        }
        return localZone is null ? ResolvedTime.AssumedUtc(local) : ResolvedTime.InZone(local, localZone);
    }

    /// <summary>Codes 623 "P01".."P14" / "M01".."M12": hours ahead of / behind UTC.</summary>
    static bool IsUtcOffsetCode(string code) =>
        code.Length == 3 && code[0] is 'P' or 'M' && AllDigits(code.AsSpan(1)) && Num(code, 1, 2) is var h && h <= (code[0] == 'P' ? 14 : 12);

    static bool AllDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExcept("0123456789");

    static int Num(string s, int start, int length) => int.Parse(s.AsSpan(start, length), provider: System.Globalization.CultureInfo.InvariantCulture);
}
