using System.Globalization;
using System.Text.RegularExpressions;
using Logistics.Canonical.Time;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Sdk.Mapping;

/// <summary>
/// Source times in a mapping's formats (<see cref="TimeFormat"/>). A time with an offset (ISO with one, a pattern with
/// an offset field, a Microsoft JSON date with one) is <c>explicit</c>; Unix times are UTC, explicit. A local time takes
/// its offset from the time's offset field if the mapping names one (explicit), else the zone the carrier documents
/// (inferred), else the event's place by CANONICAL.md's zone rule (inferred), else UTC (assumed-utc).
/// </summary>
static partial class MappingTime
{
    static readonly OffsetPattern[] Offsets =
    [
        OffsetPattern.CreateWithInvariantCulture("+HH:mm"), OffsetPattern.CreateWithInvariantCulture("+HHmm"),
        OffsetPattern.CreateWithInvariantCulture("+HH"), OffsetPattern.CreateWithInvariantCulture("g"),
    ];

    // Unix seconds within years 1..9999 (Instant's range, with room for milliseconds).
    const double MaxUnixSeconds = 253_402_300_799;
    const double MinUnixSeconds = -62_135_596_800;

    [GeneratedRegex(@"^/Date\((-?\d{1,15})([+-]\d{4})?\)/$")]
    private static partial Regex MicrosoftJsonDate();

    /// <summary>The resolved time in the first of the spec's formats that reads <paramref name="text"/>, or null (the caller rejects it).</summary>
    public static ResolvedTime? Parse(TimeSpec spec, string text, Offset? offset, ZoneHint place)
    {
        foreach (var format in spec.Formats)
            if (Parse(format, spec, text, offset, place) is { } resolved)
                return resolved;
        return null;
    }

    static ResolvedTime? Parse(TimeFormatSpec format, TimeSpec spec, string text, Offset? offset, ZoneHint place)
    {
        switch (format.Format)
        {
            case TimeFormat.Iso:
                var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(text);
                if (withOffset.Success) return ResolvedTime.Explicit(withOffset.Value);
                var local = LocalDateTimePattern.ExtendedIso.Parse(text);
                return local.Success ? Local(local.Value, spec, offset, place) : null;
            case TimeFormat.Pattern when format.OffsetPattern is { } offsetPattern:
                var parsed = offsetPattern.Parse(text);
                return parsed.Success ? ResolvedTime.Explicit(parsed.Value) : null;
            case TimeFormat.Pattern:
                var l = format.LocalPattern!.Parse(text);
                return l.Success ? Local(l.Value, spec, offset, place) : null;
            case TimeFormat.UnixSeconds or TimeFormat.UnixMilliseconds:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return null;
                var seconds = format.Format == TimeFormat.UnixSeconds ? n : n / 1000;
                if (!(seconds is >= MinUnixSeconds and <= MaxUnixSeconds)) return null;
                return ResolvedTime.ExplicitUtc(Instant.FromUnixTimeTicks((long)Math.Round(seconds * NodaConstants.TicksPerSecond)));
            default:
                var m = MicrosoftJsonDate().Match(text);
                if (!m.Success) return null;
                var ms = long.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                if (!(ms / 1000.0 is >= MinUnixSeconds and <= MaxUnixSeconds)) return null;
                var instant = Instant.FromUnixTimeMilliseconds(ms);
                if (!m.Groups[2].Success) return ResolvedTime.ExplicitUtc(instant);
                return TryOffset(m.Groups[2].Value, out var written) ? ResolvedTime.Explicit(instant.WithOffset(written)) : null;
        }
    }

    static ResolvedTime? Local(LocalDateTime local, TimeSpec spec, Offset? offset, ZoneHint place)
    {
        if (offset is { } written) return ResolvedTime.Explicit(local.WithOffset(written));
        if (spec.Zone is { } zone) return ResolvedTime.InZone(local, zone);
        return place.Resolve(local);
    }

    /// <summary>An offset as sources write them: <c>+01:00</c>, <c>-0500</c>, <c>+05</c>, <c>Z</c>.</summary>
    public static bool TryOffset(string text, out Offset offset)
    {
        offset = default;
        var s = text.Trim();
        if (s is "Z" or "z")
        {
            offset = Offset.Zero;
            return true;
        }
        foreach (var pattern in Offsets)
        {
            var r = pattern.Parse(s);
            if (r.Success)
            {
                offset = r.Value;
                return true;
            }
        }
        return false;
    }
}
