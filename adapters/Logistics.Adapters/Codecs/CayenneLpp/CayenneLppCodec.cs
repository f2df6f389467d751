using System.Buffers.Binary;
using System.Globalization;
using Logistics.Adapters.Sdk;
using NodaTime;

namespace Logistics.Adapters.Codecs.CayenneLpp;

/// <summary>
/// Cayenne Low Power Payload: a sequence of <c>channel, type, data</c> records, data big-endian (MSB first).
/// Several channels per payload; the channel number is kept as the reading's sensor id. A Time element (type 0x85,
/// Unix seconds) timestamps the readings that follow it, so a logger can batch samples into one frame.
/// Truncated data or an unknown type is an error naming the byte offset: LPP has no lengths, so nothing after an
/// unknown type can be read.
/// </summary>
public sealed class CayenneLppCodec : IPayloadCodec
{
    public string Id => "cayenne-lpp";

    public string Description => "Cayenne Low Power Payload (myDevices; IPSO types, big-endian), with the ElectronicCats extended types";

    public CodecResult Decode(ReadOnlySpan<byte> payload, int? port)
    {
        var values = new List<DecodedValue>(payload.Length / 3 + 1);
        Instant? at = null;
        var i = 0;
        while (i < payload.Length)
        {
            if (i + 2 > payload.Length)
                return CodecResult.Error(i, "a channel and a data type byte", "1 byte");
            var channel = payload[i];
            var code = payload[i + 1];
            if (!LppTypes.ByCode.TryGetValue(code, out var type))
                return CodecResult.Error(i + 1, "a Cayenne LPP data type (IPSO id - 3200)", $"0x{code:X2}");
            var start = i + 2;
            if (start + type.Size > payload.Length)
                return CodecResult.Error(start, $"{type.Size} bytes of {type.Name} (type 0x{code:X2}) data for channel {channel}",
                    $"{payload.Length - start} bytes");
            var data = payload.Slice(start, type.Size);
            var ch = channel.ToString(CultureInfo.InvariantCulture);

            switch (code)
            {
                case LppTypes.Time:
                    at = Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(data));
                    break;
                case LppTypes.Gps:
                    var lat = Int24(data[..3]) / 10_000.0;
                    var lon = Int24(data.Slice(3, 3)) / 10_000.0;
                    if (lat is < -90 or > 90)
                        return CodecResult.Error(start, "a GPS latitude within ±90°", lat.ToString(CultureInfo.InvariantCulture));
                    if (lon is < -180 or > 180)
                        return CodecResult.Error(start + 3, "a GPS longitude within ±180°", lon.ToString(CultureInfo.InvariantCulture));
                    values.Add(Stamp(new DecodedPosition(lat, lon, Int24(data.Slice(6, 3)) / 100.0, ch), at));
                    break;
                case LppTypes.Accelerometer or LppTypes.Gyrometer:
                    AddAxis(values, type, "x", data[..2], ch, at);
                    AddAxis(values, type, "y", data.Slice(2, 2), ch, at);
                    AddAxis(values, type, "z", data.Slice(4, 2), ch, at);
                    break;
                default:
                    values.Add(Stamp(new DecodedMeasurement(type.Reading, Scalar(data, type), type.Unit, ch), at));
                    break;
            }
            i = start + type.Size;
        }
        return CodecResult.Of(values);
    }

    static void AddAxis(List<DecodedValue> values, LppType type, string axis, ReadOnlySpan<byte> data, string channel, Instant? at) =>
        values.Add(Stamp(new DecodedMeasurement($"{type.Reading}-{axis}", BinaryPrimitives.ReadInt16BigEndian(data) / type.Divisor, type.Unit, channel), at));

    static DecodedValue Stamp(DecodedValue value, Instant? at) => at is { } t ? new DecodedAt(value, t) : value;

    /// <summary>raw / divisor: dividing by a power of ten gives the double nearest the decimal the device meant.</summary>
    static double Scalar(ReadOnlySpan<byte> data, LppType type)
    {
        long raw = 0;
        foreach (var b in data)
            raw = (raw << 8) | b;
        if (type.Signed && data.Length < 8 && (data[0] & 0x80) != 0)
            raw -= 1L << (8 * data.Length);
        return raw / type.Divisor;
    }

    static int Int24(ReadOnlySpan<byte> b)
    {
        var v = (b[0] << 16) | (b[1] << 8) | b[2];
        return (v & 0x80_0000) != 0 ? v - 0x100_0000 : v;
    }
}
