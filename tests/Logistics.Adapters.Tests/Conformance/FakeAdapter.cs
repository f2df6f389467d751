using System.Text;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Tests.Conformance;

/// <summary>
/// A tiny adapter for testing the kit itself: each input line "REF CODE TIME [LAT LON]" becomes a milestone.
/// <see cref="Tamper"/> breaks its events on purpose, to prove each check of the kit can fail.
/// </summary>
sealed class FakeAdapter : IAdapter
{
    int _calls;

    public AdapterInfo Info { get; } = new("fake", AdapterFamilies.Road, [], InboundModes.File, "test adapter");

    /// <summary>Applied to every event before it is returned; the call number lets a tamper be non-deterministic.</summary>
    public Func<CanonicalEvent, int, CanonicalEvent>? Tamper { get; init; }

    public bool Throws { get; init; }

    /// <summary>The position given with rejections; empty to test the "rejection without a position" check.</summary>
    public string RejectionPosition { get; init; } = "line 1";

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var call = ++_calls;
        if (Throws) throw new InvalidOperationException("boom");
        var events = new List<CanonicalEvent>();
        var lines = Encoding.UTF8.GetString(raw.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ');
            if (parts.Length < 3) return TranslationResult.Reject(i == 0 ? RejectionPosition : $"line {i + 1}", "REF CODE TIME", lines[i]);
            var time = InstantPattern.ExtendedIso.Parse(parts[2]);
            if (!time.Success) return TranslationResult.Reject($"line {i + 1}, field 3", "an ISO-8601 instant", parts[2]);
            var e = Milestone(context, parts[0], parts[1], time.Value,
                parts.Length >= 5 ? new Location(null, null, double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture)) : null);
            events.Add(Tamper is null ? e : Tamper(e, call));
        }
        return TranslationResult.Of(events);
    }

    public static MilestoneEvent Milestone(TranslationContext context, string reference, string code, Instant at, Location? location = null) =>
        (MilestoneEvent)new MilestoneEvent
        {
            OccurredAt = at,
            OccurredAtOffset = Offset.Zero,
            OffsetSource = OffsetSource.Explicit,
            ReceivedAt = context.ReceivedAt,
            Source = context.SourceFor(code),
            Refs = [new Reference(RefSchemes.Container, reference)],
            Milestone = new MilestoneDetail(code, TimeClassifier.ACT),
            Location = location,
        }.WithDerivedId();
}
