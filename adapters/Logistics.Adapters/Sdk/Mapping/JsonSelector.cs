using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Sdk.Mapping;

/// <summary>Where a selector starts: the document, the event being mapped, or the nearest ancestor of the event that has the path.</summary>
public enum SelectorRoot
{
    /// <summary><c>$</c>: the document root.</summary>
    Document,
    /// <summary><c>@</c>: the event object the rule selected.</summary>
    Event,
    /// <summary><c>^</c>: the event, then its parents outwards; the first object where the rest of the path matches.</summary>
    Ancestor,
}

/// <summary>
/// A compiled JSONPath selector, the subset mappings need: a root (<c>$</c> document, <c>@</c> event, <c>^</c> nearest
/// ancestor having the path) followed by <c>.name</c>, <c>['name']</c>, <c>.*</c>, <c>[*]</c>, <c>[n]</c>, <c>[-n]</c>
/// (from the end) and <c>[?(@.a.b=='x')]</c> / <c>!=</c> (array items whose member equals, or not, a string).
/// Compiled once when the mapping loads; a selector that does not compile is a problem of the mapping, with the
/// character where it went wrong.
/// </summary>
public sealed class JsonSelector
{
    readonly Segment[] _segments;

    JsonSelector(string text, SelectorRoot root, Segment[] segments) => (Text, Root, _segments) = (text, root, segments);

    public string Text { get; }

    public SelectorRoot Root { get; }

    /// <summary>Whether the selector can give more than one token (a wildcard, a filter).</summary>
    public bool IsMulti => _segments.Any(s => s.Kind is SegmentKind.Wildcard or SegmentKind.Filter);

    public override string ToString() => Text;

    /// <summary>Compiles a selector; false with a one-line error ("at character 7: expected ']'").</summary>
    public static bool TryParse(string text, out JsonSelector selector, out string error)
    {
        selector = null!;
        var parser = new Parser(text);
        if (!parser.TryRoot(out var root, out error) || !parser.TrySegments(out var segments, out error)) return false;
        selector = new JsonSelector(text, root, segments);
        return true;
    }

    /// <summary>The tokens the selector finds, in document order; JSON nulls are not matches.</summary>
    public List<JToken> Select(JToken document, JToken current)
    {
        var found = new List<JToken>(1);
        switch (Root)
        {
            case SelectorRoot.Document:
                Walk(document, 0, found);
                break;
            case SelectorRoot.Event:
                Walk(current, 0, found);
                break;
            default:
                for (JToken? t = current; t is not null && found.Count == 0; t = t.Parent)
                    if (t is JObject or JArray) Walk(t, 0, found);
                break;
        }
        return found;
    }

    /// <summary>The first token found, or null.</summary>
    public JToken? First(JToken document, JToken current)
    {
        var all = Select(document, current);
        return all.Count > 0 ? all[0] : null;
    }

    /// <summary>
    /// The selector up to its first wildcard or filter, for a multi-token selector: where the document must have
    /// something for the rule to apply at all (<c>$.shipment.event[*]</c> → <c>$.shipment.event</c>).
    /// </summary>
    public JsonSelector? FixedPrefix()
    {
        var n = Array.FindIndex(_segments, s => s.Kind is SegmentKind.Wildcard or SegmentKind.Filter);
        if (n <= 0) return null;
        var sb = new StringBuilder(Root switch { SelectorRoot.Document => "$", SelectorRoot.Event => "@", _ => "^" });
        foreach (var s in _segments[..n]) sb.Append(s.Text);
        return new JsonSelector(sb.ToString(), Root, _segments[..n]);
    }

    void Walk(JToken token, int index, List<JToken> found)
    {
        if (index == _segments.Length)
        {
            if (token.Type != JTokenType.Null) found.Add(token);
            return;
        }
        var s = _segments[index];
        switch (s.Kind)
        {
            case SegmentKind.Name when token is JObject o && o[s.Name!] is { } child:
                Walk(child, index + 1, found);
                break;
            case SegmentKind.Index when token is JArray a:
                var i = s.Index < 0 ? a.Count + s.Index : s.Index;
                if (i >= 0 && i < a.Count) Walk(a[i], index + 1, found);
                break;
            case SegmentKind.Wildcard when token is JArray a:
                foreach (var item in a) Walk(item, index + 1, found);
                break;
            case SegmentKind.Wildcard when token is JObject o:
                foreach (var p in o.Properties()) Walk(p.Value, index + 1, found);
                break;
            case SegmentKind.Filter when token is JArray a:
                foreach (var item in a)
                    if (Matches(item, s)) Walk(item, index + 1, found);
                break;
        }
    }

    static bool Matches(JToken item, Segment filter)
    {
        JToken? t = item;
        foreach (var name in filter.FilterPath!)
            t = (t as JObject)?[name];
        var equal = t is { Type: JTokenType.String or JTokenType.Integer or JTokenType.Boolean or JTokenType.Float }
            && string.Equals(t.Type == JTokenType.String ? (string)t! : t.ToString(Newtonsoft.Json.Formatting.None), filter.Name, StringComparison.Ordinal);
        return filter.Negated ? !equal : equal;
    }

    enum SegmentKind
    {
        Name,
        Index,
        Wildcard,
        Filter,
    }

    sealed record Segment(SegmentKind Kind, string Text)
    {
        /// <summary>The member name (Name), or the value compared with (Filter).</summary>
        public string? Name { get; init; }

        public int Index { get; init; }

        public string[]? FilterPath { get; init; }

        public bool Negated { get; init; }
    }

    /// <summary>A small recursive-descent parser over the selector text; every error names the character (1-based).</summary>
    ref struct Parser(string text)
    {
        int _at;

        public bool TryRoot(out SelectorRoot root, out string error)
        {
            root = SelectorRoot.Document;
            error = "";
            if (text.Length == 0) return Fail("a selector starting with $, @ or ^", out error);
            root = text[0] switch { '$' => SelectorRoot.Document, '@' => SelectorRoot.Event, '^' => SelectorRoot.Ancestor, _ => (SelectorRoot)(-1) };
            if ((int)root < 0) return Fail("$ (document), @ (event) or ^ (nearest ancestor) first", out error);
            _at = 1;
            return true;
        }

        public bool TrySegments(out Segment[] segments, out string error)
        {
            var list = new List<Segment>();
            segments = [];
            error = "";
            while (_at < text.Length)
            {
                var start = _at;
                Segment? segment;
                if (text[_at] == '.')
                {
                    _at++;
                    if (Peek('*'))
                    {
                        _at++;
                        segment = new Segment(SegmentKind.Wildcard, ".*");
                    }
                    else
                    {
                        var name = ReadName();
                        if (name.Length == 0) return Fail("a member name after '.'", out error);
                        segment = new Segment(SegmentKind.Name, "." + name) { Name = name };
                    }
                }
                else if (text[_at] == '[')
                {
                    _at++;
                    if (!TryBracket(out segment, out error)) return false;
                    if (!Peek(']')) return Fail("']'", out error);
                    _at++;
                    segment = segment! with { Text = text[start.._at] };
                }
                else return Fail("'.' or '['", out error);
                list.Add(segment!);
            }
            segments = [.. list];
            return true;
        }

        bool TryBracket(out Segment? segment, out string error)
        {
            segment = null;
            error = "";
            if (Peek('*'))
            {
                _at++;
                segment = new Segment(SegmentKind.Wildcard, "[*]");
                return true;
            }
            if (Peek('\'') || Peek('"'))
            {
                if (!TryQuoted(out var name, out error)) return false;
                segment = new Segment(SegmentKind.Name, "") { Name = name };
                return true;
            }
            if (Peek('?'))
            {
                _at++;
                if (!Expect("(@", out error)) return false;
                var path = new List<string>();
                while (Peek('.'))
                {
                    _at++;
                    var name = ReadName();
                    if (name.Length == 0) return Fail("a member name in the filter", out error);
                    path.Add(name);
                }
                if (path.Count == 0) return Fail("'.name' after '@' in the filter", out error);
                bool negated;
                if (Take("==")) negated = false;
                else if (Take("!=")) negated = true;
                else return Fail("'==' or '!=' in the filter", out error);
                if (!TryQuoted(out var value, out error)) return false;
                if (!Expect(")", out error)) return false;
                segment = new Segment(SegmentKind.Filter, "") { Name = value, FilterPath = [.. path], Negated = negated };
                return true;
            }
            var numberStart = _at;
            if (Peek('-')) _at++;
            while (_at < text.Length && char.IsAsciiDigit(text[_at])) _at++;
            if (!int.TryParse(text.AsSpan(numberStart, _at - numberStart), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                _at = numberStart;
                return Fail("*, an index, a quoted name or ?(@.name=='value') inside '[ ]'", out error);
            }
            segment = new Segment(SegmentKind.Index, "") { Index = index };
            return true;
        }

        bool TryQuoted(out string value, out string error)
        {
            value = "";
            error = "";
            if (!(Peek('\'') || Peek('"'))) return Fail("a quoted string", out error);
            var quote = text[_at++];
            var sb = new StringBuilder();
            while (_at < text.Length && text[_at] != quote)
            {
                if (text[_at] == '\\' && _at + 1 < text.Length) _at++;
                sb.Append(text[_at++]);
            }
            if (_at == text.Length) return Fail($"the closing {quote}", out error);
            _at++;
            value = sb.ToString();
            return true;
        }

        string ReadName()
        {
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '_' or '-' or '$' or ':')) _at++;
            return text[start.._at];
        }

        readonly bool Peek(char c) => _at < text.Length && text[_at] == c;

        bool Take(string s)
        {
            if (string.CompareOrdinal(text, _at, s, 0, s.Length) != 0) return false;
            _at += s.Length;
            return true;
        }

        bool Expect(string s, out string error)
        {
            error = "";
            return Take(s) || Fail($"'{s}'", out error);
        }

        readonly bool Fail(string expected, out string error)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"at character {_at + 1} of '{text}': expected {expected}");
            return false;
        }
    }
}
