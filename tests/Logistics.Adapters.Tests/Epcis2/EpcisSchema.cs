using System.Text.Json;
using Json.Schema;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>GS1's EPCIS 2.0 JSON Schema (draft-07) from contracts/epcis2, with format checks (uri, date-time) turned on.</summary>
static class EpcisSchema
{
    static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Epcis2Fixture.SchemaPath));

    static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The schema's complaints about a document; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(doc.RootElement, Options);
        if (result.IsValid) return [];
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} [{d.EvaluationPath}] {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no details)"];
    }
}
