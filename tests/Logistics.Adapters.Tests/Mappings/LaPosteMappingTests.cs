using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Mappings.CarrierSamples;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>la-poste (mapping only), asserted from La Poste's Suivi v2 documentation and its event code list.</summary>
public sealed class LaPosteMappingTests
{
    [Fact]
    public void a_colissimo_parcel_from_announcement_to_delivery()
    {
        var events = Milestones("la-poste", "la-poste-colissimo-delivered.json");
        // DI1 distribué, MD2 mis en distribution, ET1 en cours de traitement, PC1 pris en charge, DR1 déclaratif réceptionné
        Assert.Equal([MilestoneCodes.Delivered, MilestoneCodes.OutForDelivery, MilestoneCodes.InTransit, MilestoneCodes.PickedUp, MilestoneCodes.Booked],
            events.Select(e => e.Milestone.Code));
        Assert.Equal((Utc("2021-04-23T10:38:02Z"), Offset.FromHours(2), OffsetSource.Explicit), (events[0].OccurredAt, events[0].OccurredAtOffset, events[0].OffsetSource));
        Assert.All(events, e => Assert.Equal(("COLISSIMO", "tracking:6A20417552931"), (e.Source.Carrier, e.Refs[0].ToString())));
    }

    [Fact]
    public void customs_entry_and_exit_are_hold_and_release_and_the_product_names_the_carrier()
    {
        var events = Milestones("la-poste", "la-poste-chronopost-international-customs.json");
        Assert.Equal([MilestoneCodes.CustomsReleased, MilestoneCodes.CustomsHold], events.Where(e => e.Source.SourceCode is "DO1" or "DO2").Select(e => e.Milestone.Code));
        Assert.All(events, e => Assert.Equal("CHRONOPOST", e.Source.Carrier));
        // PC2 pris en charge dans le pays d'expédition, at the sender's offset (-05:00)
        Assert.Equal((MilestoneCodes.PickedUp, Utc("2022-11-06T20:05:00Z"), Offset.FromHours(-5), OffsetSource.Explicit), When(events[^1]));
    }

    [Fact]
    public void a_return_delivered_to_the_sender_is_an_exception_not_a_delivery()
    {
        var events = Milestones("la-poste", "la-poste-returned-no-context.json");
        Assert.Equal(("DI2", MilestoneCodes.Exception), (events[0].Source.SourceCode, events[0].Milestone.Code));
        Assert.Equal(("AG1", MilestoneCodes.AvailableForDelivery), (events[^1].Source.SourceCode, events[^1].Milestone.Code));
        Assert.Equal("LAPOSTE", events[0].Source.Carrier); // product "lettre"
    }

    [Fact]
    public void an_unknown_code_is_rejected_naming_it() =>
        Assert.Contains("found \"XX1\"", Rejection("la-poste", """{"shipment":{"idShip":"6A1","event":[{"code":"XX1","date":"2021-04-22T12:00:00+02:00"}]}}""").Message, StringComparison.Ordinal);
}
