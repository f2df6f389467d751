using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Logistics.Canonical.Tests.Json;

/// <summary>contracts/canonical-event.schema.json, loaded once (the schema registry is process-wide).</summary>
static class CanonicalSchema
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "contracts", "canonical-event.schema.json");

    public static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path));

    public static JsonObject Document => JsonNode.Parse(File.ReadAllText(Path))!.AsObject();

    public static EvaluationResults Evaluate(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>The evaluation's errors, one per line, for assertion messages.</summary>
    public static string Explain(EvaluationResults results) =>
        string.Join('\n', (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));

    /// <summary>Parses <paramref name="json"/>, applies <paramref name="change"/> and writes it back.</summary>
    public static string Mutate(string json, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
