using Logistics.Adapters.IridiumSbd;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.Tests.Codecs;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.IridiumSbd;

/// <summary>DirectIP MO messages: the traccar T622 capture and samples built from the DirectIP layout.</summary>
public class IridiumSbdAdapterTests
{
    readonly IridiumSbdAdapter _adapter = new();

    IReadOnlyList<CanonicalEvent> Events(string sample) =>
        Assert.IsType<Translated>(LpwanSamples.Translate(_adapter, $"IridiumSbd/Samples/{sample}")).Events;

    [Fact]
    public void t622_payload_gives_the_gnss_fix_at_its_own_time()
    {
        var e = Assert.IsType<PositionEvent>(Assert.Single(Events("iridium-sbd-directip-mo-T622.sbd")));
        Assert.Equal((-6.267316, 106.771996, "gnss"), (e.Position.Lat, e.Position.Lon, e.Position.Method));
        Assert.Equal(Instant.FromUtc(2023, 7, 18, 2, 10, 8), e.OccurredAt);
        Assert.Equal("imei:300434067548650", Assert.Single(e.Refs).ToString());
        Assert.Equal(("Iridium", "session status 0", "CDR 1756547863"), (e.Source.Carrier, e.Source.SourceCode, e.Source.SourceEventId));
    }

    [Fact]
    public void mo_location_gives_a_satellite_position_with_cep_accuracy()
    {
        var e = Assert.IsType<PositionEvent>(Assert.Single(Events("iridium-sbd-mo-location.sbd")));
        Assert.Equal((51.9225, 4.4792, 4000.0, "satellite"), (e.Position.Lat, e.Position.Lon, e.Position.AccuracyM, e.Position.Method));
        Assert.Equal(Instant.FromUtc(2025, 12, 31, 23, 15, 42), e.OccurredAt);
    }

    [Fact]
    public void session_status_2_flags_the_gateway_location_but_not_the_device_fix()
    {
        var e = Events("iridium-sbd-mo-session-status-2.sbd").Cast<PositionEvent>().ToList();
        Assert.Equal((-23.962, -46.319, 12000.0), (e[0].Position.Lat, e[0].Position.Lon, e[0].Position.AccuracyM));
        Assert.Equal([EventFlags.SourceInvalid], e[0].Flags);
        Assert.Equal((-23.961937, -46.321144, "gnss"), (e[1].Position.Lat, e[1].Position.Lon, e[1].Position.Method));
        Assert.Empty(e[1].Flags);
    }

    [Fact]
    public void a_short_header_element_names_its_byte_offset() =>
        Assert.Equal("at byte 3 (IEI 0x01 header): expected 28 bytes, found 12",
            Assert.IsType<Rejected>(LpwanSamples.Translate(_adapter, "IridiumSbd/Samples/rejects/short-header-element.sbd")).Rejection.Message);

    [Fact]
    public void every_truncation_of_every_sample_is_a_translation_or_a_rejection_never_an_exception()
    {
        foreach (var path in LpwanSamples.Inputs("IridiumSbd/Samples"))
        {
            var raw = File.ReadAllBytes(path);
            var context = TranslationContext.For(IridiumSbdAdapter.AdapterId, raw, Instant.FromUtc(2026, 1, 1, 0, 0)) with { CodecId = "t622" };
            for (var n = 0; n < raw.Length; n++)
                Assert.IsType<Rejected>(_adapter.Translate(raw.AsMemory(0, n), context));
        }
    }
}
