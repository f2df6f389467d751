using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>GS1's SensorDataExample2: an interval summary (startTime/endTime, min/max/mean).</summary>
public class SensorDataExample2Tests
{
    [Fact]
    public void an_interval_summary_gives_the_mean_as_value_keeps_min_and_max_and_happens_at_end_time()
    {
        var events = Epcis2Fixture.Events("SensorDataExample2.jsonld");

        Assert.Equal(3, events.Count);
        var temperature = Assert.IsType<MeasurementEvent>(events[0]);
        Assert.Equal("2019-04-02T13:55:00Z", temperature.Utc()); // endTime 14:55+01:00
        Assert.Equal(26.1, temperature.Measurement.Value);
        Assert.Equal(26.0, temperature.Measurement.MinValue);
        Assert.Equal(26.2, temperature.Measurement.MaxValue);
        Assert.Equal("CEL", temperature.Measurement.Unit);

        // No meanValue: the midpoint of min and max stands for the interval, min and max stay exact.
        var humidity = Assert.IsType<MeasurementEvent>(events[1]);
        Assert.Equal((12.15, 12.1, 12.2), (humidity.Measurement.Value, humidity.Measurement.MinValue, humidity.Measurement.MaxValue));
        var light = Assert.IsType<MeasurementEvent>(events[2]);
        Assert.Equal((801.0, 800.0, 802.0), (light.Measurement.Value, light.Measurement.MinValue, light.Measurement.MaxValue));
    }
}
