using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Mappings.CarrierSamples;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>
/// usps (mapping only), asserted from USPS's Tracking 3.0 documentation: eventTimestamp is the scan's local time and
/// GMTOffset its offset; event codes 01 delivered, OF out for delivery, 03 accepted, 16 available for pickup, 02 notice left.
/// </summary>
public sealed class UspsMappingTests
{
    [Fact]
    public void the_local_scan_time_with_its_gmt_offset_is_explicit()
    {
        var delivered = Milestones("usps", "usps-v3-delivered-milwaukee.json")[0];
        Assert.Equal((MilestoneCodes.Delivered, Utc("2024-11-22T20:41:00Z"), Offset.FromHours(-6), OffsetSource.Explicit), When(delivered));
        Assert.Equal(("USPS", "01"), (delivered.Source.Carrier, delivered.Source.SourceCode));
        Assert.Equal("tracking:9400111206211234567890", delivered.Refs[0].ToString());
        Assert.Equal("MILWAUKEE, WI, 53207", delivered.Location?.Name);
    }

    [Fact]
    public void a_scan_without_gmt_offset_takes_the_zone_of_its_city_and_state()
    {
        var arrival = Milestones("usps", "usps-v3-delivered-milwaukee.json")[2];
        // 06:12 in Milwaukee, WI on 22 November is CST (UTC-6)
        Assert.Equal((MilestoneCodes.Arrived, Utc("2024-11-22T12:12:00Z"), Offset.FromHours(-6), OffsetSource.Inferred), When(arrival));
        // and in Denver on 11 March 2024, a day after daylight saving time began, MDT (UTC-6), not MST
        var noticeLeft = Milestones("usps", "usps-v3-notice-left-then-pickup.json")[1];
        Assert.Equal((MilestoneCodes.Exception, Utc("2024-03-11T20:52:00Z"), Offset.FromHours(-6), OffsetSource.Inferred), When(noticeLeft));
    }

    [Fact]
    public void a_pre_shipment_event_without_a_place_is_taken_as_utc_and_marked_so()
    {
        var events = Milestones("usps", "usps-v3-pre-shipment-no-place.json");
        Assert.All(events, e => Assert.Equal((MilestoneCodes.Booked, OffsetSource.AssumedUtc), (e.Milestone.Code, e.OffsetSource)));
        Assert.Equal(Utc("2024-12-02T17:41:00Z"), events[0].OccurredAt);
        Assert.Null(events[0].Location);
    }

    [Fact]
    public void documented_codes_map_to_their_milestones() =>
        Assert.Equal([MilestoneCodes.AvailableForDelivery, MilestoneCodes.Exception, MilestoneCodes.InTransit],
            Milestones("usps", "usps-v3-notice-left-then-pickup.json").Select(e => e.Milestone.Code));

    [Fact]
    public void an_unlisted_event_code_is_rejected_at_its_path() =>
        Assert.Equal("at $.trackingEvents[0].eventCode: expected a status code listed in usps mapping.json tables.eventCodes, found \"EF\"",
            Rejection("usps", """{"trackingNumber":"9400111206211234567890","trackingEvents":[{"eventTimestamp":"2024-11-22T14:41:00","eventCode":"EF"}]}""").Message);
}
