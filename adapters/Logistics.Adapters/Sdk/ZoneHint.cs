using Logistics.Canonical.Time;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// Where a local time without zone was observed, for CANONICAL.md's zone rule: the zone of the UN/LOCODE, else of the
/// IATA airport, else of the US/Canadian city and state (bundled table), else of the country when it has a single zone
/// (ISO 3166 alpha-2; NodaTime TZDB) — <c>inferred</c>; no usable place — UTC, <c>assumed-utc</c>.
/// </summary>
public readonly record struct ZoneHint(string? Unlocode = null, string? Iata = null, string? City = null, string? Region = null, string? Country = null)
{
    public static readonly ZoneHint None = default;

    /// <summary>The zone this place is in, if any rule gives one.</summary>
    public DateTimeZone? Zone()
    {
        if (LocationZones.TryGetZone(Unlocode, out var zone) || LocationZones.TryGetZone(Iata, out zone)) return zone;
        if (Region is not null && Country is null or "US" or "USA" or "CA" or "CAN" && LocationZones.TryGetZoneForRegion(City, Region, out zone)) return zone;
        return LocationZones.TryGetZoneForCountry(Country, out zone) ? zone : null;
    }

    /// <summary>A local time resolved at this place (inferred), or taken as UTC (assumed-utc).</summary>
    public ResolvedTime Resolve(LocalDateTime local) => Zone() is { } zone ? ResolvedTime.InZone(local, zone) : ResolvedTime.AssumedUtc(local);
}

/// <summary>Source times in ISO-8601 / RFC 3339, with or without an offset.</summary>
public static class SourceTime
{
    static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.ExtendedIso;
    static readonly LocalDateTimePattern Local = LocalDateTimePattern.ExtendedIso;

    /// <summary>
    /// An RFC 3339 / ISO-8601 date-time that carries its offset (<c>Z</c> included) → <c>explicit</c>; false without one,
    /// for sources whose times are defined to carry an offset (network servers' receive times).
    /// </summary>
    public static bool TryParseExplicit(string text, out ResolvedTime time)
    {
        var parsed = WithOffset.Parse(text);
        time = parsed.Success ? ResolvedTime.Explicit(parsed.Value) : default;
        return parsed.Success;
    }

    /// <summary>
    /// An ISO-8601 date-time: with an offset (or <c>Z</c>) it is <c>explicit</c>; without one it is a local time resolved by
    /// <paramref name="place"/>. Null when the text is not an ISO-8601 date-time.
    /// </summary>
    public static ResolvedTime? ParseIso(string text, ZoneHint place)
    {
        var trimmed = text.Trim();
        var explicitTime = WithOffset.Parse(trimmed);
        if (explicitTime.Success) return ResolvedTime.Explicit(explicitTime.Value);
        var local = Local.Parse(trimmed);
        return local.Success ? place.Resolve(local.Value) : null;
    }
}
