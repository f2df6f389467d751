using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.Mappings.CarrierSamples;

namespace Logistics.Adapters.Tests.Mappings;

/// <summary>sendle (mapping only), asserted from Sendle's tracking webhook documentation.</summary>
public sealed class SendleMappingTests
{
    [Fact]
    public void a_drop_off_is_picked_up_at_its_utc_scan_time()
    {
        var e = Assert.Single(Milestones("sendle", "sendle-dropped-off-us.json"));
        Assert.Equal((MilestoneCodes.PickedUp, Utc("2025-04-14T18:02:41Z"), Offset.Zero, OffsetSource.Explicit), When(e));
        Assert.Equal(("SENDLE", "Dropped off", "3c9d41e2-58b7-4a0f-9e61-2f7a8b0c4d15"), (e.Source.Carrier, e.Source.SourceCode, e.Source.SourceEventId));
        Assert.Equal("Springfield, OR, 97477, US", e.Location?.Name);
    }

    [Fact]
    public void a_local_scan_time_alone_takes_the_zone_of_the_state()
    {
        var e = Assert.Single(Milestones("sendle", "sendle-local-scan-time-only.json"));
        // 09:40 in Portland, OR on 26 May is PDT (UTC-7)
        Assert.Equal((MilestoneCodes.OutForDelivery, Utc("2025-05-26T16:40:00Z"), Offset.FromHours(-7), OffsetSource.Inferred), When(e));
    }

    [Fact]
    public void an_info_event_is_known_and_gives_no_event() =>
        Assert.Empty(Assert.IsType<Translated>(Translate("sendle",
            """{"sendle_reference":"SNDL7Q","event_type":"Info","description":"Booking details updated","scan_time":"2025-04-14T18:02:41Z"}""")).Events);
}
