using System.Globalization;
using Logistics.Adapters.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Epcis2;

/// <summary>
/// Tolerant reads of EPCIS JSON with rejections as data: each Try* returns false and sets <see cref="Error"/>
/// naming the JSON path, what was expected and what was found. One instance per translation.
/// </summary>
sealed class EpcisJson
{
    static readonly OffsetDateTimePattern DateTimeWithOffset = OffsetDateTimePattern.ExtendedIso;
    static readonly LocalDateTimePattern LocalDateTime = LocalDateTimePattern.ExtendedIso;
    static readonly OffsetPattern OffsetFormat = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    public Rejection? Error { get; private set; }

    public bool Fail(string path, string expected, JToken? found)
    {
        Error = new Rejection(path, expected, found is null ? "nothing" : Describe(found));
        return false;
    }

    /// <summary>An optional string member; false (with a rejection) only when present with another type.</summary>
    public bool TryOptionalString(JObject o, string name, string path, out string? value)
    {
        value = null;
        var token = o[name];
        if (token is null || token.Type == JTokenType.Null) return true;
        if (token.Type != JTokenType.String) return Fail(path + "." + name, "a string", token);
        value = Text(token);
        return true;
    }

    /// <summary>An optional number member.</summary>
    public bool TryOptionalNumber(JObject o, string name, string path, out double? value)
    {
        value = null;
        var token = o[name];
        if (token is null || token.Type == JTokenType.Null) return true;
        if (token.Type is not (JTokenType.Float or JTokenType.Integer)) return Fail(path + "." + name, "a number", token);
        value = (double)token;
        return true;
    }

    /// <summary>An optional array member; each element must be a string (an identifier URI).</summary>
    public bool TryStringArray(JObject o, string name, string path, List<string> into)
    {
        var token = o[name];
        if (token is null || token.Type == JTokenType.Null) return true;
        if (token is not JArray array) return Fail(path + "." + name, "an array of identifier URIs", token);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i].Type != JTokenType.String)
                return Fail(FormattableString.Invariant($"{path}.{name}[{i}]"), "an identifier URI string", array[i]);
            into.Add(Text(array[i]));
        }
        return true;
    }

    /// <summary>
    /// An EPCIS date-time: ISO-8601 with an offset; a time without one is read in <paramref name="localOffset"/>
    /// (the event's eventTimeZoneOffset) when there is one.
    /// </summary>
    public bool TryTime(JToken? token, string path, Offset? localOffset, out Instant instant, out Offset offset)
    {
        (instant, offset) = (default, default);
        if (token is null || token.Type != JTokenType.String) return Fail(path, "an ISO-8601 date-time", token);
        var text = Text(token);
        var parsed = DateTimeWithOffset.Parse(text);
        if (parsed.Success) { (instant, offset) = (parsed.Value.ToInstant(), parsed.Value.Offset); return true; }
        var local = LocalDateTime.Parse(text);
        if (local.Success && localOffset is { } declared)
        {
            (instant, offset) = (local.Value.WithOffset(declared).ToInstant(), declared);
            return true;
        }
        return Fail(path, "an ISO-8601 date-time with an offset", token);
    }

    public bool TryOffset(JToken? token, string path, out Offset? offset)
    {
        offset = null;
        if (token is null || token.Type == JTokenType.Null) return true;
        if (token.Type == JTokenType.String)
        {
            var parsed = OffsetFormat.Parse(Text(token));
            if (parsed.Success) { offset = parsed.Value; return true; }
        }
        return Fail(path, "a time zone offset like +01:00", token);
    }

    /// <summary>What a rejection says it found: strings quoted and shortened, numbers and literals as written.</summary>
    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => "\"" + Shorten(Text(token)) + "\"",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Null => "null",
        _ => Shorten(token.ToString(Formatting.None)),
    };

    /// <summary>The text of a string token.</summary>
    public static string Text(JToken token) => (string?)token ?? "";

    static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    public static string Index(string path, string name, int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i}]");
}
