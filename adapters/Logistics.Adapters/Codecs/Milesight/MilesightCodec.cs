using System.Buffers.Binary;
using System.Globalization;
using Logistics.Adapters.Sdk;
using NodaTime;

namespace Logistics.Adapters.Codecs.Milesight;

/// <summary>
/// Milesight channel/type TLV (LPP-like but little-endian; Milesight-IoT/SensorDecoders). The channel's high nibble
/// marks a variant (0x8_ threshold alarm, 0x9_ mutation alarm, 0xB_ sensor error); the low nibble is the probe, kept
/// as the sensor id so an alarm reading (0x83) and a periodic one (0x03) land on the same sensor "3".
/// Read: battery (xx 75), temperature (xx 67, int16/10 °C) and its alarm variants, TS30x probe alarms (9x D7),
/// humidity (xx 68, /2 %), CO2 (xx 7D, ppm), pressure (xx 73, /10 hPa), AT101 location (04/84 88, int32/1e6),
/// 1-byte status channels (xx 00: tilt, tamper, magnet — skipped), device-info channels (FF xx — skipped) and
/// history records (20 CE) in the EM300-TH / EM320-TH layout: timestamp, temperature, humidity, reserved.
/// History layouts differ per model (AT101, TS201, TS30x use others) and the payload does not say which model sent
/// it: those models need their own codec id. An unknown channel ends decoding with an error — TLV here has no
/// length byte, so nothing after it can be read.
/// </summary>
public sealed class MilesightCodec : IPayloadCodec
{
    public string Id => "milesight";

    public string Description => "Milesight channel/type TLV (EM300, TS201/TS30x, AT101, AM/EM CO2): little-endian; history in the EM300-TH layout";

    public CodecResult Decode(ReadOnlySpan<byte> payload, int? port)
    {
        var values = new List<DecodedValue>(payload.Length / 3 + 1);
        var i = 0;
        while (i < payload.Length)
        {
            if (i + 2 > payload.Length)
                return CodecResult.Error(i, "a channel id and a channel type byte", "1 byte");
            var id = payload[i];
            var type = payload[i + 1];
            var size = MilesightChannels.Size(id, type);
            if (size < 0)
                return CodecResult.Error(i, "a Milesight channel this codec knows (01 75 battery, xx 67 temperature, xx 68 humidity, 04 88 location, 20 CE history, …)",
                    $"0x{id:X2} 0x{type:X2}");
            var start = i + 2;
            if (start + size > payload.Length)
                return CodecResult.Error(start, $"{size} bytes of channel 0x{id:X2} 0x{type:X2}", $"{payload.Length - start} bytes");
            if (Read(id, type, payload.Slice(start, size), start, values) is { } error)
                return error;
            i = start + size;
        }
        return CodecResult.Of(values);
    }

    static CodecResult? Read(byte id, byte type, ReadOnlySpan<byte> d, int offset, List<DecodedValue> values)
    {
        var probe = (id & 0x0F).ToString(CultureInfo.InvariantCulture);
        switch (type)
        {
            case 0x75:
                values.Add(new DecodedMeasurement("battery", d[0], "P1", probe));
                break;
            case 0x68:
                values.Add(new DecodedMeasurement("humidity", d[0] / 2.0, "P1", probe));
                break;
            case 0x7D:
                values.Add(new DecodedMeasurement("co2", BinaryPrimitives.ReadUInt16LittleEndian(d), "59", probe));
                break;
            case 0x73:
                values.Add(new DecodedMeasurement("pressure", BinaryPrimitives.ReadUInt16LittleEndian(d) / 10.0, "A97", probe));
                break;
            case 0x67 when (id & 0xF0) == 0xB0:
                values.Add(new DecodedAlarm("temperature-sensor-error", d[0] switch { 0 => "Read Error", 1 => "Overload", _ => $"error code {d[0]}" }, null, null, probe));
                break;
            case 0x67 or 0xD7:
                var celsius = Temperature(d);
                values.Add(new DecodedMeasurement("temperature", celsius, "CEL", probe));
                if (d.Length > 2)
                    values.Add(MilesightChannels.Alarm(d[^1], celsius, probe));
                break;
            case 0x88:
                var lat = BinaryPrimitives.ReadInt32LittleEndian(d) / 1_000_000.0;
                var lon = BinaryPrimitives.ReadInt32LittleEndian(d[4..]) / 1_000_000.0;
                if (lat is < -90 or > 90) return CodecResult.Error(offset, "a latitude within ±90°", lat.ToString(CultureInfo.InvariantCulture));
                if (lon is < -180 or > 180) return CodecResult.Error(offset + 4, "a longitude within ±180°", lon.ToString(CultureInfo.InvariantCulture));
                values.Add(new DecodedPosition(lat, lon, null, probe));
                break;
            case 0xCE:
                // EM300-TH history record: uint32 Unix seconds, int16 temperature /10, uint8 humidity /2, reserved.
                var at = Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32LittleEndian(d));
                values.Add(new DecodedAt(new DecodedMeasurement("temperature", Temperature(d[4..]), "CEL", "3"), at));
                values.Add(new DecodedAt(new DecodedMeasurement("humidity", d[6] / 2.0, "P1", "4"), at));
                break;
        }
        return null;
    }

    static double Temperature(ReadOnlySpan<byte> d) => BinaryPrimitives.ReadInt16LittleEndian(d) / 10.0;
}
