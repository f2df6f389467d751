using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Host.Shipments;

namespace Logistics.Host.ShipmentReports;

/// <summary>
/// Who held the goods when: legs derived from the shipment's actual milestones and matched to its registered legs
/// (docs/gxp-on-shipments.md).
/// <list type="bullet">
/// <item>A <c>LOADED</c> or <c>DEPARTED</c> by a carrier starts its custody; <c>ARRIVED</c>, <c>UNLOADED</c> or <c>DELIVERED</c> ends
/// it. Only actual (ACT) milestones count; retracted ones do not.</item>
/// <item>The carrier is the milestone's own (an X12 214's SCAC); a source that names none (DCSA events) is attributed to the
/// registered leg whose mode is the adapter's family (<c>dcsa-tnt</c> → <c>ocean</c>), when exactly one leg has it.</item>
/// <item>Custody of one carrier that ends and starts again with nobody else in between (a transhipment) is one leg.</item>
/// <item>A custody period takes the id and mode of the first registered leg of that custodian not used yet; otherwise it is
/// named after its position (<c>leg-2</c>).</item>
/// </list>
/// </summary>
public sealed class ShipmentLegs(ShipmentTimeline timelines, AdapterRegistry adapters)
{
    static readonly HashSet<string> Starts = new(StringComparer.Ordinal) { MilestoneCodes.Loaded, MilestoneCodes.Departed };
    static readonly HashSet<string> Ends = new(StringComparer.Ordinal) { MilestoneCodes.Arrived, MilestoneCodes.Unloaded, MilestoneCodes.Delivered };

    public async Task<IReadOnlyList<LegInput>> DeriveAsync(string tenantId, ShipmentRecord record, CancellationToken ct) =>
        Derive(record, await timelines.ReadAsync(tenantId, record.ShipmentId, ct));

    public IReadOnlyList<LegInput> Derive(ShipmentRecord record, IReadOnlyList<TimelineEntry> timeline)
    {
        var retracted = timeline.Where(e => e.Kind == "retraction" && e.SourceEventId is not null).Select(e => e.SourceEventId!).ToHashSet(StringComparer.Ordinal);
        var milestones = timeline
            .Where(e => e.Kind == "milestone" && e.Classifier == nameof(TimeClassifier.ACT) && e.Code is not null
                        && (Starts.Contains(e.Code) || Ends.Contains(e.Code))
                        && (e.SourceEventId is null || !retracted.Contains(e.SourceEventId)))
            .OrderBy(e => e.At).ThenBy(e => e.EventId, StringComparer.Ordinal);

        var periods = new List<Period>();
        foreach (var m in milestones)
        {
            var custodian = Custodian(m, record.Legs);
            var last = periods.Count > 0 ? periods[^1] : null;
            var open = last is { End: null };
            if (Starts.Contains(m.Code!))
            {
                if (custodian is null) continue; // custody of nobody we can name: nothing to attribute
                if (open && Same(last!.Custodian, custodian)) continue; // LOADED, then DEPARTED, by the same carrier
                if (open) last!.End = m.At; // another carrier takes over
                else if (last is not null && Same(last.Custodian, custodian)) { last.End = null; continue; } // the same carrier again: a transhipment
                periods.Add(new Period(custodian, m.At));
            }
            else if (open && (custodian is null || Same(last!.Custodian, custodian)) && m.At > last!.Start)
                last.End = m.At;
        }

        var used = new HashSet<int>();
        var legs = new List<LegInput>();
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            var match = Enumerable.Range(0, record.Legs.Count).FirstOrDefault(j => !used.Contains(j) && Same(record.Legs[j].Custodian, p.Custodian), -1);
            if (match >= 0) used.Add(match);
            var registered = match >= 0 ? record.Legs[match] : null;
            legs.Add(new LegInput(registered?.Id ?? $"leg-{i + 1}", registered?.Custodian ?? p.Custodian, registered?.Mode, p.Start, p.End));
        }
        return legs;
    }

    sealed class Period(string custodian, NodaTime.Instant start)
    {
        public string Custodian { get; } = custodian;
        public NodaTime.Instant Start { get; } = start;
        public NodaTime.Instant? End { get; set; }
    }

    /// <summary>The milestone's carrier, else the custodian of the one registered leg whose mode is the adapter's family.</summary>
    public string? Custodian(TimelineEntry m, IReadOnlyList<LegSpec> registered)
    {
        if (!string.IsNullOrWhiteSpace(m.Carrier)) return m.Carrier.Trim();
        if (m.Adapter is null || !adapters.TryGetAdapter(m.Adapter, out var adapter)) return null;
        var byMode = registered.Where(l => string.Equals(l.Mode, adapter.Info.Family, StringComparison.OrdinalIgnoreCase) && l.Custodian is not null).ToList();
        return byMode.Count == 1 ? byMode[0].Custodian : null;
    }

    public static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
