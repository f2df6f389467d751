using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Mappings.CarrierSamples;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>aramex (mapping only), asserted from Aramex's TrackShipments documentation: WCF dates, update codes SH014/SH003/SH005.</summary>
public sealed class AramexMappingTests
{
    [Fact]
    public void a_wcf_date_is_utc_milliseconds_shown_at_its_offset()
    {
        var events = Milestones("aramex", "aramex-delivered-wcf-dates.json");
        // /Date(1706958660000+0400)/ = 2024-02-03T11:11:00Z, displayed at +04:00 (Dubai)
        Assert.Equal((MilestoneCodes.Delivered, Utc("2024-02-03T11:11:00Z"), Offset.FromHours(4), OffsetSource.Explicit), When(events[0]));
        Assert.Equal((MilestoneCodes.Booked, Offset.FromHours(3)), (events[2].Milestone.Code, events[2].OccurredAtOffset)); // SH014 record created, Riyadh
    }

    [Fact]
    public void a_local_time_takes_the_zone_of_the_country_after_the_last_comma()
    {
        var events = Milestones("aramex", "aramex-local-times-jordan.json");
        // 13:08 in Jordan in July 2015 was UTC+3
        Assert.Equal((MilestoneCodes.Delivered, Utc("2015-07-13T10:08:00Z"), Offset.FromHours(3), OffsetSource.Inferred), When(events[0]));
    }

    [Fact]
    public void the_waybill_is_read_from_the_result_or_else_its_key()
    {
        var events = Milestones("aramex", "aramex-two-waybills-missing-location.json");
        Assert.Equal(["tracking:47384200001", "tracking:47384200002"], events.Select(e => e.Refs[0].ToString()));
        Assert.Equal(OffsetSource.AssumedUtc, events[1].OffsetSource); // no UpdateLocation: no zone
    }
}
