using System.Text;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using Logistics.Gxp.Reports;
using Logistics.Gxp.Reports.Json;
using NodaTime;

namespace Logistics.Gxp.Tests;

/// <summary>The order of the input never matters, and exact duplicates change nothing but the duplicate count.</summary>
public class DeterminismProperties
{
    static readonly ReportMetadata Metadata = new(Instant.FromUtc(2025, 3, 2, 8, 0));

    /// <summary>A few loggers with excursions both ways, gaps, and (with <paramref name="conflicts"/>) duplicates of other values.</summary>
    internal static List<Reading> RandomShipment(int seed, bool conflicts = true)
    {
        var random = new Random(seed);
        var readings = new List<Reading>();
        for (var d = 0; d < 1 + random.Next(3); d++)
        {
            var t = TestData.Start + Duration.FromMinutes(random.Next(20));
            var value = 5.0;
            for (var i = 0; i < 20 + random.Next(60); i++)
            {
                value = Math.Round(Math.Clamp(value + (random.NextDouble() - 0.5) * 3, -2, 14), 1);
                readings.Add(new Reading($"T-{d}", t, value));
                if (conflicts && random.Next(15) == 0) readings.Add(new Reading($"T-{d}", t, Math.Round(value + random.NextDouble(), 1)));
                t += Duration.FromMinutes(random.Next(12) == 0 ? 10 + random.Next(60) : 10);
            }
        }
        return readings;
    }

    static string Json(IEnumerable<Reading> readings) =>
        Encoding.UTF8.GetString(GxpJsonReport.Render(GxpReport.Create(GxpAssessor.Assess(readings, StandardProfiles.Get(StandardProfiles.Col2To8)), Metadata)));

    [Property(MaxTest = 200)]
    public bool any_permutation_of_a_series_gives_the_same_json(int seed, int shuffleSeed)
    {
        var readings = RandomShipment(seed);
        var shuffled = readings.ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);
        return Json(readings) == Json(shuffled);
    }

    [Property(MaxTest = 200)]
    public bool duplicating_readings_changes_only_the_duplicate_count(int seed, int pickSeed)
    {
        // Exact copies of distinct readings: copies of a reading that conflicts with another would rightly move the average.
        var readings = RandomShipment(seed, conflicts: false);
        var pick = new Random(pickSeed);
        var copies = readings.Where(_ => pick.Next(4) == 0).ToList();
        var doubled = readings.Concat(copies).Reverse().ToList();

        var before = JsonNode.Parse(Json(readings))!.AsObject();
        var after = JsonNode.Parse(Json(doubled))!.AsObject();
        var added = (int)after["summary"]!["duplicateCount"]! - (int)before["summary"]!["duplicateCount"]!;
        return added == copies.Count && Normalized(before) == Normalized(after);
    }

    [Fact]
    public void minus_zero_and_zero_are_the_same_reading()
    {
        var a = GxpAssessor.Assess([new Reading("T", TestData.At(0), -0.0), new Reading("T", TestData.At(10), 1)], TestData.Profile());
        var b = GxpAssessor.Assess([new Reading("T", TestData.At(0), 0.0), new Reading("T", TestData.At(10), 1), new Reading("T", TestData.At(0), -0.0)], TestData.Profile());
        Assert.Equal(a.SeriesSha256, b.SeriesSha256);
    }

    [Fact]
    public void the_same_data_with_another_generation_time_hashes_the_same()
    {
        var assessment = GxpAssessor.Assess(RandomShipment(7), StandardProfiles.Get(StandardProfiles.Col2To8));
        var first = GxpReport.Create(assessment, Metadata);
        var later = GxpReport.Create(assessment, Metadata with { GeneratedAt = Metadata.GeneratedAt + Duration.FromDays(3), Status = "approved" });
        Assert.Equal(first.ContentSha256, later.ContentSha256);
        Assert.Equal(first.ReportId, later.ReportId);
        var other = GxpReport.Create(GxpAssessor.Assess(RandomShipment(8), StandardProfiles.Get(StandardProfiles.Col2To8)), Metadata);
        Assert.NotEqual(first.ContentSha256, other.ContentSha256);
    }

    /// <summary>The document without what duplicates legitimately change: the counts, and the hash and id derived from them.</summary>
    static string Normalized(JsonObject report)
    {
        report.Remove("contentSha256");
        report.Remove("reportId");
        Zero(report);
        return report.ToJsonString();

        static void Zero(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o.ContainsKey("duplicateCount")) o["duplicateCount"] = 0;
                foreach (var (_, child) in o.ToList()) Zero(child);
            }
            else if (node is JsonArray a)
                foreach (var child in a) Zero(child);
        }
    }
}
