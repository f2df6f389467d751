using Logistics.Adapters.Epcis2;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>
/// A sensor report at a read point with an empty epcList (GS1's SensorDataExample3 shape: warehouse ambient monitoring)
/// is about the place: measurements referenced to it, never a rejection for naming no object.
/// </summary>
public class WarehouseAmbientTests
{
    [Fact]
    public void each_report_is_a_measurement_about_the_read_points_gln_at_the_end_of_its_interval()
    {
        var events = Epcis2Fixture.Events("warehouse-ambient-sensor-report.jsonld").Cast<MeasurementEvent>().ToList();

        Assert.Equal(2, events.Count);
        // urn:epc:id:sgln:4098765.00012.0: company prefix 4098765 + location reference 00012, GS1 check digit 6
        Assert.All(events, e => Assert.Equal([new Reference(RefSchemes.Location, "4098765000126")], e.Refs));
        Assert.All(events, e => Assert.Equal("urn:epc:id:sgln:4098765.00012.0", e.Location?.Name));
        Assert.All(events, e => Assert.Equal("2025-02-03T06:59:59.999Z", e.Utc())); // sensorMetadata.endTime, +01:00
        var temperature = events[0].Measurement;
        Assert.Equal(("temperature", 4.75, 3.1, 6.4), (temperature.Type, temperature.Value, temperature.MinValue, temperature.MaxValue)); // midpoint of min/max
        Assert.Equal(("humidity", "P1"), (events[1].Measurement.Type, events[1].Measurement.Unit));
    }

    [Theory]
    [InlineData("urn:epc:id:sgln:4012345.00005.0", "4012345000054")]
    [InlineData("urn:epc:id:sgln:4023333.00001.12", "4023333000017.12")] // 402333300001 → check digit 7
    [InlineData("https://id.gs1.org/414/4012345000054", "4012345000054")]
    [InlineData("https://example.com/414/4023333000017/254/12", "4023333000017.12")]
    [InlineData("urn:logistics:unlocode:NLRTM", "urn:logistics:unlocode:NLRTM")]
    public void a_place_is_named_by_its_gln_when_it_has_one(string placeId, string value) =>
        Assert.Equal(new Reference(RefSchemes.Location, value), EpcisIdentifiers.LocationReference(placeId));

    [Fact]
    public void an_event_with_neither_objects_nor_sensors_nor_a_place_is_still_rejected() =>
        Assert.Contains("expected at least one identifier", Epcis2Fixture.Rejection(
            """{"type":"ObjectEvent","eventTime":"2025-03-04T08:15:00Z","eventTimeZoneOffset":"+00:00","epcList":[],"action":"OBSERVE","bizStep":"departing"}""").Message,
            StringComparison.Ordinal);
}
