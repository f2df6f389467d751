using Logistics.Adapters.Conformance;
using Logistics.Adapters.Epcis2;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>Shared helpers: the repository root (found from the test's output folder), the samples, and translation.</summary>
static class Epcis2Fixture
{
    public static readonly Instant ReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SamplesDir => Path.Combine(RepoRoot, "adapters", "Logistics.Adapters", "Epcis2", "Samples");

    public static string SchemaPath => Path.Combine(RepoRoot, "contracts", "epcis2", "EPCIS-JSON-Schema.json");

    public static string Sample(string name) => Path.Combine(SamplesDir, name);

    public static TranslationResult Translate(byte[] raw) =>
        Guard.Translate(new Epcis2Adapter(), raw, TranslationContext.For(Epcis2Adapter.Id, raw, ReceivedAt));

    public static TranslationResult Translate(string json) => Translate(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Translates a sample file and asserts it was translated (not rejected).</summary>
    public static IReadOnlyList<CanonicalEvent> Events(string sampleName)
    {
        var result = Translate(File.ReadAllBytes(Sample(sampleName)));
        var translated = Assert.IsType<Translated>(result);
        return translated.Events;
    }

    public static Rejection Rejection(string json) => Assert.IsType<Rejected>(Translate(json)).Rejection;

    public static string Ndjson(IEnumerable<CanonicalEvent> events) => CanonicalJson.ToNdjson(events);

    /// <summary>occurredAt as the wire form writes it.</summary>
    public static string Utc(this CanonicalEvent e) => CanonicalJson.FormatInstant(e.OccurredAt);

    /// <summary>occurredAtOffset as the wire form writes it (±HH:MM).</summary>
    public static string Offset(this CanonicalEvent e) => CanonicalJson.FormatOffset(e.OccurredAtOffset);

    /// <summary>Above the test's output folder, or (built elsewhere with --artifacts-path) above this source file.</summary>
    static string FindRepoRoot([CallerFilePath] string sourceFile = "") =>
        SampleRoot.FindRepoRoot(AppContext.BaseDirectory) ?? SampleRoot.FindRepoRoot(Path.GetDirectoryName(sourceFile)!)
        ?? throw new InvalidOperationException($"no repository above {AppContext.BaseDirectory} or {sourceFile}");
}
