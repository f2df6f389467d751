using Logistics.Adapters.Codecs.SensitV3;
using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Codecs;

/// <summary>Sens'it v3: the payloads and values the Google Cloud Sens'it tutorial publishes (Codecs/SensitV3/Samples).</summary>
public class SensitV3CodecTests
{
    readonly SensitV3Codec _codec = new();

    IReadOnlyList<DecodedValue> Decode(string hex) =>
        Assert.IsType<CodecDecoded>(_codec.Decode(Convert.FromHexString(hex), null)).Values;

    [Fact]
    public void temperature_mode_from_the_tutorial_bigquery_row()
    {
        // The tutorial's row for b6098880: 3.8000000000000003 V, mode 1, button False, 24.0 °C, 64.0 %
        Assert.Equal(
            [new DecodedMeasurement("battery", 3.8, "VLT", null), new DecodedMeasurement("temperature", 24.0, "CEL", null),
             new DecodedMeasurement("humidity", 64.0, "P1", null)],
            Decode("b6098880"));
    }

    [Fact]
    public void temperature_mode_from_the_tutorial_parser_example() =>
        Assert.Equal([3.75, 24.5, 62.5], Decode("ae098c7d").Cast<DecodedMeasurement>().Select(m => m.Value));

    [Fact]
    public void the_configuration_after_the_data_does_not_change_the_readings() =>
        Assert.Equal(Decode("b609867d"), Decode("b609867d06003f0f8004223c"));

    [Fact]
    public void vibration_mode_gives_the_battery_only() =>
        Assert.Equal([new DecodedMeasurement("battery", 3.95, "VLT", null)], Decode("ce20000046003f0f8004223c"));

    [Theory]
    [InlineData("ae09", 0, "2 bytes")]
    [InlineData("ae098c7d00", 0, "5 bytes")]
    [InlineData("ae308c7d", 1, "mode 6")]
    public void other_lengths_and_modes_are_errors(string hex, int offset, string found)
    {
        var error = Assert.IsType<CodecError>(_codec.Decode(Convert.FromHexString(hex), null));
        Assert.Equal((offset, found), (error.ByteOffset, error.Found));
    }
}
