using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Codecs.SensitV3;

/// <summary>
/// The Sigfox Sens'it v3 ("Sens'it Discovery") uplink: 4 bytes of sensor data, followed by the 8 bytes of the device
/// configuration when the device asks for a downlink (12 bytes). Bits are numbered from the most significant:
/// <list type="bullet">
/// <item>byte 0: battery level (bits 7..3) — volts = level × 0.05 + 2.7 — and 3 reserved bits;</item>
/// <item>byte 1: mode (bits 7..3), button alert (bit 2), and 2 bits whose meaning depends on the mode;</item>
/// <item>mode 1 (temperature and humidity): temperature = (((byte 1 &amp; 3) &lt;&lt; 8 | byte 2) − 200) / 8 °C, humidity = byte 3 / 2 %.</item>
/// </list>
/// Modes 0 (standby), 2 (light), 3 (door), 4 (vibration) and 5 (magnet) give the battery only: brightness, door, vibration and
/// magnet event counters have no canonical measurement. Another mode, or another length, is an error.
/// </summary>
public sealed class SensitV3Codec : IPayloadCodec
{
    const int DataLength = 4;
    const int WithConfigurationLength = 12;
    const int TemperatureMode = 1;
    const int LastMode = 5;

    public string Id => "sensit-v3";

    public string Description => "Sigfox Sens'it v3 (Discovery) uplink: battery volts, temperature and humidity (mode 1); 4 bytes, or 12 with the configuration";

    public CodecResult Decode(ReadOnlySpan<byte> payload, int? port)
    {
        if (payload.Length is not (DataLength or WithConfigurationLength))
            return CodecResult.Error(0, "a Sens'it v3 uplink of 4 bytes (or 12 with the configuration)", $"{payload.Length} bytes");
        var mode = payload[1] >> 3;
        if (mode > LastMode)
            return CodecResult.Error(1, "a Sens'it v3 mode 0..5 (bits 7..3 of byte 1)", $"mode {mode}");

        var battery = Math.Round((payload[0] >> 3) * 0.05 + 2.7, 2);
        List<DecodedValue> values = [new DecodedMeasurement("battery", battery, "VLT", null)];
        if (mode == TemperatureMode)
        {
            var raw = ((payload[1] & 0x03) << 8) | payload[2];
            values.Add(new DecodedMeasurement("temperature", (raw - 200) / 8.0, "CEL", null));
            values.Add(new DecodedMeasurement("humidity", payload[3] / 2.0, "P1", null));
        }
        return CodecResult.Of(values);
    }
}
