using Logistics.Gxp.Assessment;
using Logistics.Gxp.Fonts;
using NodaTime;
using ScottPlot;

namespace Logistics.Gxp.Reports.Pdf;

/// <summary>
/// The report's chart: one step trace per logger (sample-and-hold), breaks at gaps, dashed limit lines,
/// out-of-range time shaded, leg boundaries. Long records are reduced to the minimum and maximum per time
/// bucket, so peaks survive while the picture stays light.
/// </summary>
public static class GxpChart
{
    const int BucketsPerTrace = 1200;
    static readonly string[] Palette = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

    /// <summary>Default width in pixels (about 150 dpi across an A4 text width).</summary>
    public const int DefaultWidth = 1100;
    /// <summary>Default height in pixels.</summary>
    public const int DefaultHeight = 480;

    /// <summary>Renders the chart as PNG bytes.</summary>
    public static byte[] RenderPng(ShipmentAssessment a, int width = DefaultWidth, int height = DefaultHeight) =>
        Build(a).GetImage(width, height).GetImageBytes(ImageFormat.Png);

    /// <summary>The chart as a plot, before rendering (tests read its leg boundaries and limit lines from it).</summary>
    internal static Plot Build(ShipmentAssessment a)
    {
        EmbeddedFonts.Register();
        var plot = new Plot();
        plot.Font.Set(EmbeddedFonts.Family);

        var span = a.Loggers.Max(l => l.Series.HeldEnd[^1]) - a.Loggers.Min(l => l.Series.Ticks[0]);
        foreach (var (start, end) in MergedExcursions(a, span / 800))
        {
            var shade = plot.Add.HorizontalSpan(X(start), X(end), Color.FromHex("#d62728").WithAlpha(0.16));
            shade.LineWidth = 0;
        }

        for (var d = 0; d < a.Loggers.Count; d++)
        {
            var color = Color.FromHex(Palette[d % Palette.Length]);
            var first = true;
            foreach (var (xs, ys) in Runs(a.Loggers[d].Series, span))
            {
                var trace = plot.Add.ScatterLine(xs, ys, color);
                trace.LineWidth = 1.6f;
                trace.ConnectStyle = ConnectStyle.StepHorizontal;
                if (first) trace.LegendText = a.Loggers[d].DeviceId;
                first = false;
            }
        }

        foreach (var limit in a.Profile.Zones.Select(z => z.LimitCelsius).Distinct().Order())
        {
            var line = plot.Add.HorizontalLine(limit, 1.4f, Color.FromHex("#d62728"), LinePattern.Dashed);
            line.LabelText = $"{GxpFormat.Number(limit)} °C";
        }
        // Leg boundaries: a dotted line labelled with the leg where it starts, a dashed one where it ends (custody handed over).
        foreach (var leg in a.Shipment?.OrderedLegs ?? [])
        {
            var line = plot.Add.VerticalLine(X(leg.Start.ToUnixTimeTicks()), 1f, Color.FromHex("#555555"), LinePattern.Dotted);
            line.LabelText = leg.Custodian is { } custodian ? $"{leg.Id} ({custodian})" : leg.Id;
            line.LabelOppositeAxis = true; // at the top: the bottom belongs to the time ticks
            if (leg.End is { } end) plot.Add.VerticalLine(X(end.ToUnixTimeTicks()), 1f, Color.FromHex("#555555"), LinePattern.Dashed);
        }

        var timeAxis = plot.Axes.DateTimeTicksBottom();
        if (timeAxis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = t => t.ToString(span > 3 * TimeSpan.TicksPerDay ? "MM-dd" : "MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        plot.Axes.Bottom.Label.Text = "time (UTC)";
        plot.Axes.Left.Label.Text = "°C";
        plot.Axes.Bottom.Label.FontSize = 15;
        plot.Axes.Left.Label.FontSize = 15;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        var (low, high) = YRange(a);
        plot.Axes.SetLimitsY(low, high);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>The data, and the nearest limit on each side, with a margin: a far limit (25 °C on a 2–8 profile) would flatten the trace.</summary>
    static (double Low, double High) YRange(ShipmentAssessment a)
    {
        var min = a.Loggers.Min(l => Min(l.Series.Celsius));
        var max = a.Loggers.Max(l => Max(l.Series.Celsius));
        var above = a.Profile.Zones.Where(z => z.Direction == Profiles.ZoneDirection.Above).Select(z => z.LimitCelsius).DefaultIfEmpty(max).Min();
        var below = a.Profile.Zones.Where(z => z.Direction == Profiles.ZoneDirection.Below).Select(z => z.LimitCelsius).DefaultIfEmpty(min).Max();
        var low = Math.Min(min, below);
        var high = Math.Max(max, above);
        var pad = Math.Max(0.5, (high - low) * 0.08);
        return (low - pad, high + pad);
    }

    static double Min(ReadOnlySpan<double> values) { var m = double.MaxValue; foreach (var v in values) m = Math.Min(m, v); return m; }

    static double Max(ReadOnlySpan<double> values) { var m = double.MinValue; foreach (var v in values) m = Math.Max(m, v); return m; }

    internal static double X(long unixTicks) => Instant.FromUnixTimeTicks(unixTicks).ToDateTimeUtc().ToOADate();

    /// <summary>Continuous runs of one logger (split at gaps), each ending where its last reading's held time ends.</summary>
    static IEnumerable<(double[] Xs, double[] Ys)> Runs(LoggerSeries s, long span)
    {
        var bucket = Math.Max(1, span / BucketsPerTrace);
        for (var start = 0; start < s.Count;)
        {
            var end = start;
            while (end + 1 < s.Count && !s.GapAfter(end)) end++;
            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = start; i <= end;)
            {
                // One bucket: its first reading, then its minimum and maximum in time order.
                var bucketEnd = s.Ticks[i] / bucket;
                int lo = i, hi = i, j = i;
                for (; j <= end && s.Ticks[j] / bucket == bucketEnd; j++)
                {
                    if (s.Celsius[j] < s.Celsius[lo]) lo = j;
                    if (s.Celsius[j] > s.Celsius[hi]) hi = j;
                }
                foreach (var k in new[] { i, lo, hi }.Distinct().Order())
                {
                    xs.Add(X(s.Ticks[k]));
                    ys.Add(s.Celsius[k]);
                }
                i = j;
            }
            xs.Add(X(s.HeldEnd[end]));
            ys.Add(s.Celsius[end]);
            yield return (xs.ToArray(), ys.ToArray());
            start = end + 1;
        }
    }

    /// <summary>Union of all excursions of all loggers, intervals closer than <paramref name="tolerance"/> merged.</summary>
    static List<(long Start, long End)> MergedExcursions(ShipmentAssessment a, long tolerance)
    {
        var merged = new List<(long Start, long End)>();
        foreach (var e in a.Excursions.Select(e => (Start: e.Start.ToUnixTimeTicks(), End: e.End.ToUnixTimeTicks())).OrderBy(e => e.Start))
        {
            if (merged.Count > 0 && e.Start <= merged[^1].End + tolerance)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, e.End));
            else merged.Add(e);
        }
        return merged;
    }
}
