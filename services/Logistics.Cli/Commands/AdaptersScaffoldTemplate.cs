namespace Logistics.Cli.Commands;

/// <summary>
/// The C# source of a scaffolded adapter. Its behaviour is mirrored by <see cref="AdaptersScaffold.Expected"/>, which
/// writes the samples' expected output; the CLI tests build a scaffold and run the kit over it, so the two cannot drift.
/// </summary>
static class AdaptersScaffoldTemplate
{
    public static string Adapter(string name, string id, string familyConstant) => $$"""
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.{{name}};

/// <summary>
/// {{name}} status messages (JSON): one message, one milestone event. Scaffolded by <c>./logistics adapters new</c>:
/// adapt it to the carrier's real format, keeping Translate pure (no I/O, no clock) and turning every bad input into a
/// rejection that names the position and what was expected — never an exception (<see cref="JsonInput"/> records the
/// first thing found wrong, with its JSON path).
/// <code>{"shipmentId": "...", "status": "DEP", "time": "2025-12-30T08:15:00+01:00", "location": {"unlocode": "NLRTM", "name": "Rotterdam"}, "estimated": false}</code>
/// Status codes map to milestones in <c>status-map.json</c>: a mapping decision is data, reviewed as data.
/// If the format is plain JSON like this one, a data-only mapping (<c>adapters new NAME --mapping</c>) needs no code at all.
/// </summary>
public sealed class {{name}}Adapter : IAdapter
{
    public const string AdapterId = "{{id}}";
    const string Document = "a JSON object ({{name}} status message)";

    static readonly StatusMap Statuses = StatusMap.Load("{{name}}");

    public AdapterInfo Info { get; } = new(AdapterId, AdapterFamilies.{{familyConstant}}, [], InboundModes.Webhook,
        "{{name}} status messages (JSON)");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, Document);
        if (json.Failed) return json.Rejected();
        if (json.Root is not JObject root) return json.RejectAt(json.Root, Document);
        var shipment = json.Text(root, "shipmentId");
        var status = json.Text(root, "status");
        var timeText = json.String(root, "time");
        var location = json.Object(root, "location");
        var unlocode = json.Text(location, "unlocode");
        var place = json.Text(location, "name");
        var estimated = json.Boolean(root, "estimated");
        if (json.Failed) return json.Rejected();

        if (shipment is null) return json.RejectMissing(root, "shipmentId", "the shipment id, a non-empty string");
        if (status is null) return json.RejectMissing(root, "status", "the status code, a string");
        if (!Statuses.TryMap(status, out var code))
            return json.RejectAt(root["status"]!, $"a status code of status-map.json ({string.Join(", ", Statuses.Map.Keys.Order(StringComparer.Ordinal))})");
        if (timeText is null) return json.RejectMissing(root, "time", "the event time, a string");
        // A time without offset is local at the place (its UN/LOCODE's zone), else taken as UTC: CANONICAL.md's zone rule.
        if (SourceTime.ParseIso(timeText, new ZoneHint(Unlocode: unlocode)) is not { } time)
            return json.RejectAt(root["time"]!, "an ISO-8601 time, e.g. 2025-12-30T08:15:00+01:00");

        var header = EventHeader.For(context, time, [new Reference(RefSchemes.Shipment, shipment)], status)
            with { Location = location is null ? null : new Location(unlocode, place, null, null) };
        return TranslationResult.Of([header.Milestone(code, estimated ? TimeClassifier.EST : TimeClassifier.ACT)]);
    }
}

""";
}
