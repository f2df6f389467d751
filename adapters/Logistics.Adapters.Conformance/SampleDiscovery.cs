using System.Text.Json;
using NodaTime.Text;

namespace Logistics.Adapters.Conformance;

/// <summary>
/// Reads a <c>Samples/</c> folder by the conventions: every file directly in it is an input unless its name ends in
/// one of the companion suffixes (or is a README/dot-file); <c>rejects/</c> holds inputs that must be rejected.
/// Layout mistakes (an input without expected output, an orphaned companion) are reported, never skipped silently.
/// </summary>
public static class SampleDiscovery
{
    public const string ExpectedSuffix = ".expected.ndjson";
    public const string ContextSuffix = ".context.json";
    public const string SourceSuffix = ".source.txt";
    public const string RejectionSuffix = ".expected-rejection.txt";
    public const string RejectsFolder = "rejects";

    static readonly string[] CompanionSuffixes = [ExpectedSuffix, ContextSuffix, SourceSuffix, RejectionSuffix];

    public static SampleSet Discover(string? samplesDirectory)
    {
        if (samplesDirectory is null || !Directory.Exists(samplesDirectory))
            return new SampleSet(samplesDirectory, [], [$"no Samples/ folder{(samplesDirectory is null ? "" : $" at {samplesDirectory}")}"], []);

        var problems = new List<string>();
        var warnings = new List<string>();
        var samples = new List<Sample>();

        foreach (var input in Inputs(samplesDirectory))
        {
            var name = Path.GetFileName(input);
            var expected = input + ExpectedSuffix;
            if (!File.Exists(expected)) problems.Add($"{name}: no {name}{ExpectedSuffix} beside it");
            var source = input + SourceSuffix;
            if (!File.Exists(source)) problems.Add($"{name}: no {name}{SourceSuffix} (where the sample comes from, its licence)");
            samples.Add(new Sample(name, SampleKind.Translation, input)
            {
                ExpectedPath = File.Exists(expected) ? expected : null,
                ContextPath = Existing(input + ContextSuffix),
                SourcePath = File.Exists(source) ? source : null,
            });
        }
        problems.AddRange(Orphans(samplesDirectory, "", [ExpectedSuffix, ContextSuffix, SourceSuffix]));
        if (Directory.EnumerateFiles(samplesDirectory, "*" + RejectionSuffix).Any())
            problems.Add($"{RejectionSuffix} files belong in {RejectsFolder}/");

        var rejects = Path.Combine(samplesDirectory, RejectsFolder);
        if (Directory.Exists(rejects))
        {
            foreach (var input in Inputs(rejects))
            {
                var name = $"{RejectsFolder}/{Path.GetFileName(input)}";
                var expectation = input + RejectionSuffix;
                if (!File.Exists(expectation)) problems.Add($"{name}: no {Path.GetFileName(input)}{RejectionSuffix} (the substring the rejection must contain)");
                samples.Add(new Sample(name, SampleKind.Rejection, input)
                {
                    ExpectedRejectionPath = File.Exists(expectation) ? expectation : null,
                    ContextPath = Existing(input + ContextSuffix),
                    SourcePath = Existing(input + SourceSuffix),
                });
            }
            problems.AddRange(Orphans(rejects, RejectsFolder + "/", [RejectionSuffix, ContextSuffix, SourceSuffix]));
        }

        foreach (var dir in Directory.EnumerateDirectories(samplesDirectory))
        {
            var sub = Path.GetFileName(dir);
            if (sub != RejectsFolder) warnings.Add($"Samples/{sub}/ is not a convention folder and is not checked");
        }

        samples.Sort((a, b) => (a.Kind, a.Name).CompareTo((b.Kind, b.Name)));
        return new SampleSet(samplesDirectory, samples, problems, warnings);
    }

    /// <summary>Reads a context file; a malformed one is a problem of the sample, reported with the file name.</summary>
    public static SampleContext ReadContext(string? contextPath)
    {
        if (contextPath is null) return SampleContext.Default;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(contextPath));
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{Path.GetFileName(contextPath)}: expected a JSON object");
        var receivedAt = SampleContext.DefaultReceivedAt;
        if (root.TryGetProperty("receivedAt", out var r))
        {
            var parsed = InstantPattern.ExtendedIso.Parse(r.GetString() ?? "");
            receivedAt = parsed.Success
                ? parsed.Value
                : throw new FormatException($"{Path.GetFileName(contextPath)}: receivedAt '{r}' is not an ISO-8601 UTC instant");
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in h.EnumerateObject())
                headers[p.Name] = p.Value.ToString();
        }
        return new SampleContext(receivedAt, OptString(root, "codec"), OptString(root, "carrier"), headers);
    }

    static string? OptString(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static IEnumerable<string> Inputs(string dir) =>
        Directory.EnumerateFiles(dir)
            .Where(f => !IsCompanion(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal);

    static bool IsCompanion(string name) =>
        CompanionSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal))
        || name.StartsWith('.')
        || name.Equals("README.md", StringComparison.OrdinalIgnoreCase);

    /// <summary>Companion files whose input does not exist (a renamed sample leaves these behind).</summary>
    static IEnumerable<string> Orphans(string dir, string prefix, string[] suffixes)
    {
        foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var suffix = suffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal));
            if (suffix is null) continue;
            var input = file[..^suffix.Length];
            if (!File.Exists(input)) yield return $"{prefix}{name}: its input {prefix}{Path.GetFileName(input)} does not exist";
        }
    }

    static string? Existing(string path) => File.Exists(path) ? path : null;
}
