using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Codecs.SmartoneC;

/// <summary>
/// The Globalstar SmartOne / SmartOne C over-the-air message: 9 bytes (the SmartOne C User Manual, "Messages"; the SmartOne
/// User Manual, "Type 0 Message Class"). Bits 1..0 of byte 0 are the global message type (bit 0 the least significant):
/// <list type="bullet">
/// <item>Type 0, standard: bit 2 battery (1 = replace battery), bit 3 GPS data valid (1 = GPS failed this cycle, "ignore Latitude
/// and Longitude"); bytes 1–3 latitude and 4–6 longitude, most significant byte first, 24-bit two's complement coding 180° and
/// 360° (degrees = count × 90 / 2²³ and count × 180 / 2²³); byte 7 input status (bits 3..0) and sub-type (bits 7..4: 0 location,
/// 1 turned on, 2 change of location area, 3 input status changed, 4 undesired input state, 5 re-centering). A failed fix is
/// kept flagged, never dropped; a replace-battery bit is an alarm.</item>
/// <item>Type 1, truncated: the status byte's bits 7..2 and bytes 7–8 are user data; bytes 1–6 the position.</item>
/// <item>Type 3, non-standard, sub-type in bits 7..2: 21 diagnostic (byte 1 bit 4: 1 = replace battery), 22 replace battery (an
/// alarm), 23 contact service provider and 24 accumulate/count (no canonical reading).</item>
/// <item>Type 2, raw: user data in the device's own layout — not this codec's; an error, so the message is quarantined until a
/// codec for that layout is set.</item>
/// </list>
/// Byte 8 of a standard message (motion, fix confidence, 3D fix) says nothing this model can carry without an accuracy figure.
/// </summary>
public sealed class SmartoneCCodec : IPayloadCodec
{
    const int MessageLength = 9;
    const double LatitudePerCount = 90.0 / (1 << 23);
    const double LongitudePerCount = 180.0 / (1 << 23);

    public string Id => "smartone-c";

    public string Description => "Globalstar SmartOne / SmartOne C 9-byte message: standard and truncated positions, GPS-failed flag, replace-battery alarms";

    public CodecResult Decode(ReadOnlySpan<byte> payload, int? port)
    {
        if (payload.Length != MessageLength)
            return CodecResult.Error(0, "a 9-byte SmartOne message", $"{payload.Length} bytes");
        return (payload[0] & 0x03) switch
        {
            0 => Standard(payload),
            1 => CodecResult.Of([Position(payload)]),
            3 => NonStandard(payload),
            _ => CodecResult.Error(0, "a SmartOne standard (type 0), truncated (1) or non-standard (3) message; type 2 carries raw user data in the device's own layout",
                "type 2 (raw)"),
        };
    }

    static CodecResult Standard(ReadOnlySpan<byte> m)
    {
        var subtype = m[7] >> 4;
        if (subtype > 5)
            return CodecResult.Error(7, "a SmartOne standard message sub-type 0..5 (bits 7..4 of byte 7)", $"sub-type {subtype}");
        var gpsFailed = (m[0] & 0x08) != 0;
        DecodedValue position = gpsFailed ? new DecodedInvalid(Position(m)) : Position(m);
        return (m[0] & 0x04) != 0 ? CodecResult.Of([position, ReplaceBattery()]) : CodecResult.Of([position]);
    }

    static CodecResult NonStandard(ReadOnlySpan<byte> m) => (m[0] >> 2) switch
    {
        21 => CodecResult.Of((m[1] & 0x10) != 0 ? [ReplaceBattery()] : []),
        22 => CodecResult.Of([ReplaceBattery()]),
        23 or 24 => CodecResult.Of([]),
        var subtype => CodecResult.Error(0, "a SmartOne non-standard sub-type 21 (diagnostic), 22 (replace battery), 23 (contact service provider) or 24 (accumulate)",
            $"sub-type {subtype}"),
    };

    static DecodedPosition Position(ReadOnlySpan<byte> m) =>
        new(Signed24(m[1..]) * LatitudePerCount, Signed24(m[4..]) * LongitudePerCount, null, null);

    /// <summary>Three bytes, most significant first, as a two's complement 24-bit integer.</summary>
    static int Signed24(ReadOnlySpan<byte> b) => ((b[0] << 24) | (b[1] << 16) | (b[2] << 8)) >> 8;

    static DecodedAlarm ReplaceBattery() => new("battery-replace", "Replace battery", null, null, null);
}
