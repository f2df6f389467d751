using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Mappings.CarrierSamples;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>easypost and aftership (mappings only), asserted from their documentation: the carrier comes from the message.</summary>
public sealed class AggregatorMappingTests
{
    [Fact]
    public void an_easypost_webhook_event_carries_the_tracker_and_its_carrier()
    {
        var events = Milestones("easypost", "easypost-event-usps-delivered.json");
        Assert.Equal([MilestoneCodes.Booked, MilestoneCodes.InTransit, MilestoneCodes.OutForDelivery, MilestoneCodes.Delivered], events.Select(e => e.Milestone.Code));
        Assert.All(events, e => Assert.Equal(("USPS", "tracking:9400100105442123456789"), (e.Source.Carrier, e.Refs[0].ToString())));
        Assert.Equal((Utc("2025-02-14T16:32:00Z"), Offset.FromHours(-5)), (events[^1].OccurredAt, events[^1].OccurredAtOffset));
    }

    [Fact]
    public void an_easypost_tracker_names_its_carrier_in_easyposts_spelling_and_unknown_gives_no_event()
    {
        var events = Milestones("easypost", "easypost-tracker-canadapost-no-location.json");
        Assert.Equal(2, events.Count); // the "unknown" detail is skipped
        Assert.All(events, e => Assert.Equal("CANADA_POST", e.Source.Carrier));
        // 10:45 in Toronto, ON in June: EDT (UTC-4), inferred from the tracking location
        Assert.Equal((MilestoneCodes.AvailableForDelivery, Utc("2025-06-05T14:45:00Z"), Offset.FromHours(-4), OffsetSource.Inferred), When(events[1]));
    }

    [Fact]
    public void an_aftership_webhook_maps_the_courier_slug_and_the_tags()
    {
        var events = Milestones("aftership", "aftership-webhook-dpd-delivered.json");
        Assert.Equal([MilestoneCodes.Booked, MilestoneCodes.InTransit, MilestoneCodes.OutForDelivery, MilestoneCodes.Delivered], events.Select(e => e.Milestone.Code));
        Assert.All(events, e => Assert.Equal("DPD", e.Source.Carrier));
    }

    [Fact]
    public void an_aftership_checkpoint_without_offset_takes_the_zone_of_its_country()
    {
        var events = Milestones("aftership", "aftership-get-evri-local-times.json");
        Assert.Equal((Offset.Zero, OffsetSource.Inferred), (events[0].OccurredAtOffset, events[0].OffsetSource)); // January: GMT
        Assert.Equal((MilestoneCodes.Exception, Utc("2025-07-21T14:42:00Z"), Offset.FromHours(1), OffsetSource.Inferred), When(events[1])); // July: BST
        var sf = Milestones("aftership", "aftership-get-sf-express-pickup-unknown-country.json");
        Assert.Equal(("SF_EXPRESS", Offset.FromHours(8)), (sf[1].Source.Carrier, sf[1].OccurredAtOffset)); // CHN → Asia/Shanghai
        Assert.Equal(2, sf.Count); // Pending gives no event
    }

    [Fact]
    public void an_unmapped_slug_is_kept_as_aftership_writes_it()
    {
        var e = Assert.Single(Assert.IsType<Translated>(Translate("aftership",
            """{"data":{"tracking":{"tracking_number":"X1","slug":"fastway-ie","checkpoints":[{"tag":"Delivered","checkpoint_time":"2025-01-02T10:00:00+00:00"}]}}}""")).Events);
        Assert.Equal("fastway-ie", e.Source.Carrier);
    }
}
