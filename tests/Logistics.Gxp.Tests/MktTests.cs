using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using static Logistics.Gxp.Tests.TestData;

namespace Logistics.Gxp.Tests;

public class MktTests
{
    [Fact]
    public void published_vector_20C_2h_2C_4h_25C_1h_is_15_68() =>
        Assert.Equal(15.68, Math.Round(Mkt.Calculate([20, 2, 25], [2, 4, 1]), 2));

    [Fact]
    public void published_vector_20_20_40_25_equal_weights_is_30_2082() =>
        Assert.Equal(30.2082, Math.Round(Mkt.Calculate([20, 20, 40, 25], []), 4));

    [Fact]
    public void published_vector_24C_16h_26C_5h_28C_3h_21C_24h_is_23_23() =>
        Assert.Equal(23.23, Math.Round(Mkt.Calculate([24, 26, 28, 21], [16, 5, 3, 24]), 2));

    [Fact]
    public void activation_energy_in_joules_instead_of_kilojoules_collapses_to_the_harmonic_mean()
    {
        double[] celsius = [20, 2, 25];
        double[] weights = [2, 4, 1];
        var wrong = Mkt.Calculate(celsius, weights, activationEnergyKJPerMol: 0.083144); // 83.144 J/mol passed as kJ/mol
        var harmonic = weights.Sum() / celsius.Zip(weights, (c, w) => w / (c + 273.15)).Sum() - 273.15;
        var mean = celsius.Zip(weights, (c, w) => c * w).Sum() / weights.Sum();
        Assert.Equal(harmonic, wrong, tolerance: 0.01); // first order in ΔH/R = 10 K: within 0.01 °C
        Assert.True(wrong < mean, "the unit slip gives a result below the time-weighted mean");
        Assert.True(Mkt.Calculate(celsius, weights) >= mean, "MKT is never below the time-weighted mean");
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(-20.0)]
    [InlineData(-80.0)]
    [InlineData(25.0)]
    public void mkt_of_a_constant_series_is_that_constant(double value) =>
        Assert.Equal(value, Mkt.Calculate([value, value, value], [1, 5, 2]), 9);

    [Theory]
    [InlineData(60.0)]
    [InlineData(83.144)]
    [InlineData(100.0)]
    public void activation_energy_is_a_parameter(double kjPerMol)
    {
        double[] celsius = [4, 12, 6, 2];
        double[] weights = [3, 1, 2, 5];
        // Straight formula, no scaling: what the engine must equal.
        var k = kjPerMol * 1000 / 8.3144;
        var expected = k / -Math.Log(celsius.Zip(weights, (c, w) => w * Math.Exp(-k / (c + 273.15))).Sum() / weights.Sum()) - 273.15;
        Assert.Equal(expected, Mkt.Calculate(celsius, weights, kjPerMol), 9);
    }

    [Fact]
    public void higher_activation_energy_weighs_warm_readings_more() =>
        Assert.True(Mkt.Calculate([4, 12], [1, 1], 100) > Mkt.Calculate([4, 12], [1, 1], 60));

    [Fact]
    public void engine_weights_readings_by_held_time()
    {
        // Hourly readings: 20 °C for 2 h, 2 °C for 4 h, 25 °C for 1 h (the last reading holds one interval).
        var readings = Series("T-1", 60, 20, 20, 2, 2, 2, 2, 25);
        var logger = Assess(readings, Profile(interval: 60, zones: Above("H1", 30, 0))).Loggers[0];
        Assert.Equal(15.68, Math.Round(logger.MktCelsius!.Value, 2));
        Assert.Equal((20.0 * 2 + 2 * 4 + 25) / 7, logger.MeanCelsius!.Value, 9);
    }

    [Fact]
    public void mkt_is_not_applicable_to_frozen_profiles()
    {
        var logger = Assess(Series("F-1", 10, -25, -24, -26), StandardProfiles.Get(StandardProfiles.Frozen)).Loggers[0];
        Assert.Null(logger.MktCelsius);
        Assert.Contains("not applicable", logger.MktNote);
    }

    [Fact]
    public void mkt_window_alarms_at_the_end_of_the_first_window_above_the_maximum()
    {
        // 6 h at 5 °C, then 3 h at 14 °C, then 6 h at 5 °C; window 4 h, max 8 °C.
        var values = Enumerable.Repeat(5.0, 36).Concat(Enumerable.Repeat(14.0, 18)).Concat(Enumerable.Repeat(5.0, 36)).ToArray();
        var profile = Profile(mkt: new MktRule(83.144, 8, 4), zones: Above("H3", 25, 0));
        var a = Assess(Series("T-1", 10, values), profile);
        var alarm = Assert.Single(a.Alarms);
        Assert.Equal("mkt", alarm.Type);
        var window = a.Loggers[0].MktWindowMax!;
        Assert.True(window.MktCelsius > 8);
        Assert.True(a.Loggers[0].MktCelsius < 8, "the whole record stays below 8 °C: only the window rule catches it");
        Assert.True(alarm.TriggeredAt > At(36 * 10) && alarm.TriggeredAt <= At(54 * 10));
    }
}
