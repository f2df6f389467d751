using Logistics.Gxp.Assessment;
using Logistics.Gxp.Reports.Pdf;
using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;
using static Logistics.Gxp.Tests.TestData;

namespace Logistics.Gxp.Tests;

/// <summary>The report chart marks where each leg starts (labelled with leg and custodian) and where it ends.</summary>
public class ChartTests
{
    static readonly ShipmentInfo TwoLegs = new(Legs: [new Leg("ocean", "MAEU", At(20), At(60), "ocean"), new Leg("road", "DHLF", At(80), null, "road")]);

    static ShipmentAssessment Assessment(ShipmentInfo? shipment) => Assess(Series("T-1", 10, 5, 5, 9, 9, 9, 9, 5, 5, 5, 5, 5, 5), Profile(), shipment);

    [Fact]
    public void each_leg_start_and_end_is_a_vertical_line_at_its_time_labelled_with_leg_and_custodian()
    {
        var lines = GxpChart.Build(Assessment(TwoLegs)).GetPlottables().OfType<VerticalLine>().ToList();

        Assert.Equal([(GxpChart.X(At(20).ToUnixTimeTicks()), "ocean (MAEU)"), (GxpChart.X(At(60).ToUnixTimeTicks()), ""), (GxpChart.X(At(80).ToUnixTimeTicks()), "road (DHLF)")],
            lines.Select(l => (l.X, l.LabelText ?? "")).OrderBy(l => l.X));
        Assert.Empty(GxpChart.Build(Assessment(null)).GetPlottables().OfType<VerticalLine>());
    }

    [Fact]
    public void the_rendered_png_differs_from_the_chart_without_legs_at_each_boundary_s_pixel_column()
    {
        const int width = 1100, height = 480;
        var withLegs = GxpChart.Build(Assessment(TwoLegs));
        using var drawn = SKBitmap.Decode(withLegs.GetImage(width, height).GetImageBytes(ImageFormat.Png));
        using var plain = SKBitmap.Decode(GxpChart.RenderPng(Assessment(null), width, height));
        var limits = withLegs.Axes.GetLimits();
        var middle = (limits.Top + limits.Bottom) / 2;

        foreach (var at in new[] { At(20), At(60), At(80) })
        {
            // The boundary's column on the rendered plot (after GetImage the plot maps coordinates to pixels).
            var x = (int)Math.Round(withLegs.GetPixel(new Coordinates(GxpChart.X(at.ToUnixTimeTicks()), middle)).X);
            var changed = Enumerable.Range(x - 2, 5).Sum(c => Enumerable.Range(0, height).Count(y => drawn.GetPixel(c, y) != plain.GetPixel(c, y)));
            Assert.True(changed > 20, $"the boundary at {at} (pixel column {x}) is drawn: {changed} pixels differ from the chart without legs");
        }
    }
}
