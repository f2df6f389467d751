using Logistics.Adapters.Epcis2.Export;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;
using NodaTime;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>translate(export(events)) == events, compared as the canonical wire form.</summary>
public class EpcisRoundTripTests
{
    public static TheoryData<string> ExpectedOutputs() => new(RoundTripData.ExpectedFiles());

    [Theory, MemberData(nameof(ExpectedOutputs))]
    public void the_expected_output_of_a_sample_survives_export_and_translation(string relativePath)
    {
        var events = CanonicalJson.FromNdjson(File.ReadAllText(Path.Combine(Epcis2Fixture.RepoRoot, relativePath)));
        AssertRoundTrips(events.Where(e => e is not RetractionEvent).ToList());
    }

    [Fact]
    public void every_kind_and_every_milestone_code_survives_export_and_translation() =>
        AssertRoundTrips(RoundTripData.EveryKind());

    [Fact]
    public void retractions_are_reported_as_not_exported()
    {
        var retraction = RoundTripData.Retraction();
        var export = EpcisExporter.Export([retraction], Instant.FromUtc(2026, 1, 1, 0, 0));
        Assert.Equal([retraction], export.NotExported);
        Assert.Contains("\"eventList\": []", export.Json);
    }

    static void AssertRoundTrips(IReadOnlyList<CanonicalEvent> events)
    {
        var export = EpcisExporter.Export(events, Instant.FromUtc(2026, 1, 1, 0, 0));
        Assert.Empty(export.NotExported);

        var back = Assert.IsType<Translated>(Epcis2Fixture.Translate(export.Json), exactMatch: false);
        Assert.Equal(CanonicalJson.ToNdjson(events), CanonicalJson.ToNdjson(back.Events));
    }
}
