using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logistics.Adapters.Tests.Fuzz;

/// <summary>
/// Mutations that keep the input valid JSON, so they get past the parser into the adapter's own reading of the
/// document: a value replaced by a number, null, a string, a boolean, an empty or deeply nested container; a property
/// removed or renamed; an array element duplicated.
/// </summary>
public static class JsonMutations
{
    static readonly string[] InterestingStrings = ["", " ", "null", "0", "-1", "2025-13-45T99:99:99Z", "2025-03-01T10:00:00", "9999-12-31T23:59:59Z",
        "0001-01-01T00:00:00Z", "ü\u0000\uFFFF", "AAAA", "%s%n", "Z", "+25:00", "-", "\\", new string('x', 10_000)];

    static readonly double[] InterestingNumbers = [0, -1, 1e308, -1e308, 1e-320, 4294967296, 2147483648, 9.2233720368547758E+18, 3.14159,
        255, 256, 65535, 91, -181, 1e23];

    /// <summary>A token replaced after serialisation: JsonNode will not write deeper than its own limit.</summary>
    const string DeepMarker = "\"__fuzz_deep__\"";

    public static bool TryMutate(byte[] input, Random random, out byte[] output, out string name)
    {
        output = input;
        name = "";
        try
        {
            return Mutate(input, random, ref output, ref name);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // JsonNode parses lazily: invalid UTF-8 inside a string only throws when the node is read.
            return false;
        }
    }

    static bool Mutate(byte[] input, Random random, ref byte[] output, ref string name)
    {
        var root = JsonNode.Parse(input);
        if (root is null) return false;

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var deep = 0;

        switch (random.Next(9))
        {
            case 0:
                name = "json-number";
                Replace(ref root, target, JsonValue.Create(InterestingNumbers[random.Next(InterestingNumbers.Length)]));
                break;
            case 1:
                name = "json-null";
                Replace(ref root, target, null);
                break;
            case 2:
                name = "json-string";
                Replace(ref root, target, JsonValue.Create(InterestingStrings[random.Next(InterestingStrings.Length)]));
                break;
            case 3:
                name = "json-bool";
                Replace(ref root, target, JsonValue.Create(random.Next(2) == 0));
                break;
            case 4:
                name = "json-empty-container";
                Replace(ref root, target, random.Next(2) == 0 ? new JsonObject() : new JsonArray());
                break;
            case 5:
                name = "json-deep-nesting";
                deep = random.Next(2) == 0 ? 65 : 5_000;
                Replace(ref root, target, JsonValue.Create("__fuzz_deep__"));
                break;
            case 6 when target.Parent is JsonObject parent:
                name = "json-remove-property";
                parent.Remove(target.GetPropertyName());
                break;
            case 7 when target.Parent is JsonObject parent:
                name = "json-rename-property";
                var key = target.GetPropertyName();
                parent.Remove(key);
                parent[key + "_"] = target;
                break;
            case 8 when target.Parent is JsonArray array:
                name = "json-duplicate-element";
                array.Insert(array.IndexOf(target), target.DeepClone());
                break;
            default:
                name = "json-null";
                Replace(ref root, target, null);
                break;
        }

        var text = root?.ToJsonString() ?? "null";
        if (deep > 0)
        {
            var nested = new StringBuilder(deep * 2 + 1).Append('[', deep).Append('1').Append(']', deep).ToString();
            var at = text.IndexOf(DeepMarker, StringComparison.Ordinal);
            if (at >= 0) text = string.Concat(text.AsSpan(0, at), nested, text.AsSpan(at + DeepMarker.Length));
        }
        output = Encoding.UTF8.GetBytes(text);
        return true;
    }

    static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o) if (v is not null) Collect(v, into);
                break;
            case JsonArray a:
                foreach (var v in a) if (v is not null) Collect(v, into);
                break;
        }
    }

    static void Replace(ref JsonNode? root, JsonNode target, JsonNode? replacement)
    {
        switch (target.Parent)
        {
            case null:
                root = replacement;
                break;
            case JsonObject o:
                o[target.GetPropertyName()] = replacement;
                break;
            case JsonArray a:
                a[a.IndexOf(target)] = replacement;
                break;
        }
    }
}
