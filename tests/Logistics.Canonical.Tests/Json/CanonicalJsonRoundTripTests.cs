using Logistics.Canonical.Events;
using Logistics.Canonical.Json;

namespace Logistics.Canonical.Tests.Json;

public class the_canonical_json_round_trip
{
    public static TheoryData<string> Events => SampleEvents.AllAsJson();

    [Theory]
    [MemberData(nameof(Events))]
    public void serialize_deserialize_serialize_is_identical(string json)
    {
        var again = CanonicalJson.Serialize(CanonicalJson.Deserialize(json));
        Assert.Equal(json, again);
    }

    [Fact]
    public void every_kind_is_covered()
    {
        var kinds = SampleEvents.All().Select(e => e.Kind).Distinct();
        Assert.Equal(Enum.GetValues<EventKind>().Order(), kinds.Order());
    }

    [Fact]
    public void a_round_trip_keeps_the_event_equal_field_by_field()
    {
        var e = SampleEvents.Measurement();
        var back = (MeasurementEvent)CanonicalJson.Deserialize(CanonicalJson.Serialize(e));
        Assert.Equal(e.Measurement, back.Measurement);
        Assert.Equal(e.OccurredAt, back.OccurredAt);
        Assert.Equal(e.EventId, back.EventId);
        Assert.Equal(e.NaturalKey, back.NaturalKey);
    }

    [Fact]
    public void the_wire_form_writes_instants_in_utc_and_offsets_with_a_colon()
    {
        // Compared after JSON decoding: the writer's default encoder escapes '+' as \u002B on the wire.
        var o = System.Text.Json.Nodes.JsonNode.Parse(CanonicalJson.Serialize(SampleEvents.Association()))!;
        Assert.Equal("2025-12-30T09:00:00Z", o["occurredAt"]!.GetValue<string>());
        Assert.Equal("+05:30", o["occurredAtOffset"]!.GetValue<string>());
        Assert.Equal("inferred", o["offsetSource"]!.GetValue<string>());
        Assert.Equal("2025-12-31T23:01:00.123Z", System.Text.Json.Nodes.JsonNode.Parse(
            CanonicalJson.Serialize(SampleEvents.Position()))!["occurredAt"]!.GetValue<string>());
    }

    [Fact]
    public void ndjson_holds_one_event_per_line_and_reads_back()
    {
        var events = SampleEvents.All().ToList();
        var ndjson = CanonicalJson.ToNdjson(events);
        Assert.Equal(events.Count, ndjson.Count(c => c == '\n'));
        Assert.Equal(ndjson, CanonicalJson.ToNdjson(CanonicalJson.FromNdjson(ndjson)));
    }

    [Fact]
    public void a_bad_ndjson_line_is_named()
    {
        var ndjson = CanonicalJson.Serialize(SampleEvents.Alarm()) + "\n{\"kind\":\"gossip\"}\n";
        var ex = Assert.Throws<FormatException>(() => CanonicalJson.FromNdjson(ndjson));
        Assert.StartsWith("line 2:", ex.Message);
    }
}
