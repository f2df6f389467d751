using System.Runtime.CompilerServices;
using System.Text.Json;
using Logistics.Adapters.Sdk;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Tests.Codecs;

/// <summary>Reads the samples beside the adapters and codecs (source tree), and runs one through an adapter with its context.</summary>
internal static class LpwanSamples
{
    static readonly Lazy<string> Root = new(() => FindRoot());

    /// <summary>The source tree (found from this file's compile-time path), else the copies the build puts beside the tests.</summary>
    static string FindRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new FileInfo(thisFile).Directory; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "adapters", "Logistics.Adapters");
            if (Directory.Exists(Path.Combine(candidate, "Sdk"))) return candidate;
        }
        if (Directory.Exists(Path.Combine(AppContext.BaseDirectory, "TtsV3", "Samples"))) return AppContext.BaseDirectory;
        throw new DirectoryNotFoundException("adapters/Logistics.Adapters not found from " + thisFile);
    }

    /// <summary>Absolute path of a file under adapters/Logistics.Adapters, e.g. <c>TtsV3/Samples/x.json</c>.</summary>
    public static string PathOf(string relative) => Path.Combine(Root.Value, relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    public static JsonDocument Json(string relative) => JsonDocument.Parse(File.ReadAllBytes(PathOf(relative)));

    /// <summary>The context a sample's <c>.context.json</c> describes (receivedAt defaults to 2026-01-01T00:00:00Z).</summary>
    public static TranslationContext ContextFor(string adapterId, string samplePath, byte[] raw)
    {
        var receivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);
        string? codec = null, carrier = null;
        var contextFile = samplePath + ".context.json";
        if (File.Exists(contextFile))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(contextFile));
            var o = doc.RootElement;
            if (o.TryGetProperty("receivedAt", out var r)) receivedAt = InstantPattern.ExtendedIso.Parse(r.GetString()!).Value;
            if (o.TryGetProperty("codec", out var c)) codec = c.GetString();
            if (o.TryGetProperty("carrier", out var k)) carrier = k.GetString();
        }
        return TranslationContext.For(adapterId, raw, receivedAt) with { CodecId = codec, Carrier = carrier };
    }

    /// <summary>Translates a sample (path relative to adapters/Logistics.Adapters) with its context.</summary>
    public static TranslationResult Translate(IAdapter adapter, string relative)
    {
        var raw = Bytes(relative);
        return adapter.Translate(raw, ContextFor(adapter.Info.Id, PathOf(relative), raw));
    }

    /// <summary>Inputs of a Samples folder (not the expected output, context or source notes).</summary>
    public static IEnumerable<string> Inputs(string folder) =>
        Directory.Exists(PathOf(folder))
            ? Directory.GetFiles(PathOf(folder)).Where(f => !f.EndsWith(".expected.ndjson", StringComparison.Ordinal)
                && !f.EndsWith(".context.json", StringComparison.Ordinal) && !f.EndsWith(".source.txt", StringComparison.Ordinal)
                && !f.EndsWith(".expected-rejection.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];
}
