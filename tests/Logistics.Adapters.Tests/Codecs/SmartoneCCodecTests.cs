using Logistics.Adapters.Codecs.SmartoneC;
using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Codecs;

/// <summary>SmartOne messages: the layout of the SmartOne C User Manual and the ST100 manual's published 24-bit location example.</summary>
public class SmartoneCCodecTests
{
    readonly SmartoneCCodec _codec = new();

    IReadOnlyList<DecodedValue> Decode(string hex) =>
        Assert.IsType<CodecDecoded>(_codec.Decode(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), null)).Values;

    [Fact]
    public void the_st100_manual_24_bit_location_example()
    {
        // "2B4856 is the 24-bit latitude 30.433051586151 (North); BFF032 is the 24-bit longitude -90.086817741394 (West)"
        var p = Assert.IsType<DecodedPosition>(Assert.Single(Decode("00 2B4856 BFF032 00 00")));
        Assert.Equal(30.433051586151, p.Lat, 12);
        Assert.Equal(-90.086817741394, p.Lon, 12);
    }

    [Fact]
    public void southern_and_western_positions_are_negative_counts()
    {
        var p = Assert.IsType<DecodedPosition>(Assert.Single(Decode("00 C583EA CD3721 0A 00")));
        Assert.Equal((-3832854 * 90.0 / 8388608, -3328223 * 180.0 / 8388608), (p.Lat, p.Lon));
    }

    [Fact]
    public void a_failed_gps_cycle_keeps_the_position_marked_invalid_and_replace_battery_is_an_alarm()
    {
        var v = Decode("0C 337BA6 19B725 0A 00"); // bit 2 replace battery, bit 3 GPS failed
        Assert.IsType<DecodedPosition>(Assert.IsType<DecodedInvalid>(v[0]).Value);
        Assert.Equal(new DecodedAlarm("battery-replace", "Replace battery", null, null, null), v[1]);
    }

    [Fact]
    public void a_truncated_message_is_a_position_whatever_its_user_bits()
    {
        var p = Assert.IsType<DecodedPosition>(Assert.Single(Decode("FD 2B4856 BFF032 AB CD"))); // type 1, user bits 111111
        Assert.Equal(30.433051586151, p.Lat, 12);
    }

    [Theory]
    [InlineData("5B 10 3C 78 0C 00 02 00 15", 1)] // type 3 sub-type 22: replace battery
    [InlineData("57 10 3C 78 0C 00 02 00 15", 1)] // sub-type 21 diagnostic, byte 1 bit 4 = replace battery
    [InlineData("57 00 3C 78 0C 00 02 00 15", 0)] // sub-type 21 diagnostic, battery good
    [InlineData("5F 00 00 00 00 00 00 00 00", 0)] // sub-type 23 contact service provider
    [InlineData("63 FF FF 1B B4 FF FF FF FF", 0)] // sub-type 24 accumulate (traccar's AtlasTrax request)
    public void non_standard_messages_give_battery_alarms_only(string hex, int alarms) =>
        Assert.Equal(alarms, Decode(hex).OfType<DecodedAlarm>().Count(a => a.Type == "battery-replace"));

    [Theory]
    [InlineData("8E FE2D97 DDEA42 00 18", 0, "type 2 (raw)")]
    [InlineData("00 2B4856 BFF032 60 00", 7, "sub-type 6")]
    [InlineData("03 00 00 00 00 00 00 00 00", 0, "sub-type 0")]
    [InlineData("00 2B4856 BFF032 00", 0, "8 bytes")]
    public void raw_messages_unknown_sub_types_and_other_lengths_are_errors(string hex, int offset, string found)
    {
        var e = Assert.IsType<CodecError>(_codec.Decode(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), null));
        Assert.Equal((offset, found), (e.ByteOffset, e.Found));
    }
}
