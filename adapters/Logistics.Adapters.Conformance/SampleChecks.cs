using System.Text.Json;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;

namespace Logistics.Adapters.Conformance;

/// <summary>
/// The checks of one sample. A translation sample: translated through <see cref="Guard"/> (a fault or a rejection
/// fails it), compared with its expected NDJSON, each event validated against the schema and the shared invariants,
/// and translated a second time to prove the output (ids included) is deterministic. A rejection sample: must come
/// back <see cref="Rejected"/> (not a fault), with a position, and a message containing the expected substring.
/// </summary>
public sealed class SampleChecks(AdapterRegistry registry, CanonicalSchema schema)
{
    public SampleReport Check(IAdapter adapter, Sample sample)
    {
        try
        {
            return sample.Kind == SampleKind.Translation ? CheckTranslation(adapter, sample) : CheckRejection(adapter, sample);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            return new SampleReport(sample.Name, sample.Kind, [new Finding(Checks.Layout, ex.Message)]);
        }
    }

    SampleReport CheckTranslation(IAdapter adapter, Sample sample)
    {
        var failures = new List<Finding>();
        var (raw, context) = Load(adapter, sample, failures);
        // Run, not Translate: the kit reports every invariant violation itself, in detail.
        var first = Guard.Run(adapter, raw, context);
        if (first is not Translated translated)
        {
            var message = ((Rejected)first).Rejection.Message;
            var why = Guard.IsFault(first) ? $"the adapter threw ({message})" : $"rejected {message}";
            failures.Add(new Finding(Checks.Translation, why));
            return new SampleReport(sample.Name, sample.Kind, failures) { RejectionMessage = message };
        }

        var events = translated.Events;
        var lines = events.Select(CanonicalJson.Serialize).ToList();

        if (sample.ExpectedPath is not null)
        {
            failures.AddRange(NdjsonDiff.Explain(File.ReadAllText(sample.ExpectedPath), lines)
                .Select(d => new Finding(Checks.ExpectedOutput, d)));
        }

        failures.AddRange(SchemaFindings(lines));

        for (var i = 0; i < events.Count; i++)
        {
            foreach (var v in EventInvariants.Check(events[i], adapter.Info.Id, context.ReceivedAt))
                failures.Add(new Finding(Checks.Invariant, $"event {i + 1} {NdjsonDiff.Summary(lines[i])}: {v}"));
        }
        failures.AddRange(EventInvariants.CheckSet(events).Select(v => new Finding(Checks.Invariant, v)));
        if (events.Count == 0)
            failures.Add(new Finding(Checks.Translation, "no events: a sample that translates to nothing proves nothing (use a rejection sample?)"));

        failures.AddRange(Determinism(adapter, raw, context, events, lines));

        return new SampleReport(sample.Name, sample.Kind, failures) { EventCount = events.Count, Warnings = Warnings(sample) };
    }

    SampleReport CheckRejection(IAdapter adapter, Sample sample)
    {
        var failures = new List<Finding>();
        var (raw, context) = Load(adapter, sample, failures);
        var result = Guard.Translate(adapter, raw, context);
        switch (result)
        {
            case Translated t:
                failures.Add(new Finding(Checks.Rejection, $"translated into {t.Events.Count} event(s) instead of being rejected"));
                return new SampleReport(sample.Name, sample.Kind, failures);
            case Rejected r when Guard.IsFault(r):
                failures.Add(new Finding(Checks.Rejection, $"the adapter threw instead of rejecting ({r.Rejection.Message})"));
                return new SampleReport(sample.Name, sample.Kind, failures) { RejectionMessage = r.Rejection.Message };
            case Rejected r:
                var message = r.Rejection.Message;
                if (string.IsNullOrWhiteSpace(r.Rejection.Position))
                    failures.Add(new Finding(Checks.Rejection, $"rejection without a position ({message}): say where in the input it went wrong"));
                if (sample.ExpectedRejectionPath is not null)
                {
                    var expected = File.ReadAllText(sample.ExpectedRejectionPath).Trim();
                    if (expected.Length == 0)
                        failures.Add(new Finding(Checks.Layout, $"{Path.GetFileName(sample.ExpectedRejectionPath)} is empty"));
                    else if (!message.Contains(expected, StringComparison.Ordinal))
                        failures.Add(new Finding(Checks.Rejection, $"the message \"{message}\" does not contain the expected \"{expected}\""));
                }
                return new SampleReport(sample.Name, sample.Kind, failures) { RejectionMessage = message };
            default:
                throw new InvalidOperationException("unreachable");
        }
    }

    (byte[] Raw, TranslationContext Context) Load(IAdapter adapter, Sample sample, List<Finding> failures)
    {
        var raw = File.ReadAllBytes(sample.InputPath);
        var sc = SampleDiscovery.ReadContext(sample.ContextPath);
        if (sc.Codec is not null && !registry.TryGetCodec(sc.Codec, out _))
            failures.Add(new Finding(Checks.Layout, $"context names codec '{sc.Codec}', which the registry does not have ({string.Join(", ", registry.Codecs.Select(c => c.Id))})"));
        return (raw, Context(adapter, raw, sc));
    }

    static TranslationContext Context(IAdapter adapter, byte[] raw, SampleContext sc) =>
        TranslationContext.For(adapter.Info.Id, raw, sc.ReceivedAt) with { CodecId = sc.Codec, Carrier = sc.Carrier, Headers = sc.Headers };

    IEnumerable<Finding> SchemaFindings(IReadOnlyList<string> lines)
    {
        if (!schema.IsAvailable)
        {
            // One line per sample, not per event: the cause is the build, not the events.
            yield return new Finding(Checks.Schema, schema.LoadError ?? CanonicalSchema.NotEmbedded);
            yield break;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var e in schema.Validate(lines[i]))
                yield return new Finding(Checks.Schema, $"event {i + 1} {NdjsonDiff.Summary(lines[i])}: {e}");
        }
    }

    /// <summary>Translate again with an equal context: the same events, ids included, or the adapter is not pure.</summary>
    static IEnumerable<Finding> Determinism(IAdapter adapter, byte[] raw, TranslationContext context, IReadOnlyList<CanonicalEvent> first, IReadOnlyList<string> firstLines)
    {
        var again = Guard.Run(adapter, raw, context with { });
        if (again is not Translated t)
        {
            yield return new Finding(Checks.Determinism, $"a second translation of the same bytes did not translate ({((Rejected)again).Rejection.Message})");
            yield break;
        }
        if (t.Events.Count != first.Count)
        {
            yield return new Finding(Checks.Determinism, $"a second translation gave {t.Events.Count} event(s), the first {first.Count}");
            yield break;
        }
        for (var i = 0; i < first.Count; i++)
        {
            if (t.Events[i].EventId != first[i].EventId)
                yield return new Finding(Checks.Determinism, $"event {i + 1}: id {first[i].EventId} the first time, {t.Events[i].EventId} the second");
            else if (CanonicalJson.Serialize(t.Events[i]) != firstLines[i])
                yield return new Finding(Checks.Determinism, $"event {i + 1}: same id, different content on a second translation");
        }
    }

    static IReadOnlyList<string> Warnings(Sample sample) =>
        sample.SourcePath is not null && File.ReadAllText(sample.SourcePath).Contains(ConformanceKit.PlaceholderMarker, StringComparison.Ordinal)
            ? ["its source note is still the scaffold's placeholder: replace it with a real captured message and say where it comes from"]
            : [];
}
