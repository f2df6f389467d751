using Logistics.Canonical.Events;
using static Logistics.Adapters.Tests.Mappings.CarrierSamples;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>inpost (mapping only), asserted from InPost's ShipX tracking documentation and status list.</summary>
public sealed class InpostMappingTests
{
    [Fact]
    public void a_locker_parcel_from_confirmation_to_delivery()
    {
        var events = Milestones("inpost", "inpost-locker-delivered.json");
        Assert.Equal([MilestoneCodes.Delivered, MilestoneCodes.AvailableForDelivery, MilestoneCodes.OutForDelivery, MilestoneCodes.InTransit,
            MilestoneCodes.PickedUp, MilestoneCodes.Booked], events.Select(e => e.Milestone.Code));
        Assert.Equal(Utc("2019-04-09T10:16:57Z"), events[0].OccurredAt); // 12:16:57.000+02:00
        Assert.Equal(("ready_to_pickup", "INPOST"), (events[1].Source.SourceCode, events[1].Source.Carrier));
    }

    [Fact]
    public void an_avizo_is_a_failed_attempt_and_a_reminder_is_not_an_event()
    {
        var events = Milestones("inpost", "inpost-courier-avizo-readdressed.json");
        Assert.DoesNotContain(events, e => e.Source.SourceCode == "pickup_reminder_sent");
        Assert.Equal(MilestoneCodes.Exception, events.Single(e => e.Source.SourceCode == "avizo").Milestone.Code);
        Assert.Equal(MilestoneCodes.InTransit, events.Single(e => e.Source.SourceCode == "readdressed").Milestone.Code);
    }
}
