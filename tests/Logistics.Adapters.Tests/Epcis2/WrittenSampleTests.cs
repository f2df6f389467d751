using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>Our own samples from the EPCIS 2.0 standard, for the edge cases GS1's examples do not show.</summary>
public class WrittenSampleTests
{
    [Fact]
    public void fahrenheit_readings_are_celsius_with_the_original_kept_and_a_cbv_uri_bizstep_maps()
    {
        var events = Epcis2Fixture.Events("reefer-departing-fahrenheit.jsonld");

        Assert.Equal(4, events.Count); // DEPARTED, interval temperature, point temperature, humidity; Speed skipped
        var departed = Assert.IsType<MilestoneEvent>(events[0]);
        Assert.Equal(("DEPARTED", TimeClassifier.ACT), (departed.Milestone.Code, departed.Milestone.Classifier));
        Assert.Equal(("2025-03-04T13:15:00Z", "-05:00"), (departed.Utc(), departed.Offset()));
        Assert.Equal([new Reference("sscc", "106141412345678908"), new Reference("container", "MSKU1234565")], departed.Refs);
        Assert.Equal(new Location(null, "urn:epc:id:sgln:0614141.00777.0", 40.6681, -74.1156), departed.Location);

        var summary = Assert.IsType<MeasurementEvent>(events[1]).Measurement;
        Assert.Equal((3.0, "CEL", 37.4, "FAH"), (summary.Value, summary.Unit, summary.OriginalValue, summary.OriginalUnit));
        Assert.Equal((2.0, 5.0), (summary.MinValue, summary.MaxValue)); // 35.6 °F and 41.0 °F
        var point = Assert.IsType<MeasurementEvent>(events[2]);
        Assert.Equal((3.5, 38.3), (point.Measurement.Value, point.Measurement.OriginalValue));
        Assert.Equal("2025-03-04T13:10:00Z", point.Utc()); // its own sensorMetadata.time
        Assert.Equal(new Reference("deviceId", "urn:epc:id:giai:0614141.LOGGER42"), point.Refs[^1]);
    }

    [Fact]
    public void a_single_event_without_a_place_gives_a_milestone_without_location()
    {
        var milestone = Assert.IsType<MilestoneEvent>(Assert.Single(Epcis2Fixture.Events("single-event-no-location.json")));

        Assert.Equal("CUSTOMS_HOLD", milestone.Milestone.Code);
        Assert.Null(milestone.Location);
        Assert.Equal(("2025-11-20T08:32:11Z", "+05:30"), (milestone.Utc(), milestone.Offset()));
        Assert.Equal("urn:uuid:0b7c1d0e-2f3a-4b5c-9d6e-7f8091a2b3c4", milestone.Source.SourceEventId);
    }

    [Fact]
    public void a_geo_read_point_alone_is_a_position_and_kelvin_is_converted()
    {
        var events = Epcis2Fixture.Events("geo-observation.jsonld");

        var position = Assert.IsType<PositionEvent>(events[0]).Position;
        Assert.Equal((53.5461, 9.9661, 25.0, 12.0, "carrier"), (position.Lat, position.Lon, position.AccuracyM, position.AltitudeM, position.Method));
        var kelvin = Assert.IsType<MeasurementEvent>(events[1]);
        Assert.Equal((4.5, "CEL", 277.65, "KEL"), (kelvin.Measurement.Value, kelvin.Measurement.Unit, kelvin.Measurement.OriginalValue, kelvin.Measurement.OriginalUnit));
        Assert.Equal((53.5461, 9.9661), (kelvin.Location?.Lat, kelvin.Location?.Lon));
        var shock = Assert.IsType<MeasurementEvent>(events[2]).Measurement;
        Assert.Equal(("shock", 19.6, "MSK", "z"), (shock.Type, shock.Value, shock.Unit, shock.Sensor));
        Assert.Equal(3, events.Count); // the stringValue-only report has no number
    }
}
