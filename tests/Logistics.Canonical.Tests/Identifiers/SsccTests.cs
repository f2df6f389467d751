using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;

namespace Logistics.Canonical.Tests.Identifiers;

public class parsing_an_sscc
{
    [Theory]
    [InlineData("106141411928374657")] // GS1 General Specifications example
    [InlineData("(00)106141411928374657")]
    [InlineData("(00) 1 0614141 192837465 7")]
    [InlineData("00106141411928374657")]
    public void accepts_the_code_with_or_without_its_application_identifier(string input)
    {
        Assert.True(Sscc.TryParse(input, out var sscc, out var error), error);
        Assert.Equal("106141411928374657", sscc.Value);
    }

    [Fact]
    public void accepts_another_published_code() =>
        Assert.True(Sscc.TryParse("006141411234567890", out _, out _));

    [Fact]
    public void rejects_a_wrong_check_digit()
    {
        Assert.False(Sscc.TryParse("106141411928374658", out _, out var error));
        Assert.Equal("check digit 7 expected, found 8", error);
    }

    [Theory]
    [InlineData("10614141192837465", "17 digits")]
    [InlineData("(01)106141411928374657", "must be digits")]
    [InlineData("1061414119283746A7", "must be digits")]
    public void rejects_malformed_codes(string input, string expected)
    {
        Assert.False(Sscc.TryParse(input, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void becomes_an_sscc_reference() =>
        Assert.Equal(new Reference("sscc", "106141411928374657"), Sscc.Parse("(00)106141411928374657").ToReference());
}
