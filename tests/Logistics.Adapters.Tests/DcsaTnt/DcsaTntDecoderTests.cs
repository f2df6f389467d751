using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.DcsaTnt.DcsaSamples;

namespace Logistics.Adapters.Tests.DcsaTnt;

public class DcsaTntDecoderTests
{
    [Fact]
    public void tnt_22_transport_arrival_keeps_offset_refs_and_port()
    {
        var e = Assert.IsType<MilestoneEvent>(Events("tnt-220-response.json")[0]);
        Assert.Equal((MilestoneCodes.Arrived, TimeClassifier.ACT), (e.Milestone.Code, e.Milestone.Classifier));
        Assert.Equal(Utc("2021-01-09T13:12:56Z"), e.OccurredAt);
        Assert.Equal(Offset.FromHours(1), e.OccurredAtOffset);
        Assert.Equal(OffsetSource.Explicit, e.OffsetSource);
        Assert.Equal(["container:APZU4812090", "booking:ABC123123123", "bol:reserved-HHL123", "vessel:9321483"], e.Refs.Select(r => r.ToString()));
        Assert.Equal("FRPAR", e.Location?.Unlocode);
        Assert.Equal(("TRANSPORT/ARRI", "3cecb101-7a1a-43a4-9d62-e88a131651e2"), (e.Source.SourceCode, e.Source.SourceEventId));
    }

    [Fact]
    public void tnt_22_estimated_load_is_loaded_est_at_event_location()
    {
        var e = Assert.IsType<MilestoneEvent>(Events("tnt-220-response.json")[2]);
        Assert.Equal((MilestoneCodes.Loaded, TimeClassifier.EST), (e.Milestone.Code, e.Milestone.Classifier));
        Assert.Equal(Offset.FromHoursAndMinutes(8, 30), e.OccurredAtOffset);
        Assert.Equal(new Location("FRPAR", "Eiffel Tower", 48.85855, 2.294492036), e.Location);
    }

    [Fact]
    public void tnt_30_iot_door_opened_with_geo_coordinate()
    {
        var e = Assert.IsType<MilestoneEvent>(Assert.Single(Events("tnt-300-request-iot.json", receivedAt: "2026-01-21T00:00:00Z")));
        Assert.Equal(MilestoneCodes.DoorOpened, e.Milestone.Code);
        Assert.Equal(Utc("2026-01-20T16:45:00Z"), e.OccurredAt);
        Assert.Equal((52.3676, 4.9041), (e.Location!.Lat!.Value, e.Location.Lon!.Value));
        Assert.Equal("container:APZU4812090", e.Refs[0].ToString());
    }

    [Fact]
    public void tnt_30_reefer_gives_one_temperature_per_probe_and_no_setpoints()
    {
        var readings = Events("tnt-300-request-reefer.json", receivedAt: "2026-01-21T00:00:00Z").Cast<MeasurementEvent>().ToList();
        Assert.Equal([("ambient", 22.3), ("usda-probe-1", -18.2), ("usda-probe-2", -18.7)],
            readings.Select(r => (r.Measurement.Sensor!, r.Measurement.Value)));
        Assert.All(readings, r => Assert.Equal("CEL", r.Measurement.Unit));
    }

    [Fact]
    public void tnt_30_fahrenheit_reefer_is_converted_and_retraction_names_the_withdrawn_event()
    {
        var events = Events("tnt-300-events-mixed.json", carrier: "HLCU");
        var probe = events.OfType<MeasurementEvent>().First(m => m.Measurement.Sensor == "P22");
        Assert.Equal((1.5, "CEL", 34.7, "FAH"), (probe.Measurement.Value, probe.Measurement.Unit, probe.Measurement.OriginalValue, probe.Measurement.OriginalUnit));
        var retraction = Assert.IsType<RetractionEvent>(events[^1]);
        Assert.Equal("event-HLXU8765436-REEFER-2025-01-22T06:00:00Z", retraction.Retraction.RetractedSourceEventId);
        Assert.Equal("reading sent for the wrong container", retraction.Retraction.Reason);
    }

    [Fact]
    public void event_domain_31_retraction_without_payload_uses_metadata_time()
    {
        var retraction = Assert.IsType<RetractionEvent>(Events("iot-v1-event-and-retraction.json")[1]);
        Assert.Equal("957e4966-dad0-4111-9f8f-fb7216c43907", retraction.Retraction.RetractedSourceEventId);
        Assert.Equal(Utc("2022-09-19T23:11:00Z"), retraction.OccurredAt);
    }

    [Fact]
    public void local_time_without_offset_is_inferred_from_unlocode_else_assumed_utc()
    {
        var events = Events("tnt-v22-local-times.json", carrier: "MSCU");
        Assert.Equal((Utc("2021-05-10T07:30:00Z"), Offset.FromHours(2), OffsetSource.Inferred), (events[0].OccurredAt, events[0].OccurredAtOffset, events[0].OffsetSource));
        Assert.Equal((Utc("2021-05-10T07:15:00Z"), OffsetSource.AssumedUtc), (events[1].OccurredAt, events[1].OffsetSource));
    }

    [Fact]
    public void planned_departure_is_not_clock_checked()
    {
        var e = Assert.IsType<MilestoneEvent>(Assert.Single(Events("tnt-v22-single-departure-planned.json", carrier: "EGLV")));
        Assert.Equal((MilestoneCodes.Departed, TimeClassifier.PLN), (e.Milestone.Code, e.Milestone.Classifier));
        Assert.Empty(e.Flags);
        Assert.Equal("EGLV", e.Source.Carrier);
    }

    [Fact]
    public void tnt_30_iot_location_update_is_a_position_at_the_event_coordinates_not_a_milestone()
    {
        // TNT_v3.0.0 IotDetails.iotEventCode: LOC - Location update; geoCoordinate latitude/longitude are decimal strings
        var events = Events("tnt-300-iot-location-update.json", receivedAt: "2025-03-03T00:00:00Z", carrier: "HLCU");
        var fix = Assert.IsType<PositionEvent>(events[0]);
        Assert.Equal((42.8805, -9.271, PositionMethods.Carrier), (fix.Position.Lat, fix.Position.Lon, fix.Position.Method));
        Assert.Equal(("IOT/LOC", "container:HLXU8765436"), (fix.Source.SourceCode, fix.Refs[0].ToString()));
        Assert.Equal(new Location(null, "Off Cape Finisterre", null, null), fix.Location);
        Assert.Equal(MilestoneCodes.DoorOpened, Assert.IsType<MilestoneEvent>(events[1]).Milestone.Code);
    }
}
