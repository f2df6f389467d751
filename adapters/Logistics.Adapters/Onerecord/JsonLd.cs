using Logistics.Adapters.Sdk;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Onerecord;

/// <summary>
/// Reads ONE Record JSON-LD as servers publish it, without a full JSON-LD processor: a property of the cargo (or api)
/// vocabulary is found under any prefix the document's <c>@context</c> maps to that namespace (<c>cargo:eventCode</c>),
/// under its full IRI (expanded form) or bare (when the context makes cargo the default vocabulary); a value may be
/// plain, an <c>{"@value": …}</c> or <c>{"@id": …}</c> object, or a one-element array (expanded form).
/// Wrong types are recorded on the <see cref="JsonInput"/> with their JSON path, like every JSON adapter.
/// </summary>
sealed class JsonLd
{
    public const string CargoNs = "https://onerecord.iata.org/ns/cargo#";
    public const string Api = "https://onerecord.iata.org/ns/api#";
    public const string CodeLists = "https://onerecord.iata.org/ns/code-lists/";

    readonly string[] _cargoPrefixes;
    readonly string[] _apiPrefixes;

    JsonLd(JsonInput json, string[] cargoPrefixes, string[] apiPrefixes) =>
        (Json, _cargoPrefixes, _apiPrefixes) = (json, cargoPrefixes, apiPrefixes);

    public JsonInput Json { get; }

    /// <summary>The prefixes the root's <c>@context</c> maps to the cargo and api namespaces (cargo: and api: by default).</summary>
    public static JsonLd For(JsonInput json, JObject root)
    {
        List<string> cargo = ["cargo"], api = ["api"];
        if (root["@context"] is JObject context)
            foreach (var p in context.Properties())
            {
                if (p.Value is JValue { Type: JTokenType.String } v && (string)v! == CargoNs && !cargo.Contains(p.Name)) cargo.Add(p.Name);
                if (p.Value is JValue { Type: JTokenType.String } w && (string)w! == Api && !api.Contains(p.Name)) api.Add(p.Name);
            }
        return new JsonLd(json, [.. cargo], [.. api]);
    }

    /// <summary>A cargo-vocabulary property of <paramref name="o"/> (JSON null counts as absent); one-element arrays unwrapped.</summary>
    public JToken? Cargo(JObject? o, string name) => Unwrap(Find(o, name, _cargoPrefixes, CargoNs));

    /// <summary>An api-vocabulary property of <paramref name="o"/>.</summary>
    public JToken? ApiProperty(JObject? o, string name) => Unwrap(Find(o, name, _apiPrefixes, Api));

    /// <summary>Every value of a property that may hold one value or an array (eventFor, measurements, hasItem).</summary>
    public IEnumerable<JToken> CargoAll(JObject? o, string name) => All(Find(o, name, _cargoPrefixes, CargoNs));

    public IEnumerable<JToken> ApiAll(JObject? o, string name) => All(Find(o, name, _apiPrefixes, Api));

    /// <summary>The types of a node (<c>@type</c>, one or several), as local names of the cargo/api vocabularies: <c>LogisticsEvent</c>.</summary>
    public IEnumerable<string> Types(JObject o)
    {
        foreach (var t in All(o["@type"] is { Type: not JTokenType.Null } type ? type : null))
            if (t.Type == JTokenType.String) yield return LocalName((string)t!);
    }

    /// <summary>A string, or the <c>@value</c> of a value object; another type is a rejection at its path.</summary>
    public string? Text(JToken? value, string expected)
    {
        if (value is JObject o && o["@value"] is { } v) value = v;
        return value switch
        {
            null => null,
            { Type: JTokenType.String } => NullIfBlank((string)value!),
            { Type: JTokenType.Integer } => value.ToString(Newtonsoft.Json.Formatting.None),
            _ => Json.Wrong<string>(value, expected),
        };
    }

    /// <summary>A number, a numeric string, or the <c>@value</c> of either.</summary>
    public double? Number(JToken? value, string expected)
    {
        if (value is JObject o && o["@value"] is { } v) value = v;
        if (value is null) return null;
        return value.Type is JTokenType.Integer or JTokenType.Float or JTokenType.String
            ? Json.NumberOrString(value)
            : Json.Wrong<double?>(value, expected);
    }

    /// <summary>The IRI of a node reference: <c>{"@id": …}</c>, or a string (an IRI written directly).</summary>
    public string? Id(JToken? value, string expected) => value switch
    {
        null => null,
        JObject o => o["@id"] is { } id ? Text(id, expected) : null,
        { Type: JTokenType.String } => Text(value, expected),
        _ => Json.Wrong<string>(value, expected),
    };

    /// <summary>Records a rejection at a token; a node reference is described by its <c>@id</c>, not as "an object".</summary>
    public void Fail(JToken token, string expected)
    {
        if (token is JObject { } o && o["@id"] is JValue { Type: JTokenType.String } id) Json.Fail(JsonInput.PathOf(token), expected, JsonInput.Describe(id));
        else Json.Fail(token, expected);
    }

    /// <summary><c>cargo:ACTUAL</c>, <c>https://onerecord.iata.org/ns/cargo#ACTUAL</c>, <c>…/StatusCode#DEP</c> → <c>ACTUAL</c>, <c>DEP</c>.</summary>
    public static string LocalName(string iri)
    {
        var hash = iri.LastIndexOf('#');
        if (hash >= 0) return iri[(hash + 1)..];
        var colon = iri.LastIndexOf(':');
        return colon >= 0 && !iri.Contains("//", StringComparison.Ordinal) ? iri[(colon + 1)..] : iri;
    }

    static string? NullIfBlank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static JToken? Find(JObject? o, string name, string[] prefixes, string ns)
    {
        if (o is null) return null;
        foreach (var prefix in prefixes)
            if (o[prefix + ":" + name] is { Type: not JTokenType.Null } t) return t;
        if (o[ns + name] is { Type: not JTokenType.Null } full) return full;
        return o[name] is { Type: not JTokenType.Null } bare ? bare : null;
    }

    static JToken? Unwrap(JToken? t) => t is JArray { Count: 1 } a ? a[0] : t is JArray { Count: 0 } ? null : t;

    static IEnumerable<JToken> All(JToken? t)
    {
        if (t is null) yield break;
        if (t is JArray a)
        {
            foreach (var item in a)
                if (item.Type != JTokenType.Null) yield return item;
        }
        else yield return t;
    }
}
