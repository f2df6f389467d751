using System.Text.Json;
using Json.Schema;

namespace Logistics.Adapters.Conformance;

/// <summary>
/// The canonical event JSON Schema (<c>contracts/canonical-event.schema.json</c>), embedded at build time when the file
/// exists. A kit built without it reports "schema not embedded" on every sample: a missing contract is a failure,
/// never a silent pass.
/// </summary>
public sealed class CanonicalSchema
{
    public const string ResourceName = "canonical-event.schema.json";

    /// <summary>The one line every sample reports while the schema is missing.</summary>
    public const string NotEmbedded = "schema not embedded: contracts/canonical-event.schema.json did not exist when the kit was built";

    readonly JsonSchema? _schema;

    CanonicalSchema(JsonSchema? schema, string? loadError) => (_schema, LoadError) = (schema, loadError);

    /// <summary>Why the schema is unusable (not embedded, or not a valid schema), or null.</summary>
    public string? LoadError { get; }

    public bool IsAvailable => _schema is not null;

    static readonly Lazy<CanonicalSchema> EmbeddedSchema = new(LoadEmbedded);

    /// <summary>The schema embedded in this assembly (loaded once).</summary>
    public static CanonicalSchema Embedded => EmbeddedSchema.Value;

    /// <summary>A schema from text (tests; or a schema not yet embedded).</summary>
    public static CanonicalSchema FromText(string schemaJson)
    {
        try
        {
            // A registry per schema: the global one refuses a second schema with the same $id.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            return new CanonicalSchema(JsonSchema.FromText(schemaJson, options), null);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or KeyNotFoundException)
        {
            return new CanonicalSchema(null, $"canonical JSON Schema does not load: {ex.Message}");
        }
    }

    /// <summary>No schema: every validation reports <see cref="NotEmbedded"/>.</summary>
    public static CanonicalSchema Missing { get; } = new(null, NotEmbedded);

    /// <summary>Schema errors of one serialised event, as "<c>/pointer</c>: message" lines; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string eventJson)
    {
        if (_schema is null) return [LoadError ?? NotEmbedded];
        using var doc = JsonDocument.Parse(eventJson);
        var results = _schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 } && !d.IsValid && !UnderCondition(d.EvaluationPath.ToString()))
            .SelectMany(d => d.Errors!.Select(kv => $"{Pointer(d.InstanceLocation.ToString())}{ValueAt(doc.RootElement, d.InstanceLocation)}: {kv.Value} ({kv.Key})"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return errors.Count > 0 ? errors : ["does not match the schema"];
    }

    /// <summary>
    /// An <c>if</c> that does not match (kind is not "milestone") is how the schema picks a branch, not an error; the
    /// list output still records it. Same for a <c>not</c> whose subschema fails.
    /// </summary>
    static bool UnderCondition(string evaluationPath) =>
        evaluationPath.Split('/').Any(segment => segment is "if" or "not");

    /// <summary>" = value" for a scalar, so an "enum" error says which value was not in it.</summary>
    static string ValueAt(JsonElement root, Json.Pointer.JsonPointer pointer) =>
        pointer.Evaluate(root) is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Array) } value ? $" = {JsonDiff.Show(value)}" : "";

    static string Pointer(string p) => p.Length == 0 ? "/" : p;

    static CanonicalSchema LoadEmbedded()
    {
        using var stream = typeof(CanonicalSchema).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) return Missing;
        using var reader = new StreamReader(stream);
        return FromText(reader.ReadToEnd());
    }
}
