namespace Logistics.Cli.Commands;

/// <summary>
/// The C# source of a scaffolded adapter. Its behaviour is mirrored by <see cref="AdaptersScaffold.Expected"/>, which
/// writes the samples' expected output; the CLI tests build a scaffold and run the kit over it, so the two cannot drift.
/// </summary>
static class AdaptersScaffoldTemplate
{
    public static string Adapter(string name, string id, string familyConstant) => $$"""
using System.Text.Json;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime.Text;

namespace Logistics.Adapters.{{name}};

/// <summary>
/// {{name}} status messages (JSON): one message, one milestone event. Scaffolded by <c>./logistics adapters new</c>:
/// adapt it to the carrier's real format, keeping Translate pure (no I/O, no clock) and turning every bad input into a
/// rejection that names the position and what was expected — never an exception.
/// <code>{"shipmentId": "...", "status": "DEP", "time": "2025-12-30T08:15:00+01:00", "location": {"unlocode": "NLRTM", "name": "Rotterdam"}, "estimated": false}</code>
/// Status codes map to milestones in <c>status-map.json</c>: a mapping decision is data, reviewed as data.
/// </summary>
public sealed class {{name}}Adapter : IAdapter
{
    public const string AdapterId = "{{id}}";
    const string Format = "a JSON object ({{name}} status message)";

    static readonly StatusMap Statuses = StatusMap.Load("{{name}}");

    public AdapterInfo Info { get; } = new(AdapterId, AdapterFamilies.{{familyConstant}}, [], InboundModes.Webhook,
        "{{name}} status messages (JSON)");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(raw); }
        catch (JsonException ex)
        {
            return TranslationResult.Reject($"line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}", Format, "invalid JSON");
        }
        using (doc)
            return Translate(doc.RootElement, context);
    }

    static TranslationResult Translate(JsonElement root, TranslationContext context)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return TranslationResult.Reject("$", Format, root.ValueKind.ToString());
        if (!TryString(root, "shipmentId", out var shipment) || shipment.Length == 0)
            return TranslationResult.Reject("$.shipmentId", "the shipment id, a non-empty string");
        if (!TryString(root, "status", out var status))
            return TranslationResult.Reject("$.status", "the status code, a string");
        if (!Statuses.TryMap(status, out var code))
            return TranslationResult.Reject("$.status", $"a status code of status-map.json ({string.Join(", ", Statuses.Map.Keys.Order(StringComparer.Ordinal))})", status);
        if (!TryString(root, "time", out var timeText))
            return TranslationResult.Reject("$.time", "the event time, a string");
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(timeText);
        if (!parsed.Success)
            return TranslationResult.Reject("$.time", "an ISO-8601 time with an offset, e.g. 2025-12-30T08:15:00+01:00", timeText);

        Location? location = null;
        if (root.TryGetProperty("location", out var loc) && loc.ValueKind != JsonValueKind.Null)
        {
            if (loc.ValueKind != JsonValueKind.Object)
                return TranslationResult.Reject("$.location", "an object with unlocode and name", loc.ValueKind.ToString());
            location = new Location(TryString(loc, "unlocode", out var unlocode) ? unlocode : null, TryString(loc, "name", out var place) ? place : null, null, null);
        }

        var time = ResolvedTime.Explicit(parsed.Value);
        var classifier = root.TryGetProperty("estimated", out var est) && est.ValueKind == JsonValueKind.True ? TimeClassifier.EST : TimeClassifier.ACT;
        var milestone = new MilestoneEvent
        {
            OccurredAt = time.Utc,
            OccurredAtOffset = time.Offset,
            OffsetSource = time.Source,
            ReceivedAt = context.ReceivedAt,
            Source = context.SourceFor(status),
            Refs = [new Reference(RefSchemes.Shipment, shipment)],
            Milestone = new MilestoneDetail(code, classifier),
            Location = location,
            // An estimate is about the future by nature; only an actual time in the future is a clock problem.
            Flags = classifier == TimeClassifier.ACT ? ClockChecks.Flags(time.Utc, context.ReceivedAt) : [],
        };
        return TranslationResult.Of([milestone.WithDerivedId()]);
    }

    /// <summary>A string property; GetString throws on invalid UTF-8 inside a string, which must reject, not crash.</summary>
    static bool TryString(JsonElement o, string name, out string value)
    {
        value = "";
        if (!o.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String) return false;
        try { value = v.GetString()!; }
        catch (InvalidOperationException) { return false; }
        return true;
    }
}

""";
}
