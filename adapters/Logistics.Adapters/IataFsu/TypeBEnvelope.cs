using System.Text;

namespace Logistics.Adapters.IataFsu;

/// <summary>The Type-B origin line's time: day, hour and minute (GMT) when the originator sent the message.</summary>
readonly record struct OriginStamp(string Address, int Day, int Hour, int Minute, int LineNumber);

/// <summary>The message text (SMI line first) and, when it came in a Type-B envelope, the envelope's origin stamp.</summary>
sealed record FsuText(List<FsuLine> Lines, OriginStamp? Origin);

/// <summary>
/// Reads the Type-B telex envelope around a Cargo-IMP message, when there is one: the optional SOH, the address line
/// (priority code and 7-character addresses, <c>QD SELPRCR</c>), the origin line (<c>.HDQFMQR 200739</c>: originator
/// and the day/hour/minute it was sent, GMT), STX before the text and ETX after it. A message without an envelope starts
/// with its Standard Message Identifier (<c>FSU/14</c>). Lines are numbered as in the input, envelope included.
/// </summary>
static class TypeBEnvelope
{
    public static FsuText Read(ReadOnlySpan<byte> raw)
    {
        if (raw.StartsWith("\uFEFF"u8)) raw = raw[3..];
        // Cargo-IMP is 7-bit ASCII; Latin-1 keeps every byte as one character, so positions stay honest on garbage.
        var text = Encoding.Latin1.GetString(raw);
        var lines = SplitLines(text);
        if (lines.Count == 0)
            throw new FsuInputException("line 1", "a Cargo-IMP FSU message (Type-B envelope or the SMI FSU/nn)", "empty input");

        var i = 0;
        OriginStamp? origin = null;
        if (!IsSmi(lines[0].Text))
        {
            if (!IsAddressLine(lines[0].Text))
                throw new FsuInputException($"line {lines[0].Number}",
                    "the SMI FSU/nn (or FSA/nn), or a Type-B envelope starting with an address line such as QD HDQFMQR", Preview(lines[0].Text));
            i = 1;
            while (i < lines.Count && IsAddressContinuation(lines[i].Text)) i++; // long address lists wrap
            if (i == lines.Count || !lines[i].Text.StartsWith('.'))
                throw new FsuInputException($"line {(i < lines.Count ? lines[i].Number : lines[^1].Number + 1)}",
                    "the Type-B origin line (.ORIGINATOR DDHHMM)", i < lines.Count ? Preview(lines[i].Text) : "end of input");
            origin = Origin(lines[i]);
            i++;
            if (i == lines.Count || !IsSmi(lines[i].Text))
                throw new FsuInputException($"line {(i < lines.Count ? lines[i].Number : lines[^1].Number + 1)}",
                    "the SMI FSU/nn (or FSA/nn) after the Type-B envelope", i < lines.Count ? Preview(lines[i].Text) : "end of input");
        }
        return new FsuText(lines.GetRange(i, lines.Count - i), origin);
    }

    /// <summary>Lines split at CRLF, LF or CR (each one break), numbered from 1; blank lines are skipped but counted.</summary>
    static List<FsuLine> SplitLines(string text)
    {
        var lines = new List<FsuLine>(8);
        int number = 1, start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\r' or '\n')) continue;
            var cleaned = Clean(text.AsSpan(start, i - start));
            if (cleaned.Length > 0) lines.Add(new FsuLine(number, cleaned));
            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            number++;
            start = i + 1;
        }
        return lines;
    }

    /// <summary>The line without the telex framing characters (SOH, STX, ETX, EOT) and surrounding spaces.</summary>
    static string Clean(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim(" \t\u0001\u0002\u0003\u0004");
        return trimmed.IsEmpty ? "" : trimmed.ToString();
    }

    static bool IsSmi(string line) => line.Length >= 5 && line[3] == '/' && line.StartsWith("FS", StringComparison.Ordinal) && line[2] is 'U' or 'A';

    /// <summary>A priority code (QU, QD, QK…) and at least one 7-character address.</summary>
    static bool IsAddressLine(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[0].Length == 2 && parts[0].All(char.IsAsciiLetterUpper) && parts.Skip(1).All(IsAddress);
    }

    static bool IsAddressContinuation(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 1 && parts.All(IsAddress);
    }

    static bool IsAddress(string s) => s.Length == 7 && s.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    /// <summary><c>.HDQFMQR 200739</c>: the originator, then DDHHMM (GMT) when it was sent.</summary>
    static OriginStamp? Origin(FsuLine line)
    {
        var parts = line.Text[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !IsAddress(parts[0]))
            throw new FsuInputException($"line {line.Number}", "the originator's 7-character Type-B address after the dot", Preview(line.Text));
        if (parts.Length < 2) return null;
        var stamp = parts[1];
        if (stamp.Length != 6 || !stamp.All(char.IsAsciiDigit))
            return null; // a message identity without a double signature: no time to read
        int day = Num(stamp, 0), hour = Num(stamp, 2), minute = Num(stamp, 4);
        if (day is < 1 or > 31 || hour > 23 || minute > 59)
            throw new FsuInputException($"line {line.Number}", "the origin time DDHHMM (day 01-31, hour 00-23, minute 00-59)", stamp);
        return new OriginStamp(parts[0], day, hour, minute, line.Number);
    }

    static int Num(string s, int at) => (s[at] - '0') * 10 + (s[at + 1] - '0');

    static string Preview(string line) => FsuLine.Printable(line.Length <= 20 ? line : line[..20] + "...");
}
