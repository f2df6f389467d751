using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>GS1's SensorDataExample1: three time-stamped sensor elements of four reports each (Speed has no canonical type).</summary>
public class SensorDataExample1Tests
{
    [Fact]
    public void each_report_is_one_measurement_at_its_sensor_metadata_time()
    {
        var events = Epcis2Fixture.Events("SensorDataExample1.jsonld");

        Assert.Equal(9, events.Count); // 3 elements × (Temperature, AbsoluteHumidity, Illuminance); Speed skipped
        var first = Assert.IsType<MeasurementEvent>(events[0]);
        Assert.Equal("2019-04-02T13:05:00Z", first.Utc()); // 14:05+01:00, not the event's 15:00
        Assert.Equal("+01:00", first.Offset());
        Assert.Equal(OffsetSource.Explicit, first.OffsetSource);
        Assert.Equal(("temperature", 26.0, "CEL"), (first.Measurement.Type, first.Measurement.Value, first.Measurement.Unit));
        Assert.Equal([new Reference("epc", "urn:epc:id:sgtin:4012345.011111.9876"), new Reference("deviceId", "urn:epc:id:giai:4000001.111")], first.Refs);
        Assert.Equal("urn:epc:id:sgln:4012345.00005.0", first.Location?.Name);
        Assert.Equal("ni:///sha-256;74f1dc48ee22289bc40ddd9f1d0ecae0dd09a2f4c3dfa66fdbca16cb2d8a4e77?ver=CBV2.0", first.Source.SourceEventId);

        var humidity = Assert.IsType<MeasurementEvent>(events[1]);
        Assert.Equal(("humidity", 12.1, "A93"), (humidity.Measurement.Type, humidity.Measurement.Value, humidity.Measurement.Unit));
        var lastLight = Assert.IsType<MeasurementEvent>(events[8]);
        Assert.Equal(("light", 802.0), (lastLight.Measurement.Type, lastLight.Measurement.Value));
        Assert.Equal("2019-04-02T13:55:00Z", lastLight.Utc());
        Assert.Equal(9, events.Select(e => e.EventId).Distinct().Count());
    }
}
