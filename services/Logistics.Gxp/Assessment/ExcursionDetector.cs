using Logistics.Gxp.Profiles;
using NodaTime;

namespace Logistics.Gxp.Assessment;

/// <summary>
/// Excursions and the alarm of one zone for one logger. An excursion is a maximal run of out-of-range readings
/// whose held times touch; it ends at the first reading back in range, at a gap start, or where the held time of
/// its last reading ends (end of record or of the assessed period). Times are compared in exact ticks so that
/// "exactly as long as the delay" is never decided by rounding.
/// </summary>
internal static class ExcursionDetector
{
    public sealed record Result(IReadOnlyList<Excursion> Excursions, ZoneTime Time, Alarm? Alarm);

    public static Result Detect(LoggerSeries s, ExcursionZone zone, ShipmentInfo? shipment)
    {
        var excursions = new List<Excursion>();
        var delay = SeriesBuilder.MinutesToTicks(zone.DelayMinutes);
        var values = s.Celsius;
        var ticks = s.Ticks;
        long cumulative = 0;
        long? triggeredAt = null;
        var occurrences = 0;
        string? detail = null;

        for (var i = s.FirstAssessed; i < s.EndAssessed; i++)
        {
            if (!zone.IsOutOfRange(values[i])) continue;
            var start = i;
            var peak = i;
            double degreeMinutes = 0;
            var triggeredInside = false;
            for (; ; i++)
            {
                var held = s.AssessedHeldEnd(i) - ticks[i];
                if (zone.Mode == ZoneMode.Cumulative && triggeredAt is null && cumulative + held > delay)
                {
                    triggeredAt = ticks[i] + (delay - cumulative);
                    triggeredInside = true;
                    occurrences = 1;
                    detail = $"cumulative time {Direction(zone)} {zone.LimitCelsius} °C exceeded {zone.DelayMinutes} min";
                }
                cumulative += held;
                degreeMinutes += Math.Abs(values[i] - zone.LimitCelsius) * held / SeriesBuilder.TicksPerMinute;
                if (zone.Direction == ZoneDirection.Above ? values[i] > values[peak] : values[i] < values[peak]) peak = i;
                var continues = i + 1 < s.EndAssessed && s.AssessedHeldEnd(i) == ticks[i + 1] && zone.IsOutOfRange(values[i + 1]);
                if (!continues) break;
            }

            var startTicks = ticks[start];
            var endTicks = s.AssessedHeldEnd(i);
            var exceeds = zone.Mode == ZoneMode.Single ? endTicks - startTicks > delay : triggeredInside || triggeredAt < startTicks;
            if (zone.Mode == ZoneMode.Single && exceeds)
            {
                occurrences++;
                if (triggeredAt is null)
                {
                    triggeredAt = startTicks + delay;
                    detail = $"excursion {Direction(zone)} {zone.LimitCelsius} °C longer than {zone.DelayMinutes} min";
                }
            }
            var leg = shipment?.LegAt(Instant.FromUnixTimeTicks(startTicks));
            excursions.Add(new Excursion(s.DeviceId, zone.Id, zone.Direction, zone.LimitCelsius,
                Instant.FromUnixTimeTicks(startTicks), Instant.FromUnixTimeTicks(endTicks),
                (endTicks - startTicks) / (double)SeriesBuilder.TicksPerMinute, values[peak], s.TimeAt(peak), degreeMinutes,
                i - start + 1, EndReason(s, i), exceeds, leg?.Id, leg?.Custodian));
        }

        var time = new ZoneTime(zone.Id, zone.Direction, zone.LimitCelsius, cumulative / (double)SeriesBuilder.TicksPerMinute, excursions.Count);
        Alarm? alarm = null;
        if (triggeredAt is { } at)
        {
            var instant = Instant.FromUnixTimeTicks(at);
            var leg = shipment?.LegAt(instant);
            alarm = new Alarm(s.DeviceId, zone.Id, zone.Mode == ZoneMode.Single ? "single" : "cumulative", zone.Severity,
                zone.DelayMinutes, instant, occurrences, detail!, leg?.Id, leg?.Custodian);
        }
        return new Result(excursions, time, alarm);
    }

    static string Direction(ExcursionZone zone) => zone.Direction == ZoneDirection.Above ? "above" : "below";

    /// <summary>Why the excursion ending with reading <paramref name="last"/> ended, as the report states it.</summary>
    static string EndReason(LoggerSeries s, int last)
    {
        var clipped = s.HeldEnd[last] > s.AssessedEndTicks;
        if (!clipped && last + 1 < s.EndAssessed && s.HeldEnd[last] == s.Ticks[last + 1]) return "back in range";
        if (!clipped && s.GapAfter(last)) return "gap";
        if (!clipped && last == s.Count - 1) return "end of record";
        return "end of assessed period";
    }
}
