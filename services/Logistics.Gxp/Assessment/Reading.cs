using NodaTime;

namespace Logistics.Gxp.Assessment;

/// <summary>One temperature reading of one logger, as received (duplicates and any order allowed).</summary>
public readonly record struct Reading(string DeviceId, Instant Time, double Celsius);

/// <summary>
/// A leg of the shipment: in force from <paramref name="Start"/> until <paramref name="End"/> (exclusive), or, without an
/// end, until the next leg starts. Between one leg's end and the next one's start no leg is in force (no custodian).
/// </summary>
public sealed record Leg(string Id, string? Custodian, Instant Start, Instant? End = null, string? Mode = null);

/// <summary>
/// What the report says about the shipment, beyond the readings: references, legs with custodians, and the
/// stability budget already consumed by the lot before this record (carried across legs and shipments).
/// </summary>
public sealed record ShipmentInfo(
    string? Reference = null,
    string? Shipper = null,
    string? Consignee = null,
    string? Product = null,
    string? Lot = null,
    string? LabelledCondition = null,
    IReadOnlyList<Leg>? Legs = null,
    IReadOnlyDictionary<string, double>? StabilityConsumedMinutes = null)
{
    /// <summary>Legs ordered by start (empty when none were given).</summary>
    public IReadOnlyList<Leg> OrderedLegs { get; } = (Legs ?? []).OrderBy(l => l.Start).ThenBy(l => l.Id, StringComparer.Ordinal).ToArray();

    /// <summary>The leg in force at <paramref name="instant"/>, or null before the first leg and between legs.</summary>
    public Leg? LegAt(Instant instant)
    {
        Leg? found = null;
        foreach (var leg in OrderedLegs)
        {
            if (leg.Start > instant) break;
            found = leg;
        }
        return found?.End is { } end && instant >= end ? null : found;
    }

    /// <summary>Where leg <paramref name="index"/> of <see cref="OrderedLegs"/> stops: its end, else the next leg's start (null: open).</summary>
    public Instant? LegStop(int index) =>
        OrderedLegs[index].End is { } end ? end : index + 1 < OrderedLegs.Count ? OrderedLegs[index + 1].Start : null;

    /// <summary>Minutes of <paramref name="bandId"/> consumed before this record (0 when not given).</summary>
    public double PriorConsumption(string bandId) =>
        StabilityConsumedMinutes is not null && StabilityConsumedMinutes.TryGetValue(bandId, out var m) ? m : 0;
}
