using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Canonical.Time;

/// <summary>A source time resolved to (UTC instant, the offset the source used, where that offset came from).</summary>
public readonly record struct ResolvedTime(Instant Utc, Offset Offset, OffsetSource Source)
{
    /// <summary>The source wrote an offset (or 'Z').</summary>
    public static ResolvedTime Explicit(OffsetDateTime time) => new(time.ToInstant(), time.Offset, OffsetSource.Explicit);

    /// <summary>The source gives UTC by definition (Unix epoch seconds, ISO time with 'Z').</summary>
    public static ResolvedTime ExplicitUtc(Instant instant) => new(instant, Offset.Zero, OffsetSource.Explicit);

    /// <summary>Local time with no zone and no place to infer one from: taken as UTC, and marked so.</summary>
    public static ResolvedTime AssumedUtc(LocalDateTime local) => new(local.InUtc().ToInstant(), Offset.Zero, OffsetSource.AssumedUtc);

    /// <summary>Local time in a known zone (inferred from a UN/LOCODE or airport); ambiguous times take the earlier offset.</summary>
    public static ResolvedTime InZone(LocalDateTime local, DateTimeZone zone)
    {
        var zoned = local.InZoneLeniently(zone);
        return new ResolvedTime(zoned.ToInstant(), zoned.Offset, OffsetSource.Inferred);
    }
}
