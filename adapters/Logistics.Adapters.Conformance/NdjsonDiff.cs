using System.Text.Json;
using Logistics.Canonical.Json;

namespace Logistics.Adapters.Conformance;

/// <summary>
/// Compares what an adapter produced (each event's <see cref="CanonicalJson.Serialize"/> text) with the expected NDJSON,
/// line by line, and explains every difference: which event, which field path, expected vs actual; missing and extra
/// events; and lines that are the same JSON but not the exact text <c>CanonicalJson</c> writes.
/// </summary>
public static class NdjsonDiff
{
    const int MaxEventsExplained = 20;

    public static IReadOnlyList<string> Explain(string expectedNdjson, IReadOnlyList<string> actualLines)
    {
        var expectedLines = expectedNdjson.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        var diffs = new List<string>();
        var explained = 0;

        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Count); i++)
        {
            if (explained >= MaxEventsExplained)
            {
                diffs.Add($"… more differences after event {i} not shown");
                break;
            }
            var n = i + 1;
            if (i >= actualLines.Count)
            {
                diffs.Add($"event {n}: missing — expected line {n} {Summary(expectedLines[i])} was not produced");
                explained++;
                continue;
            }
            if (i >= expectedLines.Length)
            {
                diffs.Add($"event {n}: extra — produced {Summary(actualLines[i])}, the expected file has {expectedLines.Length} line(s)");
                explained++;
                continue;
            }
            if (string.Equals(expectedLines[i], actualLines[i], StringComparison.Ordinal)) continue;

            explained++;
            JsonDocument expectedDoc;
            try { expectedDoc = JsonDocument.Parse(expectedLines[i]); }
            catch (JsonException ex)
            {
                diffs.Add($"event {n}: expected line {n} is not JSON ({ex.Message})");
                continue;
            }
            using (expectedDoc)
            using (var actualDoc = JsonDocument.Parse(actualLines[i]))
            {
                var fields = JsonDiff.Differences(expectedDoc.RootElement, actualDoc.RootElement);
                if (fields.Count == 0)
                {
                    diffs.Add($"event {n} {Summary(actualLines[i])}: same JSON, different text — {FirstTextDifference(expectedLines[i], actualLines[i])}; " +
                              "write expected files with `./logistics translate` so they are exactly CanonicalJson's output");
                }
                else
                {
                    foreach (var f in fields)
                        diffs.Add($"event {n} {Summary(actualLines[i])}: {f}");
                }
            }
        }
        return diffs;
    }

    /// <summary>"(milestone DEPARTED 2025-03-01T10:00:00Z)": enough to tell events apart in a message.</summary>
    public static string Summary(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            var kind = Str(o, "kind") ?? "?";
            var detail = kind switch
            {
                "milestone" => o.TryGetProperty("milestone", out var m) ? Str(m, "code") : null,
                "measurement" => o.TryGetProperty("measurement", out var m) ? Str(m, "type") : null,
                _ => null,
            };
            return $"({kind}{(detail is null ? "" : " " + detail)} {Str(o, "occurredAt")})";
        }
        catch (JsonException)
        {
            return "(not JSON)";
        }
    }

    static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string FirstTextDifference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        var from = Math.Max(0, i - 20);
        return $"first difference at column {i + 1}: expected …{Slice(expected, from)}…, got …{Slice(actual, from)}…";
    }

    static string Slice(string s, int from) => s.Length <= from ? "" : s.Substring(from, Math.Min(40, s.Length - from));
}
