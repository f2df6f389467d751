using Logistics.Gxp.Profiles;
using NodaTime;

namespace Logistics.Gxp.Assessment;

/// <summary>Time-weighted statistics of one logger over its assessed period: held time is the weight, gaps weigh nothing.</summary>
internal sealed record LoggerStatistics(
    double? Min, Instant? MinAt, double? Max, Instant? MaxAt, double? Mean, double? Mkt, string? MktNote,
    MktWindowResult? Window, double AssessedMinutes)
{
    public static LoggerStatistics Compute(LoggerSeries s, TemperatureProfile profile)
    {
        if (s.FirstAssessed >= s.EndAssessed)
            return new LoggerStatistics(null, null, null, null, null, null, "no reading inside the assessed period", null, 0);

        int minIndex = s.FirstAssessed, maxIndex = s.FirstAssessed;
        double weightedSum = 0, totalMinutes = 0;
        var values = s.Celsius;
        for (var i = s.FirstAssessed; i < s.EndAssessed; i++)
        {
            // Strict comparisons: the earliest reading wins a tie, whatever the input order was.
            if (values[i] < values[minIndex]) minIndex = i;
            if (values[i] > values[maxIndex]) maxIndex = i;
            var minutes = Minutes(s, i);
            weightedSum += values[i] * minutes;
            totalMinutes += minutes;
        }

        double? mkt = null;
        string? note = null;
        MktWindowResult? window = null;
        if (profile.IsFrozen)
            note = "MKT not applicable: frozen profile (all limits below 0 °C)";
        else
        {
            var dh = profile.Mkt?.ActivationEnergyKJPerMol ?? Assessment.Mkt.DefaultActivationEnergyKJPerMol;
            mkt = Compute(s, dh, out var terms, out var k, out var reference);
            if (profile.Mkt?.WindowHours is { } hours) window = MaxWindow(s, terms, k, reference, hours, mkt.Value, profile.Mkt.MaxCelsius);
        }
        return new LoggerStatistics(values[minIndex], s.TimeAt(minIndex), values[maxIndex], s.TimeAt(maxIndex),
            weightedSum / totalMinutes, mkt, note, window, totalMinutes);
    }

    /// <summary>Held minutes of reading <paramref name="i"/> inside the assessed period.</summary>
    public static double Minutes(LoggerSeries s, int i) => (s.AssessedHeldEnd(i) - s.Ticks[i]) / (double)SeriesBuilder.TicksPerMinute;

    static double Compute(LoggerSeries s, double dh, out double[] terms, out double k, out double reference)
    {
        k = Assessment.Mkt.ActivationOverR(dh);
        reference = Assessment.Mkt.Reference(s.Celsius[s.FirstAssessed..s.EndAssessed], k);
        terms = new double[s.EndAssessed - s.FirstAssessed];
        double sum = 0, total = 0;
        for (var i = s.FirstAssessed; i < s.EndAssessed; i++)
        {
            var w = Minutes(s, i);
            terms[i - s.FirstAssessed] = Assessment.Mkt.Term(s.Celsius[i], k, reference);
            sum += w * terms[i - s.FirstAssessed];
            total += w;
        }
        return Assessment.Mkt.FromSums(sum, total, k, reference);
    }

    /// <summary>
    /// Highest MKT over windows of <paramref name="hours"/> ending at each held-time end (prefix sums, O(n log n)).
    /// A record shorter than the window has one window: the whole assessed period.
    /// </summary>
    static MktWindowResult MaxWindow(LoggerSeries s, double[] terms, double k, double reference, double hours, double overall, double? limit)
    {
        var first = s.FirstAssessed;
        var m = s.EndAssessed - first;
        var starts = new long[m];
        var ends = new long[m];
        var prefixTerms = new double[m + 1];
        var prefixMinutes = new double[m + 1];
        for (var j = 0; j < m; j++)
        {
            starts[j] = s.Ticks[first + j];
            ends[j] = s.AssessedHeldEnd(first + j);
            var w = Minutes(s, first + j);
            prefixTerms[j + 1] = prefixTerms[j] + w * terms[j];
            prefixMinutes[j + 1] = prefixMinutes[j] + w;
        }
        var length = SeriesBuilder.MinutesToTicks(hours * 60);
        MktWindowResult? best = null;
        Instant? firstExceeded = null;
        for (var j = 0; j < m; j++)
        {
            var windowStart = ends[j] - length;
            if (windowStart < starts[0]) continue;
            var p = Array.BinarySearch(ends, windowStart);
            p = p < 0 ? ~p : p + 1; // first segment ending after the window start
            var partial = (ends[p] - Math.Max(starts[p], windowStart)) / (double)SeriesBuilder.TicksPerMinute;
            var sum = prefixTerms[j + 1] - prefixTerms[p + 1] + partial * terms[p];
            var minutes = prefixMinutes[j + 1] - prefixMinutes[p + 1] + partial;
            if (minutes <= 0) continue;
            var mkt = Assessment.Mkt.FromSums(sum, minutes, k, reference);
            if (mkt > limit) firstExceeded ??= Instant.FromUnixTimeTicks(ends[j]); // never with no limit (null compares false)
            if (best is null || mkt > best.MktCelsius)
                best = new MktWindowResult(hours, mkt, Instant.FromUnixTimeTicks(windowStart), Instant.FromUnixTimeTicks(ends[j]), null);
        }
        var whole = Instant.FromUnixTimeTicks(ends[m - 1]);
        return best is null
            ? new MktWindowResult(hours, overall, Instant.FromUnixTimeTicks(starts[0]), whole, overall > limit ? whole : null)
            : best with { FirstExceededAt = firstExceeded };
    }
}
