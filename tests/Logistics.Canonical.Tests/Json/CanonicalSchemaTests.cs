using System.Text.Json.Nodes;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;

namespace Logistics.Canonical.Tests.Json;

public class the_canonical_event_schema
{
    public static TheoryData<string> Events => SampleEvents.AllAsJson();

    static string Valid(Func<CanonicalEvent> make) => CanonicalJson.Serialize(make());

    static void AssertInvalid(string json, string because)
    {
        var results = CanonicalSchema.Evaluate(json);
        Assert.False(results.IsValid, $"should be invalid: {because}\n{json}");
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void accepts_every_kind_as_canonical_json_writes_it(string json)
    {
        var results = CanonicalSchema.Evaluate(json);
        Assert.True(results.IsValid, CanonicalSchema.Explain(results) + "\n" + json);
    }

    [Fact]
    public void accepts_properties_it_does_not_know_yet() =>
        Assert.True(CanonicalSchema.Evaluate(CanonicalJson.Serialize(SampleEvents.Milestone())
            .Replace("\"flags\":", "\"tenant\":\"acme\",\"flags\":", StringComparison.Ordinal)).IsValid);

    [Theory]
    [InlineData(91.0)]
    [InlineData(-90.5)]
    public void rejects_a_latitude_out_of_range(double lat) =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Position), o => o["position"]!["lat"] = lat), "lat out of range");

    [Fact]
    public void rejects_a_longitude_out_of_range() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Position), o => o["position"]!["lon"] = 180.5), "lon out of range");

    [Fact]
    public void rejects_a_location_latitude_out_of_range() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Milestone), o => o["location"]!["lat"] = 123.0), "location lat");

    [Fact]
    public void rejects_an_event_without_refs() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Milestone), o => o.Remove("refs")), "no refs");

    [Fact]
    public void rejects_empty_refs() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Milestone), o => o["refs"] = new JsonArray()), "empty refs");

    [Fact]
    public void rejects_an_unknown_reference_scheme() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Milestone), o => o["refs"]![0]!["scheme"] = "isbn"), "scheme");

    [Fact]
    public void rejects_an_unknown_kind() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Milestone), o => o["kind"] = "gossip"), "kind");

    [Theory]
    [InlineData("+0530")]
    [InlineData("+5:30")]
    [InlineData("Z")]
    [InlineData("+19:00")]
    public void rejects_an_offset_not_written_as_plus_minus_hh_colon_mm(string offset) =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Association), o => o["occurredAtOffset"] = offset), offset);

    [Theory]
    [InlineData("2025-12-31T14:05:00+08:00")]
    [InlineData("2025-12-31T14:05:00")]
    [InlineData("2025-12-31 14:05:00Z")]
    public void rejects_an_occurred_at_that_is_not_utc_with_z(string instant) =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Milestone), o => o["occurredAt"] = instant), instant);

    [Fact]
    public void rejects_a_kind_without_its_detail_object() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Measurement), o => o.Remove("measurement")), "no measurement");

    [Fact]
    public void rejects_an_unknown_milestone_code() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Milestone), o => o["milestone"]!["code"] = "SAILED"), "code");

    [Fact]
    public void rejects_a_temperature_not_in_celsius() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Measurement), o => o["measurement"]!["unit"] = "FAH"), "FAH");

    [Fact]
    public void rejects_an_event_id_that_is_not_a_uuid() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Alarm), o => o["eventId"] = ""), "empty id");

    [Fact]
    public void rejects_an_unknown_offset_source() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Alarm), o => o["offsetSource"] = "guessed"), "offsetSource");

    [Fact]
    public void rejects_an_assumed_utc_time_with_a_non_zero_offset() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Alarm), o => o["occurredAtOffset"] = "-05:00"), "assumed-utc at -05:00");

    [Fact]
    public void rejects_a_raw_hash_that_is_not_sha256_hex() =>
        AssertInvalid(CanonicalSchema.Mutate(Valid(SampleEvents.Alarm), o => o["source"]!["rawSha256"] = "abc"), "rawSha256");
}

/// <summary>The schema's closed vocabularies must match the C# ones, so adding a code in one place fails here until both agree.</summary>
public class the_schema_vocabularies
{
    static IEnumerable<string> Enum(JsonNode node) => node["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order();

    static readonly JsonObject Doc = CanonicalSchema.Document;

    [Fact]
    public void reference_schemes_match_RefSchemes_All() =>
        Assert.Equal(RefSchemes.All.Order(), Enum(Doc["$defs"]!["reference"]!["properties"]!["scheme"]!));

    [Fact]
    public void milestone_codes_match_MilestoneCodes_All() =>
        Assert.Equal(MilestoneCodes.All.Order(), Enum(Doc["properties"]!["milestone"]!["properties"]!["code"]!));

    [Fact]
    public void measurement_types_match_MeasurementTypes_All() =>
        Assert.Equal(MeasurementTypes.All.Order(), Enum(Doc["properties"]!["measurement"]!["properties"]!["type"]!));

    [Fact]
    public void position_methods_match_PositionMethods_All() =>
        Assert.Equal(PositionMethods.All.Order(), Enum(Doc["properties"]!["position"]!["properties"]!["method"]!));

    [Fact]
    public void kinds_offset_sources_and_classifiers_match_the_enums()
    {
        Assert.Equal(System.Enum.GetValues<EventKind>().Select(WireNames.Of).Order(), Enum(Doc["properties"]!["kind"]!));
        Assert.Equal(System.Enum.GetValues<OffsetSource>().Select(WireNames.Of).Order(), Enum(Doc["properties"]!["offsetSource"]!));
        Assert.Equal(System.Enum.GetNames<TimeClassifier>().Order(), Enum(Doc["properties"]!["milestone"]!["properties"]!["classifier"]!));
    }

    [Fact]
    public void every_kind_has_a_rule_requiring_its_detail_object()
    {
        var rules = Doc["allOf"]!.AsArray()
            .Where(r => r!["if"]!["properties"]!["kind"] is not null)
            .Select(r => (kind: r!["if"]!["properties"]!["kind"]!["const"]!.GetValue<string>(), required: r["then"]!["required"]![0]!.GetValue<string>()));
        Assert.All(rules, r => Assert.Equal(r.kind, r.required));
        Assert.Equal(System.Enum.GetValues<EventKind>().Select(WireNames.Of).Order(), rules.Select(r => r.kind).Order());
    }
}
