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

    /// <summary>
    /// Walks up from the test's output folder to the folder holding Logistics.sln; with --artifacts-path the output lives
    /// outside the repository, so the folder this source file was compiled from is the fallback.
    /// </summary>
    static string FindRepoRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Logistics.sln")))
                    return dir.FullName;
        throw new InvalidOperationException($"no Logistics.sln above {AppContext.BaseDirectory} or {sourceFile}");
    }
}
