using Logistics.Adapters.Ups;
using Logistics.Canonical.Events;
using static Logistics.Adapters.Tests.Parcel.ParcelSamples;

namespace Logistics.Adapters.Tests.Parcel;

/// <summary>
/// UPS Track API v1 responses; expected values by hand from the API schema (Tracking.yaml: activity date YYYYMMDD and
/// time HHMMSS local, gmtOffset; status type D/I/M/P/X/RS/NA…; deliveryDate SDD/RDD/DEL; deliveryTime EDW endTime)
/// and the zones of the activity cities.
/// </summary>
public class UpsDecoderTests
{
    static readonly UpsAdapter Adapter = new();

    [Fact]
    public void karrio_sample_delivered_in_paramus_and_label_created_in_the_us()
    {
        var events = Sample(Adapter, "Ups", "ups-track-v1-response.json");
        // D at 16:30:00 on 26 January 2022 in Paramus, NJ (EST, -05:00) = 21:30 UTC.
        Assert.Equal((MilestoneCodes.Delivered, TimeClassifier.ACT, Utc("2022-01-26T21:30:00Z"), OffsetSource.Inferred), When(events[0]));
        // M/MP at 15:16:41, the address only says US (several zones): taken as UTC.
        Assert.Equal((MilestoneCodes.Booked, TimeClassifier.ACT, Utc("2022-01-26T15:16:41Z"), OffsetSource.AssumedUtc), When(events[1]));
        Assert.Equal("tracking:1Z1442YY7229014688", events[0].Refs[0].ToString());
        Assert.Equal(("UPS", "D/F4"), (events[0].Source.Carrier, events[0].Source.SourceCode));
        Assert.Equal(2, events.Count); // deliveryDate DEL is the delivered date, not a forecast
    }

    [Fact]
    public void exception_with_gmt_offset_out_for_delivery_and_the_rescheduled_window()
    {
        var events = Sample(Adapter, "Ups", "ups-exception-and-scheduled-delivery.json");
        // X at 14:32 with gmtOffset -05:00 = 19:32 UTC, which is the response's own gmtTime 193200.
        Assert.Equal((MilestoneCodes.Exception, TimeClassifier.ACT, Utc("2025-11-18T19:32:00Z"), OffsetSource.Explicit), When(events[0]));
        Assert.Equal(MilestoneCodes.OutForDelivery, events[1].Milestone.Code); // type I, code OT
        Assert.Equal(Utc("2025-11-18T04:10:00Z"), events[2].OccurredAt); // 23:10 in Louisville (EST)
        Assert.Equal(Utc("2025-11-17T23:15:00Z"), events[3].OccurredAt); // 17:15 in Memphis (CST, -06:00)
        // RDD 20251119 replaces SDD 20251118; the window ends 16:00 in Atlanta (EST) = 21:00 UTC.
        Assert.Equal((MilestoneCodes.Delivered, TimeClassifier.EST, Utc("2025-11-19T21:00:00Z"), OffsetSource.Inferred), When(events[5]));
    }

    [Fact]
    public void an_activity_without_location_is_utc_and_status_not_available_is_no_milestone()
    {
        var events = Sample(Adapter, "Ups", "ups-two-packages-returned-no-location.json");
        Assert.Equal((MilestoneCodes.Exception, "RS/RS"), (events[0].Milestone.Code, events[0].Source.SourceCode)); // returned to shipper
        Assert.Equal((Utc("2025-07-02T22:00:00Z"), OffsetSource.AssumedUtc), (events[1].OccurredAt, events[1].OffsetSource));
        Assert.Null(events[1].Location);
        Assert.Equal([EventFlags.DateOnly], events[2].Flags); // SDD with deliveryTime EOD
        Assert.DoesNotContain(events, e => e.Source.SourceCode == "NA/NA");
        Assert.Equal("tracking:1ZW470F80312345682", events[3].Refs[0].ToString());
    }

    [Fact]
    public void unknown_status_type_and_error_responses_are_rejected()
    {
        const string unknown = """
            {"trackResponse": {"shipment": [{"package": [{"trackingNumber": "1Z999AA10123456784",
              "activity": [{"status": {"type": "Q"}, "date": "20250101", "time": "120000"}]}]}]}}
            """;
        Assert.StartsWith("at $.trackResponse.shipment[0].package[0].activity[0].status.type: expected an activity status type listed in ups status-map.json",
            Rejection(Adapter, unknown));
        Assert.Equal("at $.response.errors[0]: expected a tracking response, not a UPS error, found 151018: Invalid tracking number",
            Rejection(Adapter, """{"response": {"errors": [{"code": "151018", "message": "Invalid tracking number"}]}}"""));
    }
}
