using Logistics.Adapters.Fedex;
using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Parcel.ParcelSamples;

namespace Logistics.Adapters.Tests.Parcel;

/// <summary>
/// FedEx Track API 1.0 responses; expected values by hand from FedEx's response shape and its tracking status codes
/// (PU picked up, AR arrived, DP departed, OD out for delivery, DL delivered, DE delivery exception, CC cleared
/// customs, CD clearance delay, OC order created, SP split status) and the scan offsets.
/// </summary>
public class FedexDecoderTests
{
    static readonly FedexAdapter Adapter = new();

    [Fact]
    public void documentation_sample_pick_up_and_estimated_window_and_a_not_found_result_without_events()
    {
        var events = Sample(Adapter, "Fedex", "fedex-track-v1-response.json");
        Assert.Equal(2, events.Count); // the second tracking number is an error only
        // 2018-02-02T12:01:00-07:00 = 19:01 UTC.
        Assert.Equal((MilestoneCodes.PickedUp, TimeClassifier.ACT, Utc("2018-02-02T19:01:00Z"), OffsetSource.Explicit), When(events[0]));
        Assert.Equal((MilestoneCodes.Delivered, TimeClassifier.EST, Utc("2021-10-15T06:00:00Z"), OffsetSource.Explicit), When(events[1]));
        Assert.Equal(["tracking:128667043726", "tracking:123456789012"], events[0].Refs.Select(r => r.ToString()));
        Assert.Equal("FDXE", events[0].Source.Carrier);
    }

    [Fact]
    public void ground_package_with_an_exception_scan_before_delivery()
    {
        var events = Sample(Adapter, "Fedex", "fedex-ground-exception-out-for-delivery-delivered.json");
        Assert.Equal([MilestoneCodes.Delivered, MilestoneCodes.OutForDelivery, MilestoneCodes.Exception, MilestoneCodes.Arrived,
            MilestoneCodes.PickedUp, MilestoneCodes.Booked, MilestoneCodes.Delivered], events.Select(e => e.Milestone.Code));
        Assert.Equal(("DE/08", Utc("2025-12-02T22:20:00Z")), (events[2].Source.SourceCode, events[2].OccurredAt)); // 14:20 -08:00
        Assert.Null(events[3].Location); // an empty scanLocation
        Assert.Equal((TimeClassifier.EST, Utc("2025-12-04T04:00:00Z")), (events[6].Milestone.Classifier, events[6].OccurredAt)); // 20:00 -08:00
        Assert.All(events, e => Assert.Equal("FDXG", e.Source.Carrier));
    }

    [Fact]
    public void scans_without_offset_are_local_at_the_scan_city()
    {
        var events = Sample(Adapter, "Fedex", "fedex-international-customs-local-times.json");
        Assert.Equal([MilestoneCodes.CustomsReleased, MilestoneCodes.CustomsHold, MilestoneCodes.Departed, MilestoneCodes.InTransit, MilestoneCodes.Delivered],
            events.Select(e => e.Milestone.Code)); // SP (split status) gives no milestone
        // 09:10 in Frankfurt in June (CEST, +02:00) = 07:10 UTC; 16:05 in Memphis (CDT, -05:00) = 21:05 UTC.
        Assert.Equal((Utc("2025-06-03T07:10:00Z"), Offset.FromHours(2), OffsetSource.Inferred), (events[0].OccurredAt, events[0].OccurredAtOffset, events[0].OffsetSource));
        Assert.Equal((Utc("2025-06-01T21:05:00Z"), OffsetSource.Inferred), (events[3].OccurredAt, events[3].OffsetSource));
        Assert.Equal([EventFlags.DateOnly], events[4].Flags); // window begins 2025-06-05, no time
    }

    [Fact]
    public void unknown_event_type_and_error_only_responses_are_rejected()
    {
        const string unknown = """
            {"output": {"completeTrackResults": [{"trackingNumber": "794843185271", "trackResults": [
              {"trackingNumberInfo": {"trackingNumber": "794843185271"}, "scanEvents": [{"date": "2025-12-03T16:42:00-08:00", "eventType": "ZZ"}]}]}]}}
            """;
        Assert.StartsWith("at $.output.completeTrackResults[0].trackResults[0].scanEvents[0].eventType: expected a scan event type listed in fedex status-map.json",
            Rejection(Adapter, unknown));
        Assert.Equal("at $.errors[0]: expected a tracking response, not a FedEx error, found NOT.AUTHORIZED.ERROR: Access token expired.",
            Rejection(Adapter, """{"errors": [{"code": "NOT.AUTHORIZED.ERROR", "message": "Access token expired."}]}"""));
    }
}
