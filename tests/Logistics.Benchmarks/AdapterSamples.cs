using System.Text.Json;
using Logistics.Adapters.Sdk;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Benchmarks;

/// <summary>
/// An adapter's translation samples with their contexts, read the way the conformance kit reads them
/// (docs/adapter-conventions.md): the folder named by the adapter's id (AdapterFolders), looked up in the
/// build output (<c>adapters/&lt;Folder&gt;/Samples</c>, then <c>&lt;Folder&gt;/Samples</c>) and else in the source tree above it
/// (BenchmarkDotNet runs each benchmark from a generated project's own output folder).
/// </summary>
static class AdapterSamples
{
    static readonly string[] Companions = [".expected.ndjson", ".context.json", ".source.txt", ".expected-rejection.txt"];
    static readonly Instant DefaultReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static IReadOnlyList<(byte[] Raw, TranslationContext Context)> Load(IAdapter adapter)
    {
        var folder = AdapterFolders.FolderOf(adapter);
        var dir = Candidates(folder).FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException($"no Samples/ folder for {adapter.Info.Id} (folder '{folder}') near {AppContext.BaseDirectory}");
        return Directory.EnumerateFiles(dir)
            .Where(f => !Companions.Any(c => f.EndsWith(c, StringComparison.Ordinal)) && !Path.GetFileName(f).StartsWith('.') && File.Exists(f + ".expected.ndjson"))
            .Order(StringComparer.Ordinal)
            .Select(f => Sample(adapter.Info.Id, f))
            .ToList();
    }

    static IEnumerable<string> Candidates(string folder)
    {
        var b = AppContext.BaseDirectory;
        yield return Path.Combine(b, "adapters", folder, "Samples");
        yield return Path.Combine(b, folder, "Samples");
        for (var dir = new DirectoryInfo(b); dir is not null; dir = dir.Parent)
            yield return Path.Combine(dir.FullName, "adapters", "Logistics.Adapters", folder, "Samples");
    }

    static (byte[], TranslationContext) Sample(string adapterId, string file)
    {
        var raw = File.ReadAllBytes(file);
        var context = TranslationContext.For(adapterId, raw, DefaultReceivedAt);
        var contextFile = file + ".context.json";
        if (!File.Exists(contextFile)) return (raw, context);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(contextFile));
        var root = doc.RootElement;
        if (root.TryGetProperty("receivedAt", out var r))
            context = TranslationContext.For(adapterId, raw, InstantPattern.ExtendedIso.Parse(r.GetString()!).GetValueOrThrow());
        return (raw, context with
        {
            CodecId = root.TryGetProperty("codec", out var c) ? c.GetString() : null,
            Carrier = root.TryGetProperty("carrier", out var k) ? k.GetString() : null,
        });
    }
}
