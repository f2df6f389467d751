using NodaTime;

namespace Logistics.Gxp.Assessment;

/// <summary>One temperature reading of one logger, as received (duplicates and any order allowed).</summary>
public readonly record struct Reading(string DeviceId, Instant Time, double Celsius);

/// <summary>A leg of the shipment: from <paramref name="Start"/> until the next leg starts.</summary>
public sealed record Leg(string Id, string? Custodian, Instant Start);

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

    /// <summary>The leg in force at <paramref name="instant"/>, or null before the first leg.</summary>
    public Leg? LegAt(Instant instant)
    {
        Leg? found = null;
        foreach (var leg in OrderedLegs)
        {
            if (leg.Start > instant) break;
            found = leg;
        }
        return found;
    }

    /// <summary>Minutes of <paramref name="bandId"/> consumed before this record (0 when not given).</summary>
    public double PriorConsumption(string bandId) =>
        StabilityConsumedMinutes is not null && StabilityConsumedMinutes.TryGetValue(bandId, out var m) ? m : 0;
}
