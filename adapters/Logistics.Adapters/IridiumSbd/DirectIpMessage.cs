using System.Buffers.Binary;
using System.Globalization;

namespace Logistics.Adapters.IridiumSbd;

/// <summary>The MO header element (IEI 0x01): who sent it, the session outcome and when (Unix seconds, UTC).</summary>
internal sealed record MoHeader(uint CdrReference, string Imei, byte SessionStatus, ushort Momsn, ushort Mtmsn, uint SessionTime);

/// <summary>The MO location element (IEI 0x03): the gateway's estimate of the transmitter position and its CEP radius.</summary>
internal sealed record MoLocation(double Lat, double Lon, uint CepRadiusKm);

/// <summary>A parsed DirectIP MO message; the payload is a range of the input.</summary>
internal sealed record DirectIpMo(MoHeader Header, int PayloadOffset, int PayloadLength, bool HasPayload, MoLocation? Location);

/// <summary>Where parsing stopped: the byte offset, the element being read, what was expected and what was found.</summary>
internal sealed record DirectIpError(int Offset, string Element, string Expected, string? Found)
{
    public string Position => $"byte {Offset.ToString(CultureInfo.InvariantCulture)} ({Element})";
}

/// <summary>
/// Iridium SBD DirectIP mobile-originated message (Iridium "SBD Service Developers Guide", DirectIP section):
/// big-endian; protocol revision 1, overall length (u16), then information elements of IEI (u8), length (u16), data.
/// Every read is bounds-checked; bad input is an error naming the byte offset, never an exception.
/// Unknown MO elements are skipped by their length (forward compatible); MT elements (0x41–0x46) are an error.
/// </summary>
internal static class DirectIpMessage
{
    const int HeaderLength = 28;
    const int LocationLength = 11;

    public static DirectIpMo? Parse(ReadOnlySpan<byte> data, out DirectIpError? error)
    {
        error = null;
        if (data.Length < 3)
            return Fail(out error, 0, "message header", "protocol revision and overall length (3 bytes)", $"{data.Length} bytes");
        if (data[0] != 1)
            return Fail(out error, 0, "protocol revision", "protocol revision 1 (Iridium SBD DirectIP)", $"0x{data[0]:X2}");
        var overall = BinaryPrimitives.ReadUInt16BigEndian(data[1..]);
        if (3 + overall > data.Length)
            return Fail(out error, 1, "overall length", $"{overall} bytes of information elements", $"{data.Length - 3}");
        if (3 + overall < data.Length)
            return Fail(out error, 3 + overall, "after the message", "the end of the message", $"{data.Length - 3 - overall} more bytes");

        MoHeader? header = null;
        MoLocation? location = null;
        int payloadOffset = 0, payloadLength = 0;
        var hasPayload = false;
        var i = 3;
        while (i < data.Length)
        {
            if (i + 3 > data.Length)
                return Fail(out error, i, "information element", "an element header (IEI, length: 3 bytes)", $"{data.Length - i} bytes");
            var iei = data[i];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 1)..]);
            var body = i + 3;
            var available = data.Length - body;
            switch (iei)
            {
                case 0x01:
                    if (length != HeaderLength || available < HeaderLength)
                        return Fail(out error, i, "IEI 0x01 header", $"{HeaderLength} bytes", $"{Math.Min(length, available)}");
                    header = ReadHeader(data.Slice(body, HeaderLength), body, out error);
                    if (header is null) return null;
                    break;
                case 0x02:
                    if (length > available)
                        return Fail(out error, i, "IEI 0x02 payload", $"{length} bytes", $"{available}");
                    (payloadOffset, payloadLength, hasPayload) = (body, length, true);
                    break;
                case 0x03:
                    if (length != LocationLength || available < LocationLength)
                        return Fail(out error, i, "IEI 0x03 location", $"{LocationLength} bytes", $"{Math.Min(length, available)}");
                    location = ReadLocation(data.Slice(body, LocationLength), body, out error);
                    if (location is null) return null;
                    break;
                case >= 0x41 and <= 0x46:
                    return Fail(out error, i, "information element", "a mobile-originated (MO) element", $"MT element IEI 0x{iei:X2}");
                default:
                    if (length > available)
                        return Fail(out error, i, $"IEI 0x{iei:X2}", $"{length} bytes", $"{available}");
                    break;
            }
            i = body + length;
        }
        if (header is null)
            return Fail(out error, 3, "information elements", "an IEI 0x01 MO header", "none");
        return new DirectIpMo(header, payloadOffset, payloadLength, hasPayload, location);
    }

    static MoHeader? ReadHeader(ReadOnlySpan<byte> h, int offset, out DirectIpError? error)
    {
        var imei = h.Slice(4, 15);
        if (imei.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            return Fail<MoHeader>(out error, offset + 4, "IEI 0x01 IMEI", "15 ASCII digits", Convert.ToHexString(imei));
        error = null;
        return new MoHeader(
            BinaryPrimitives.ReadUInt32BigEndian(h),
            System.Text.Encoding.ASCII.GetString(imei),
            h[19],
            BinaryPrimitives.ReadUInt16BigEndian(h[20..]),
            BinaryPrimitives.ReadUInt16BigEndian(h[22..]),
            BinaryPrimitives.ReadUInt32BigEndian(h[24..]));
    }

    /// <summary>
    /// Format byte: bit 1 = south, bit 0 = west (the guide's bits 6 and 7, numbered from the most significant bit);
    /// then latitude degrees (u8), thousandths of a minute (u16), longitude likewise, CEP radius in km (u32).
    /// Degrees are rounded to 1e-6 (0.1 m) so that minute fractions give the decimal a reader expects.
    /// </summary>
    static MoLocation? ReadLocation(ReadOnlySpan<byte> l, int offset, out DirectIpError? error)
    {
        var latDeg = l[1];
        var latMin = BinaryPrimitives.ReadUInt16BigEndian(l[2..]);
        var lonDeg = l[4];
        var lonMin = BinaryPrimitives.ReadUInt16BigEndian(l[5..]);
        if (latDeg > 90 || latMin > 59_999 || (latDeg == 90 && latMin > 0))
            return Fail<MoLocation>(out error, offset + 1, "IEI 0x03 latitude", "degrees 0-90 and thousandths of a minute 0-59999", $"{latDeg} deg {latMin}");
        if (lonDeg > 180 || lonMin > 59_999 || (lonDeg == 180 && lonMin > 0))
            return Fail<MoLocation>(out error, offset + 4, "IEI 0x03 longitude", "degrees 0-180 and thousandths of a minute 0-59999", $"{lonDeg} deg {lonMin}");
        error = null;
        var lat = Math.Round(latDeg + latMin / 60_000.0, 6) * ((l[0] & 0x02) != 0 ? -1 : 1);
        var lon = Math.Round(lonDeg + lonMin / 60_000.0, 6) * ((l[0] & 0x01) != 0 ? -1 : 1);
        return new MoLocation(lat, lon, BinaryPrimitives.ReadUInt32BigEndian(l[7..]));
    }

    static T? Fail<T>(out DirectIpError? error, int offset, string element, string expected, string? found) where T : class
    {
        error = new DirectIpError(offset, element, expected, found);
        return null;
    }

    static DirectIpMo? Fail(out DirectIpError? error, int offset, string element, string expected, string? found) =>
        Fail<DirectIpMo>(out error, offset, element, expected, found);
}
