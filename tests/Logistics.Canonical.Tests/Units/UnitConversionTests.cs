using Logistics.Canonical.Units;

namespace Logistics.Canonical.Tests.Units;

public class converting_to_canonical_units
{
    [Theory]
    [InlineData(41.0, "FAH", 5.0)]
    [InlineData(-40.0, "FAH", -40.0)]
    [InlineData(32.0, "FAH", 0.0)]
    [InlineData(273.15, "KEL", 0.0)]
    [InlineData(281.15, "KEL", 8.0)]
    [InlineData(4.5, "CEL", 4.5)]
    public void temperatures_become_celsius(double value, string unit, double celsius)
    {
        var q = UnitConversion.ToCanonical("temperature", value, unit);
        Assert.Equal(celsius, q.Value, 9);
        Assert.Equal("CEL", q.Unit);
    }

    [Fact]
    public void fahrenheit_noise_is_rounded_away() =>
        Assert.Equal(2.222222, UnitConversion.ToCelsius(36.0, "FAH"));

    [Fact]
    public void other_measurements_keep_their_unit()
    {
        var q = UnitConversion.ToCanonical("humidity", 55.5, "P1");
        Assert.Equal(new Quantity(55.5, "P1"), q);
    }

    [Fact]
    public void a_non_temperature_unit_for_a_temperature_throws() =>
        Assert.Throws<ArgumentException>(() => UnitConversion.ToCanonical("temperature", 5, "P1"));

    [Fact]
    public void source_spellings_convert_and_keep_the_original_code()
    {
        Assert.True(UnitConversion.TryToCanonical("temperature", 41, "°F", out var q, out var original, out var error), error);
        Assert.Equal(new Quantity(5, "CEL"), q);
        Assert.Equal("FAH", original);
    }

    [Fact]
    public void a_humidity_in_percent_rh_is_kept_in_p1()
    {
        Assert.True(UnitConversion.TryToCanonical("humidity", 63, "%RH", out var q, out var original, out _));
        Assert.Equal(new Quantity(63, "P1"), q);
        Assert.Equal("P1", original);
    }

    [Theory]
    [InlineData("temperature", "%", "not a temperature unit")]
    [InlineData("temperature", "furlongs", "not a known")]
    public void unusable_units_are_reported_not_thrown(string type, string unit, string expected)
    {
        Assert.False(UnitConversion.TryToCanonical(type, 1, unit, out _, out _, out var error));
        Assert.Contains(expected, error);
    }
}
