using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Logistics.Adapters.OrbcommIdp;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.Tests.Codecs;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.OrbcommIdp;

/// <summary>
/// IDP get_return_messages responses: traccar's captures, the Inmarsat IDP Messaging API 1.7 example, and pages written from
/// the Messaging API and the IsatData Pro Modem Messages description; values from their source notes.
/// </summary>
public class OrbcommIdpAdapterTests
{
    const string Several = "OrbcommIdp/Samples/orbcomm-idp-several-messages-raw-and-fields.json";
    static readonly Instant ReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);

    readonly OrbcommIdpAdapter _adapter = new();

    IReadOnlyList<CanonicalEvent> Events(string sample) =>
        Assert.IsType<Translated>(LpwanSamples.Translate(_adapter, sample)).Events;

    TranslationResult Translate(byte[] raw, Func<string, string?>? profiles = null, string? carrier = null) =>
        _adapter.Translate(raw, TranslationContext.For(OrbcommIdpAdapter.AdapterId, raw, ReceivedAt) with { DeviceCodecs = profiles, Carrier = carrier });

    static byte[] Published(string file, [CallerFilePath] string thisFile = "") =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(thisFile)!, "Published", file));

    [Fact]
    public void payload_fields_give_the_terminal_position_at_its_event_time()
    {
        var p = Assert.IsType<PositionEvent>(Assert.Single(Events("OrbcommIdp/Samples/orbcomm-idp-moving-interval-sat.json")));
        Assert.Equal((727668 / 60000.0, 902276 / 60000.0, "gnss"), (p.Position.Lat, p.Position.Lon, p.Position.Method)); // 0.001 minutes
        Assert.Equal(((double?)0, (double?)null), (p.Position.SpeedKmh, p.Position.HeadingDeg)); // heading 361: unknown
        Assert.Equal(Instant.FromUnixTimeSeconds(1645087473), p.OccurredAt); // EventTime, not ReceiveUTC 08:44:45
        Assert.Equal("deviceId:01452955SKYB444", Assert.Single(p.Refs).ToString());
        Assert.Equal(("SIN 126", "ID 10343663424", (string?)null), (p.Source.SourceCode, p.Source.SourceEventId, p.Source.Carrier));
    }

    [Fact]
    public void a_raw_core_position_is_decoded_from_the_modem_messages_layout_at_its_fix_time()
    {
        var e = Events(Several);
        Assert.Equal(2, e.Count); // the modem registration carries no reading
        var raw = Assert.IsType<PositionEvent>(e[0]);
        Assert.Equal((2717105 / 60000.0, -4550914 / 60000.0), (raw.Position.Lat, raw.Position.Lon));
        Assert.Equal(((double?)89, (double?)0, (double?)90), (raw.Position.AltitudeM, raw.Position.SpeedKmh, raw.Position.HeadingDeg)); // heading 45 x 2 deg
        Assert.Equal(Instant.FromUtc(2021, 2, 1, 0, 1), raw.OccurredAt); // DayOfMonth 1, MinuteOfDay 1; received 00:02:10
        Assert.Empty(raw.Flags);
    }

    [Fact]
    public void an_invalid_fix_is_kept_and_flagged()
    {
        var decoded = Assert.IsType<PositionEvent>(Events(Several)[1]);
        Assert.Equal((45.285, -4550918 / 60000.0, "ID 1234569"), (decoded.Position.Lat, decoded.Position.Lon, decoded.Source.SourceEventId));
        Assert.Equal([EventFlags.SourceInvalid], decoded.Flags);
        Assert.Equal(Instant.FromUtc(2021, 2, 1, 0, 3), decoded.OccurredAt);
    }

    [Fact]
    public void raw_and_decoded_forms_of_the_same_core_position_agree()
    {
        var json = JsonNode.Parse(LpwanSamples.Bytes(Several))!.AsObject();
        json["Messages"]![2]!.AsObject().Remove("Payload");
        var fromRaw = Assert.IsType<Translated>(Translate(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()))).Events[1];
        var fromFields = Events(Several)[1];
        Assert.Equal(fromFields.EventId, fromRaw.EventId);
    }

    [Fact]
    public void a_terminal_clock_before_2000_is_flagged_and_a_report_without_event_time_is_at_the_receive_time()
    {
        var e = Events("OrbcommIdp/Samples/orbcomm-idp-event-time-clock-reset.json").Cast<PositionEvent>().ToList();
        Assert.Equal(Instant.FromUtc(1999, 1, 1, 0, 0), e[0].OccurredAt);
        Assert.Equal([EventFlags.ClockBefore2000], e[0].Flags);
        Assert.Equal(Instant.FromUtc(2022, 2, 17, 9, 44, 45), e[1].OccurredAt);
        Assert.Equal(((double?)42, (double?)184), (e[1].Position.SpeedKmh, e[1].Position.HeadingDeg));
    }

    [Fact]
    public void the_device_codec_decodes_the_raw_payload_of_a_user_service()
    {
        // Sigfox's Sens'it codec stands in for an application's own SIN 128 layout: what matters is that the bytes reach it.
        var raw = System.Text.Encoding.UTF8.GetBytes(
            """{"ErrorID":0,"Messages":[{"ID":1,"ReceiveUTC":"2021-02-01 00:05:40","SIN":128,"MobileID":"01234567SKYABCD","RawPayload":[174,9,140,125]}]}""");
        var e = Assert.IsType<Translated>(Translate(raw, d => d == "deviceId:01234567SKYABCD" ? "sensit-v3" : null)).Events;
        Assert.Equal([3.75, 24.5, 62.5], e.Cast<MeasurementEvent>().Select(m => m.Measurement.Value));
        Assert.All(e, x => Assert.Equal(Instant.FromUtc(2021, 2, 1, 0, 5, 40), x.OccurredAt));
    }

    [Fact]
    public void a_decoded_reply_position_without_coordinates_rejects_the_page_rather_than_dropping_what_follows()
    {
        var json = JsonNode.Parse(LpwanSamples.Bytes(Several))!.AsObject();
        json["Messages"]![2]!["Payload"]!["Fields"] = new JsonArray(JsonNode.Parse("""{"Name":"fixStatus","Value":"1"}"""));
        var r = Assert.IsType<Rejected>(Translate(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()))).Rejection;
        Assert.Equal("$.Messages[2].Payload.Fields", r.Position);
    }

    [Fact]
    public void the_poller_carrier_is_kept()
    {
        var raw = LpwanSamples.Bytes("OrbcommIdp/Samples/orbcomm-idp-moving-interval-sat.json");
        Assert.Equal("ORBCOMM", Assert.Single(Assert.IsType<Translated>(Translate(raw, carrier: "ORBCOMM")).Events).Source.Carrier);
    }

    [Theory]
    [InlineData("idp-messaging-api-1.7-get-return-messages-example.json")]
    [InlineData("traccar-empty-response.json")]
    [InlineData("traccar-modem-registration.json")]
    public void published_responses_without_readings_give_no_events_and_no_rejection(string file)
    {
        var raw = Published(file);
        Assert.Empty(Assert.IsType<Translated>(Guard.Translate(_adapter, raw, TranslationContext.For(OrbcommIdpAdapter.AdapterId, raw, ReceivedAt))).Events);
    }

    [Fact]
    public void the_cursor_of_the_api_example_says_nothing_is_pending() =>
        Assert.Equal(new IdpReturnCursor(false, Instant.FromUtc(2021, 2, 3, 20, 6, 11), null),
            IdpReturnCursor.Read(Published("idp-messaging-api-1.7-get-return-messages-example.json")));

    [Fact]
    public void the_cursor_of_a_page_with_more_gives_the_next_start_id_and_time() =>
        Assert.Equal(new IdpReturnCursor(true, Instant.FromUtc(2021, 2, 1, 0, 4, 12), 1234569), IdpReturnCursor.Read(LpwanSamples.Bytes(Several)));

    [Fact]
    public void an_empty_next_start_utc_and_an_error_response_give_no_cursor_to_advance()
    {
        Assert.Equal(new IdpReturnCursor(false, null, null), IdpReturnCursor.Read(Published("traccar-empty-response.json")));
        Assert.Null(IdpReturnCursor.Read(LpwanSamples.Bytes("OrbcommIdp/Samples/rejects/error-id-21785.json")));
    }

    [Fact]
    public void an_error_response_is_rejected_with_its_error_id() =>
        Assert.Equal("21785", Assert.IsType<Rejected>(LpwanSamples.Translate(_adapter, "OrbcommIdp/Samples/rejects/error-id-21785.json")).Rejection.Found);

    [Fact]
    public void a_user_message_without_codec_or_position_fields_is_rejected_naming_it() =>
        Assert.Equal("$.Messages[0].RawPayload",
            Assert.IsType<Rejected>(LpwanSamples.Translate(_adapter, "OrbcommIdp/Samples/rejects/raw-user-sin-without-codec.json")).Rejection.Position);

    [Theory]
    [InlineData(14, 271, 2020, 2, 14, 4, 31)] // the same day
    [InlineData(15, 0, 2020, 1, 15, 0, 0)] // a day after the receive day: the previous month
    [InlineData(31, 1439, 2020, 1, 31, 23, 59)]
    [InlineData(14, 400, 2020, 1, 14, 6, 40)] // later the same day than reception (beyond the hour allowed for clocks): a month back
    public void a_fix_day_and_minute_resolve_to_the_latest_such_time_before_reception(int day, int minute, int y, int mo, int d, int h, int mi)
    {
        var p = Assert.IsType<PositionEvent>(Assert.Single(Assert.IsType<Translated>(Translate(CorePosition(day, minute))).Events));
        Assert.Equal(Instant.FromUtc(y, mo, d, h, mi), p.OccurredAt);
        Assert.Empty(p.Flags);
    }

    [Theory]
    [InlineData(0, 10)] // "DayOfMonth … (1..31, other values invalid)"
    [InlineData(12, 1440)] // "MinuteOfDay … (0..1439 UTC, other values invalid)"
    public void an_invalid_fix_day_or_minute_is_the_receive_time_flagged(int day, int minute)
    {
        var p = Assert.IsType<PositionEvent>(Assert.Single(Assert.IsType<Translated>(Translate(CorePosition(day, minute))).Events));
        Assert.Equal(Instant.FromUtc(2020, 2, 14, 4, 31, 38), p.OccurredAt);
        Assert.Equal([EventFlags.SourceInvalid], p.Flags);
    }

    /// <summary>A decoded Reply Position received 2020-02-14 04:31:38 UTC with a valid fix at the given day and minute.</summary>
    static byte[] CorePosition(int day, int minute) => System.Text.Encoding.UTF8.GetBytes($$$"""
        {"ErrorID":0,"Messages":[{"ID":34747532,"MessageUTC":"2020-02-14 04:31:38","ReceiveUTC":"2020-02-14 04:31:38","SIN":0,"MobileID":"01459438SKYFEE3",
         "Payload":{"Name":"replyPosition","SIN":0,"MIN":72,"Fields":[{"Name":"fixStatus","Value":"1"},{"Name":"latitude","Value":"2717100"},
         {"Name":"longitude","Value":"-4550918"},{"Name":"dayOfMonth","Value":"{{{day}}}"},{"Name":"minuteOfDay","Value":"{{{minute}}}"}]}}]}
        """);

    [Fact]
    public void flipped_bytes_in_every_sample_never_throw()
    {
        var random = new Random(13);
        foreach (var path in LpwanSamples.Inputs("OrbcommIdp/Samples").Concat(LpwanSamples.Inputs("OrbcommIdp/Samples/rejects")))
        {
            var original = File.ReadAllBytes(path);
            var context = LpwanSamples.ContextFor(OrbcommIdpAdapter.AdapterId, path, original);
            for (var n = 0; n < 200; n++)
            {
                var raw = (byte[])original.Clone();
                for (var k = random.Next(1, 4); k > 0; k--) raw[random.Next(raw.Length)] = (byte)random.Next(256);
                Assert.False(Guard.IsFault(Guard.Translate(_adapter, raw, context)));
            }
        }
    }
}
