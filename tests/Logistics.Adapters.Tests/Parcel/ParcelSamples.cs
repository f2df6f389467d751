using System.Runtime.CompilerServices;
using System.Text;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Tests.Parcel;

/// <summary>Reads a parcel adapter's samples from the source tree and translates them, or a pasted response, as the host does.</summary>
static class ParcelSamples
{
    public static TranslationResult Translate(IAdapter adapter, string json)
    {
        var raw = Encoding.UTF8.GetBytes(json);
        return Guard.Translate(adapter, raw, TranslationContext.For(adapter.Info.Id, raw, Instant.FromUtc(2026, 1, 1, 0, 0)));
    }

    public static IReadOnlyList<MilestoneEvent> Milestones(IAdapter adapter, string json) =>
        Assert.IsType<Translated>(Translate(adapter, json)).Events.Cast<MilestoneEvent>().ToList();

    public static IReadOnlyList<MilestoneEvent> Sample(IAdapter adapter, string folder, string file) =>
        Milestones(adapter, File.ReadAllText(Path.Combine(Find($"adapters/Logistics.Adapters/{folder}/Samples"), file)));

    public static string Rejection(IAdapter adapter, string json) => Assert.IsType<Rejected>(Translate(adapter, json)).Rejection.Message;

    public static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    public static (string, TimeClassifier, Instant, OffsetSource) When(MilestoneEvent e) =>
        (e.Milestone.Code, e.Milestone.Classifier, e.OccurredAt, e.OffsetSource);

    static string Find(string relative, [CallerFilePath] string here = "")
    {
        foreach (var start in (string?[])[Path.GetDirectoryName(here), AppContext.BaseDirectory])
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException(relative);
    }
}
