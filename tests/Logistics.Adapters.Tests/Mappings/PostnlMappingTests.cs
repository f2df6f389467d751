using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Mappings.CarrierSamples;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>
/// postnl (mapping only), asserted from PostNL's Shippingstatus v2 documentation: TimeStamp "dd-MM-yyyy HH:mm:ss" in the
/// local time of the Dutch network; status 11 "Zending afgeleverd"; event codes grouped by the status they set.
/// </summary>
public sealed class PostnlMappingTests
{
    [Fact]
    public void the_current_status_11_is_delivered_at_amsterdam_time()
    {
        var e = Assert.Single(Milestones("postnl", "postnl-current-status-delivered.json"));
        Assert.Equal((MilestoneCodes.Delivered, Utc("2022-11-08T13:05:12Z"), Offset.FromHours(1), OffsetSource.Inferred), When(e));
        Assert.Equal(("11", "POSTNL", "tracking:3SDEVC172649265"), (e.Source.SourceCode, e.Source.Carrier, e.Refs[0].ToString()));
    }

    [Fact]
    public void event_times_follow_dutch_summer_time_from_its_first_night()
    {
        var events = Milestones("postnl", "postnl-complete-status-events-summer-and-winter.json");
        Assert.Equal(Offset.FromHours(1), events[1].OccurredAtOffset); // 27-03-2021 20:01 CET
        Assert.Equal((Utc("2021-03-28T01:30:00Z"), Offset.FromHours(2)), (events[2].OccurredAt, events[2].OccurredAtOffset)); // 03:30 CEST
        Assert.Equal([MilestoneCodes.Booked, MilestoneCodes.PickedUp, MilestoneCodes.InTransit, MilestoneCodes.OutForDelivery, MilestoneCodes.Delivered],
            events.Select(e => e.Milestone.Code));
    }

    [Fact]
    public void each_parcel_of_a_multi_collo_shipment_is_named_by_its_own_barcode_then_the_main_one()
    {
        var events = Milestones("postnl", "postnl-complete-status-multicollo-array.json");
        // A41 (status 99, "niet van toepassing") gives no event
        Assert.Equal(["J08", "H01", "J02"], events.Select(e => e.Source.SourceCode));
        Assert.Equal(["tracking:3SDEVC201611227", "tracking:3SDEVC201611210"], events[1].Refs.Select(r => r.ToString()));
        Assert.Equal((MilestoneCodes.Exception, MilestoneCodes.AvailableForDelivery), (events[1].Milestone.Code, events[2].Milestone.Code));
    }
}
