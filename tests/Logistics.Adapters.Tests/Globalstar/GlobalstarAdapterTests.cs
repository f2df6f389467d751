using Logistics.Adapters.Globalstar;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.Tests.Codecs;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.Globalstar;

/// <summary>Globalstar stuMessages deliveries: traccar's captures and deliveries written from the SmartOne C manual.</summary>
public class GlobalstarAdapterTests
{
    readonly GlobalstarAdapter _adapter = new();

    IReadOnlyList<CanonicalEvent> Events(string sample) =>
        Assert.IsType<Translated>(LpwanSamples.Translate(_adapter, $"Globalstar/Samples/{sample}")).Events;

    Rejection Rejection(string sample) =>
        Assert.IsType<Rejected>(LpwanSamples.Translate(_adapter, $"Globalstar/Samples/{sample}")).Rejection;

    [Fact]
    public void a_smartone_location_message_is_a_gnss_position_at_the_network_time()
    {
        var p = Assert.IsType<PositionEvent>(Assert.Single(Events("globalstar-stu-smartone-location.xml")));
        Assert.Equal((-41.1220622, -71.4159179), (Math.Round(p.Position.Lat, 7), Math.Round(p.Position.Lon, 7)));
        Assert.Equal(("gnss", (double?)null), (p.Position.Method, p.Position.AccuracyM));
        Assert.Equal(Instant.FromUnixTimeSeconds(1585105370), p.OccurredAt);
        Assert.Equal("esn:0-2682225", Assert.Single(p.Refs).ToString());
        Assert.Equal(("Globalstar", "stuMessage", "300421a0fd2a100585bdde409d6f601a"), (p.Source.Carrier, p.Source.SourceCode, p.Source.SourceEventId));
    }

    [Fact]
    public void every_message_of_a_delivery_is_read_for_its_own_transmitter()
    {
        var e = Events("globalstar-stu-several-messages.xml");
        Assert.Equal(["esn:0-2654816", "esn:0-2654816", "esn:0-2654816", "esn:0-2654816", "esn:0-2682225"], e.Select(x => x.Refs[0].ToString()));
        Assert.Equal([EventKind.Position, EventKind.Position, EventKind.Alarm, EventKind.Alarm, EventKind.Position], e.Select(x => x.Kind));
        // message 2: GPS failed this cycle -> kept, flagged; message 5 (type 3 accumulate) has no reading
        Assert.Equal([EventFlags.SourceInvalid], e[1].Flags);
        Assert.Empty(e[0].Flags);
        Assert.Equal(Instant.FromUnixTimeSeconds(1551131792), e[3].OccurredAt);
        Assert.Equal("battery-replace", Assert.IsType<AlarmEvent>(e[3]).Alarm.Type);
    }

    [Fact]
    public void impossible_network_times_are_flagged_never_moved()
    {
        var e = Events("globalstar-stu-clock-checks.xml");
        Assert.Equal([Instant.FromUtc(1999, 12, 31, 23, 0), Instant.FromUtc(2006, 5, 17, 18, 0), Instant.FromUtc(2026, 1, 4, 0, 0)], e.Select(x => x.OccurredAt));
        Assert.Equal([[EventFlags.ClockBefore2000], [EventFlags.GpsWeekRollover], [EventFlags.ClockInFuture]], e.Select(x => x.Flags.ToArray()));
    }

    [Fact]
    public void the_device_profile_names_the_codec()
    {
        var raw = LpwanSamples.Bytes("Globalstar/Samples/globalstar-stu-smartone-location.xml");
        var context = TranslationContext.For(GlobalstarAdapter.AdapterId, raw, Instant.FromUtc(2026, 1, 1, 0, 0))
            with { DeviceCodecs = d => d == "esn:0-2682225" ? "smartone-c" : null };
        Assert.Single(Assert.IsType<Translated>(_adapter.Translate(raw, context)).Events);
    }

    [Fact]
    public void without_a_codec_the_message_is_rejected_naming_its_esn_and_place() =>
        Assert.Equal("at line 1, position 350 (stuMessage 1 payload): expected a payload codec for ESN 0-2682225 (set the device profile's codec, e.g. smartone-c), found 9 payload bytes and no codec",
            Rejection("rejects/no-codec.xml").Message);

    [Fact]
    public void a_raw_type_2_message_is_rejected_at_its_first_byte() =>
        Assert.StartsWith("line 7, position 2 (stuMessage 1 payload) byte 0", Rejection("rejects/raw-type-2-traccar.xml").Position, StringComparison.Ordinal);

    [Fact]
    public void a_dtd_is_refused_before_any_entity_is_resolved() =>
        Assert.Equal("a DOCTYPE (DTDs are refused)", Rejection("rejects/doctype-entity.xml").Found);

    [Fact]
    public void an_empty_delivery_has_nothing_to_read()
    {
        var raw = "<stuMessages messageID=\"0\"/>"u8.ToArray();
        Assert.Empty(Assert.IsType<Translated>(_adapter.Translate(raw, TranslationContext.For(GlobalstarAdapter.AdapterId, raw, Instant.FromUtc(2026, 1, 1, 0, 0)))).Events);
    }

    [Fact]
    public void every_truncation_and_flipped_byte_is_a_translation_or_a_rejection_never_an_exception()
    {
        var random = new Random(5);
        foreach (var path in LpwanSamples.Inputs("Globalstar/Samples").Concat(LpwanSamples.Inputs("Globalstar/Samples/rejects")))
        {
            var original = File.ReadAllBytes(path);
            var context = LpwanSamples.ContextFor(GlobalstarAdapter.AdapterId, path, original) with { CodecId = "smartone-c" };
            for (var n = 0; n < original.Length; n += 7)
                Assert.False(Guard.IsFault(Guard.Translate(_adapter, original.AsMemory(0, n), context)));
            for (var n = 0; n < 200; n++)
            {
                var raw = (byte[])original.Clone();
                for (var k = random.Next(1, 4); k > 0; k--) raw[random.Next(raw.Length)] = (byte)random.Next(256);
                Assert.False(Guard.IsFault(Guard.Translate(_adapter, raw, context)));
            }
        }
    }
}
