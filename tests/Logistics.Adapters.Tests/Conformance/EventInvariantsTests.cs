using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.Conformance;

/// <summary>Each shared invariant, fed a deliberately bad event: the check must fire, and name the field.</summary>
public sealed class EventInvariantsTests
{
    static readonly Instant Received = Instant.FromUtc(2026, 1, 1, 0, 0);
    static readonly TranslationContext Context = TranslationContext.For("fake", "x"u8, Received);

    static MilestoneEvent Good() => FakeAdapter.Milestone(Context, "MSKU1234565", MilestoneCodes.Departed, Received - Duration.FromHours(2));

    static MeasurementEvent Temperature(double value, string unit) => (MeasurementEvent)new MeasurementEvent
    {
        OccurredAt = Received, OccurredAtOffset = Offset.Zero, OffsetSource = OffsetSource.Explicit, ReceivedAt = Received,
        Source = Context.SourceFor(null), Refs = [new Reference(RefSchemes.DevEui, "A84041000181C7B1")],
        Measurement = new MeasurementDetail(MeasurementTypes.Temperature, value, unit, value, unit, null),
    }.WithDerivedId();

    static PositionEvent Position(double lat, double lon) => (PositionEvent)new PositionEvent
    {
        OccurredAt = Received, OccurredAtOffset = Offset.Zero, OffsetSource = OffsetSource.Explicit, ReceivedAt = Received,
        Source = Context.SourceFor(null), Refs = [new Reference(RefSchemes.Imei, "300434063839990")],
        Position = new PositionDetail(lat, lon, null, PositionMethods.Gnss),
    }.WithDerivedId();

    static string Single(CanonicalEvent e) => Assert.Single(EventInvariants.Check(e, "fake", Received));

    [Fact]
    public void a_good_event_has_no_violation() => Assert.Empty(EventInvariants.Check(Good(), "fake", Received));

    [Theory]
    [InlineData(90.5, 0, "position.lat: 90.5 outside")]
    [InlineData(-91, 0, "position.lat: -91 outside")]
    [InlineData(0, 180.1, "position.lon: 180.1 outside")]
    [InlineData(0, -200, "position.lon: -200 outside")]
    [InlineData(double.NaN, 0, "position.lat: NaN outside")]
    public void position_out_of_range(double lat, double lon, string expected) =>
        Assert.StartsWith(expected, Single(Position(lat, lon)), StringComparison.Ordinal);

    [Fact]
    public void position_on_the_boundaries_is_fine() => Assert.Empty(EventInvariants.Check(Position(-90, 180)));

    [Fact]
    public void location_out_of_range() =>
        Assert.StartsWith("location.lon: 181 outside", Single((Good() with { Location = new Location("NLRTM", null, 51.9, 181) }).WithDerivedId()), StringComparison.Ordinal);

    [Fact]
    public void temperature_not_in_celsius() =>
        Assert.StartsWith("measurement.unit: temperature in 'FAH'", Single(Temperature(41, "FAH")), StringComparison.Ordinal);

    [Fact]
    public void future_time_without_flag_fails_and_with_the_flag_passes()
    {
        var future = (Good() with { OccurredAt = Received + Duration.FromHours(26) }).WithDerivedId();
        Assert.Contains("more than 25 h after receivedAt", Single(future), StringComparison.Ordinal);
        Assert.Empty(EventInvariants.Check(future with { Flags = [EventFlags.ClockInFuture] }));
        Assert.Empty(EventInvariants.Check((Good() with { OccurredAt = Received + Duration.FromHours(25) }).WithDerivedId()));
    }

    [Fact]
    public void an_estimate_or_plan_may_lie_in_the_future()
    {
        var eta = Good() with { OccurredAt = Received + Duration.FromDays(20), Milestone = new MilestoneDetail(MilestoneCodes.Arrived, TimeClassifier.EST) };
        Assert.Empty(EventInvariants.Check(eta.WithDerivedId()));
        Assert.Single(EventInvariants.Check((eta with { Milestone = eta.Milestone with { Classifier = TimeClassifier.ACT } }).WithDerivedId()));
    }

    [Fact]
    public void empty_refs_and_unknown_schemes_fail()
    {
        Assert.StartsWith("refs: empty", Single((Good() with { Refs = [] }).WithDerivedId()), StringComparison.Ordinal);
        Assert.StartsWith("refs[0].scheme: 'pallet'", Single((Good() with { Refs = [new Reference("pallet", "1")] }).WithDerivedId()), StringComparison.Ordinal);
        Assert.StartsWith("refs[0].value: empty", Single((Good() with { Refs = [new Reference("container", " ")] }).WithDerivedId()), StringComparison.Ordinal);
    }

    [Fact]
    public void milestone_code_outside_the_vocabulary_fails() =>
        Assert.StartsWith("milestone.code: 'SAILED'",
            Single((Good() with { Milestone = new MilestoneDetail("SAILED", TimeClassifier.ACT) }).WithDerivedId()), StringComparison.Ordinal);

    [Fact]
    public void id_must_be_the_derived_one()
    {
        Assert.StartsWith("eventId: empty", Single(Good() with { EventId = "" }), StringComparison.Ordinal);
        // Changing a natural-key field without re-deriving leaves a stale id.
        Assert.Contains("is not derived from the natural key", Single(Good() with { OccurredAt = Received }), StringComparison.Ordinal);
    }

    [Fact]
    public void adapter_and_received_at_must_match_the_context()
    {
        var v = EventInvariants.Check(Good(), "other", Received + Duration.FromSeconds(1));
        Assert.Contains(v, x => x.StartsWith("source.adapter: 'fake', expected the adapter's id 'other'", StringComparison.Ordinal));
        Assert.Contains(v, x => x.StartsWith("receivedAt:", StringComparison.Ordinal));
    }

    [Fact]
    public void assumed_utc_with_an_offset_fails() =>
        Assert.Contains("assumed-utc", Single(Good() with { OffsetSource = OffsetSource.AssumedUtc, OccurredAtOffset = Offset.FromHours(2) }), StringComparison.Ordinal);

    [Fact]
    public void duplicate_ids_in_one_translation_fail()
    {
        var e = Good();
        Assert.Empty(EventInvariants.CheckSet([e]));
        Assert.Contains("events 1 and 3 share id", Assert.Single(EventInvariants.CheckSet([e, Position(1, 1), e])), StringComparison.Ordinal);
    }
}
