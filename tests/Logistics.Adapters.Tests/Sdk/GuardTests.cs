using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.Sdk;

public sealed class GuardTests
{
    static readonly Instant Received = Instant.FromUtc(2026, 1, 1, 0, 0);

    sealed class Emits(params CanonicalEvent[] events) : IAdapter
    {
        public AdapterInfo Info { get; } = new("guard-test", AdapterFamilies.Lpwan, [], InboundModes.Webhook, "test");
        public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context) => TranslationResult.Of(events);
    }

    sealed class Throws : IAdapter
    {
        public AdapterInfo Info { get; } = new("guard-test", AdapterFamilies.Lpwan, [], InboundModes.Webhook, "test");
        public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context) => throw new IndexOutOfRangeException("boom");
    }

    static MeasurementEvent Reading(double celsius, int minute = 0) => (MeasurementEvent)new MeasurementEvent
    {
        OccurredAt = Received - Duration.FromMinutes(60 - minute), OccurredAtOffset = Offset.Zero, OffsetSource = OffsetSource.Explicit,
        ReceivedAt = Received, Source = new EventSource("guard-test", null, new string('0', 64), null),
        Refs = [new Reference(RefSchemes.DevEui, "70B3D57ED0050001")],
        Measurement = new MeasurementDetail(MeasurementTypes.Temperature, celsius, "CEL", celsius, "CEL", "1"),
    }.WithDerivedId();

    static TranslationResult Run(IAdapter adapter) => Guard.Translate(adapter, new byte[] { 1 }, new TranslationContext("guard-test", Received, new string('0', 64)));

    [Fact]
    public void an_exception_becomes_a_fault_rejection()
    {
        var result = Run(new Throws());
        Assert.True(Guard.IsFault(result));
        Assert.Contains("IndexOutOfRangeException: boom", ((Rejected)result).Rejection.Message);
    }

    [Fact]
    public void an_event_breaking_an_invariant_is_rejected_naming_the_event_and_the_violation()
    {
        var result = Assert.IsType<Rejected>(Run(new Emits(Reading(4.0), Reading(double.PositiveInfinity, 1))));
        Assert.Equal("event 2 (measurement)", result.Rejection.Position);
        Assert.Contains("measurement.value", result.Rejection.Found);
        Assert.False(Guard.IsFault(result));
    }

    [Fact]
    public void the_same_fact_stated_twice_is_kept_once()
    {
        var reading = Reading(5.5);
        var result = Assert.IsType<Translated>(Run(new Emits(reading, Reading(6.0, 1), reading)));
        Assert.Equal(2, result.Events.Count);
    }

    [Fact]
    public void two_different_events_with_one_id_are_rejected()
    {
        // Same natural key (type, sensor, value, time), different content outside it: the key cannot tell them apart.
        var first = Reading(5.5);
        var impostor = first with { Measurement = first.Measurement with { OriginalValue = 41.9, OriginalUnit = "FAH" } };
        Assert.Equal(first.EventId, impostor.WithDerivedId().EventId);
        var result = Assert.IsType<Rejected>(Run(new Emits(first, impostor)));
        Assert.Equal("events 1 and 2", result.Rejection.Position);
    }

    [Fact]
    public void run_keeps_only_the_exception_boundary_so_the_kit_can_report_every_violation()
    {
        var result = Guard.Run(new Emits(Reading(double.NaN)), new byte[] { 1 }, new TranslationContext("guard-test", Received, new string('0', 64)));
        Assert.IsType<Translated>(result);
    }
}
