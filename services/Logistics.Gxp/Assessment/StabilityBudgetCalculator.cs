using Logistics.Gxp.Profiles;
using NodaTime;

namespace Logistics.Gxp.Assessment;

/// <summary>
/// Stability budget: time each logger's held values spend in a band, split by leg, added to what the lot consumed
/// before (carried by lot). The budget is exceeded when prior + consumed time is strictly greater than allowed.
/// </summary>
internal static class StabilityBudgetCalculator
{
    public sealed record DeviceUse(string DeviceId, long ConsumedTicks, IReadOnlyList<LegMinutes> ByLeg, Alarm? Alarm);

    public static DeviceUse Consume(LoggerSeries s, StabilityBand band, ShipmentInfo? shipment)
    {
        var prior = SeriesBuilder.MinutesToTicks(shipment?.PriorConsumption(band.Id) ?? 0);
        var allowed = SeriesBuilder.MinutesToTicks(band.AllowedMinutes);
        var legs = shipment?.OrderedLegs ?? [];
        var byLeg = new long[legs.Count + 1]; // [0]: outside every leg (before the first, between legs)
        long consumed = 0;
        long? triggeredAt = null;
        for (var i = s.FirstAssessed; i < s.EndAssessed; i++)
        {
            if (!band.Contains(s.Celsius[i])) continue;
            var start = s.Ticks[i];
            var end = s.AssessedHeldEnd(i);
            if (triggeredAt is null && prior + consumed + (end - start) > allowed)
                triggeredAt = start + Math.Max(0, allowed - prior - consumed);
            consumed += end - start;
            SplitByLeg(shipment, start, end, byLeg);
        }

        var rows = new List<LegMinutes>();
        for (var l = 0; l < byLeg.Length; l++)
        {
            if (l > 0 || byLeg[0] > 0)
                rows.Add(new LegMinutes(l == 0 ? null : legs[l - 1].Id, l == 0 ? null : legs[l - 1].Custodian, byLeg[l] / (double)SeriesBuilder.TicksPerMinute));
        }
        Alarm? alarm = null;
        if (triggeredAt is { } at)
        {
            var instant = Instant.FromUnixTimeTicks(at);
            var leg = shipment?.LegAt(instant);
            alarm = new Alarm(s.DeviceId, band.Id, "stability-budget", Severity.Alarm, band.AllowedMinutes, instant, 1,
                $"stability budget {band.Id} ({band.AllowedMinutes} min) used up", leg?.Id, leg?.Custodian);
        }
        return new DeviceUse(s.DeviceId, consumed, rows, alarm);
    }

    /// <summary>The shipment's use of a band: the logger that consumed most (the worst position in the load).</summary>
    public static BudgetUse Summarize(StabilityBand band, ShipmentInfo? shipment, IReadOnlyList<DeviceUse> uses)
    {
        var worst = uses.OrderByDescending(u => u.ConsumedTicks).ThenBy(u => u.DeviceId, StringComparer.Ordinal).FirstOrDefault();
        var prior = shipment?.PriorConsumption(band.Id) ?? 0;
        var consumed = (worst?.ConsumedTicks ?? 0) / (double)SeriesBuilder.TicksPerMinute;
        var remaining = band.AllowedMinutes - prior - consumed;
        return new BudgetUse(band.Id, band.AllowedMinutes, prior, consumed, remaining, remaining < 0,
            worst?.DeviceId, worst?.ByLeg ?? []);
    }

    /// <summary>Adds [start, end) to the legs it overlaps; time in no leg goes to slot 0.</summary>
    static void SplitByLeg(ShipmentInfo? shipment, long start, long end, long[] byLeg)
    {
        var legs = shipment?.OrderedLegs ?? [];
        var inLegs = 0L;
        for (var l = 0; l < legs.Count; l++)
        {
            var from = Math.Max(start, legs[l].Start.ToUnixTimeTicks());
            var to = Math.Min(end, shipment!.LegStop(l)?.ToUnixTimeTicks() ?? long.MaxValue);
            if (to <= from) continue;
            byLeg[l + 1] += to - from;
            inLegs += to - from;
        }
        byLeg[0] += end - start - inLegs;
    }
}
