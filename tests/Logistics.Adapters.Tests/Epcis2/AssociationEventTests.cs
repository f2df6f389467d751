using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>GS1's AssociationEvent-a: a sensor (GIAI) paired with a returnable asset (GRAI).</summary>
public class AssociationEventTests
{
    [Fact]
    public void an_association_add_gives_one_association_per_child()
    {
        var events = Epcis2Fixture.Events("AssociationEvent-a.jsonld");

        var association = Assert.IsType<AssociationEvent>(Assert.Single(events));
        Assert.Equal("ADD", association.Association.Action);
        Assert.Equal(new Reference("epc", "urn:epc:id:grai:4012345.55555.987"), association.Association.Parent);
        Assert.Equal(new Reference("epc", "urn:epc:id:giai:4000001.12345"), association.Association.Child);
        Assert.Equal([association.Association.Parent, association.Association.Child], association.Refs);
        Assert.Equal("2019-11-01T13:00:00Z", association.Utc());
        Assert.Equal("assembling", association.Source.SourceCode);
        Assert.Equal("urn:epc:id:sgln:4012345.00001.0", association.Location?.Name);
    }

    [Fact]
    public void an_aggregation_add_with_a_mapped_bizstep_gives_associations_and_the_milestone()
    {
        var events = Epcis2Fixture.Events("query-document-urn-bizsteps.jsonld");

        Assert.Equal(["association", "association", "milestone", "milestone"], events.Select(e => WireNames.Of(e.Kind)));
        var second = Assert.IsType<AssociationEvent>(events[1]);
        Assert.Equal(new Reference("container", "CSQU3054383"), second.Association.Parent);
        Assert.Equal(new Reference("sscc", "106141412345678915"), second.Association.Child); // urn:epc:id:sscc:0614141.1234567891
        var loaded = Assert.IsType<MilestoneEvent>(events[2]);
        Assert.Equal("LOADED", loaded.Milestone.Code); // urn:epcglobal:cbv:bizstep:loading
        Assert.Equal("SGSIN", loaded.Location?.Unlocode);
        var arrived = Assert.IsType<MilestoneEvent>(events[3]);
        Assert.Equal(("ARRIVED", "2025-06-10T22:45:00.5Z", "+08:00"), (arrived.Milestone.Code, arrived.Utc(), arrived.Offset()));
    }
}
