using System.Runtime.CompilerServices;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.X12_214;
using Logistics.Canonical.Events;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Tests.X12_214;

/// <summary>Reads the adapter's own Samples/ folder from the source tree and translates a sample the way the CLI does.</summary>
static class X12Samples
{
    public static readonly string Folder = Find("adapters/Logistics.Adapters/X12_214/Samples");

    public static TranslationResult Translate(string file) => TranslateBytes(File.ReadAllBytes(Path.Combine(Folder, file)));

    public static TranslationResult TranslateBytes(byte[] raw)
    {
        var context = TranslationContext.For("x12-214", raw, InstantPattern.ExtendedIso.Parse("2026-01-01T00:00:00Z").Value);
        return Guard.Translate(new X12ShipmentStatusAdapter(), raw, context);
    }

    public static IReadOnlyList<MilestoneEvent> Events(string file) =>
        Assert.IsType<Translated>(Translate(file)).Events.Cast<MilestoneEvent>().ToList();

    public static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    /// <summary>Finds the source tree's folder from this file's compile-time path (artifacts may live anywhere), else from the output folder.</summary>
    static string Find(string relative, [CallerFilePath] string here = "")
    {
        foreach (var start in (string?[])[Path.GetDirectoryName(here), AppContext.BaseDirectory])
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException(relative);
    }
}
