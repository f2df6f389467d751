using System.Text;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Canonical.Tests;

/// <summary>One realistic event of every kind, with ids derived, for the wire-form and schema tests.</summary>
static class SampleEvents
{
    public static readonly Instant ReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);
    static readonly string Raw = RawHash.Sha256Hex(Encoding.UTF8.GetBytes("raw message"));

    static readonly Reference Container = new(RefSchemes.Container, "MSKU1234565");
    static readonly Reference Logger = new(RefSchemes.DevEui, "70B3D57ED0001234");

    public static MilestoneEvent Milestone() => (MilestoneEvent)new MilestoneEvent
    {
        OccurredAt = Instant.FromUtc(2025, 12, 31, 14, 5),
        OccurredAtOffset = Offset.FromHours(8),
        OffsetSource = OffsetSource.Explicit,
        ReceivedAt = ReceivedAt,
        Source = new EventSource("dcsa-tnt", "MAEU", Raw, "TRANSPORT DEPA") { SourceEventId = "e0f3a2b4-1" },
        Refs = [Container, new Reference(RefSchemes.Bol, "MAEU123456789")],
        Location = new Location("CNSHA", "Shanghai", 31.23, 121.47),
        Milestone = new MilestoneDetail(MilestoneCodes.Departed, TimeClassifier.ACT),
    }.WithDerivedId();

    public static MeasurementEvent Measurement() => (MeasurementEvent)new MeasurementEvent
    {
        OccurredAt = Instant.FromUtc(2025, 12, 31, 23, 0, 30),
        OccurredAtOffset = Offset.Zero,
        OffsetSource = OffsetSource.Explicit,
        ReceivedAt = ReceivedAt,
        Source = new EventSource("chirpstack-v4", null, Raw, null),
        Refs = [Logger],
        Measurement = new MeasurementDetail(MeasurementTypes.Temperature, 5, "CEL", 41, "FAH", "probe-1") { MinValue = 4.5, MaxValue = 5.5 },
    }.WithDerivedId();

    public static PositionEvent Position() => (PositionEvent)new PositionEvent
    {
        OccurredAt = Instant.FromUtc(2025, 12, 31, 23, 1).PlusNanoseconds(123_000_000),
        OccurredAtOffset = Offset.Zero,
        OffsetSource = OffsetSource.Explicit,
        ReceivedAt = ReceivedAt,
        Source = new EventSource("iridium-sbd", null, Raw, null),
        Refs = [new Reference(RefSchemes.Imei, "300234010753370")],
        Position = new PositionDetail(-33.8688, 151.2093, 12.5, PositionMethods.Gnss) { SpeedKmh = 18.2, HeadingDeg = 270, AltitudeM = 3 },
    }.WithDerivedId();

    public static AssociationEvent Association() => (AssociationEvent)new AssociationEvent
    {
        OccurredAt = Instant.FromUtc(2025, 12, 30, 9, 0),
        OccurredAtOffset = Offset.FromHoursAndMinutes(5, 30),
        OffsetSource = OffsetSource.Inferred,
        ReceivedAt = ReceivedAt,
        Source = new EventSource("epcis2", null, Raw, "ADD"),
        Refs = [Container],
        Association = new AssociationDetail("ADD", Container, Logger),
    }.WithDerivedId();

    public static AlarmEvent Alarm() => (AlarmEvent)new AlarmEvent
    {
        OccurredAt = Instant.FromUtc(2025, 12, 31, 22, 0),
        OccurredAtOffset = Offset.Zero,
        OffsetSource = OffsetSource.AssumedUtc,
        ReceivedAt = ReceivedAt,
        Source = new EventSource("tts-v3", null, Raw, "TEMP_HIGH"),
        Refs = [Logger, Container],
        Alarm = new AlarmDetail("temperature-high", "probe-1", 8.5, "CEL", "above 8 °C for 30 min"),
        Flags = [EventFlags.SourceInvalid],
    }.WithDerivedId();

    public static RetractionEvent Retraction() => (RetractionEvent)new RetractionEvent
    {
        OccurredAt = Instant.FromUtc(2025, 12, 31, 10, 0),
        OccurredAtOffset = Offset.Zero,
        OffsetSource = OffsetSource.Explicit,
        ReceivedAt = ReceivedAt,
        Source = new EventSource("dcsa-tnt", "MAEU", Raw, null),
        Refs = [Container],
        Retraction = new RetractionDetail("e0f3a2b4-1", null),
    }.WithDerivedId();

    /// <summary>Variants that exercise nulls and optional fields the main samples leave out.</summary>
    public static IEnumerable<CanonicalEvent> Sparse()
    {
        yield return Alarm() with { Alarm = new AlarmDetail("door", null, null, null, null), Flags = [] };
        yield return Position() with { Position = new PositionDetail(90, -180, null, PositionMethods.Cell) };
        yield return Milestone() with { Location = null, Milestone = new MilestoneDetail(MilestoneCodes.Arrived, TimeClassifier.EST) };
        yield return Measurement() with { Measurement = new MeasurementDetail(MeasurementTypes.Humidity, 63.5, "P1", 63.5, "P1", null) };
    }

    public static IEnumerable<CanonicalEvent> All() =>
        new CanonicalEvent[] { Milestone(), Measurement(), Position(), Association(), Alarm(), Retraction() }.Concat(Sparse());

    public static TheoryData<string> AllAsJson()
    {
        var data = new TheoryData<string>();
        foreach (var e in All())
            data.Add(Logistics.Canonical.Json.CanonicalJson.Serialize(e));
        return data;
    }
}
