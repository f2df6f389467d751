using System.Buffers.Binary;
using System.Globalization;
using Logistics.Adapters.Sdk;
using NodaTime;

namespace Logistics.Adapters.Codecs.T622;

/// <summary>
/// The T622 Iridium tracker's report in its default field list "01,02,03,04,05,08" (traccar
/// T622IridiumProtocolDecoder): event (u8), latitude and longitude (int32 LE, 1e-6 °), fix time (u32 LE seconds since
/// 2000-01-01 UTC), valid (u8), speed (u16 LE, km/h) — 16 bytes, little-endian; trailing bytes are not part of the
/// configured fields and are ignored. The list is configurable on the device: another field list needs another codec.
/// A codec rather than code inside the Iridium adapter, so any transport carrying a T622 report can use it and the fuzz
/// harness reaches it. Speed is read but not reported: <see cref="DecodedPosition"/> has no speed yet.
/// </summary>
public sealed class T622Codec : IPayloadCodec
{
    const int ReportLength = 16;
    static readonly Instant Epoch2000 = Instant.FromUtc(2000, 1, 1, 0, 0);

    public string Id => "t622";

    public string Description => "T622 Iridium tracker report, default fields 01,02,03,04,05,08 (event, lat, lon, fix time, valid, speed)";

    public CodecResult Decode(ReadOnlySpan<byte> payload, int? port)
    {
        if (payload.Length < ReportLength)
            return CodecResult.Error(payload.Length, $"{ReportLength} bytes of a T622 report (event, latitude, longitude, fix time, valid, speed)",
                $"{payload.Length} bytes");
        var lat = BinaryPrimitives.ReadInt32LittleEndian(payload[1..]) / 1_000_000.0;
        var lon = BinaryPrimitives.ReadInt32LittleEndian(payload[5..]) / 1_000_000.0;
        if (lat is < -90 or > 90)
            return CodecResult.Error(1, "a latitude within ±90°", lat.ToString(CultureInfo.InvariantCulture));
        if (lon is < -180 or > 180)
            return CodecResult.Error(5, "a longitude within ±180°", lon.ToString(CultureInfo.InvariantCulture));
        var fixTime = Epoch2000 + Duration.FromSeconds(BinaryPrimitives.ReadUInt32LittleEndian(payload[9..]));
        var valid = payload[13] != 0;
        var position = new DecodedPosition(lat, lon, null, null);
        return CodecResult.Of([new DecodedAt(position, fixTime) { SourceInvalid = !valid }]);
    }
}
