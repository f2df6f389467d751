using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Logistics.Adapters.ChirpstackV4;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.Tests.Codecs;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.ChirpstackV4;

/// <summary>
/// ChirpStack v4 integration events: the published examples of the ChirpStack documentation (events.md) and a real EM300-TH
/// uplink; expected values from integration.proto / common.proto and the samples' source notes.
/// </summary>
public class ChirpstackV4AdapterTests
{
    const string Em300 = "ChirpstackV4/Samples/chirpstack-v4-up-milesight-EM300-TH.json";
    static readonly Instant ReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);
    static readonly Instant Em300Time = Instant.FromUtc(2023, 5, 22, 7, 47, 5) + Duration.FromTicks(4_048_590);

    readonly ChirpstackV4Adapter _adapter = new();

    IReadOnlyList<CanonicalEvent> Events(string sample) =>
        Assert.IsType<Translated>(LpwanSamples.Translate(_adapter, sample)).Events;

    TranslationResult Translate(byte[] raw, string? codec = null, Func<string, string?>? profiles = null) =>
        _adapter.Translate(raw, TranslationContext.For(ChirpstackV4Adapter.AdapterId, raw, ReceivedAt) with { CodecId = codec, DeviceCodecs = profiles });

    static byte[] Edited(string sample, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(LpwanSamples.Bytes(sample))!.AsObject();
        edit(json);
        return System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    static (string Type, double Value, string Unit)[] Readings(IEnumerable<CanonicalEvent> events) =>
        events.Cast<MeasurementEvent>().Select(m => (m.Measurement.Type, m.Measurement.Value, m.Measurement.Unit)).ToArray();

    [Fact]
    public void uplink_data_is_decoded_by_the_device_codec_at_the_network_time()
    {
        var e = Events(Em300);
        // 01 75 5c | 03 67 34 01 | 04 68 65: battery 92 %, temperature 0x0134 / 10 = 30.8 °C, humidity 0x65 / 2 = 50.5 %
        Assert.Equal([("battery", 92.0, "P1"), ("temperature", 30.8, "CEL"), ("humidity", 50.5, "P1")], Readings(e));
        Assert.All(e, x => Assert.Equal(Em300Time, x.OccurredAt));
        Assert.All(e, x => Assert.Equal("devEui:1000000000000001", Assert.Single(x.Refs).ToString()));
        Assert.All(e, x => Assert.Equal(("fPort 85", "57433366-50a6-4dc2-8145-2df1bbc70d9e"), (x.Source.SourceCode, x.Source.SourceEventId)));
    }

    [Fact]
    public void without_a_codec_the_object_of_chirpstack_device_profile_codec_is_read()
    {
        var e = Events("ChirpstackV4/Samples/chirpstack-v4-up-object.json");
        Assert.Equal([("battery", 92.0, "P1"), ("temperature", 30.8, "CEL"), ("humidity", 50.5, "P1")], Readings(e));
    }

    [Fact]
    public void our_codec_wins_over_the_object()
    {
        var raw = Edited("ChirpstackV4/Samples/chirpstack-v4-up-object.json", o => o["object"]!["temperature"] = -99.0);
        Assert.Contains(30.8, Readings(Assert.IsType<Translated>(Translate(raw, "milesight")).Events).Select(r => r.Value));
    }

    [Fact]
    public void the_device_profile_names_the_codec_when_the_request_does_not()
    {
        var raw = LpwanSamples.Bytes(Em300);
        var e = Assert.IsType<Translated>(Translate(raw, profiles: d => d == "devEui:1000000000000001" ? "milesight" : null)).Events;
        Assert.Equal(3, e.Count);
    }

    [Fact]
    public void an_uplink_without_rx_info_is_read_at_its_time()
    {
        var e = Events("ChirpstackV4/Samples/chirpstack-v4-up-without-rxinfo.json");
        Assert.Equal(3, e.Count);
        Assert.All(e, x => Assert.Equal(Instant.FromUtc(2023, 5, 22, 8, 17, 5) + Duration.FromTicks(1_180_030), x.OccurredAt));
    }

    [Fact]
    public void without_time_the_first_gateway_network_server_time_is_used()
    {
        var raw = Edited(Em300, o =>
        {
            o.Remove("time");
            o["rxInfo"]![0]!["nsTime"] = "2023-05-22T07:47:05.5Z";
        });
        Assert.All(Assert.IsType<Translated>(Translate(raw, "milesight")).Events,
            x => Assert.Equal(Instant.FromUtc(2023, 5, 22, 7, 47, 5) + Duration.FromMilliseconds(500), x.OccurredAt));
    }

    [Fact]
    public void without_any_time_the_uplink_is_rejected()
    {
        var raw = Edited(Em300, o => o.Remove("time"));
        Assert.StartsWith("at $.time: expected the uplink's time", Assert.IsType<Rejected>(Translate(raw, "milesight")).Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_uplink_with_neither_data_nor_object_has_nothing_to_read()
    {
        var raw = Edited(Em300, o => o.Remove("data"));
        Assert.Empty(Assert.IsType<Translated>(Translate(raw, "milesight")).Events);
    }

    [Fact]
    public void the_docs_uplink_example_without_codec_is_rejected_naming_the_device() =>
        Assert.Contains("at $.data: expected a payload codec for device 0101010101010101",
            Assert.IsType<Rejected>(LpwanSamples.Translate(_adapter, "ChirpstackV4/Samples/rejects/docs-up-without-codec.json")).Rejection.Message,
            StringComparison.Ordinal);

    [Fact]
    public void a_join_server_context_means_the_payload_is_still_encrypted() =>
        Assert.Equal("$.joinServerContext",
            Assert.IsType<Rejected>(LpwanSamples.Translate(_adapter, "ChirpstackV4/Samples/rejects/end-to-end-encrypted.json")).Rejection.Position);

    [Fact]
    public void the_docs_status_example_is_the_battery_level_in_percent()
    {
        var m = Assert.IsType<MeasurementEvent>(Assert.Single(Events("ChirpstackV4/Samples/chirpstack-v4-docs-status.json")));
        Assert.Equal(("battery", 88.3, "P1", "devstatus"), (m.Measurement.Type, m.Measurement.Value, m.Measurement.Unit, m.Measurement.Sensor));
        Assert.Equal(Instant.FromUtc(2022, 7, 18, 9, 35, 6) + Duration.FromNanoseconds(927_172_638), m.OccurredAt);
        Assert.Equal(("status", "bf2a9746-1c8b-49be-a92e-f0b89c8534e4"), (m.Source.SourceCode, m.Source.SourceEventId));
    }

    [Theory]
    [InlineData("externalPowerSource")]
    [InlineData("batteryLevelUnavailable")]
    public void a_status_on_external_power_or_without_a_level_gives_no_battery_reading(string flag)
    {
        var raw = Edited("ChirpstackV4/Samples/chirpstack-v4-docs-status.json", o => o[flag] = true);
        Assert.Empty(Assert.IsType<Translated>(Translate(raw)).Events);
    }

    [Fact]
    public void the_docs_location_example_is_a_network_resolved_position()
    {
        var p = Assert.IsType<PositionEvent>(Assert.Single(Events("ChirpstackV4/Samples/chirpstack-v4-docs-location.json")));
        Assert.Equal((37.344214, -8.839375, 2.0, (double?)null, "carrier"), (p.Position.Lat, p.Position.Lon, p.Position.AltitudeM, p.Position.AccuracyM, p.Position.Method));
        Assert.Equal(Instant.FromUtc(2022, 7, 18, 9, 55, 11) + Duration.FromNanoseconds(59_481_003), p.OccurredAt);
    }

    [Theory]
    [InlineData("GEO_RESOLVER_WIFI", "wifi")]
    [InlineData("GEO_RESOLVER_GNSS", "gnss")]
    [InlineData("GEO_RESOLVER_TDOA", "carrier")]
    [InlineData("GPS", "gnss")]
    public void a_location_source_gives_the_method_and_the_accuracy_is_kept(string source, string method)
    {
        var raw = Edited("ChirpstackV4/Samples/chirpstack-v4-docs-location.json", o =>
        {
            o["location"]!["source"] = source;
            o["location"]!["accuracy"] = 25.5;
        });
        var p = Assert.IsType<PositionEvent>(Assert.Single(Assert.IsType<Translated>(Translate(raw)).Events));
        Assert.Equal((method, (double?)25.5), (p.Position.Method, p.Position.AccuracyM));
    }

    [Fact]
    public void a_configured_location_is_not_an_observation()
    {
        var raw = Edited("ChirpstackV4/Samples/chirpstack-v4-docs-location.json", o => o["location"]!["source"] = "CONFIG");
        Assert.Empty(Assert.IsType<Translated>(Translate(raw)).Events);
    }

    public static TheoryData<string> PublishedWithoutReadings() =>
        new(Directory.GetFiles(PublishedDir(), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(PublishedWithoutReadings))]
    public void the_docs_join_ack_txack_log_and_integration_examples_carry_no_readings_and_are_not_rejected(string file)
    {
        var raw = File.ReadAllBytes(Path.Combine(PublishedDir(), file));
        Assert.Empty(Assert.IsType<Translated>(Guard.Translate(_adapter, raw, TranslationContext.For(ChirpstackV4Adapter.AdapterId, raw, ReceivedAt))).Events);
    }

    [Fact]
    public void flipped_bytes_in_every_sample_never_throw()
    {
        var random = new Random(7);
        foreach (var path in LpwanSamples.Inputs("ChirpstackV4/Samples").Concat(LpwanSamples.Inputs("ChirpstackV4/Samples/rejects")))
        {
            var original = File.ReadAllBytes(path);
            var context = LpwanSamples.ContextFor(ChirpstackV4Adapter.AdapterId, path, original);
            for (var n = 0; n < 200; n++)
            {
                var raw = (byte[])original.Clone();
                for (var k = random.Next(1, 4); k > 0; k--) raw[random.Next(raw.Length)] = (byte)random.Next(256);
                Assert.False(Guard.IsFault(Guard.Translate(_adapter, raw, context)));
            }
        }
    }

    static string PublishedDir([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Published");
}
