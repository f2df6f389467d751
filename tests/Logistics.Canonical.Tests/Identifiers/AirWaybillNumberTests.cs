using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;

namespace Logistics.Canonical.Tests.Identifiers;

public class parsing_an_air_waybill_number
{
    [Theory]
    [InlineData("176-12345675")]
    [InlineData("17612345675")]
    [InlineData(" 176 1234 5675 ")]
    public void accepts_the_common_spellings_and_normalises_to_prefix_dash_serial(string input)
    {
        Assert.True(AirWaybillNumber.TryParse(input, out var awb, out var error), error);
        Assert.Equal("176-12345675", awb.Value);
        Assert.Equal("176", awb.Prefix);
        Assert.Equal("12345675", awb.Serial);
    }

    [Fact]
    public void accepts_a_serial_whose_check_digit_is_zero()
    {
        // 1234562 = 7 × 176366: remainder 0.
        Assert.True(AirWaybillNumber.TryParse("020-12345620", out var awb, out var error), error);
        Assert.Equal("020-12345620", awb.Value);
    }

    [Fact]
    public void rejects_a_wrong_check_digit()
    {
        Assert.False(AirWaybillNumber.TryParse("176-12345674", out _, out var error));
        Assert.Equal("check digit 5 expected, found 4", error);
    }

    [Theory]
    [InlineData("176-1234567", "10 digits")]
    [InlineData("176-123456750", "12 digits")]
    [InlineData("EK-12345675", "must be digits")]
    public void rejects_malformed_numbers(string input, string expected)
    {
        Assert.False(AirWaybillNumber.TryParse(input, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void becomes_an_awb_reference() =>
        Assert.Equal(new Reference("awb", "176-12345675"), AirWaybillNumber.Parse("17612345675").ToReference());
}
