using System.Text.Json.Serialization;
using Logistics.Host.ShipmentReports;
using NodaTime;

namespace Logistics.Host.Shipments;

/// <summary>The newest estimate of one carrier for one leg (<see cref="LegId"/> null when no leg of the shipment is that carrier's).</summary>
public sealed record CarrierEta(string Carrier, string? LegId, Instant At, string Classifier, string Code, Instant IssuedAt, string EventId)
{
    /// <summary>What the estimate is kept and notified under: the leg, else the carrier.</summary>
    [JsonIgnore]
    public string Key => LegId ?? "carrier:" + Carrier;
}

/// <summary>The shipment's estimates: the newest per (carrier, leg), in leg order, and the one <c>eta</c> shows.</summary>
public sealed record ShipmentEtas(IReadOnlyList<CarrierEta> ByLeg, CarrierEta? Final, TimelineEntry? FinalEntry);

/// <summary>
/// Which leg an estimate is about, the way <see cref="ShipmentLegs"/> attributes custody: its carrier is the milestone's own,
/// else the custodian of the one registered leg whose mode is the adapter's family (DCSA names no carrier); its leg is that
/// carrier's derived custody period in which it was received (the latest that started by then, else its first), else the
/// first registered leg with that custodian, else none. Per (carrier, leg) the newest estimate is kept
/// (<see cref="ShipmentEta.Newest"/>). <c>eta</c> is the estimate of the last leg, in the shipment's leg order, that has one
/// (the final destination as far as any carrier has estimated it); with no leg known, the newest estimate of all.
/// </summary>
public sealed class LegEtas(ShipmentLegs legs)
{
    public ShipmentEtas For(ShipmentRecord record, IReadOnlyList<TimelineEntry> timeline)
    {
        var milestones = ShipmentEta.Milestones(timeline);
        var estimates = milestones.Where(ShipmentEta.IsEstimate).ToList();
        if (estimates.Count == 0) return new ShipmentEtas([], null, null);
        var derived = legs.Derive(record, timeline);
        var order = LegOrder(record.Legs, derived);

        var newest = estimates
            .Select(e =>
            {
                var carrier = legs.Custodian(e, record.Legs) ?? ShipmentEta.Source(e);
                return (Entry: e, Carrier: carrier, LegId: LegOf(carrier, e.ReceivedAt, record.Legs, derived));
            })
            .GroupBy(x => (Carrier: x.Carrier.ToUpperInvariant(), x.LegId))
            .Select(g =>
            {
                var entry = ShipmentEta.Newest(g.Select(x => x.Entry))!;
                var first = g.First(x => x.Entry == entry);
                return (Eta: new CarrierEta(first.Carrier, first.LegId, entry.At, entry.Classifier!, entry.Code!, entry.ReceivedAt, entry.EventId), Entry: entry);
            })
            .OrderBy(x => x.Eta.LegId is { } id ? order.IndexOf(id) : int.MaxValue).ThenBy(x => x.Eta.At).ThenBy(x => x.Eta.EventId, StringComparer.Ordinal)
            .ToList();

        var legged = newest.Where(x => x.Eta.LegId is not null).ToList();
        var final = legged.Count > 0
            ? legged[^1]
            : newest.OrderByDescending(x => x.Entry.ReceivedAt).ThenByDescending(x => x.Entry.At).ThenBy(x => x.Entry.EventId, StringComparer.Ordinal).First();
        return new ShipmentEtas(newest.Select(x => x.Eta).ToList(), final.Eta, final.Entry);
    }

    static string? LegOf(string carrier, Instant receivedAt, IReadOnlyList<LegSpec> registered, IReadOnlyList<LegInput> derived)
    {
        var custody = derived.Where(l => ShipmentLegs.Same(l.Custodian, carrier)).ToList();
        if (custody.Count > 0) return (custody.LastOrDefault(l => l.Start <= receivedAt) ?? custody[0]).Id;
        return registered.FirstOrDefault(l => ShipmentLegs.Same(l.Custodian, carrier))?.Id;
    }

    /// <summary>
    /// The derived legs in custody order, with each registered leg not derived yet placed right after the registered leg
    /// before it (or first): registered <c>[truck, ocean]</c> with only <c>ocean</c> under way is <c>[truck, ocean]</c>.
    /// </summary>
    static List<string> LegOrder(IReadOnlyList<LegSpec> registered, IReadOnlyList<LegInput> derived)
    {
        var order = derived.Select(l => l.Id).Distinct(StringComparer.Ordinal).ToList();
        string? previous = null;
        foreach (var leg in registered)
        {
            if (!order.Contains(leg.Id))
                order.Insert(previous is null ? 0 : order.IndexOf(previous) + 1, leg.Id);
            previous = leg.Id;
        }
        return order;
    }
}
