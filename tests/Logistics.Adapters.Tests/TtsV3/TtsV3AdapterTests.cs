using Logistics.Adapters.Sdk;
using Logistics.Adapters.Tests.Codecs;
using Logistics.Adapters.TtsV3;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.TtsV3;

/// <summary>Real TTS v3 webhook bodies, values from their .source.txt notes.</summary>
public class TtsV3AdapterTests
{
    readonly TtsV3Adapter _adapter = new();

    IReadOnlyList<CanonicalEvent> Events(string sample) =>
        Assert.IsType<Translated>(LpwanSamples.Translate(_adapter, $"TtsV3/Samples/{sample}")).Events;

    Rejection Rejection(string sample) =>
        Assert.IsType<Rejected>(LpwanSamples.Translate(_adapter, $"TtsV3/Samples/{sample}")).Rejection;

    [Fact]
    public void milesight_at101_uplink_gives_battery_temperature_and_a_gnss_position()
    {
        var e = Events("tts-v3-uplink-milesight-AT101.json");
        Assert.Equal(100, Assert.IsType<MeasurementEvent>(e[0]).Measurement.Value);
        var temperature = Assert.IsType<MeasurementEvent>(e[1]).Measurement;
        Assert.Equal(("temperature", 26.6, "CEL"), (temperature.Type, temperature.Value, temperature.Unit));
        var position = Assert.IsType<PositionEvent>(e[2]).Position;
        Assert.Equal((24.62435, 118.030088, "gnss"), (position.Lat, position.Lon, position.Method));
        Assert.All(e, x => Assert.Equal(["devEui:1000000000000001", "deviceId:eui-1000000000000001"], x.Refs.Select(r => r.ToString())));
        Assert.All(e, x => Assert.Equal(Instant.FromUtc(2023, 5, 19, 5, 33, 35) + Duration.FromNanoseconds(641_841_782), x.OccurredAt));
        Assert.All(e, x => Assert.Equal(("TTN", "fPort 85"), (x.Source.Carrier, x.Source.SourceCode)));
    }

    [Fact]
    public void ts201_threshold_alarm_gives_a_reading_and_an_alarm()
    {
        var e = Events("tts-v3-uplink-milesight-TS201-alarm.json");
        Assert.Equal(30.8, Assert.IsType<MeasurementEvent>(e[0]).Measurement.Value);
        var alarm = Assert.IsType<AlarmEvent>(e[1]).Alarm;
        Assert.Equal(("temperature-threshold", 30.8, "CEL"), (alarm.Type, alarm.Value, alarm.Unit));
    }

    [Fact]
    public void decoded_payload_is_read_when_no_codec_is_set()
    {
        var e = Events("tts-v3-uplink-decoded_payload.json");
        var values = e.OfType<MeasurementEvent>().ToDictionary(m => m.Measurement.Type, m => m.Measurement.Value);
        Assert.Equal(30.1, values["temperature"]);
        Assert.Equal(60.5, values["humidity"]);
        Assert.Equal(1012.9, values["pressure"]);
        var fix = Assert.Single(e.OfType<PositionEvent>()).Position;
        Assert.Equal((37.4219, -122.084, 44.5), (fix.Lat, fix.Lon, fix.AltitudeM));
        Assert.All(e, x => Assert.Equal(Instant.FromUtc(2025, 11, 12, 8, 29, 1), x.OccurredAt)); // decoded_payload.time
    }

    [Fact]
    public void cayenne_lpp_payload_gives_one_event_per_reading()
    {
        var e = Events("tts-v3-uplink-cayenne-lpp-reefer.json");
        var temperatures = e.OfType<MeasurementEvent>().Where(m => m.Measurement.Type == "temperature").Select(m => (m.Measurement.Sensor, m.Measurement.Value));
        Assert.Equal([("1", -18.5), ("2", 4.2)], temperatures);
        Assert.Equal(65.5, e.OfType<MeasurementEvent>().Single(m => m.Measurement.Type == "humidity").Measurement.Value);
        Assert.Equal((51.9225, 4.4792), e.OfType<PositionEvent>().Select(p => (p.Position.Lat, p.Position.Lon)).Single());
        Assert.Equal("devEui:70B3D57ED005A1C2", e[0].Refs[0].ToString());
        Assert.Equal("TTS", e[0].Source.Carrier);
    }

    [Fact]
    public void history_records_keep_their_own_time()
    {
        var e = Events("tts-v3-uplink-milesight-EM300-TH-history.json");
        var temperatures = e.OfType<MeasurementEvent>().Where(m => m.Measurement.Type == "temperature").ToList();
        Assert.Equal([4.5, 5.1, 8.7], temperatures.Select(t => t.Measurement.Value));
        Assert.Equal([Instant.FromUtc(2025, 12, 31, 22, 0), Instant.FromUtc(2025, 12, 31, 22, 10), Instant.FromUtc(2025, 12, 31, 22, 20)],
            temperatures.Select(t => t.OccurredAt));
    }

    [Fact]
    public void an_uplink_with_no_codec_and_no_decoded_payload_is_rejected_naming_the_codec()
    {
        var r = Rejection("rejects/uplink-no-codec-no-decoded-payload.json");
        Assert.Equal("$.uplink_message.frm_payload", r.Position);
        Assert.Contains("a payload codec for device 70B3D57ED005A1C2", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_codec_error_names_the_byte_offset() =>
        Assert.StartsWith("at $.uplink_message.frm_payload byte 13: expected 9 bytes of GPS Location", Rejection("rejects/lpp-truncated-gps.json").Message, StringComparison.Ordinal);

    [Fact]
    public void a_join_accept_is_rejected_as_not_an_uplink() =>
        Assert.Contains("an uplink_message", Rejection("rejects/join-accept.json").Message, StringComparison.Ordinal);

    [Fact]
    public void the_device_profile_codec_is_used_when_no_codec_is_given()
    {
        var raw = LpwanSamples.Bytes("TtsV3/Samples/tts-v3-uplink-cayenne-lpp-reefer.json");
        var context = TranslationContext.For(TtsV3Adapter.AdapterId, raw, Instant.FromUtc(2026, 1, 1, 0, 0))
            with { DeviceCodecs = device => device == "devEui:70B3D57ED005A1C2" ? "cayenne-lpp" : null };
        Assert.Equal(4, Assert.IsType<Translated>(_adapter.Translate(raw, context)).Events.Count);
    }

    [Theory]
    [InlineData("{\"end_device_ids\":{\"device_id\":\"d\"},\"uplink_message\":{\"received_at\":\"2025-01-01T00:00:00Z\",\"decoded_payload\":{\"temperature\":1e400}}}")]
    [InlineData("[]")]
    [InlineData("")]
    public void odd_json_is_rejected_not_thrown(string json)
    {
        var raw = System.Text.Encoding.UTF8.GetBytes(json);
        Assert.IsType<Rejected>(_adapter.Translate(raw, TranslationContext.For(TtsV3Adapter.AdapterId, raw, Instant.FromUtc(2026, 1, 1, 0, 0))));
    }

    [Fact]
    public void an_escaped_lone_surrogate_is_read_as_the_replacement_character_never_as_invalid_text()
    {
        var raw = System.Text.Encoding.UTF8.GetBytes(
            "{\"end_device_ids\":{\"device_id\":\"\\ud800\"},\"uplink_message\":{\"received_at\":\"2025-01-01T00:00:00Z\",\"decoded_payload\":{\"temperature\":4.5}}}");
        var e = Assert.Single(Assert.IsType<Translated>(_adapter.Translate(raw, TranslationContext.For(TtsV3Adapter.AdapterId, raw, Instant.FromUtc(2026, 1, 1, 0, 0)))).Events);
        Assert.Equal("deviceId:\uFFFD", e.Refs[0].ToString());
    }

    [Fact]
    public void flipped_bytes_in_every_sample_never_throw()
    {
        var random = new Random(3);
        foreach (var path in LpwanSamples.Inputs("TtsV3/Samples"))
        {
            var original = File.ReadAllBytes(path);
            var context = LpwanSamples.ContextFor(TtsV3Adapter.AdapterId, path, original);
            for (var n = 0; n < 300; n++)
            {
                var raw = (byte[])original.Clone();
                for (var k = random.Next(1, 4); k > 0; k--) raw[random.Next(raw.Length)] = (byte)random.Next(256);
                Assert.NotNull(_adapter.Translate(raw, context));
            }
        }
    }

    [Fact]
    public void network_solved_locations_add_a_position_and_registry_locations_do_not()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(LpwanSamples.Bytes("TtsV3/Samples/tts-v3-uplink-cayenne-lpp-reefer.json"))!;
        json["uplink_message"]!["locations"] = System.Text.Json.Nodes.JsonNode.Parse("""
            {"user": {"latitude": 52.0, "longitude": 4.0, "source": "SOURCE_REGISTRY"},
             "frm-payload": {"latitude": 51.9225, "longitude": 4.4792, "source": "SOURCE_GPS"},
             "lora-tdoa": {"latitude": 51.9301, "longitude": 4.4711, "accuracy": 150, "source": "SOURCE_LORA_TDOA_GEOLOCATION"}}
            """);
        var raw = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
        var context = TranslationContext.For(TtsV3Adapter.AdapterId, raw, Instant.FromUtc(2026, 1, 1, 0, 0)) with { CodecId = "cayenne-lpp" };
        var positions = Assert.IsType<Translated>(_adapter.Translate(raw, context)).Events.OfType<PositionEvent>().Select(p => p.Position).ToList();
        Assert.Equal([("gnss", 51.9225, (double?)null), ("carrier", 51.9301, 150)], positions.Select(p => (p.Method, p.Lat, p.AccuracyM)));
    }

    [Fact]
    public void an_uplink_without_payload_gives_no_events_and_no_rejection()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(LpwanSamples.Bytes("TtsV3/Samples/tts-v3-uplink-cayenne-lpp-reefer.json"))!;
        json["uplink_message"]!.AsObject().Remove("frm_payload");
        var raw = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
        var context = TranslationContext.For(TtsV3Adapter.AdapterId, raw, Instant.FromUtc(2026, 1, 1, 0, 0)) with { CodecId = "cayenne-lpp" };
        Assert.Empty(Assert.IsType<Translated>(_adapter.Translate(raw, context)).Events);
    }
}
