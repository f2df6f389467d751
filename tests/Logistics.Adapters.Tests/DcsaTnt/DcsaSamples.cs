using System.Runtime.CompilerServices;
using Logistics.Adapters.DcsaTnt;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Tests.DcsaTnt;

/// <summary>Reads the adapter's own Samples/ folder from the source tree and translates a sample the way the CLI does.</summary>
static class DcsaSamples
{
    public static readonly string Folder = Find("adapters/Logistics.Adapters/DcsaTnt/Samples");

    public static TranslationResult Translate(string file, string? carrier = null, string receivedAt = "2026-01-01T00:00:00Z")
    {
        var raw = File.ReadAllBytes(Path.Combine(Folder, file));
        var context = TranslationContext.For("dcsa-tnt", raw, InstantPattern.ExtendedIso.Parse(receivedAt).Value) with { Carrier = carrier };
        return Guard.Translate(new DcsaTntAdapter(), raw, context);
    }

    public static IReadOnlyList<CanonicalEvent> Events(string file, string? carrier = null, string receivedAt = "2026-01-01T00:00:00Z") =>
        Assert.IsType<Translated>(Translate(file, carrier, receivedAt)).Events;

    /// <summary>Finds the source tree's folder from this file's compile-time path (artifacts may live anywhere), else from the output folder.</summary>
    static string Find(string relative, [CallerFilePath] string here = "")
    {
        foreach (var start in (string?[])[Path.GetDirectoryName(here), AppContext.BaseDirectory])
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException(relative);
    }

    public static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    public static string Ndjson(IEnumerable<CanonicalEvent> events) => CanonicalJson.ToNdjson(events);
}
