using System.Runtime.CompilerServices;
using System.Text;
using Logistics.Adapters.Onerecord;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Tests.Onerecord;

/// <summary>
/// ONE Record JSON-LD from IATA's published API examples and written from the data model (2025-07 ontology); expected
/// values by hand from the ontology: LogisticsEvent eventCode (StatusCode code list), eventDate, eventTimeType
/// (ACTUAL/ESTIMATED/…), eventFor; Sensor measurements with MeasurementUnitCode (UN/CEFACT Rec 20: FAH, CEL).
/// </summary>
public class OnerecordDecoderTests
{
    static readonly string Folder = Find("adapters/Logistics.Adapters/Onerecord/Samples");
    const string Shipment = "https://1r.example.com/logistics-objects/1a8ded38-1804-467c-a369-81a411416b3c";

    static TranslationResult Translate(string json)
    {
        var raw = Encoding.UTF8.GetBytes(json);
        return Guard.Translate(new OnerecordAdapter(), raw, TranslationContext.For("onerecord", raw, Instant.FromUtc(2026, 1, 1, 0, 0)));
    }

    static IReadOnlyList<CanonicalEvent> Events(string json) => Assert.IsType<Translated>(Translate(json)).Events;

    static IReadOnlyList<CanonicalEvent> Sample(string file) => Events(File.ReadAllText(Path.Combine(Folder, file)));

    static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    [Fact]
    public void api_example_departed_event_for_a_shipment()
    {
        var e = Assert.IsType<MilestoneEvent>(Assert.Single(Sample("onerecord-LogisticsEvent.json")));
        Assert.Equal((MilestoneCodes.Departed, TimeClassifier.ACT, "DEP"), (e.Milestone.Code, e.Milestone.Classifier, e.Source.SourceCode));
        Assert.Equal((Utc("2023-04-01T10:38:01Z"), OffsetSource.Explicit), (e.OccurredAt, e.OffsetSource));
        Assert.Equal([new Reference(RefSchemes.LogisticsObject, Shipment)], e.Refs);
    }

    [Fact]
    public void api_collection_of_events_including_the_older_linked_object_name()
    {
        var events = Sample("onerecord-LogisticsEvents_list.json").Cast<MilestoneEvent>().ToList();
        Assert.Equal([MilestoneCodes.Departed, MilestoneCodes.Loaded], events.Select(e => e.Milestone.Code)); // DEP, MAN
        Assert.All(events, e => Assert.Equal(Shipment, e.Refs[0].Value));
        Assert.Equal(Shipment + "/logistics-events/afb4b8cf-288a-459c-97fd-ccd538ec528f", events[1].Source.SourceEventId);
    }

    [Fact]
    public void estimated_arrival_is_local_at_the_location_code_and_the_waybill_gives_the_awb()
    {
        var e = Assert.IsType<MilestoneEvent>(Assert.Single(Sample("onerecord-status-update-estimated-arrival.json")));
        Assert.Equal((MilestoneCodes.Arrived, TimeClassifier.EST), (e.Milestone.Code, e.Milestone.Classifier));
        // 14:30 at FRA on 20 November (CET, +01:00) = 13:30 UTC; the zone comes from the airport code.
        Assert.Equal((Utc("2025-11-20T13:30:00Z"), Offset.FromHours(1), OffsetSource.Inferred), (e.OccurredAt, e.OccurredAtOffset, e.OffsetSource));
        Assert.Equal("awb:020-12345675", e.Refs[0].ToString());
    }

    [Fact]
    public void fahrenheit_readings_are_celsius_with_the_original_kept()
    {
        var events = Sample("onerecord-iot-device-sensors-expanded.json");
        var readings = events.OfType<MeasurementEvent>().ToList();
        // (41 °F - 32) × 5/9 = 5 °C; (46.4 °F - 32) × 5/9 = 8 °C.
        Assert.Equal([(5.0, 41.0), (8.0, 46.4)], readings.Select(m => (m.Measurement.Value, m.Measurement.OriginalValue)));
        Assert.All(readings, m => Assert.Equal(("temperature", "CEL", "FAH", "probe-1"), (m.Measurement.Type, m.Measurement.Unit, m.Measurement.OriginalUnit, m.Measurement.Sensor)));
        Assert.Equal(Utc("2025-11-20T11:00:00Z"), readings[0].OccurredAt); // 06:00-05:00
        Assert.Equal(new Reference(RefSchemes.DeviceId, "TT4-000731"), readings[0].Refs[0]); // the logger's serial number
        var fix = Assert.Single(events.OfType<PositionEvent>());
        Assert.Equal((40.6413, -73.7781), (fix.Position.Lat, fix.Position.Lon));
    }

    [Fact]
    public void compacted_and_expanded_forms_of_one_event_are_the_same_event()
    {
        const string compacted = """
            {"@context": {"c": "https://onerecord.iata.org/ns/cargo#"}, "@type": "c:LogisticsEvent",
             "c:eventCode": {"@id": "https://onerecord.iata.org/ns/code-lists/StatusCode#RCF"},
             "c:eventDate": "2025-06-01T07:00:00Z", "c:eventFor": {"@id": "https://1r.example.com/logistics-objects/s1"}}
            """;
        const string expanded = """
            {"@type": ["https://onerecord.iata.org/ns/cargo#LogisticsEvent"],
             "https://onerecord.iata.org/ns/cargo#eventCode": [{"@id": "https://onerecord.iata.org/ns/code-lists/StatusCode#RCF"}],
             "https://onerecord.iata.org/ns/cargo#eventDate": [{"@value": "2025-06-01T07:00:00Z", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}],
             "https://onerecord.iata.org/ns/cargo#eventFor": [{"@id": "https://1r.example.com/logistics-objects/s1"}]}
            """;
        var a = Assert.IsType<MilestoneEvent>(Assert.Single(Events(compacted)));
        var b = Assert.IsType<MilestoneEvent>(Assert.Single(Events(expanded)));
        Assert.Equal(MilestoneCodes.Unloaded, a.Milestone.Code);
        Assert.Equal(a.EventId, b.EventId);
    }

    [Fact]
    public void a_code_of_another_list_is_rejected_at_its_path()
    {
        var rejected = Assert.IsType<Rejected>(Translate($$$"""
            {"@context": {"cargo": "https://onerecord.iata.org/ns/cargo#"}, "@type": "cargo:LogisticsEvent",
             "cargo:eventCode": {"@id": "https://1r.example.com/ns/eventCodes#TEST"}, "cargo:eventDate": "2023-10-01T10:38:01.000Z",
             "cargo:eventFor": {"@id": "{{{Shipment}}}"}}
            """));
        Assert.Equal("at $.cargo:eventCode: expected a code of the ONE Record StatusCode code list (https://onerecord.iata.org/ns/code-lists/StatusCode#…), found \"https://1r.example.com/ns/eventCodes#TEST\"",
            rejected.Rejection.Message);
    }

    [Fact]
    public void an_unknown_status_code_is_rejected_and_a_documents_status_gives_no_milestone()
    {
        static string Event(string code) => $$$"""
            {"@type": "https://onerecord.iata.org/ns/cargo#LogisticsEvent", "https://onerecord.iata.org/ns/cargo#eventCode": "{{{code}}}",
             "https://onerecord.iata.org/ns/cargo#eventDate": "2025-06-01T07:00:00Z",
             "https://onerecord.iata.org/ns/cargo#eventFor": {"@id": "https://1r.example.com/logistics-objects/s1"}}
            """;
        Assert.StartsWith("at $['https://onerecord.iata.org/ns/cargo#eventCode']: expected a StatusCode listed in onerecord status-map.json",
            Assert.IsType<Rejected>(Translate(Event("XYZ"))).Rejection.Message);
        Assert.Empty(Events(Event("AWD")));
    }

    [Fact]
    public void the_published_sensor_without_measurements_has_nothing_to_report()
    {
        const string sensor = """
            {"@context": {"cargo": "https://onerecord.iata.org/ns/cargo#", "api": "https://onerecord.iata.org/ns/api#"},
             "@id": "http://1r.example.com/logistics-objects/11ccfb7c-3643-41db-8098-740fccd97c93", "@type": "cargo:Sensor",
             "api:hasRevision": 1, "api:hasLatestRevision": 1, "cargo:description": "A data logger with a temperature sensor.",
             "cargo:name": "TPx14-a", "cargo:serialNumber": "142NL", "cargo:sensorType": {"@id": "https://onerecord.iata.org/ns/cargo#THERMOMETER"}}
            """;
        Assert.Empty(Events(sensor));
    }

    static string Find(string relative, [CallerFilePath] string here = "")
    {
        foreach (var start in (string?[])[Path.GetDirectoryName(here), AppContext.BaseDirectory])
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException(relative);
    }
}
