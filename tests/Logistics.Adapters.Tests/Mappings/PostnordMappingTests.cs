using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Mappings.CarrierSamples;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>postnord (mapping only), asserted from PostNord's findByIdentifier documentation: local eventTime, status values.</summary>
public sealed class PostnordMappingTests
{
    [Fact]
    public void a_local_event_time_takes_the_zone_of_the_events_country()
    {
        var se = Milestones("postnord", "postnord-se-delivered.json");
        Assert.Equal((MilestoneCodes.Delivered, Utc("2024-04-05T12:21:00Z"), Offset.FromHours(2), OffsetSource.Inferred), When(se[^1]));
        var dk = Milestones("postnord", "postnord-dk-two-items-winter.json");
        Assert.Equal((MilestoneCodes.Exception, Utc("2023-12-01T14:05:00Z"), Offset.FromHours(1), OffsetSource.Inferred), When(dk[^1]));
        var fi = Milestones("postnord", "postnord-fi-event-without-location.json");
        Assert.Equal((Offset.FromHours(3), OffsetSource.Inferred), (fi[1].OccurredAtOffset, fi[1].OffsetSource));
        Assert.Equal(OffsetSource.AssumedUtc, fi[0].OffsetSource); // no location at all
    }

    [Fact]
    public void each_item_is_named_by_its_item_id_then_the_shipment_id()
    {
        var dk = Milestones("postnord", "postnord-dk-two-items-winter.json");
        Assert.Equal(["tracking:00370712340000000028", "tracking:70712345678912345"], dk[^1].Refs.Select(r => r.ToString()));
        Assert.Equal("AVAILABLE_FOR_DELIVERY", Milestones("postnord", "postnord-se-delivered.json")[2].Milestone.Code);
    }
}
