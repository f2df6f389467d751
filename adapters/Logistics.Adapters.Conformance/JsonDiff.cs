using System.Text.Json;

namespace Logistics.Adapters.Conformance;

/// <summary>
/// Field-by-field differences between two JSON values, as "<c>$.path</c>: expected X, got Y" lines, so a failing
/// sample says which field moved instead of printing two long lines to compare by eye.
/// </summary>
public static class JsonDiff
{
    public static IReadOnlyList<string> Differences(JsonElement expected, JsonElement actual, int max = 12)
    {
        var list = new List<string>();
        Walk("$", expected, actual, list, max);
        return list;
    }

    static void Walk(string path, JsonElement e, JsonElement a, List<string> list, int max)
    {
        if (list.Count >= max) return;
        if (e.ValueKind != a.ValueKind && !(IsBool(e) && IsBool(a)))
        {
            list.Add($"{path}: expected {Show(e)}, got {Show(a)}");
            return;
        }
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var actualProps = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var expectedNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in e.EnumerateObject())
                {
                    expectedNames.Add(p.Name);
                    var child = $"{path}.{p.Name}";
                    if (actualProps.TryGetValue(p.Name, out var av)) Walk(child, p.Value, av, list, max);
                    else if (list.Count < max) list.Add($"{child}: expected {Show(p.Value)}, got no such field");
                }
                foreach (var (name, value) in actualProps)
                {
                    if (!expectedNames.Contains(name) && list.Count < max)
                        list.Add($"{path}.{name}: not expected, got {Show(value)}");
                }
                break;
            case JsonValueKind.Array:
                var ea = e.EnumerateArray().ToArray();
                var aa = a.EnumerateArray().ToArray();
                for (var i = 0; i < Math.Min(ea.Length, aa.Length); i++)
                    Walk($"{path}[{i}]", ea[i], aa[i], list, max);
                for (var i = aa.Length; i < ea.Length && list.Count < max; i++)
                    list.Add($"{path}[{i}]: expected {Show(ea[i])}, got no such element");
                for (var i = ea.Length; i < aa.Length && list.Count < max; i++)
                    list.Add($"{path}[{i}]: not expected, got {Show(aa[i])}");
                break;
            case JsonValueKind.Number:
                // 5 and 5.0 are the same number; the exact-text check reports formatting separately.
                if (e.GetDouble() != a.GetDouble()) list.Add($"{path}: expected {e.GetRawText()}, got {a.GetRawText()}");
                break;
            case JsonValueKind.String:
                if (e.GetString() != a.GetString()) list.Add($"{path}: expected {Show(e)}, got {Show(a)}");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                if (e.GetBoolean() != a.GetBoolean()) list.Add($"{path}: expected {Show(e)}, got {Show(a)}");
                break;
        }
    }

    static bool IsBool(JsonElement x) => x.ValueKind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>A value as short JSON text.</summary>
    public static string Show(JsonElement x)
    {
        var text = x.ValueKind switch
        {
            JsonValueKind.Object => x.GetRawText(),
            JsonValueKind.Array => x.GetRawText(),
            JsonValueKind.String => JsonSerializer.Serialize(x.GetString()),
            _ => x.GetRawText(),
        };
        return text.Length <= 120 ? text : text[..117] + "…";
    }
}
