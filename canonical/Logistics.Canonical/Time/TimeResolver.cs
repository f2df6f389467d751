using NodaTime;

namespace Logistics.Canonical.Time;

/// <summary>
/// Resolves a source's local time without zone (CANONICAL.md, time resolution): the zone comes from the event's
/// location (UN/LOCODE, IATA airport, US/CA city and state) and the offset is <c>inferred</c>; with no usable
/// location the time is taken as UTC and marked <c>assumed-utc</c>. Gaps and overlaps follow <see cref="ResolvedTime.InZone"/>.
/// </summary>
public static class TimeResolver
{
    /// <summary>
    /// Resolves <paramref name="local"/> at a UN/LOCODE (tried first, it is the more precise) or an IATA airport code.
    /// Unknown or missing codes give <see cref="ResolvedTime.AssumedUtc"/>.
    /// </summary>
    public static ResolvedTime ResolveLocal(LocalDateTime local, string? unlocode, string? iataAirport)
    {
        if (LocationZones.TryGetZone(unlocode, out var zone) || LocationZones.TryGetZone(iataAirport, out zone))
            return ResolvedTime.InZone(local, zone);
        return ResolvedTime.AssumedUtc(local);
    }

    /// <summary>Resolves <paramref name="local"/> at a US or Canadian city and state/province (X12 214 N4); otherwise as UTC.</summary>
    public static ResolvedTime ResolveLocalInRegion(LocalDateTime local, string? city, string? stateOrProvince) =>
        LocationZones.TryGetZoneForRegion(city, stateOrProvince, out var zone)
            ? ResolvedTime.InZone(local, zone)
            : ResolvedTime.AssumedUtc(local);
}
