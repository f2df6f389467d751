using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.EdifactIftsta;

/// <summary>
/// A DTM date/time/period (C507: 2005 qualifier, 2380 value, 2379 format). Formats 102 (CCYYMMDD), 203 (CCYYMMDDHHMM)
/// and 204 (…SS) have no zone: local at the place, by CANONICAL.md's rule. 205 (CCYYMMDDHHMM±HHMM) and 303/304 with a
/// time zone of UTC/GMT or a numeric offset (±HH or ±HHMM) are explicit. Without a format the value's length decides.
/// </summary>
static class IftstaTime
{
    public static (ResolvedTime Time, bool DateOnly) Read(EdifactSegment dtm, ZoneHint place)
    {
        if (dtm.ElementCount > 1)
            throw new EdifactInputException(dtm.PositionOf(2), "no second element in DTM (a + inside a date, as in +0100, is written ?+)", EdifactSegment.Found(dtm[2]));
        var value = dtm[1, 2];
        var format = dtm[1, 3];
        if (format.Length == 0) format = value.Length switch { 8 => "102", 12 => "203", 14 => "204", _ => "" };
        switch (format)
        {
            case "102":
                return (place.Resolve(Date(dtm, value, 0).AtMidnight()), true);
            case "203" or "204":
                return (place.Resolve(DateTime(dtm, value, format == "204", format)), false);
            case "205":
            {
                var local = DateTime(dtm, value.Length > 12 ? value[..12] : value, false, format);
                if (value.Length != 17 || Offset(value.AsSpan(12)) is not { } offset) throw Bad(dtm, format);
                return (ResolvedTime.Explicit(local.WithOffset(offset)), false);
            }
            case "303" or "304":
            {
                var digits = format == "303" ? 12 : 14;
                if (value.Length <= digits) throw Bad(dtm, format);
                var local = DateTime(dtm, value[..digits], format == "304", format);
                var zone = value[digits..];
                var offset = zone is "UTC" or "GMT" or "Z" ? NodaTime.Offset.Zero : Offset(zone);
                if (offset is null) throw Bad(dtm, format);
                return (ResolvedTime.Explicit(local.WithOffset(offset.Value)), false);
            }
            default:
                throw new EdifactInputException(dtm.PositionOf(1, 3), "a date/time format 102, 203, 204, 205, 303 or 304", EdifactSegment.Found(dtm[1, 3]));
        }
    }

    static LocalDate Date(EdifactSegment dtm, string value, int at)
    {
        if (value.Length < at + 8 || !Digits(value.AsSpan(at, 8))) throw Bad(dtm, "102");
        int year = Num(value, at, 4), month = Num(value, at + 4, 2), day = Num(value, at + 6, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) throw Bad(dtm, "102");
        return new LocalDate(year, month, day);
    }

    static LocalDateTime DateTime(EdifactSegment dtm, string value, bool seconds, string format)
    {
        var length = seconds ? 14 : 12;
        if (value.Length != length || !Digits(value)) throw Bad(dtm, format);
        var date = Date(dtm, value, 0);
        int hour = Num(value, 8, 2), minute = Num(value, 10, 2), second = seconds ? Num(value, 12, 2) : 0;
        // 2400 is how some senders write the end of a day.
        if (hour == 24 && minute == 0 && second == 0) return date.PlusDays(1).AtMidnight();
        if (hour > 23 || minute > 59 || second > 59) throw Bad(dtm, format);
        return date.At(new LocalTime(hour, minute, second));
    }

    /// <summary>±HH or ±HHMM; null otherwise.</summary>
    static Offset? Offset(ReadOnlySpan<char> s)
    {
        if (s.Length is not (3 or 5) || s[0] is not ('+' or '-') || !Digits(s[1..])) return null;
        var hours = Num(s, 1, 2);
        var minutes = s.Length == 5 ? Num(s, 3, 2) : 0;
        if (hours > 14 || minutes > 59) return null;
        var total = hours * 3600 + minutes * 60;
        return NodaTime.Offset.FromSeconds(s[0] == '-' ? -total : total);
    }

    static EdifactInputException Bad(EdifactSegment dtm, string format) =>
        new(dtm.PositionOf(1, 2), format switch
        {
            "102" => "a date CCYYMMDD (format 102)",
            "203" => "a date and time CCYYMMDDHHMM (format 203)",
            "204" => "a date and time CCYYMMDDHHMMSS (format 204)",
            "205" => "a date, time and offset CCYYMMDDHHMM+HHMM (format 205)",
            _ => $"a date, time and zone (format {format}, zone UTC, GMT or ±HH[MM])",
        }, EdifactSegment.Found(dtm[1, 2]));

    static bool Digits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExcept("0123456789");

    static int Num(ReadOnlySpan<char> s, int at, int length) => int.Parse(s.Slice(at, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
