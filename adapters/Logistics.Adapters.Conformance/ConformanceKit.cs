using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Conformance;

/// <summary>
/// The conformance kit: for every adapter of a registry, finds its <c>Samples/</c> folder (<see cref="AdapterFolders"/>: the folder named by its id,
/// <see cref="SampleRoot"/>), runs every sample through <see cref="Guard"/> and checks it (<see cref="SampleChecks"/>):
/// expected NDJSON, the canonical JSON Schema, shared invariants, determinism, and rejections. Each adapter needs at
/// least <see cref="MinimumSamples"/> translation samples and <see cref="MinimumRejectionSamples"/> rejection sample.
/// </summary>
public sealed class ConformanceKit
{
    public const int MinimumSamples = 3;
    public const int MinimumRejectionSamples = 1;

    /// <summary>Written by <c>./logistics adapters new</c> into its source notes; the kit warns until a real sample replaces it.</summary>
    public const string PlaceholderMarker = "scaffold-placeholder";

    readonly AdapterRegistry _registry;
    readonly SampleChecks _checks;

    /// <param name="registry">Adapters to check; <see cref="AdapterRegistry.Default"/> when null.</param>
    /// <param name="root">Where adapter folders are; the running program's build output when null.</param>
    /// <param name="schema">The canonical schema; the embedded one when null.</param>
    public ConformanceKit(AdapterRegistry? registry = null, SampleRoot? root = null, CanonicalSchema? schema = null)
    {
        _registry = registry ?? AdapterRegistry.Default;
        Root = root ?? SampleRoot.BuildOutput();
        _checks = new SampleChecks(_registry, schema ?? CanonicalSchema.Embedded);
    }

    public SampleRoot Root { get; }

    public ConformanceReport CheckAll() => new(_registry.Adapters.Select(Check).ToList(), Root.Description);

    /// <summary>Checks one adapter by id; null when the registry has no such adapter.</summary>
    public AdapterReport? Check(string adapterId) => _registry.TryGetAdapter(adapterId, out var a) ? Check(a) : null;

    public AdapterReport Check(IAdapter adapter)
    {
        var folder = AdapterFolders.FolderOf(adapter);
        var dir = Root.SamplesDirectory(folder);
        return dir is null
            ? new AdapterReport(adapter.Info.Id, folder, null,
                [new Finding(Checks.Layout, $"no {folder}/Samples/ folder under {string.Join(" or ", Root.Bases)}")], [])
            : CheckSamplesIn(adapter, dir, folder);
    }

    /// <summary>Checks an adapter against the samples of an explicit folder (tests, or a folder outside the root).</summary>
    public AdapterReport CheckSamplesIn(IAdapter adapter, string? samplesDirectory, string? folder = null)
    {
        var set = SampleDiscovery.Discover(samplesDirectory);
        var failures = set.LayoutProblems.Select(p => new Finding(Checks.Layout, p)).ToList();
        var translations = set.Translations.Count();
        var rejections = set.Rejections.Count();
        if (set.Directory is not null && Directory.Exists(set.Directory))
        {
            if (translations < MinimumSamples)
                failures.Add(new Finding(Checks.Layout, $"{translations} translation sample(s); every adapter needs at least {MinimumSamples}"));
            if (rejections < MinimumRejectionSamples)
                failures.Add(new Finding(Checks.Layout, $"{rejections} rejection sample(s) in Samples/rejects/; every adapter needs at least {MinimumRejectionSamples}"));
        }
        var samples = set.Samples.Select(s => _checks.Check(adapter, s)).ToList();
        return new AdapterReport(adapter.Info.Id, folder, set.Directory, failures, samples) { Warnings = set.Warnings };
    }

    /// <summary>Every sample of every adapter in the registry, for test data (one test case per sample).</summary>
    public IEnumerable<(IAdapter Adapter, Sample Sample)> AllSamples()
    {
        foreach (var adapter in _registry.Adapters)
        {
            var folder = AdapterFolders.FolderOf(adapter);
            foreach (var sample in SampleDiscovery.Discover(Root.SamplesDirectory(folder)).Samples)
                yield return (adapter, sample);
        }
    }

    /// <summary>Checks one named sample (<c>transport-departure.json</c>, <c>rejects/truncated.json</c>) of an adapter.</summary>
    public SampleReport CheckSample(string adapterId, string sampleName)
    {
        var (adapter, sample) = AllSamples().FirstOrDefault(x => x.Adapter.Info.Id == adapterId && x.Sample.Name == sampleName);
        return sample is null
            ? new SampleReport(sampleName, SampleKind.Translation, [new Finding(Checks.Layout, $"no sample '{sampleName}' for adapter '{adapterId}'")])
            : _checks.Check(adapter, sample);
    }

    public SampleReport CheckSample(IAdapter adapter, Sample sample) => _checks.Check(adapter, sample);

    /// <summary>
    /// One adapter of <see cref="AdapterRegistry.Default"/> against the folders under <paramref name="samplesRoot"/>, as
    /// (passed, text). Only framework types cross this call, so a test can run it by reflection inside another
    /// AssemblyLoadContext (over a freshly built Logistics.Adapters.dll).
    /// </summary>
    public static (bool Passed, string Text) CheckText(string adapterId, string samplesRoot)
    {
        var kit = new ConformanceKit(root: new SampleRoot(samplesRoot) { Description = samplesRoot });
        var report = kit.Check(adapterId);
        return report is null
            ? (false, $"unknown adapter '{adapterId}'\n")
            : (report.Passed, ReportText.Render(report));
    }
}
