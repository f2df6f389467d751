using Logistics.Canonical.Events;
using Logistics.Canonical.Json;
using NodaTime;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>Events to export: every adapter's expected sample outputs, and hand-made events of every kind.</summary>
static class RoundTripData
{
    static readonly Instant At = Instant.FromUtc(2025, 9, 14, 6, 30, 15) + Duration.FromMilliseconds(250);

    /// <summary>Every adapter's Samples/*.expected.ndjson that parses (an adapter still being written is the conformance kit's business).</summary>
    public static IEnumerable<string> ExpectedFiles() =>
        Directory.GetFiles(Path.Combine(Epcis2Fixture.RepoRoot, "adapters", "Logistics.Adapters"), "*.expected.ndjson", SearchOption.AllDirectories)
            .Where(f => !InBuildOutput(Path.GetRelativePath(Epcis2Fixture.RepoRoot, f)) && Parses(f))
            .Select(f => Path.GetRelativePath(Epcis2Fixture.RepoRoot, f))
            .Order(StringComparer.Ordinal);

    /// <summary>The build copies samples under bin/ (and obj/ may hold more); only the source tree's files count.</summary>
    static bool InBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    public static IEnumerable<CanonicalEvent> SampleEvents() =>
        ExpectedFiles().SelectMany(f => CanonicalJson.FromNdjson(File.ReadAllText(Path.Combine(Epcis2Fixture.RepoRoot, f))))
            .Where(e => e is not RetractionEvent);

    static bool Parses(string file)
    {
        try { return CanonicalJson.FromNdjson(File.ReadAllText(file)).Count > 0; }
        catch (Exception ex) when (ex is FormatException or IOException) { return false; }
    }

    /// <summary>One of each kind from sources other than EPCIS (non-GS1 refs, estimates, Fahrenheit, speed), and every milestone code.</summary>
    public static IReadOnlyList<CanonicalEvent> EveryKind()
    {
        var dcsa = new EventSource("dcsa-tnt", "MAEU", new string('a', 64), "EQUIPMENT LOAD") { SourceEventId = "evt-42" };
        var device = new EventSource("chirpstack-v4", null, new string('b', 64), "uplink");
        Reference container = new("container", "MSKU1234565"), bol = new("bol", "MAEU 123/45"), devEui = new("devEui", "A84041000181C4F1");
        var events = new List<CanonicalEvent>();
        foreach (var code in MilestoneCodes.All.Order(StringComparer.Ordinal))
            events.Add(new MilestoneEvent
            {
                OccurredAt = At, OccurredAtOffset = Offset.FromHoursAndMinutes(-3, -30), OffsetSource = OffsetSource.Inferred,
                ReceivedAt = At + Duration.FromMinutes(5), Source = dcsa, Refs = [bol, container],
                Location = new Location("NLRTM", "Rotterdam, APM Terminals", 51.95, 4.05), Flags = [EventFlags.ClockInFuture],
                Milestone = new MilestoneDetail(code, code == MilestoneCodes.Arrived ? TimeClassifier.EST : TimeClassifier.ACT),
            }.WithDerivedId());
        events.Add(Common(new MeasurementEvent
        {
            OccurredAt = At, OccurredAtOffset = Offset.Zero, OffsetSource = OffsetSource.AssumedUtc, ReceivedAt = At, Source = device,
            Refs = [devEui, container], Measurement = new MeasurementDetail("temperature", 3.5, "CEL", 38.3, "FAH", "probe 1") { MinValue = 2, MaxValue = 5 },
        }));
        events.Add(Common(new MeasurementEvent
        {
            OccurredAt = At, OccurredAtOffset = Offset.Zero, OffsetSource = OffsetSource.Explicit, ReceivedAt = At, Source = device,
            Refs = [new Reference("deviceId", "urn:epc:id:giai:0614141.LOGGER42"), container], Measurement = new MeasurementDetail("battery", 87, "P1", 87, "P1", null),
        }));
        events.Add(Common(new PositionEvent
        {
            OccurredAt = At, OccurredAtOffset = Offset.FromHours(2), OffsetSource = OffsetSource.Explicit, ReceivedAt = At, Source = device,
            Refs = [devEui], Position = new PositionDetail(-33.8688, 151.2093, null, "gnss") { SpeedKmh = 12.5, HeadingDeg = 270, AltitudeM = 3 },
        }));
        events.Add(Common(new AlarmEvent
        {
            OccurredAt = At, OccurredAtOffset = Offset.Zero, OffsetSource = OffsetSource.Explicit, ReceivedAt = At, Source = device,
            Refs = [devEui], Location = new Location(null, "Reefer yard", null, null), Alarm = new AlarmDetail("door", "door-1", null, null, "door open > 5 min"),
        }));
        events.Add(Common(new AssociationEvent
        {
            OccurredAt = At, OccurredAtOffset = Offset.Zero, OffsetSource = OffsetSource.Explicit, ReceivedAt = At, Source = dcsa,
            Refs = [new Reference("shipment", "SHP-1"), container], Association = new AssociationDetail("DELETE", container, devEui),
        }));
        return events;
    }

    public static RetractionEvent Retraction() => (RetractionEvent)Common(new RetractionEvent
    {
        OccurredAt = At, OccurredAtOffset = Offset.Zero, OffsetSource = OffsetSource.Explicit, ReceivedAt = At,
        Source = new EventSource("dcsa-tnt", "MAEU", new string('c', 64), null), Refs = [new Reference("bol", "MAEU123")],
        Retraction = new RetractionDetail("evt-41", "sent in error"),
    });

    static CanonicalEvent Common(CanonicalEvent e) => e.WithDerivedId();
}
