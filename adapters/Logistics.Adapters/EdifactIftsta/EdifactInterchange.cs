using System.Text;

namespace Logistics.Adapters.EdifactIftsta;

/// <summary>A bad segment, element or component, thrown inside the adapter only and returned as a rejection.</summary>
sealed class EdifactInputException(string position, string expected, string? found) : Exception(expected)
{
    public string Position { get; } = position;
    public string Expected { get; } = expected;
    public string? Found { get; } = found;
}

/// <summary>
/// One EDIFACT segment: its number in the interchange (the first segment after UNA, usually UNB, is 1; UNA is service
/// string advice, not a segment) and its data elements, each a list of components, release characters already applied.
/// <c>this[2, 1]</c> is the second component of element 2 (STS+1+21:::DELIVERED → "21" is [2, 1]).
/// </summary>
sealed class EdifactSegment(int number, string[][] elements)
{
    public int Number { get; } = number;
    public string Tag => elements[0][0];
    public int ElementCount => elements.Length - 1;

    public string this[int element, int component = 1] =>
        element < elements.Length && component - 1 < elements[element].Length ? elements[element][component - 1] : "";

    public string Position => $"segment {Number} ({Tag})";

    public string PositionOf(int element, int component = 1) =>
        component == 1 ? $"segment {Number} ({Tag}) element {element}" : $"segment {Number} ({Tag}) element {element} component {component}";

    public EdifactInputException Error(int element, int component, string expected) =>
        new(PositionOf(element, component), expected, Found(this[element, component]));

    public static string Found(string s)
    {
        if (s.Length == 0) return "nothing";
        var shown = s.Length <= 40 ? s : s[..37] + "...";
        return shown.Any(char.IsControl) ? new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : shown;
    }
}

/// <summary>
/// Splits an EDIFACT interchange into segments with the separators its UNA service string advice declares
/// (<c>UNA:+.? '</c>: component, element, decimal mark, release character, reserved, segment terminator), or the
/// ISO 9735 defaults when there is no UNA. A release character makes the next character literal (<c>?'</c>, <c>?+</c>).
/// Line breaks after a segment terminator are not data. The text is decoded by the UNB syntax identifier: UNOW/UNOY
/// as UTF-8, anything else byte for byte (ASCII and the ISO 8859 sets of UNOB-UNOK).
/// </summary>
static class EdifactInterchange
{
    public static List<EdifactSegment> Parse(ReadOnlySpan<byte> raw)
    {
        if (raw.StartsWith("\uFEFF"u8)) raw = raw[3..];
        var text = Encoding.Latin1.GetString(raw);
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        if (start == text.Length) throw new EdifactInputException("byte 0", "an EDIFACT interchange (UNA, UNB or UNH)", "empty input");

        char component = ':', element = '+', release = '?', terminator = '\'';
        if (string.CompareOrdinal(text, start, "UNA", 0, 3) == 0)
        {
            if (text.Length < start + 9) throw new EdifactInputException("UNA", "the six service characters after UNA (:+.? ')", "end of input");
            (component, element, release, terminator) = (text[start + 3], text[start + 4], text[start + 6], text[start + 8]);
            var chars = new[] { component, element, release, terminator };
            if (chars.Distinct().Count() != 4 || chars.Any(char.IsLetterOrDigit))
                throw new EdifactInputException("UNA", "distinct non-alphanumeric component, element, release and segment separators", text.Substring(start + 3, 6));
            start += 9;
        }
        else if (!(text.AsSpan(start).StartsWith("UNB") || text.AsSpan(start).StartsWith("UNH")))
            throw new EdifactInputException($"byte {start}", "an EDIFACT interchange starting with UNA, UNB or UNH", EdifactSegment.Found(Preview(text, start)));

        if (IsUtf8Syntax(text, start, element)) text = Encoding.UTF8.GetString(raw);

        var segments = new List<EdifactSegment>(32);
        var elements = new List<string[]>(8);
        var components = new List<string>(4);
        var current = new StringBuilder(32);
        var inSegment = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (!inSegment)
            {
                if (c is '\r' or '\n' || c == ' ' && terminator != ' ') continue;
                inSegment = true;
            }
            if (c == release)
            {
                if (++i == text.Length) break;
                current.Append(text[i]);
            }
            else if (c == component)
            {
                components.Add(current.ToString());
                current.Clear();
            }
            else if (c == element)
            {
                components.Add(current.ToString());
                current.Clear();
                elements.Add([.. components]);
                components.Clear();
            }
            else if (c == terminator)
            {
                components.Add(current.ToString());
                current.Clear();
                elements.Add([.. components]);
                components.Clear();
                Add(segments, elements);
                elements.Clear();
                inSegment = false;
            }
            else current.Append(c);
        }
        if (inSegment)
        {
            components.Add(current.ToString());
            elements.Add([.. components]);
            var tag = elements[0][0];
            throw new EdifactInputException($"segment {segments.Count + 1} ({EdifactSegment.Found(tag.Length <= 3 ? tag : tag[..3])})",
                $"the segment terminator {terminator}", "end of input");
        }
        return segments;
    }

    static void Add(List<EdifactSegment> segments, List<string[]> elements)
    {
        var tag = elements[0][0];
        var number = segments.Count + 1;
        if (tag.Length != 3 || !tag.All(char.IsAsciiLetterUpper) || elements[0].Length != 1)
            throw new EdifactInputException($"segment {number}", "a segment tag of three upper-case letters", EdifactSegment.Found(tag));
        segments.Add(new EdifactSegment(number, [.. elements]));
    }

    /// <summary>Whether the UNB's syntax identifier (first element, first component) is UNOW or UNOY (UTF-8).</summary>
    static bool IsUtf8Syntax(string text, int start, char element)
    {
        var unb = text.IndexOf("UNB" + element, start, StringComparison.Ordinal);
        return unb >= 0 && unb < start + 16 && text.Length >= unb + 8 && text.AsSpan(unb + 4, 4) is "UNOW" or "UNOY";
    }

    static string Preview(string text, int start) => text.Substring(start, Math.Min(12, text.Length - start));
}
