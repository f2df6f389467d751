using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Conformance;

/// <summary>
/// The shared conformance run (traccar's shared decoder test, karrio's samples beside the mapping): every sample of
/// every adapter in the registry is its own test case, so a failing sample is named in the test list, and its failure
/// message is the kit's explanation.
/// </summary>
public sealed class SampleConformanceTests
{
    static readonly ConformanceKit Kit = new();

    /// <summary>Stands in for "no data", so an empty registry is a visible, explained case instead of a discovery error.</summary>
    const string NoAdapters = "(none)";

    public static TheoryData<string, string> TranslationSamples() => Data(SampleKind.Translation);

    public static TheoryData<string, string> RejectionSamples() => Data(SampleKind.Rejection);

    public static TheoryData<string> Adapters()
    {
        var data = new TheoryData<string>();
        foreach (var a in AdapterRegistry.Default.Adapters) data.Add(a.Info.Id);
        if (data.Count == 0) data.Add(NoAdapters);
        return data;
    }

    [Theory]
    [MemberData(nameof(TranslationSamples))]
    public void sample_translates_to_its_expected_events_and_holds_every_invariant(string adapter, string sample) =>
        AssertSample(adapter, sample, SampleKind.Translation);

    [Theory]
    [MemberData(nameof(RejectionSamples))]
    public void rejection_sample_is_rejected_with_the_expected_message(string adapter, string sample) =>
        AssertSample(adapter, sample, SampleKind.Rejection);

    [Theory]
    [MemberData(nameof(Adapters))]
    public void adapter_folder_has_enough_well_formed_samples(string adapter)
    {
        if (adapter == NoAdapters)
        {
            Assert.Empty(AdapterRegistry.Default.Adapters);
            return;
        }
        var report = Kit.Check(adapter)!;
        Assert.True(report.Failures.Count == 0, ReportText.Render(report with { Samples = [] }));
    }

    static void AssertSample(string adapter, string sample, SampleKind kind)
    {
        if (adapter == NoAdapters)
        {
            // Only legitimate while the registry is empty: every adapter needs samples of both kinds.
            Assert.True(AdapterRegistry.Default.Adapters.Count == 0, $"adapters are registered, but none has a {kind} sample");
            return;
        }
        var report = Kit.CheckSample(adapter, sample);
        Assert.True(report.Passed, $"{adapter} {ReportText.Render(report)}");
    }

    static TheoryData<string, string> Data(SampleKind kind)
    {
        var data = new TheoryData<string, string>();
        foreach (var (adapter, sample) in Kit.AllSamples().Where(x => x.Sample.Kind == kind))
            data.Add(adapter.Info.Id, sample.Name);
        if (data.Count == 0) data.Add(NoAdapters, "-");
        return data;
    }
}
