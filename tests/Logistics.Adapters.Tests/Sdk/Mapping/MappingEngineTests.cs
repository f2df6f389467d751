using System.Text;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.Sdk.Mapping;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.Sdk.Mapping;

/// <summary>What the engine does with a document: times in every format and the zone rule, tables, refs, and rejections as data.</summary>
public sealed class MappingEngineTests
{
    static MappingAdapter Load(string mapping)
    {
        var definition = MappingLoader.Load(Encoding.UTF8.GetBytes(mapping), out var problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return new MappingAdapter(definition!);
    }

    static TranslationResult Run(MappingAdapter adapter, string json)
    {
        var raw = Encoding.UTF8.GetBytes(json);
        return Guard.Translate(adapter, raw, TranslationContext.For(adapter.Info.Id, raw, Instant.FromUtc(2026, 1, 1, 0, 0)));
    }

    static MilestoneEvent One(MappingAdapter adapter, string json) =>
        Assert.IsType<MilestoneEvent>(Assert.Single(Assert.IsType<Translated>(Run(adapter, json)).Events));

    static string Message(MappingAdapter adapter, string json) => Assert.IsType<Rejected>(Run(adapter, json)).Rejection.Message;

    static readonly MappingAdapter Minimal = Load(MappingLoaderTests.Minimal);

    static MappingAdapter WithTime(string time, string location = "") => Load(MappingLoaderTests.Minimal.Replace("\"time\": \"@.time\"",
        $"\"time\": {time}" + (location.Length > 0 ? $", \"location\": {location}" : ""), StringComparison.Ordinal));

    [Theory]
    [InlineData("\"@.time\"", "2025-07-01T10:00:00+02:00", "2025-07-01T08:00:00Z", "+02:00", "explicit")]
    [InlineData("\"@.time\"", "2025-07-01T10:00:00", "2025-07-01T10:00:00Z", "+00:00", "assumed-utc")]
    [InlineData("{\"path\": \"@.time\", \"format\": \"unix\"}", "1751364000", "2025-07-01T10:00:00Z", "+00:00", "explicit")]
    [InlineData("{\"path\": \"@.time\", \"format\": \"unix-ms\"}", "1751364000500", "2025-07-01T10:00:00.5Z", "+00:00", "explicit")]
    [InlineData("{\"path\": \"@.time\", \"format\": \"ms-json\"}", "/Date(1751364000000-0500)/", "2025-07-01T10:00:00Z", "-05:00", "explicit")]
    [InlineData("{\"path\": \"@.time\", \"format\": \"dd.MM.uuuu HH:mm\", \"zone\": \"Europe/Berlin\"}", "01.07.2025 12:00", "2025-07-01T10:00:00Z", "+02:00", "inferred")]
    [InlineData("{\"path\": \"@.time\", \"format\": \"uuuu-MM-dd'T'HH:mm:sso<+HH:mm>\"}", "2025-07-01T07:00:00-03:00", "2025-07-01T10:00:00Z", "-03:00", "explicit")]
    public void a_time_in_each_format_resolves_by_the_zone_rule(string time, string value, string utc, string offset, string source)
    {
        var e = One(WithTime(time), $$"""{"id": "T1", "events": [{"code": "DLV", "time": "{{value}}"}]}""");
        Assert.Equal((utc, offset, source), (NodaTime.Text.InstantPattern.ExtendedIso.Format(e.OccurredAt), e.OccurredAtOffset.ToString("m", null), WireNames.Of(e.OffsetSource)));
    }

    [Fact]
    public void a_date_and_a_time_field_are_joined_and_take_the_zone_of_the_place()
    {
        var adapter = WithTime("{\"path\": [\"@.date\", \"@.clock\"], \"format\": \"uuuuMMdd HHmmss\"}",
            "{\"city\": \"@.city\", \"region\": \"@.state\", \"country\": {\"const\": \"US\"}, \"name\": {\"path\": [\"@.city\", \"@.state\"]}}");
        var e = One(adapter, """{"id": "T1", "events": [{"code": "DLV", "date": "20250110", "clock": "093000", "city": "EL PASO", "state": "TX"}]}""");
        Assert.Equal((Instant.FromUtc(2025, 1, 10, 16, 30), Offset.FromHours(-7), OffsetSource.Inferred), (e.OccurredAt, e.OccurredAtOffset, e.OffsetSource)); // El Paso: Mountain
        Assert.Equal("EL PASO, TX", e.Location?.Name);
    }

    [Fact]
    public void a_code_listed_with_null_is_known_and_gives_no_event() =>
        Assert.Empty(Assert.IsType<Translated>(Run(Minimal, """{"id": "T1", "events": [{"code": "INF", "time": "2025-07-01T10:00:00Z"}]}""")).Events);

    [Theory]
    [InlineData("""{"id": "T1", "events": [{"code": "NEW", "time": "2025-07-01T10:00:00Z"}]}""", "at $.events[0].code: expected a status code listed in acme-parcel mapping.json tables.codes, found \"NEW\"")]
    [InlineData("""{"id": "T1", "events": [{"time": "2025-07-01T10:00:00Z"}]}""", "at $.events[0].code: expected the status code, found nothing")]
    [InlineData("""{"id": "T1", "events": [{"code": "DLV"}]}""", "at $.events[0].time: expected the event time (iso), found nothing")]
    [InlineData("""{"id": "T1", "events": [{"code": "DLV", "time": "yesterday"}]}""", "at $.events[0].time: expected a time in the format iso, found \"yesterday\"")]
    [InlineData("""{"id": "T1", "events": [{"code": {"x": 1}, "time": "2025-07-01T10:00:00Z"}]}""", "at $.events[0].code: expected a string, found an object")]
    [InlineData("""{"events": [{"code": "DLV", "time": "2025-07-01T10:00:00Z"}]}""", "at $.events[0]: expected an event naming its tracking, found none")]
    [InlineData("""{"id": "T1", "events": [42]}""", "at $.events[0]: expected an event object, found 42")]
    [InlineData("""{"id": "T1", "tracking": []}""", "at $.events: expected an Acme tracking response, found nothing there")]
    [InlineData("""[1, 2""", "at $[1] (line 1, position 5): expected well-formed JSON")]
    public void what_does_not_fit_the_mapping_is_a_rejection_at_its_path(string json, string message) =>
        Assert.StartsWith(message, Message(Minimal, json), StringComparison.Ordinal);

    [Fact]
    public void an_empty_event_list_is_nothing_to_report_not_an_error() =>
        Assert.Empty(Assert.IsType<Translated>(Run(Minimal, """{"id": "T1", "events": []}""")).Events);

    [Fact]
    public void every_value_a_reference_path_finds_is_one_reference()
    {
        var adapter = Load(MappingLoaderTests.Minimal.Replace("\"refs\": [{\"scheme\": \"tracking\", \"path\": \"$.id\"}]",
            "\"refs\": [{\"scheme\": \"tracking\", \"path\": \"$.pieces[*].number\"}, {\"scheme\": \"bol\", \"path\": \"$.refs[?(@.type=='BOL')].value\"}]", StringComparison.Ordinal));
        var e = One(adapter, """{"pieces": [{"number": "P1"}, {"number": "P2"}, {"number": "P1"}], "refs": [{"type": "PO", "value": "X"}, {"type": "BOL", "value": "B7"}], "events": [{"code": "DLV", "time": "2025-07-01T10:00:00Z"}]}""");
        Assert.Equal(["tracking:P1", "tracking:P2", "bol:B7"], e.Refs.Select(r => r.ToString()));
    }

    [Fact]
    public void a_measurement_rule_converts_the_unit_and_keeps_the_original()
    {
        var adapter = Load("""
            {"id": "acme-logger", "family": "road", "description": "t", "document": "a logger report", "inbound": ["webhook"],
             "carriers": [], "source": "test",
             "events": [{"select": "$.readings[*]", "kind": "measurement", "time": "@.at", "refs": [{"scheme": "deviceId", "path": "$.device"}],
                         "measurement": {"type": {"const": "temperature"}, "value": "@.t", "unit": {"path": "$.unit"}, "sensor": "@.probe"}}]}
            """);
        var m = Assert.IsType<MeasurementEvent>(Assert.Single(Assert.IsType<Translated>(Run(adapter,
            """{"device": "LOG-1", "unit": "°F", "readings": [{"at": "2025-07-01T10:00:00Z", "t": 41, "probe": "p1"}]}""")).Events));
        Assert.Equal((5.0, "CEL", 41.0, "FAH", "p1"), (m.Measurement.Value, m.Measurement.Unit, m.Measurement.OriginalValue, m.Measurement.OriginalUnit, m.Measurement.Sensor));
        Assert.Contains("expected the unit of a temperature reading", Message(adapter,
            """{"device": "LOG-1", "unit": "%", "readings": [{"at": "2025-07-01T10:00:00Z", "t": 41}]}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void a_position_rule_checks_the_coordinates()
    {
        var adapter = Load("""
            {"id": "acme-tracker", "family": "road", "description": "t", "document": "a fix", "inbound": ["webhook"],
             "carriers": [], "source": "test",
             "events": [{"select": "$", "kind": "position", "time": "@.at", "refs": [{"scheme": "imei", "path": "@.imei"}],
                         "position": {"lat": "@.lat", "lon": "@.lon", "accuracy": "@.hdop", "method": "gnss"}}]}
            """);
        var p = Assert.IsType<PositionEvent>(Assert.Single(Assert.IsType<Translated>(Run(adapter,
            """{"imei": "356938035643809", "at": "2025-07-01T10:00:00Z", "lat": "52.37", "lon": 4.89}""")).Events));
        Assert.Equal((52.37, 4.89, "gnss"), (p.Position.Lat, p.Position.Lon, p.Position.Method));
        Assert.Contains("expected a latitude (-90..90)", Message(adapter, """{"imei": "356938035643809", "at": "2025-07-01T10:00:00Z", "lat": 95, "lon": 4.89}"""), StringComparison.Ordinal);
    }
}
