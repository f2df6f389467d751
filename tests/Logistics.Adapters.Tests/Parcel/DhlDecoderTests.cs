using Logistics.Adapters.Dhl;
using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Parcel.ParcelSamples;

namespace Logistics.Adapters.Tests.Parcel;

/// <summary>
/// DHL Shipment Tracking - Unified API responses; expected values by hand from the API's status codes (pre-transit,
/// transit, delivered, failure, unknown), its timestamps (ISO-8601, offset optional) and the zones of the countries.
/// </summary>
public class DhlDecoderTests
{
    static readonly DhlAdapter Adapter = new();

    [Fact]
    public void documentation_example_is_read_by_its_status_code_not_its_text()
    {
        var events = Sample(Adapter, "Dhl", "dhl-unified-track-response.json");
        // statusCode pre-transit (the text says DELIVERED); 07:53:47 local in the Netherlands in March (CET) = 06:53:47 UTC.
        Assert.Equal((MilestoneCodes.Booked, TimeClassifier.ACT, Utc("2018-03-02T06:53:47Z"), OffsetSource.Inferred), When(events[0]));
        Assert.Equal((MilestoneCodes.Delivered, TimeClassifier.EST, Utc("2018-08-03T00:00:00Z"), OffsetSource.Explicit), When(events[1]));
        Assert.Equal(12, events[0].Refs.Count); // the shipment id and its eleven piece ids
        Assert.Equal(("tracking:7777777770", "DHL"), (events[0].Refs[0].ToString(), events[0].Source.Carrier));
    }

    [Fact]
    public void express_failure_then_delivery_and_events_without_a_usable_place()
    {
        var events = Sample(Adapter, "Dhl", "dhl-express-transit-failure-delivered.json");
        Assert.Equal([MilestoneCodes.Delivered, MilestoneCodes.Exception, MilestoneCodes.InTransit, MilestoneCodes.InTransit, MilestoneCodes.Booked, MilestoneCodes.Delivered],
            events.Select(e => e.Milestone.Code));
        Assert.Equal(Utc("2025-02-13T14:40:00Z"), events[1].OccurredAt); // failure at 15:40+01:00
        // No location, and a location without country: the local times are taken as UTC.
        Assert.Equal((Utc("2025-02-13T05:20:00Z"), OffsetSource.AssumedUtc), (events[2].OccurredAt, events[2].OffsetSource));
        Assert.Null(events[2].Location);
        Assert.Equal(OffsetSource.AssumedUtc, events[3].OffsetSource);
        Assert.Equal((TimeClassifier.EST, Utc("2025-02-14T17:00:00Z")), (events[5].Milestone.Classifier, events[5].OccurredAt));
    }

    [Fact]
    public void latest_status_without_events_and_the_end_of_the_time_frame()
    {
        var events = Sample(Adapter, "Dhl", "dhl-parcel-de-status-only-and-timeframe.json");
        // 06:45 in Köln in May (CEST, +02:00) = 04:45 UTC.
        Assert.Equal((MilestoneCodes.InTransit, Offset.FromHours(2), Utc("2025-05-20T04:45:00Z")), (events[0].Milestone.Code, events[0].OccurredAtOffset, events[0].OccurredAt));
        Assert.Equal((MilestoneCodes.Delivered, TimeClassifier.EST, Utc("2025-05-21T11:00:00Z"), OffsetSource.Explicit), When(events[1]));
        // The parcel-nl shipment: its id is a number; the unknown-status event gives no milestone.
        Assert.Equal(("tracking:3412345678", MilestoneCodes.Delivered), (events[2].Refs[0].ToString(), events[2].Milestone.Code));
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public void unknown_status_code_and_error_answers_are_rejected()
    {
        Assert.StartsWith("at $.shipments[0].events[0].statusCode: expected a status code listed in dhl status-map.json",
            Rejection(Adapter, """{"shipments": [{"id": "1", "events": [{"timestamp": "2025-01-01T00:00:00Z", "statusCode": "lost"}]}]}"""));
        Assert.Equal("at $: expected a tracking response, not a DHL error, found 404 No result found: No shipment with given tracking number found.",
            Rejection(Adapter, """{"title": "No result found", "detail": "No shipment with given tracking number found.", "status": 404}"""));
    }
}
