using Logistics.Adapters.Codecs;
using Logistics.Adapters.Codecs.CayenneLpp;
using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Codecs;

/// <summary>The published vectors of myDevicesIoT/cayenne-docs LORA.md (Codecs/CayenneLpp/Samples/cayenne-lpp-vectors.json).</summary>
public class CayenneLppCodecTests
{
    readonly CayenneLppCodec _codec = new();

    IReadOnlyList<DecodedValue> Vector(int index)
    {
        using var doc = LpwanSamples.Json("Codecs/CayenneLpp/Samples/cayenne-lpp-vectors.json");
        var hex = doc.RootElement.GetProperty("vectors")[index].GetProperty("hex").GetString()!.Replace(" ", "", StringComparison.Ordinal);
        return Assert.IsType<CodecDecoded>(_codec.Decode(Convert.FromHexString(hex), 1)).Values;
    }

    [Fact]
    public void two_temperature_channels_decode_as_27_2_and_25_5_celsius()
    {
        var v = Vector(0);
        Assert.Equal(new DecodedMeasurement("temperature", 27.2, "CEL", "3"), v[0]);
        Assert.Equal(new DecodedMeasurement("temperature", 25.5, "CEL", "5"), v[1]);
    }

    [Fact]
    public void a_negative_temperature_is_signed() =>
        Assert.Equal(new DecodedMeasurement("temperature", -4.1, "CEL", "1"), Assert.Single(Vector(1)));

    [Fact]
    public void the_accelerometer_gives_one_reading_per_axis_in_g()
    {
        var v = Vector(2).Cast<DecodedMeasurement>().ToList();
        Assert.Equal(["acceleration-x", "acceleration-y", "acceleration-z"], v.Select(m => m.Type));
        Assert.Equal([1.234, -1.234, 0.0], v.Select(m => m.Value));
        Assert.All(v, m => Assert.Equal("K40", m.Unit));
    }

    [Fact]
    public void gps_decodes_latitude_longitude_and_altitude() =>
        Assert.Equal(new DecodedPosition(42.3519, -87.9094, 10, "1"), Assert.Single(Vector(3)));

    [Fact]
    public void humidity_barometer_and_illuminance_use_rec20_units()
    {
        var v = Assert.IsType<CodecDecoded>(_codec.Decode(Convert.FromHexString("0368830473279102650190"), null)).Values;
        Assert.Equal(new DecodedMeasurement("humidity", 65.5, "P1", "3"), v[0]);
        Assert.Equal(new DecodedMeasurement("pressure", 1012.9, "A97", "4"), v[1]);
        Assert.Equal(new DecodedMeasurement("light", 400, "LUX", "2"), v[2]);
    }

    [Fact]
    public void a_time_element_stamps_the_readings_that_follow_it()
    {
        // 0x85 time 0x69559CE0 = 2025-12-31T22:00:00Z, then temperature 4.5 C
        var v = Assert.IsType<CodecDecoded>(_codec.Decode(Convert.FromHexString("018569559CE0016700" + "2D"), null)).Values;
        var at = Assert.IsType<DecodedAt>(Assert.Single(v));
        Assert.Equal(NodaTime.Instant.FromUtc(2025, 12, 31, 22, 0), at.At);
        Assert.Equal(new DecodedMeasurement("temperature", 4.5, "CEL", "1"), at.Value);
    }

    [Fact]
    public void truncated_data_is_an_error_at_the_data_offset()
    {
        var error = Assert.IsType<CodecError>(_codec.Decode(Convert.FromHexString("03670110056700"), null));
        Assert.Equal(6, error.ByteOffset);
        Assert.Contains("2 bytes of Temperature", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void an_unknown_type_is_an_error_at_the_type_byte() =>
        Assert.Equal(4, Assert.IsType<CodecError>(_codec.Decode(Convert.FromHexString("016601" + "02FE00"), null)).ByteOffset);

    [Fact]
    public void random_bytes_never_throw()
    {
        var random = new Random(20260101);
        var buffer = new byte[64];
        for (var n = 0; n < 20_000; n++)
        {
            random.NextBytes(buffer);
            Assert.NotNull(_codec.Decode(buffer.AsSpan(0, random.Next(buffer.Length)), null));
        }
    }
}
