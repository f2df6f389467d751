using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Mappings.CarrierSamples;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>royal-mail (mapping only), asserted from Royal Mail's Tracking API V2 guide and its event codes.</summary>
public sealed class RoyalMailMappingTests
{
    [Fact]
    public void special_delivery_signed_for_is_delivered_and_the_barcode_is_the_first_reference()
    {
        var events = Milestones("royal-mail", "royal-mail-special-delivery-signed.json");
        Assert.Equal(("EVKSP", MilestoneCodes.Delivered), (events[0].Source.SourceCode, events[0].Milestone.Code));
        Assert.Equal(["tracking:FQ123456785GB", "tracking:090412345000000AB7C2D"], events[0].Refs.Select(r => r.ToString()));
        Assert.Equal(("EVPPA", MilestoneCodes.PickedUp, "Newcastle-under-Lyme PO"), (events[3].Source.SourceCode, events[3].Milestone.Code, events[3].Location?.Name));
        Assert.Equal("RM", events[0].Source.Carrier);
    }

    [Fact]
    public void a_collection_point_is_available_for_delivery_until_collected()
    {
        var events = Milestones("royal-mail", "royal-mail-collection-point-no-locations.json");
        Assert.Equal([MilestoneCodes.Delivered, MilestoneCodes.AvailableForDelivery, MilestoneCodes.Exception], events.Select(e => e.Milestone.Code));
        Assert.Null(events[0].Location); // locationName null
    }

    [Fact]
    public void a_time_without_offset_is_uk_local_time_by_date()
    {
        var events = Milestones("royal-mail", "royal-mail-local-times-without-offset.json");
        Assert.Equal((MilestoneCodes.Delivered, Utc("2024-07-10T18:10:11Z"), Offset.FromHours(1), OffsetSource.Inferred), When(events[0]));
        // 30 March 2024 23:30 is the night before British Summer Time began: GMT
        Assert.Equal((MilestoneCodes.InTransit, Utc("2024-03-30T23:30:00Z"), Offset.Zero, OffsetSource.Inferred), When(events[1]));
    }
}
