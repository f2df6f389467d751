using System.Text.Json.Nodes;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.Sigfox;
using Logistics.Adapters.Tests.Codecs;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.Sigfox;

/// <summary>
/// Sigfox callbacks: OS2iot's DATA template, the Google Cloud Sens'it DATA_ADVANCED capture, and bodies written from the
/// Sigfox DATA / DATA ADVANCED variable tables; values from the samples' source notes.
/// </summary>
public class SigfoxAdapterTests
{
    const string Os2iot = "Sigfox/Samples/sigfox-data-sensit-v3-os2iot.json";
    static readonly Instant ReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);

    readonly SigfoxAdapter _adapter = new();

    IReadOnlyList<CanonicalEvent> Events(string sample) =>
        Assert.IsType<Translated>(LpwanSamples.Translate(_adapter, sample)).Events;

    TranslationResult Translate(byte[] raw, string? codec = null, Func<string, string?>? profiles = null) =>
        _adapter.Translate(raw, TranslationContext.For(SigfoxAdapter.AdapterId, raw, ReceivedAt) with { CodecId = codec, DeviceCodecs = profiles });

    static byte[] Edited(string sample, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(LpwanSamples.Bytes(sample))!.AsObject();
        edit(json);
        return System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    [Fact]
    public void a_data_callback_is_the_device_reading_at_the_network_reception_time()
    {
        var m = Assert.IsType<MeasurementEvent>(Assert.Single(Events(Os2iot)));
        Assert.Equal(("battery", 3.95, "VLT"), (m.Measurement.Type, m.Measurement.Value, m.Measurement.Unit));
        Assert.Equal(Instant.FromUnixTimeSeconds(1600674364), m.OccurredAt); // {time}: epoch seconds, message reception
        Assert.Equal("deviceId:B445A9", Assert.Single(m.Refs).ToString());
        Assert.Equal(("Sigfox", "data", "seq 49"), (m.Source.Carrier, m.Source.SourceCode, m.Source.SourceEventId));
    }

    [Fact]
    public void the_device_profile_names_the_codec_when_the_request_does_not()
    {
        var raw = LpwanSamples.Bytes(Os2iot);
        Assert.IsType<Rejected>(Translate(raw));
        var e = Assert.IsType<Translated>(Translate(raw, profiles: d => d == "deviceId:B445A9" ? "sensit-v3" : null)).Events;
        Assert.Equal(3.95, Assert.IsType<MeasurementEvent>(Assert.Single(e)).Measurement.Value);
    }

    [Fact]
    public void a_request_codec_wins_over_the_device_profile()
    {
        var raw = LpwanSamples.Bytes(Os2iot);
        // cayenne-lpp cannot read a Sens'it payload: the rejection proves the request's codec was the one used.
        var r = Assert.IsType<Rejected>(Translate(raw, "cayenne-lpp", _ => "sensit-v3")).Rejection;
        Assert.Contains("(cayenne-lpp)", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_data_advanced_computed_location_is_a_network_position_with_its_radius_as_accuracy()
    {
        var e = Events("Sigfox/Samples/sigfox-data-advanced-computed-location.json");
        var p = Assert.Single(e.OfType<PositionEvent>()).Position;
        Assert.Equal((1.123, 103.123, (double?)4557, "carrier"), (p.Lat, p.Lon, p.AccuracyM, p.Method));
        Assert.Equal([("battery", 3.8), ("temperature", 24.0), ("humidity", 64.0)],
            e.OfType<MeasurementEvent>().Select(m => (m.Measurement.Type, m.Measurement.Value)));
        Assert.All(e, x => Assert.Equal(Instant.FromUtc(2019, 1, 24, 4, 42, 27), x.OccurredAt)); // "time": "1548304947", quoted by the template
        Assert.All(e, x => Assert.Equal(("data advanced", "seq 2732"), (x.Source.SourceCode, x.Source.SourceEventId)));
    }

    [Fact]
    public void without_a_codec_a_data_advanced_callback_gives_its_computed_location_alone()
    {
        var raw = LpwanSamples.Bytes("Sigfox/Samples/sigfox-data-advanced-computed-location.json");
        Assert.IsType<PositionEvent>(Assert.Single(Assert.IsType<Translated>(Translate(raw)).Events));
    }

    [Fact]
    public void a_computed_location_with_status_0_is_no_position()
    {
        var e = Events("Sigfox/Samples/sigfox-data-advanced-duplicates-no-location.json");
        Assert.Empty(e.OfType<PositionEvent>());
        Assert.Equal([3.75, 24.5, 62.5], e.OfType<MeasurementEvent>().Select(m => m.Measurement.Value));
    }

    [Fact]
    public void a_duplicate_from_a_second_base_station_is_the_same_events_with_the_same_ids()
    {
        var original = Events(Os2iot);
        var duplicate = Events("Sigfox/Samples/sigfox-data-duplicate-from-second-station.json");
        Assert.Equal(original.Select(e => e.EventId), duplicate.Select(e => e.EventId));
        Assert.NotEqual(original[0].Source.RawSha256, duplicate[0].Source.RawSha256);
    }

    [Fact]
    public void the_device_id_is_upper_case_hex_whatever_the_template_wrote()
    {
        var raw = Edited(Os2iot, o => o["deviceId"] = "b445a9");
        Assert.Equal("deviceId:B445A9", Assert.Single(Assert.IsType<Translated>(Translate(raw, "sensit-v3")).Events).Refs[0].ToString());
    }

    [Fact]
    public void sigfox_device_variable_and_a_quoted_time_are_read_like_the_others()
    {
        var raw = Edited(Os2iot, o =>
        {
            o.Remove("deviceId");
            o["device"] = "B445A9";
            o["time"] = "1600674364";
        });
        var e = Assert.Single(Assert.IsType<Translated>(Translate(raw, "sensit-v3")).Events);
        Assert.Equal(Events(Os2iot)[0].EventId, e.EventId);
    }

    [Fact]
    public void a_payload_without_codec_is_rejected_naming_the_device() =>
        Assert.Equal("at $.data: expected a payload codec for Sigfox device B445A9 (set the device profile's codec, e.g. ?codec=sensit-v3), found 12 bytes and no codec",
            Assert.IsType<Rejected>(LpwanSamples.Translate(_adapter, "Sigfox/Samples/rejects/no-codec.json")).Rejection.Message);

    [Fact]
    public void flipped_bytes_in_every_sample_never_throw()
    {
        var random = new Random(11);
        foreach (var path in LpwanSamples.Inputs("Sigfox/Samples").Concat(LpwanSamples.Inputs("Sigfox/Samples/rejects")))
        {
            var original = File.ReadAllBytes(path);
            var context = LpwanSamples.ContextFor(SigfoxAdapter.AdapterId, path, original);
            for (var n = 0; n < 200; n++)
            {
                var raw = (byte[])original.Clone();
                for (var k = random.Next(1, 4); k > 0; k--) raw[random.Next(raw.Length)] = (byte)random.Next(256);
                Assert.False(Guard.IsFault(Guard.Translate(_adapter, raw, context)));
            }
        }
    }
}
