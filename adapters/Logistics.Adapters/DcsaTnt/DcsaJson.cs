using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>
/// Bad input found while reading a DCSA body. Thrown inside the adapter only and turned into a rejection by
/// <see cref="DcsaTntAdapter"/>; it never leaves the adapter.
/// </summary>
sealed class DcsaInputException(string position, string expected, string? found) : Exception(expected)
{
    public string Position { get; } = position;
    public string Expected { get; } = expected;
    public string? Found { get; } = found;
}

/// <summary>Tolerant typed access to a Newtonsoft tree, with JSON paths (<c>$[0].eventDateTime</c>) in every failure.</summary>
static class DcsaJson
{
    /// <summary>Parses the whole body; dates stay strings (we resolve offsets ourselves) and trailing content is an error.</summary>
    public static JToken Parse(ReadOnlySpan<byte> raw)
    {
        if (raw.StartsWith("\uFEFF"u8)) raw = raw[3..];
        using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(raw)))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        var root = JToken.ReadFrom(reader);
        if (reader.Read())
            throw new JsonReaderException($"Additional content after the JSON value. Path '{reader.Path}', line {reader.LineNumber}, position {reader.LinePosition}.",
                reader.Path, reader.LineNumber, reader.LinePosition, null);
        return root;
    }

    /// <summary>The JSONPath of a token, rooted at <c>$</c>.</summary>
    public static string PathOf(JToken token) => PathOf(token.Path);

    public static string PathOf(string newtonsoftPath) =>
        newtonsoftPath.Length == 0 ? "$" : newtonsoftPath[0] == '[' ? "$" + newtonsoftPath : "$." + newtonsoftPath;

    public static string PathOf(JObject parent, string name) => PathOf(parent) + "." + name;

    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"'{Truncate((string)token!)}'",
        JTokenType.Integer or JTokenType.Float => $"number {token.ToString(Formatting.None)}",
        JTokenType.Boolean => $"boolean {token.ToString(Formatting.None)}",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Null => "null",
        _ => token.Type.ToString(),
    };

    static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>The child object, or null when absent or JSON null; another type is an error.</summary>
    public static JObject? Obj(JObject? parent, string name)
    {
        var t = parent?[name];
        return t switch
        {
            null or { Type: JTokenType.Null } => null,
            JObject o => o,
            _ => throw new DcsaInputException(PathOf(t), $"an object for '{name}'", Describe(t)),
        };
    }

    public static JArray? Arr(JObject? parent, string name)
    {
        var t = parent?[name];
        return t switch
        {
            null or { Type: JTokenType.Null } => null,
            JArray a => a,
            _ => throw new DcsaInputException(PathOf(t), $"an array for '{name}'", Describe(t)),
        };
    }

    /// <summary>A string property; integers are taken as their text (some feeds send ids and IMO numbers as numbers).</summary>
    public static string? Str(JObject? parent, string name)
    {
        var t = parent?[name];
        return t switch
        {
            null or { Type: JTokenType.Null } => null,
            { Type: JTokenType.String } => NullIfEmpty((string)t!),
            { Type: JTokenType.Integer } => t.ToString(Formatting.None),
            _ => throw new DcsaInputException(PathOf(t), $"a string for '{name}'", Describe(t)),
        };
    }

    static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A number, written as a JSON number or as a decimal string (DCSA latitude/longitude are strings).</summary>
    public static double? Num(JObject? parent, string name)
    {
        var t = parent?[name];
        switch (t)
        {
            case null or { Type: JTokenType.Null }:
                return null;
            case { Type: JTokenType.Integer or JTokenType.Float }:
                return (double)t;
            case { Type: JTokenType.String }:
                var s = ((string)t!).Trim();
                if (s.Length == 0) return null;
                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
                    return d;
                break;
        }
        throw new DcsaInputException(PathOf(t), $"a number for '{name}'", Describe(t));
    }

    public static bool Bool(JObject? parent, string name)
    {
        var t = parent?[name];
        return t switch
        {
            null or { Type: JTokenType.Null } => false,
            { Type: JTokenType.Boolean } => (bool)t,
            _ => throw new DcsaInputException(PathOf(t), $"a boolean for '{name}'", Describe(t)),
        };
    }
}
