using Logistics.Canonical.Json;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// The boundary every caller goes through (host, CLI, conformance kit, fuzz run):
/// an adapter bug (an exception) becomes a rejection naming the fault, so a malformed payload can never crash the
/// pipeline or wedge a queue; and a translation whose events break the shared invariants (<see cref="EventInvariants"/>:
/// a non-finite value, an empty reference, a latitude out of range…) is rejected with the first violation, so bad
/// events go to quarantine with a reason instead of into the streams. The same fact stated twice in one message is
/// kept once; two different events sharing an id (a natural key too coarse to tell them apart) are rejected.
/// </summary>
public static class Guard
{
    public const string FaultPosition = "adapter fault";

    /// <summary>Runs the adapter and checks its events: what the host, the CLI and the fuzz run use.</summary>
    public static TranslationResult Translate(IAdapter adapter, ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var result = Run(adapter, raw, context);
        return result is Translated translated ? Validate(translated) : result;
    }

    /// <summary>
    /// Runs the adapter with only the exception boundary, so the conformance kit can report every invariant violation
    /// of a sample in detail instead of the first one as a rejection.
    /// </summary>
    public static TranslationResult Run(IAdapter adapter, ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        try
        {
            return adapter.Translate(raw, context);
        }
        catch (Exception ex)
        {
            return TranslationResult.Reject(FaultPosition, "a translation without an exception",
                $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    public static bool IsFault(TranslationResult result) => result is Rejected { Rejection.Position: FaultPosition };

    static TranslationResult Validate(Translated translated)
    {
        var events = translated.Events;
        Dictionary<string, int>? seen = null;
        List<int>? repeats = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            // Content invariants only: provenance (adapter, receivedAt) may legitimately be carried over, as when our own
            // EPCIS export is read back; the conformance kit checks provenance on samples.
            var violations = EventInvariants.Check(e);
            if (violations.Count > 0)
                return TranslationResult.Reject($"event {i + 1} ({Canonical.Events.WireNames.Of(e.Kind)})",
                    "an event that holds the canonical invariants", violations[0]);

            seen ??= new Dictionary<string, int>(events.Count, StringComparer.Ordinal);
            if (!seen.TryAdd(e.EventId, i))
            {
                var first = seen[e.EventId];
                // Rare (a message repeating itself), so comparing the wire forms costs nothing on the hot path.
                if (CanonicalJson.Serialize(events[first]) != CanonicalJson.Serialize(e))
                    return TranslationResult.Reject($"events {first + 1} and {i + 1}", "different events to have different ids",
                        $"both have id {e.EventId} (the natural key cannot tell them apart)");
                (repeats ??= []).Add(i);
            }
        }
        return repeats is null ? translated : new Translated(events.Where((_, i) => !repeats.Contains(i)).ToList());
    }
}
