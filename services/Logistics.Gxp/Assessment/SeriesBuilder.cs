using Logistics.Gxp.Profiles;

namespace Logistics.Gxp.Assessment;

/// <summary>
/// Turns raw readings into one <see cref="LoggerSeries"/> per device: sorted by (device, time), duplicates
/// (same device, same instant) averaged once and counted, sample-and-hold with the gap rule, and the assessed
/// period after the ignore periods. The result does not depend on the order of the input.
/// </summary>
internal static class SeriesBuilder
{
    public const long TicksPerMinute = 600_000_000L;

    public static long MinutesToTicks(double minutes) => (long)Math.Round(minutes * TicksPerMinute, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<LoggerSeries> Build(IEnumerable<Reading> readings, TemperatureProfile profile)
    {
        var byDevice = new Dictionary<string, (List<long> Ticks, List<double> Values)>(StringComparer.Ordinal);
        foreach (var r in readings)
        {
            if (!double.IsFinite(r.Celsius)) throw new ArgumentException($"reading of {r.DeviceId} at {r.Time} is not a finite number");
            if (!byDevice.TryGetValue(r.DeviceId, out var lists))
                byDevice[r.DeviceId] = lists = (new List<long>(), new List<double>());
            lists.Ticks.Add(r.Time.ToUnixTimeTicks());
            lists.Values.Add(r.Celsius + 0.0); // −0 becomes 0: one canonical value, whatever averaging happens later
        }
        var interval = MinutesToTicks(profile.LoggingIntervalMinutes);
        return byDevice.Keys.OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => BuildOne(d, byDevice[d].Ticks.ToArray(), byDevice[d].Values.ToArray(), interval, profile))
            .ToArray();
    }

    static LoggerSeries BuildOne(string deviceId, long[] rawTicks, double[] rawValues, long interval, TemperatureProfile profile)
    {
        Array.Sort(rawTicks, rawValues);
        var ticks = new List<long>(rawTicks.Length);
        var values = new List<double>(rawTicks.Length);
        var copies = new List<int>(rawTicks.Length);
        for (var start = 0; start < rawTicks.Length;)
        {
            var end = start + 1;
            while (end < rawTicks.Length && rawTicks[end] == rawTicks[start]) end++;
            ticks.Add(rawTicks[start]);
            values.Add(Average(rawValues.AsSpan(start, end - start)));
            copies.Add(end - start);
            start = end;
        }

        var n = ticks.Count;
        var heldEnd = new long[n];
        for (var i = 0; i < n; i++)
            heldEnd[i] = i + 1 < n && ticks[i + 1] - ticks[i] <= 2 * interval ? ticks[i + 1] : ticks[i] + interval;

        // The assessed period starts at a reading (no partial first reading) and ends at an instant (held time clipped).
        var startTarget = ticks[0] + MinutesToTicks(profile.IgnoreStartMinutes);
        var assessedEnd = heldEnd[n - 1] - MinutesToTicks(profile.IgnoreEndMinutes);
        var first = ticks.BinarySearch(startTarget);
        if (first < 0) first = ~first;
        var endIndex = ticks.BinarySearch(assessedEnd);
        if (endIndex < 0) endIndex = ~endIndex;
        if (endIndex < first) endIndex = first;
        return new LoggerSeries(deviceId, ticks.ToArray(), values.ToArray(), copies.ToArray(), heldEnd, first, endIndex, assessedEnd);
    }

    /// <summary>
    /// Mean of a duplicate group, independent of input order (values sorted first) and exact for identical copies:
    /// x₀ + Σ(xᵢ − x₀)/n returns x₀ itself when all copies are equal, where Σxᵢ/n may not (3 × 0.1).
    /// </summary>
    internal static double Average(Span<double> group)
    {
        if (group.Length == 1) return group[0];
        group.Sort();
        double deviation = 0;
        foreach (var v in group) deviation += v - group[0];
        return group[0] + deviation / group.Length;
    }
}
