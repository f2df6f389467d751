using System.Text;

namespace Logistics.Adapters.X12_214;

/// <summary>One X12 segment: its 1-based position in the interchange (ISA = 1) and its elements (<c>[0]</c> is the segment id).</summary>
readonly record struct X12Segment(int Number, string[] Elements)
{
    public string Id => Elements[0];

    /// <summary>Element <paramref name="index"/> (AT705 → 5), trimmed; "" when absent.</summary>
    public string this[int index] => index < Elements.Length ? Elements[index] : "";

    public string Position => $"segment {Number} ({Id})";

    public string PositionOf(int element) => $"segment {Number} ({Id}) element {element:00}";
}

/// <summary>A tokenizing failure: where, and what was expected.</summary>
sealed record X12Error(string Position, string Expected, string? Found);

/// <summary>
/// Splits an X12 interchange into segments. The delimiters are read from the ISA segment, never assumed: the element
/// separator is the character after "ISA", the component separator is ISA16 and the segment terminator is the character
/// after ISA16. CR/LF around segments are ignored so that "~\r\n"-style files and newline-terminated files both work.
/// </summary>
static class X12Interchange
{
    public static (List<X12Segment>? Segments, X12Error? Error) Parse(ReadOnlySpan<byte> raw)
    {
        if (raw.StartsWith("\uFEFF"u8)) raw = raw[3..];
        // X12 is ASCII by definition (basic/extended character sets); Latin-1 keeps every byte as one char.
        var text = Encoding.Latin1.GetString(raw);
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        if (string.CompareOrdinal(text, start, "ISA", 0, 3) != 0 || text.Length < start + 4)
            return (null, new X12Error("byte " + start, "an X12 interchange starting with ISA", Preview(text, start)));

        var elementSeparator = text[start + 3];
        if (char.IsLetterOrDigit(elementSeparator) || char.IsWhiteSpace(elementSeparator))
            return (null, new X12Error("segment 1 (ISA)", "an element separator after ISA", $"'{elementSeparator}'"));

        // ISA16 is the character after the 16th element separator (the 1st is at index 3); the terminator follows it.
        var index = start + 3;
        for (var count = 1; count < 16; count++)
        {
            index = text.IndexOf(elementSeparator, index + 1);
            if (index < 0)
                return (null, new X12Error("segment 1 (ISA)", "16 elements ending with the component separator ISA16", "end of input"));
        }
        if (index + 2 >= text.Length)
            return (null, new X12Error("segment 1 (ISA) element 16", "a component separator followed by the segment terminator", "end of input"));
        var terminator = text[index + 2];
        // A file may end ISA with only a newline: then the newline is the terminator.
        if (terminator == '\r') terminator = '\n';

        var segments = new List<X12Segment>(32);
        var position = start;
        while (position < text.Length)
        {
            var end = text.IndexOf(terminator, position);
            if (end < 0) end = text.Length;
            var body = text.AsSpan(position, end - position).Trim("\r\n");
            position = end + 1;
            if (body.IsEmpty) continue;
            segments.Add(new X12Segment(segments.Count + 1, Split(body, elementSeparator)));
        }
        return (segments, null);
    }

    static string[] Split(ReadOnlySpan<char> body, char separator)
    {
        var elements = new string[body.Count(separator) + 1];
        var i = 0;
        foreach (var range in body.Split(separator))
            elements[i++] = body[range].Trim(' ').ToString();
        return elements;
    }

    static string Preview(string text, int start)
    {
        var length = Math.Min(12, text.Length - start);
        if (length <= 0) return "end of input";
        // Garbage may be binary: show control characters as '?' so the rejection stays one printable line.
        var preview = string.Create(length, (text, start), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[state.start + i];
                span[i] = char.IsControl(c) ? '?' : c;
            }
        });
        return $"'{preview}'";
    }
}
