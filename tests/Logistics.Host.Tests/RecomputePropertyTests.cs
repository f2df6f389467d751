using Logistics.Access;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using Logistics.Gxp.Reports;
using Logistics.Host.Tests.Support;
using NodaTime;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

/// <summary>
/// GUARANTEES G3 for reports: a 48 h trip whose readings arrive shuffled, 20 % of them 1–12 h late, with report versions
/// made while they arrive, ends with the same report content as the sorted data assessed by the engine alone.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class Any_arrival_order_of_the_same_readings(HostFixture host, ITestOutputHelper output)
{
    static readonly DateTimeOffset T0 = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task gives_the_same_final_report_content_as_the_sorted_data()
    {
        var random = new Random(20261201);
        // 48 h at the profile's 10-min interval; a warm spell, a cold one, and a logger pause (a gap).
        var readings = Enumerable.Range(0, 288).Where(i => i is < 200 or > 205)
            .Select(i => (At: T0.AddMinutes(i * 10), Celsius: Math.Round((i switch
            {
                >= 60 and < 66 => 9.5,
                >= 150 and < 152 => 1.2,
                _ => 5 + 1.5 * Math.Sin(i / 12.0),
            } + (random.NextDouble() - 0.5) * 0.4) * 10) / 10.0))
            .ToList();

        // Arrival order: shuffled in 4-hour blocks, and 20 % of the readings held back 1–12 h (6–72 readings) behind their time.
        var late = readings.Where(_ => random.NextDouble() < 0.2).ToHashSet();
        var arrival = new List<(int Slot, int Tie, (DateTimeOffset At, double Celsius) Reading)>();
        for (var i = 0; i < readings.Count; i++)
            arrival.Add((late.Contains(readings[i]) ? i + 6 + random.Next(67) : i / 24 * 24, random.Next(), readings[i]));
        var order = arrival.OrderBy(a => a.Slot).ThenBy(a => a.Tie).Select(a => a.Reading).ToList();
        Assert.NotEqual(readings, order);

        var s = await ShipmentDriver.RegisterAsync(host, host.Tenant, T0, reference: "PO-G3");
        var versionsDuring = 0;
        foreach (var (batch, index) in order.Chunk(48).Select((b, i) => (b, i)))
        {
            await s.PostReadingsAsync(batch);
            if (index % 2 == 1) { await s.ReportAsync(); versionsDuring++; } // versions made while late data keeps arriving
        }
        var (final, _, _) = await s.ReportAsync();

        // The oracle: the engine over the sorted readings, with what the host knows of the shipment.
        var profile = StandardProfiles.Get(StandardProfiles.Col2To8);
        var shipment = new ShipmentInfo(Reference: "PO-G3", Consignee: "Hospital Pharmacy", Product: "Vaccine X", Lot: "L-" + s.DevEui[^4..], Legs: []);
        var sorted = readings.Select(r => new Reading(s.Device, Instant.FromDateTimeOffset(r.At), r.Celsius));
        var oracle = GxpReport.Create(GxpAssessor.Assess(sorted, profile, shipment), new ReportMetadata(Instant.FromDateTimeOffset(T0)));

        var versions = await s.VersionsAsync();
        var lateData = versions.EnumerateArray().SelectMany(v => v.GetProperty("lateData").EnumerateArray()).Sum(l => l.GetProperty("count").GetInt32());
        var equal = oracle.ContentSha256 == final.GetProperty("contentSha256").GetString();
        new Ledger(readings.Count, readings.Count, 0, final.GetProperty("summary").GetProperty("readingCount").GetInt32(), readings.Count, 0, 0, TimeSpan.Zero)
            .Report(output, "G3 report-recompute");
        output.WriteLine($"LEDGER G3 report-recompute-detail: readings={readings.Count} late={late.Count} arrivalShuffled=true versions={versions.GetArrayLength()} " +
                         $"readsDuringArrival={versionsDuring} lateDataCounted={lateData} verdict={final.GetProperty("verdict").GetString()} " +
                         $"oracleSha={oracle.ContentSha256[..16]} finalSha={final.GetProperty("contentSha256").GetString()![..16]} contentEqual={equal}");
        Assert.Equal(GxpFormat.Name(oracle.Assessment.Verdict), final.GetProperty("verdict").GetString());
        Assert.Equal(oracle.Assessment.Excursions.Count, final.GetProperty("excursions").GetArrayLength());
        Assert.Equal(oracle.ContentSha256, final.GetProperty("contentSha256").GetString());
        Assert.True(versions.GetArrayLength() >= 2, "late data reopened at least one version on the way");
        Assert.True(lateData > 0, "the data-integrity history lists late data");
    }
}
