using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Gxp.Assessment;

/// <summary>
/// Reads optional shipment details: <c>{"reference", "shipper", "consignee", "product", "lot", "labelledCondition",
/// "legs": [{"id", "custodian", "start", "end", "mode"}], "stabilityConsumedMinutes": {"S1": 120}}</c>. A problem is a
/// result naming the JSON path, never an exception.
/// </summary>
public static class ShipmentParser
{
    static readonly string[] TextFields = ["reference", "shipper", "consignee", "product", "lot", "labelledCondition"];

    /// <summary>Reads shipment JSON text.</summary>
    public static GxpResult<ShipmentInfo> Read(string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException ex) // System.Text.Json reports malformed text only by throwing; caught at the call, turned into a result
        {
            return Error("$", $"invalid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }
        using (doc) return Read(doc.RootElement);
    }

    /// <summary>Reads shipment details already read as JSON.</summary>
    public static GxpResult<ShipmentInfo> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return Error("$", "expected an object");
        var text = new Dictionary<string, string?>();
        List<Leg> legs = [];
        var consumed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            if (TextFields.Contains(p.Name))
            {
                if (p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) return Error("$." + p.Name, "expected a string");
                text[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
            }
            else if (p.Name == "legs")
            {
                var read = ReadLegs(p.Value);
                if (!read.Succeeded) return read.As<ShipmentInfo>();
                legs = read.Value!;
            }
            else if (p.Name == "stabilityConsumedMinutes")
            {
                if (p.Value.ValueKind != JsonValueKind.Object) return Error("$.stabilityConsumedMinutes", "expected an object of band id → minutes");
                foreach (var band in p.Value.EnumerateObject())
                {
                    if (band.Value.ValueKind != JsonValueKind.Number || band.Value.GetDouble() < 0)
                        return Error($"$.stabilityConsumedMinutes.{band.Name}", "expected a number of minutes ≥ 0");
                    consumed[band.Name] = band.Value.GetDouble();
                }
            }
            else return Error("$." + p.Name, $"unknown field (expected one of: {string.Join(", ", TextFields)}, legs, stabilityConsumedMinutes)");
        }
        return new ShipmentInfo(text.GetValueOrDefault("reference"), text.GetValueOrDefault("shipper"), text.GetValueOrDefault("consignee"),
            text.GetValueOrDefault("product"), text.GetValueOrDefault("lot"), text.GetValueOrDefault("labelledCondition"), legs, consumed);
    }

    static GxpResult<List<Leg>> ReadLegs(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array) return Error("$.legs", "expected an array");
        var legs = new List<Leg>();
        var index = 0;
        foreach (var leg in element.EnumerateArray())
        {
            var path = $"$.legs[{index++}]";
            if (leg.ValueKind != JsonValueKind.Object) return Error(path, "expected an object");
            if (Text(leg, "id") is not { } id) return Error($"{path}.id", "missing (a string is expected)");
            if (Text(leg, "start") is not { } startText) return Error($"{path}.start", "missing (a string is expected)");
            if (ParseInstant(startText) is not { } start) return Error($"{path}.start", $"'{startText}' is not an ISO-8601 instant");
            Instant? end = null;
            if (Text(leg, "end") is { } endText)
            {
                if (ParseInstant(endText) is not { } e) return Error($"{path}.end", $"'{endText}' is not an ISO-8601 instant");
                if (e <= start) return Error($"{path}.end", "must be after start");
                end = e;
            }
            legs.Add(new Leg(id, Text(leg, "custodian"), start, end, Text(leg, "mode")));
        }
        if (legs.Select(l => l.Id).Distinct(StringComparer.Ordinal).Count() != legs.Count) return Error("$.legs", "duplicate leg id");
        return legs;
    }

    static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static Instant? ParseInstant(string text) =>
        InstantPattern.ExtendedIso.Parse(text) is { Success: true } i ? i.Value
        : OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } o ? o.Value.ToInstant()
        : null;

    static GxpInputError Error(string path, string problem) => new("shipment", path, $"shipment {path}: {problem}");
}
