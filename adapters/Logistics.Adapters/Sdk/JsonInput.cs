using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// One JSON input being read (Newtonsoft.Json), tolerant where carrier feeds vary and path-aware where they are wrong.
/// Errors are data: a read that finds the wrong type records a <see cref="Rejection"/> naming the JSON path
/// (<c>$.events[0].eventDateTime</c>), what was expected and what was found, and returns null/false. The first error
/// wins; later reads still work but cannot replace it, so an adapter reads on and checks <see cref="Failed"/> before it
/// returns (<c>if (json.Failed) return json.Rejected();</c>). Paths are computed only when something fails.
/// Dates stay strings (adapters resolve offsets themselves), floats are doubles, depth is bounded (64); invalid UTF-8 and
/// escaped lone surrogates (<c>"\ud800"</c>) are read as U+FFFD, so every string an adapter reads is valid text.
/// </summary>
public sealed class JsonInput
{
    const int MaxDepth = 64;

    // Tokens carry no line info (a rejection's path is computed from the tree; parse errors take the reader's line):
    // keeping it costs an annotation object per token.
    static readonly JsonLoadSettings LoadSettings = new() { LineInfoHandling = LineInfoHandling.Ignore };

    JsonInput(JToken root, Rejection? error) => (Root, Error) = (root, error);

    /// <summary>The document (a JSON null when parsing failed).</summary>
    public JToken Root { get; }

    /// <summary>The first thing found wrong, or null.</summary>
    public Rejection? Error { get; private set; }

    public bool Failed => Error is not null;

    /// <summary>The translation result for <see cref="Error"/>; only meaningful when <see cref="Failed"/>.</summary>
    public TranslationResult Rejected() => new Rejected(Error ?? new Rejection("$", "a readable input", null));

    /// <summary>
    /// Parses a whole input. <paramref name="document"/> says what it should be ("a DCSA T&amp;T event…"), for the
    /// rejection of an empty input or one that is not JSON at all. Never throws.
    /// </summary>
    public static JsonInput Parse(ReadOnlyMemory<byte> raw, string document)
    {
        var span = raw.Span;
        var bom = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var start = bom;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start == span.Length)
            return FailedParse(new Rejection("byte 0", document, "empty input"));
        if (span[start] is not ((byte)'{' or (byte)'['))
            return FailedParse(new Rejection(Invariant($"byte {start}"), $"a JSON object or array ({document})", $"byte 0x{span[start]:X2}"));

        // One decode (invalid UTF-8 → U+FFFD) after the BOM, leading whitespace kept so parse errors' lines stay true;
        // the reader's buffer is pooled.
        using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(span[bom..])))
        {
            DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = MaxDepth,
            ArrayPool = SharedCharPool.Instance,
        };
        try
        {
            var root = JToken.ReadFrom(reader, LoadSettings);
            // Reading on makes Newtonsoft reject text after the document ("Additional text encountered…").
            while (reader.Read()) { }
            return new JsonInput(root, null);
        }
        catch (JsonException ex)
        {
            var (line, position) = ex is JsonReaderException r ? (r.LineNumber, r.LinePosition) : (reader.LineNumber, reader.LinePosition);
            return FailedParse(new Rejection(Invariant($"{PathOf(reader.Path)} (line {line}, position {position})"), "well-formed JSON", Sentence(ex.Message)));
        }
    }

    /// <summary>A reader over a tree that is already parsed (a mapping's selected token, a test).</summary>
    public static JsonInput Over(JToken root) => new(root, null);

    static JsonInput FailedParse(Rejection error) => new(JValue.CreateNull(), error);


    // ---- failing -------------------------------------------------------------------------------------------------

    /// <summary>Records a rejection at <paramref name="path"/> (kept only if it is the first); always returns false.</summary>
    public bool Fail(string path, string expected, string? found)
    {
        Error ??= new Rejection(path, expected, found);
        return false;
    }

    /// <summary>Records a rejection at a token, describing what it holds.</summary>
    public bool Fail(JToken token, string expected) => Error is not null || Fail(PathOf(token), expected, Describe(token));

    /// <summary>Records a rejection for a member that is absent (or null): found "nothing".</summary>
    public bool Missing(JToken parent, string name, string expected) =>
        Error is not null || Fail(PathOf(parent, name), expected, "nothing");

    /// <summary><see cref="Fail(JToken, string)"/>, then the rejection to return (the first error recorded).</summary>
    public TranslationResult RejectAt(JToken token, string expected)
    {
        Fail(token, expected);
        return Rejected();
    }

    /// <summary><see cref="Missing"/>, then the rejection to return (the first error recorded).</summary>
    public TranslationResult RejectMissing(JToken parent, string name, string expected)
    {
        Missing(parent, name, expected);
        return Rejected();
    }

    /// <summary>Records a rejection at a token and returns the default of <typeparamref name="T"/> (null), for reads that found the wrong type.</summary>
    public T? Wrong<T>(JToken token, string expected)
    {
        Fail(token, expected);
        return default;
    }

    // ---- typed access --------------------------------------------------------------------------------------------

    /// <summary>The member as a token, or null when <paramref name="parent"/> is null or the member is absent or JSON null.</summary>
    public static JToken? Member(JObject? parent, string name) =>
        parent?[name] is { Type: not JTokenType.Null } t ? t : null;

    /// <summary>A child object; null when absent; another type is a rejection.</summary>
    public JObject? Object(JObject? parent, string name) => Member(parent, name) switch
    {
        null => null,
        JObject o => o,
        var t => Wrong<JObject>(t, "an object"),
    };

    /// <summary>A child array; null when absent; another type is a rejection.</summary>
    public JArray? Array(JObject? parent, string name) => Member(parent, name) switch
    {
        null => null,
        JArray a => a,
        var t => Wrong<JArray>(t, "an array"),
    };

    /// <summary>The objects of a child array (JSON nulls in it are skipped); any other element is a rejection.</summary>
    public IEnumerable<JObject> Objects(JObject? parent, string name)
    {
        if (Array(parent, name) is not { } array) yield break;
        foreach (var item in array)
        {
            if (item is JObject o) yield return o;
            else if (item.Type != JTokenType.Null) Fail(item, $"an object in '{name}'");
        }
    }

    /// <summary>A string member exactly as written; null when absent; another type is a rejection.</summary>
    public string? String(JObject? parent, string name) => Member(parent, name) switch
    {
        null => null,
        { Type: JTokenType.String } t => (string)t!,
        var t => Wrong<string>(t, "a string"),
    };

    /// <summary>
    /// A code or identifier, as carrier feeds write them: a string (trimmed; blank counts as absent) or an integer
    /// (ids and IMO numbers sent as numbers) as its digits; another type is a rejection.
    /// </summary>
    public string? Text(JObject? parent, string name) => Text(Member(parent, name));

    /// <summary><see cref="Text(JObject?, string)"/> for a token already selected.</summary>
    public string? Text(JToken? token) => token switch
    {
        null or { Type: JTokenType.Null } => null,
        { Type: JTokenType.String } t => NullIfBlank((string)t!),
        { Type: JTokenType.Integer } t => t.ToString(Formatting.None),
        var t => Wrong<string>(t, "a string"),
    };

    /// <summary>A JSON number (finite); null when absent; another type is a rejection.</summary>
    public double? Number(JObject? parent, string name) => Member(parent, name) switch
    {
        null => null,
        { Type: JTokenType.Integer or JTokenType.Float } t when Finite(t, out var d) => d,
        var t => Wrong<double?>(t, "a number"),
    };

    /// <summary>A number written as a JSON number or as a decimal string (DCSA coordinates, many parcel APIs); blank counts as absent.</summary>
    public double? NumberOrString(JObject? parent, string name) => NumberOrString(Member(parent, name));

    /// <summary><see cref="NumberOrString(JObject?, string)"/> for a token already selected.</summary>
    public double? NumberOrString(JToken? token)
    {
        switch (token)
        {
            case null or { Type: JTokenType.Null }:
                return null;
            case { Type: JTokenType.Integer or JTokenType.Float } when Finite(token, out var d):
                return d;
            case { Type: JTokenType.String }:
                var s = ((string)token!).Trim();
                if (s.Length == 0) return null;
                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
                    return parsed;
                break;
        }
        Fail(token, "a number");
        return null;
    }

    /// <summary>A JSON string holding an RFC 3339 time with its offset (<see cref="SourceTime.TryParseExplicit"/>); false for anything else.</summary>
    public static bool TryExplicitTime(JToken? token, out Canonical.Time.ResolvedTime time)
    {
        time = default;
        return token is { Type: JTokenType.String } && SourceTime.TryParseExplicit((string)token!, out time);
    }

    /// <summary>A boolean member; false when absent; another type is a rejection.</summary>
    public bool Boolean(JObject? parent, string name) => Member(parent, name) switch
    {
        null => false,
        { Type: JTokenType.Boolean } t => (bool)t,
        var t => Fail(t, "a boolean") && false,
    };

    /// <summary>Appends the strings of a child array to <paramref name="into"/>; a non-array or a non-string element is a rejection.</summary>
    public bool Strings(JObject? parent, string name, List<string> into, string expected = "a string")
    {
        if (Member(parent, name) is not { } token) return true;
        if (token is not JArray array) return Fail(token, $"an array of {WithoutArticle(expected)}s");
        foreach (var item in array)
        {
            if (item.Type != JTokenType.String) return Fail(item, expected);
            into.Add((string)item!);
        }
        return true;
    }

    // ---- paths and descriptions ----------------------------------------------------------------------------------

    /// <summary>The JSONPath of a token, rooted at <c>$</c>: <c>$</c>, <c>$[0].eventDateTime</c>, <c>$.a['odd key']</c>.</summary>
    public static string PathOf(JToken token) => PathOf(token.Path);

    /// <summary>The JSONPath of a member of <paramref name="parent"/>, whether or not it exists.</summary>
    public static string PathOf(JToken parent, string name) => PathOf(parent) + MemberSegment(name);

    /// <summary>Newtonsoft's path (<c>a[0].b</c>) rooted at <c>$</c>.</summary>
    public static string PathOf(string newtonsoftPath) =>
        newtonsoftPath.Length == 0 ? "$" : newtonsoftPath[0] == '[' ? "$" + newtonsoftPath : "$." + newtonsoftPath;

    /// <summary><c>.name</c>, or <c>['name']</c> when the name has characters a dotted path cannot carry (as Newtonsoft writes it).</summary>
    public static string MemberSegment(string name) =>
        name.AsSpan().IndexOfAny(PathSpecial) >= 0 || name.Length == 0 ? "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']" : "." + name;

    static readonly System.Buffers.SearchValues<char> PathSpecial =
        System.Buffers.SearchValues.Create(".' /\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    /// <summary>
    /// What a rejection says it found, as JSON would write it: strings quoted (shortened), numbers, booleans and null
    /// as literals, "an object", "an array". Control characters become '?', so a rejection stays one printable line.
    /// </summary>
    public static string Describe(JToken? token) => token switch
    {
        null => "nothing",
        { Type: JTokenType.String } => "\"" + Printable(Shorten((string)token!)) + "\"",
        { Type: JTokenType.Object } => "an object",
        { Type: JTokenType.Array } => "an array",
        { Type: JTokenType.Null } => "null",
        _ => Printable(Shorten(token.ToString(Formatting.None))),
    };

    /// <summary>A parser's message without its own "Path …" suffix (the position says where), on one printable line.</summary>
    static string Sentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return Printable(cut > 0 ? message[..cut].TrimEnd('.', ',') : message);
    }

    static string Printable(string s)
    {
        if (!s.Any(char.IsControl)) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(char.IsControl(c) ? '?' : c);
        return sb.ToString();
    }

    static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    static string? NullIfBlank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string WithoutArticle(string s) => s.StartsWith("a ", StringComparison.Ordinal) ? s[2..] : s.StartsWith("an ", StringComparison.Ordinal) ? s[3..] : s;

    /// <summary>Whether a token is a JSON number that fits a finite double (1e400 and huge integers do not).</summary>
    public static bool Finite(JToken token, out double value)
    {
        value = 0;
        if (token.Type is not (JTokenType.Integer or JTokenType.Float)) return false;
        try
        {
            value = (double)token;
        }
        catch (OverflowException)
        {
            value = 0;
            return false;
        }
        return double.IsFinite(value);
    }

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Newtonsoft's reader buffers from <see cref="System.Buffers.ArrayPool{T}.Shared"/>.</summary>
sealed class SharedCharPool : IArrayPool<char>
{
    public static readonly SharedCharPool Instance = new();

    public char[] Rent(int minimumLength) => System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null) System.Buffers.ArrayPool<char>.Shared.Return(array);
    }
}
