using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;

namespace Logistics.Canonical.Tests.Identifiers;

public class parsing_an_imei
{
    [Theory]
    [InlineData("490154203237518", "490154203237518")] // the widely published example IMEI
    [InlineData("49-015420-323751-8", "490154203237518")]
    [InlineData("35 209900 176148 1", "352099001761481")]
    public void accepts_valid_imeis_and_drops_separators(string input, string expected)
    {
        Assert.True(Imei.TryParse(input, out var imei, out var error), error);
        Assert.Equal(expected, imei.Value);
    }

    [Fact]
    public void rejects_a_wrong_luhn_digit()
    {
        Assert.False(Imei.TryParse("490154203237519", out _, out var error));
        Assert.Equal("check digit 8 expected, found 9", error);
    }

    [Fact]
    public void rejects_an_imeisv_saying_so()
    {
        Assert.False(Imei.TryParse("4901542032375186", out _, out var error));
        Assert.Contains("IMEISV", error);
    }

    [Theory]
    [InlineData("49015420323751", "14 digits")]
    [InlineData("49015420323751X", "must be digits")]
    public void rejects_malformed_imeis(string input, string expected)
    {
        Assert.False(Imei.TryParse(input, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void exposes_the_type_allocation_code_and_becomes_an_imei_reference()
    {
        var imei = Imei.Parse("490154203237518");
        Assert.Equal("49015420", imei.TypeAllocationCode);
        Assert.Equal(new Reference("imei", "490154203237518"), imei.ToReference());
    }
}
