using Logistics.Canonical.Units;

namespace Logistics.Canonical.Tests.Units;

public class the_rec20_table
{
    [Theory]
    [InlineData("CEL", "temperature")]
    [InlineData("FAH", "temperature")]
    [InlineData("KEL", "temperature")]
    [InlineData("P1", "dimensionless ratio")]
    [InlineData("LUX", "illuminance")]
    [InlineData("PAL", "pressure")]
    [InlineData("KPA", "pressure")]
    [InlineData("A97", "pressure")]
    [InlineData("BAR", "pressure")]
    [InlineData("59", "dimensionless ratio")]
    [InlineData("VLT", "electric potential")]
    [InlineData("2Z", "electric potential")]
    [InlineData("C62", "dimensionless")]
    [InlineData("K40", "acceleration")]
    public void knows_the_units_our_measurements_use(string code, string quantity)
    {
        Assert.True(Rec20.IsKnown(code));
        Assert.Equal(quantity, Rec20.Find(code)!.Quantity);
    }

    [Theory]
    [InlineData("HPA")] // not a Rec 20 code: hectopascal is A97
    [InlineData("cel")] // codes are case-sensitive
    [InlineData("°C")] // a spelling, not a code
    [InlineData("")]
    [InlineData(null)]
    public void does_not_take_spellings_or_invented_codes_for_codes(string? code) => Assert.False(Rec20.IsKnown(code));

    [Theory]
    [InlineData("°C", "CEL")]
    [InlineData("C", "CEL")]
    [InlineData("Celsius", "CEL")]
    [InlineData("degC", "CEL")]
    [InlineData("°F", "FAH")]
    [InlineData("F", "FAH")]
    [InlineData("K", "KEL")]
    [InlineData("%", "P1")]
    [InlineData("%RH", "P1")]
    [InlineData("lx", "LUX")]
    [InlineData("hPa", "A97")]
    [InlineData("HPA", "A97")]
    [InlineData("mbar", "MBR")]
    [InlineData("ppm", "59")]
    [InlineData("V", "VLT")]
    [InlineData("mV", "2Z")]
    [InlineData("g", "K40")]
    [InlineData(" °C ", "CEL")]
    [InlineData("CEL", "CEL")]
    [InlineData("A97", "A97")]
    public void maps_source_spellings_to_codes(string spelling, string code) =>
        Assert.Equal(code, Rec20.FromSourceSpelling(spelling));

    [Theory]
    [InlineData("MV")] // megavolt, not millivolt: short spellings are case-sensitive
    [InlineData("furlongs")]
    [InlineData("")]
    public void returns_null_for_unknown_spellings(string spelling) => Assert.Null(Rec20.FromSourceSpelling(spelling));

    [Fact]
    public void every_spelling_maps_to_a_code_of_the_table()
    {
        foreach (var spelling in new[] { "°C", "°F", "K", "%", "%RH", "lx", "hPa", "kPa", "Pa", "bar", "mbar", "ppm", "ppb", "V", "mV", "mA", "g", "m/s²" })
            Assert.True(Rec20.IsKnown(Rec20.FromSourceSpelling(spelling)), spelling);
    }
}
