using Logistics.Adapters.Sdk;
using Logistics.Adapters.Tests.Codecs;
using Logistics.Canonical.Events;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>Translates a data-only carrier's sample (by adapter id and file name) and gives typed access to what came out.</summary>
internal static class CarrierSamples
{
    public static IAdapter Adapter(string id) =>
        AdapterRegistry.Default.TryGetAdapter(id, out var a) ? a : throw new InvalidOperationException($"no adapter {id} (registry problems: {string.Join("; ", AdapterRegistry.Default.Problems)})");

    public static IReadOnlyList<MilestoneEvent> Milestones(string id, string sample) =>
        Events(id, sample).Cast<MilestoneEvent>().ToList();

    public static IReadOnlyList<CanonicalEvent> Events(string id, string sample) =>
        Assert.IsType<Translated>(LpwanSamples.Translate(Adapter(id), $"{AdapterFolders.FolderFor(id)}/Samples/{sample}")).Events;

    public static Rejection Rejection(string id, string json) =>
        Assert.IsType<Rejected>(Translate(id, json)).Rejection;

    public static TranslationResult Translate(string id, string json)
    {
        var raw = System.Text.Encoding.UTF8.GetBytes(json);
        return Guard.Translate(Adapter(id), raw, TranslationContext.For(id, raw, Instant.FromUtc(2026, 1, 1, 0, 0)));
    }

    public static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    public static (string Code, Instant At, Offset Offset, OffsetSource Source) When(MilestoneEvent e) =>
        (e.Milestone.Code, e.OccurredAt, e.OccurredAtOffset, e.OffsetSource);
}
