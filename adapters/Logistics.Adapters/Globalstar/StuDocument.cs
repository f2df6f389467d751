using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Globalstar;

/// <summary>One <c>stuMessage</c>: the transmitter's ESN, the network's time, the payload bytes and where they are in the XML.</summary>
internal sealed record StuMessage(int Index, string Esn, long UnixTime, byte[] Payload, string PayloadPosition);

/// <summary>A <c>stuMessages</c> delivery: its <c>messageID</c> and messages, or the rejection of the document.</summary>
internal sealed record StuDocument(string? MessageId, IReadOnlyList<StuMessage> Messages, Rejection? Error)
{
    const string Document = "a Globalstar stuMessages document";
    const long MaxEpochSeconds = 253_402_300_799; // year 9999: beyond it there is no instant to give

    /// <summary>
    /// Reads the Globalstar back office's HTTP push (XSD StuMessage_Rev1_0_1): <c>&lt;stuMessages messageID=… timeStamp=…&gt;</c> with
    /// <c>&lt;stuMessage&gt;</c> children of <c>&lt;esn&gt;</c>, <c>&lt;unixTime&gt;</c> (epoch seconds), <c>&lt;gps&gt;</c> and
    /// <c>&lt;payload length="9" source="pc" encoding="hex"&gt;0x…&lt;/payload&gt;</c>. Other elements are skipped. DTDs are refused (no
    /// entity expansion); every rejection names the line and position, and the message and element it is about.
    /// </summary>
    public static StuDocument Parse(ReadOnlyMemory<byte> raw)
    {
        if (raw.Span.Trim(" \t\r\n"u8).IsEmpty)
            return Fail(new Rejection("byte 0", Document, "empty input"));
        var stream = MemoryMarshal.TryGetArray(raw, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(raw.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        XDocument xml;
        try
        {
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            // A refused DTD comes without a position: it is where the DOCTYPE stands.
            var (line, position) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : LineOf(raw.Span, raw.Span.IndexOf("<!DOCTYPE"u8));
            var found = ex.Message.Contains("DTD", StringComparison.Ordinal) ? "a DOCTYPE (DTDs are refused)" : Sentence(ex.Message);
            return Fail(new Rejection(Invariant($"line {line}, position {position}"), $"well-formed XML ({Document})", found));
        }
        catch (DecoderFallbackException)
        {
            return Fail(new Rejection("byte 0", $"well-formed XML ({Document})", "text that is not in its declared encoding"));
        }

        var root = xml.Root!;
        if (root.Name.LocalName != "stuMessages")
            return Fail(new Rejection(At(root, root.Name.LocalName), "a stuMessages document (Globalstar simplex data)", $"<{root.Name.LocalName}>"));
        var messages = new List<StuMessage>();
        var index = 0;
        foreach (var element in root.Elements().Where(e => e.Name.LocalName == "stuMessage"))
        {
            index++;
            if (Message(element, index, out var error) is { } message) messages.Add(message);
            else return Fail(error!);
        }
        return new StuDocument((string?)root.Attribute("messageID"), messages, null);
    }

    static StuMessage? Message(XElement m, int index, out Rejection? error)
    {
        var label = Invariant($"stuMessage {index}");
        error = null;
        if (Child(m, "esn") is not { } esnElement)
            return Fail(out error, At(m, label), "an <esn> (the transmitter's electronic serial number)", "none");
        var esn = esnElement.Value.Trim();
        if (esn.Length is 0 or > 32 || esn.AsSpan().IndexOfAnyExcept(EsnCharacters) >= 0)
            return Fail(out error, At(esnElement, label + " esn"), "an ESN of digits and '-' (e.g. 0-2682225)", Quoted(esn));

        if (Child(m, "unixTime") is not { } timeElement)
            return Fail(out error, At(m, label), "a <unixTime> (epoch seconds)", "none");
        if (!long.TryParse(timeElement.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var unixTime) || unixTime > MaxEpochSeconds)
            return Fail(out error, At(timeElement, label + " unixTime"), "epoch seconds", Quoted(timeElement.Value.Trim()));

        if (Child(m, "payload") is not { } payloadElement)
            return Fail(out error, At(m, label), "a <payload>", "none");
        var payloadPosition = At(payloadElement, label + " payload");
        var encoding = (string?)payloadElement.Attribute("encoding") ?? "hex";
        if (encoding != "hex")
            return Fail(out error, payloadPosition, "a payload with encoding=\"hex\"", Quoted(encoding));
        var text = payloadElement.Value.AsSpan().Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) text = text[2..];
        if (!PayloadText.TryHex(text, out var payload))
            return Fail(out error, payloadPosition, "hex bytes (0x…)", Quoted(payloadElement.Value.Trim()));
        if (payloadElement.Attribute("length") is { } lengthAttribute
            && (!int.TryParse(lengthAttribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length != payload.Length))
            return Fail(out error, payloadPosition, Invariant($"as many payload bytes as length=\"{lengthAttribute.Value}\""), Invariant($"{payload.Length} bytes"));
        return new StuMessage(index, esn, unixTime, payload, payloadPosition);
    }

    static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 16 * 1024 * 1024,
        CloseInput = true,
    };

    static readonly System.Buffers.SearchValues<char> EsnCharacters = System.Buffers.SearchValues.Create("0123456789-");

    static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary><c>line 3, position 5 (stuMessage 2 esn)</c>.</summary>
    static string At(XElement e, string what) =>
        e is IXmlLineInfo info && info.HasLineInfo() ? Invariant($"line {info.LineNumber}, position {info.LinePosition} ({what})") : what;

    /// <summary>The 1-based line and position of a byte offset (line 1, position 1 when there is none).</summary>
    static (int Line, int Position) LineOf(ReadOnlySpan<byte> text, int offset)
    {
        if (offset < 0) return (1, 1);
        var before = text[..offset];
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, offset - lastNewline);
    }

    static string Quoted(string s) => "\"" + (s.Length <= 40 ? s : s[..37] + "...") + "\"";

    /// <summary>The parser's message without its own " Line N, position M." (the position says where), on one printable line.</summary>
    static string Sentence(string message)
    {
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        var s = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return new string(s.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }

    static StuMessage? Fail(out Rejection? error, string position, string expected, string? found)
    {
        error = new Rejection(position, expected, found);
        return null;
    }

    static StuDocument Fail(Rejection error) => new(null, [], error);

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
