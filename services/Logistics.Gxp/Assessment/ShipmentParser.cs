using System.Text.Json;
using NodaTime.Text;

namespace Logistics.Gxp.Assessment;

/// <summary>Shipment details that cannot be read: names the JSON path and what was expected.</summary>
public sealed class ShipmentException(string path, string problem) : GxpInputException("shipment", path, $"shipment {path}: {problem}");

/// <summary>
/// Reads optional shipment details: <c>{"reference", "shipper", "consignee", "product", "lot", "labelledCondition",
/// "legs": [{"id", "custodian", "start"}], "stabilityConsumedMinutes": {"S1": 120}}</c>.
/// </summary>
public static class ShipmentParser
{
    static readonly string[] TextFields = ["reference", "shipper", "consignee", "product", "lot", "labelledCondition"];

    /// <summary>Parses shipment JSON text.</summary>
    public static ShipmentInfo Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Parse(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new ShipmentException("$", $"invalid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }
    }

    /// <summary>Parses shipment details already read as JSON.</summary>
    public static ShipmentInfo Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new ShipmentException("$", "expected an object");
        var text = new Dictionary<string, string?>();
        List<Leg> legs = [];
        var consumed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            if (TextFields.Contains(p.Name))
                text[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => throw new ShipmentException("$." + p.Name, "expected a string"),
                };
            else if (p.Name == "legs") legs = ParseLegs(p.Value);
            else if (p.Name == "stabilityConsumedMinutes")
            {
                if (p.Value.ValueKind != JsonValueKind.Object) throw new ShipmentException("$.stabilityConsumedMinutes", "expected an object of band id → minutes");
                foreach (var band in p.Value.EnumerateObject())
                {
                    if (band.Value.ValueKind != JsonValueKind.Number || band.Value.GetDouble() < 0)
                        throw new ShipmentException($"$.stabilityConsumedMinutes.{band.Name}", "expected a number of minutes ≥ 0");
                    consumed[band.Name] = band.Value.GetDouble();
                }
            }
            else throw new ShipmentException("$." + p.Name, $"unknown field (expected one of: {string.Join(", ", TextFields)}, legs, stabilityConsumedMinutes)");
        }
        return new ShipmentInfo(text.GetValueOrDefault("reference"), text.GetValueOrDefault("shipper"), text.GetValueOrDefault("consignee"),
            text.GetValueOrDefault("product"), text.GetValueOrDefault("lot"), text.GetValueOrDefault("labelledCondition"), legs, consumed);
    }

    static List<Leg> ParseLegs(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array) throw new ShipmentException("$.legs", "expected an array");
        var legs = new List<Leg>();
        var index = 0;
        foreach (var leg in element.EnumerateArray())
        {
            var path = $"$.legs[{index++}]";
            if (leg.ValueKind != JsonValueKind.Object) throw new ShipmentException(path, "expected an object");
            string Text(string name, bool required) =>
                leg.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
                : required ? throw new ShipmentException($"{path}.{name}", "missing (a string is expected)") : null!;
            var start = Text("start", true);
            var parsed = InstantPattern.ExtendedIso.Parse(start);
            var instant = parsed.Success ? parsed.Value
                : OffsetDateTimePattern.ExtendedIso.Parse(start) is { Success: true } o ? o.Value.ToInstant()
                : throw new ShipmentException($"{path}.start", $"'{start}' is not an ISO-8601 instant");
            legs.Add(new Leg(Text("id", true), Text("custodian", false), instant));
        }
        if (legs.Select(l => l.Id).Distinct(StringComparer.Ordinal).Count() != legs.Count) throw new ShipmentException("$.legs", "duplicate leg id");
        return legs;
    }
}
