using Logistics.Adapters.Codecs;
using Logistics.Adapters.Codecs.Milesight;
using Logistics.Adapters.Sdk;
using NodaTime;

namespace Logistics.Adapters.Tests.Codecs;

/// <summary>Milesight TLV: the payloads of public TTS/ChirpStack samples (Codecs/Milesight/Samples/milesight-vectors.json).</summary>
public class MilesightCodecTests
{
    readonly MilesightCodec _codec = new();

    IReadOnlyList<DecodedValue> Vector(string device)
    {
        using var doc = LpwanSamples.Json("Codecs/Milesight/Samples/milesight-vectors.json");
        var vector = doc.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("device").GetString() == device);
        return Assert.IsType<CodecDecoded>(_codec.Decode(Convert.FromBase64String(vector.GetProperty("base64").GetString()!), 85)).Values;
    }

    [Fact]
    public void at101_gives_battery_temperature_and_location()
    {
        var v = Vector("AT101");
        Assert.Equal(new DecodedMeasurement("battery", 100, "P1", "1"), v[0]);
        Assert.Equal(new DecodedMeasurement("temperature", 26.6, "CEL", "3"), v[1]);
        Assert.Equal(new DecodedPosition(24.62435, 118.030088, null, "4"), v[2]);
        Assert.Equal(3, v.Count); // 05 00 (device position: normal) is a status, not a reading
    }

    [Fact]
    public void ts201_threshold_channel_gives_the_reading_and_the_alarm()
    {
        var v = Vector("TS201");
        Assert.Equal(new DecodedMeasurement("temperature", 30.8, "CEL", "3"), v[0]);
        Assert.Equal(new DecodedAlarm("temperature-threshold", "Threshold Alarm", 30.8, "CEL", "3"), v[1]);
    }

    [Fact]
    public void em300_th_gives_battery_temperature_and_humidity()
    {
        var v = Vector("EM300-TH");
        Assert.Equal([92.0, 30.8, 50.5], v.Cast<DecodedMeasurement>().Select(m => m.Value));
        Assert.Equal(["battery", "temperature", "humidity"], v.Cast<DecodedMeasurement>().Select(m => m.Type));
    }

    [Fact]
    public void history_records_carry_their_own_time()
    {
        var payload = Convert.FromHexString("20CEE09C55692D007C00" + "20CE389F556933007E00");
        var v = Assert.IsType<CodecDecoded>(_codec.Decode(payload, 85)).Values.Cast<DecodedAt>().ToList();
        Assert.Equal(4, v.Count);
        Assert.Equal(Instant.FromUtc(2025, 12, 31, 22, 0), v[0].At);
        Assert.Equal(new DecodedMeasurement("temperature", 4.5, "CEL", "3"), v[0].Value);
        Assert.Equal(new DecodedMeasurement("humidity", 62, "P1", "4"), v[1].Value);
        Assert.Equal(Instant.FromUtc(2025, 12, 31, 22, 10), v[3].At);
    }

    [Fact]
    public void device_information_channels_are_skipped()
    {
        var v = Assert.IsType<CodecDecoded>(_codec.Decode(Convert.FromHexString("FF0101" + "FF166136C25107890001" + "FF090140" + "01755C"), 85)).Values;
        Assert.Equal(new DecodedMeasurement("battery", 92, "P1", "1"), Assert.Single(v));
    }

    [Fact]
    public void an_unknown_channel_is_an_error_naming_it()
    {
        var error = Assert.IsType<CodecError>(_codec.Decode(Convert.FromHexString("017564" + "0ACC0102"), 85));
        Assert.Equal((3, "0x0A 0xCC"), (error.ByteOffset, error.Found));
    }

    [Fact]
    public void a_truncated_location_is_an_error_at_its_data() =>
        Assert.Equal(2, Assert.IsType<CodecError>(_codec.Decode(Convert.FromHexString("0488DEBC7701"), 85)).ByteOffset);

    [Fact]
    public void random_bytes_never_throw()
    {
        var random = new Random(85);
        var buffer = new byte[64];
        for (var n = 0; n < 20_000; n++)
        {
            random.NextBytes(buffer);
            Assert.NotNull(_codec.Decode(buffer.AsSpan(0, random.Next(buffer.Length)), 85));
        }
    }
}
