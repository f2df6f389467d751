using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.Tests.Sdk;

/// <summary>The shared event header: every factory gives the same provenance, a derived id, and the clock flags.</summary>
public sealed class EventHeaderTests
{
    static readonly Instant Received = Instant.FromUtc(2026, 1, 1, 0, 0);
    static readonly TranslationContext Context = TranslationContext.For("acme", "{}"u8, Received) with { Carrier = "ACME" };
    static readonly Reference[] Refs = [new(RefSchemes.Tracking, "1Z999")];

    static EventHeader At(Instant time) => EventHeader.For(Context, ResolvedTime.ExplicitUtc(time), Refs, "DEP", "evt-1");

    [Fact]
    public void every_kind_carries_the_header_and_an_id_derived_from_its_natural_key()
    {
        var header = At(Instant.FromUtc(2025, 12, 30, 8, 0)) with { Location = new Location("NLRTM", "Rotterdam", null, null) };
        CanonicalEvent[] events =
        [
            header.Milestone(MilestoneCodes.Departed, TimeClassifier.ACT),
            header.Measurement(new MeasurementDetail(MeasurementTypes.Temperature, 4.5, "CEL", 4.5, "CEL", null)),
            header.Position(new PositionDetail(51.9, 4.1, null, PositionMethods.Carrier)),
            header.Alarm(new AlarmDetail("temperature", null, 9, "CEL", "too warm")),
            header.Retraction(new RetractionDetail("evt-0", null)),
        ];
        Assert.All(events, e =>
        {
            Assert.Equal((Instant.FromUtc(2025, 12, 30, 8, 0), Received, "acme", "ACME", "DEP", "evt-1"),
                (e.OccurredAt, e.ReceivedAt, e.Source.Adapter, e.Source.Carrier, e.Source.SourceCode, e.Source.SourceEventId));
            Assert.Equal(Refs, e.Refs);
            Assert.Equal("NLRTM", e.Location?.Unlocode);
            Assert.Equal(EventIds.Derive(e.NaturalKey), e.EventId);
        });
        Assert.Equal(events.Length, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void an_association_is_about_its_parent_and_child()
    {
        var parent = new Reference(RefSchemes.Container, "MSKU1234565");
        var child = new Reference(RefSchemes.DevEui, "70B3D57ED005A1C2");
        var e = At(Received).Association(new AssociationDetail("ADD", parent, child));
        Assert.Equal([parent, child], e.Refs);
    }

    [Fact]
    public void an_actual_time_far_ahead_is_flagged_but_an_estimate_is_not()
    {
        var header = At(Received + Duration.FromDays(3));
        Assert.Equal([EventFlags.ClockInFuture], header.Milestone(MilestoneCodes.Delivered, TimeClassifier.ACT).Flags);
        Assert.Empty(header.Milestone(MilestoneCodes.Delivered, TimeClassifier.EST).Flags);
        Assert.Equal([EventFlags.ClockInFuture], header.Measurement(new MeasurementDetail("temperature", 1, "CEL", 1, "CEL", null)).Flags);
    }

    [Fact]
    public void the_adapters_flags_follow_the_clock_flags_once_each()
    {
        var header = At(Instant.FromUtc(1999, 6, 1, 0, 0)).WithFlag(EventFlags.SourceInvalid).WithFlag(EventFlags.SourceInvalid);
        Assert.Equal([EventFlags.ClockBefore2000, EventFlags.SourceInvalid], header.Position(new PositionDetail(51.9, 4.5, null, PositionMethods.Gnss)).Flags);
    }

    [Fact]
    public void a_fix_at_exactly_zero_zero_is_flagged_source_invalid_and_one_a_hair_away_is_not()
    {
        var header = At(Received - Duration.FromMinutes(1));
        Assert.Equal([EventFlags.SourceInvalid], header.Position(new PositionDetail(0, 0, null, PositionMethods.Gnss)).Flags);
        Assert.Empty(header.Position(new PositionDetail(0, 0.0001, null, PositionMethods.Gnss)).Flags);
        Assert.Empty(header.Position(new PositionDetail(-0.0001, 0, null, PositionMethods.Gnss)).Flags);
        // Kept once when the source already said so, and after the clock flags.
        var early = At(Instant.FromUtc(1999, 6, 1, 0, 0)).WithFlag(EventFlags.SourceInvalid);
        Assert.Equal([EventFlags.ClockBefore2000, EventFlags.SourceInvalid], early.Position(new PositionDetail(0, 0, null, PositionMethods.Gnss)).Flags);
    }
}
