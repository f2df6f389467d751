using System.Text;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Canonical.Tests.Events;

public class deriving_event_ids
{
    [Fact]
    public void the_same_natural_key_gives_the_same_id()
    {
        Assert.Equal(EventIds.Derive("dcsa-tnt|milestone|container:MSKU1234565|1"), EventIds.Derive("dcsa-tnt|milestone|container:MSKU1234565|1"));
        Assert.Equal(SampleEvents.Milestone().EventId, SampleEvents.Milestone().EventId);
    }

    [Fact]
    public void a_different_natural_key_gives_a_different_id() =>
        Assert.NotEqual(EventIds.Derive("a|b"), EventIds.Derive("a|c"));

    [Fact]
    public void received_at_and_the_raw_hash_do_not_change_the_id()
    {
        var first = SampleEvents.Measurement();
        var resent = first with
        {
            ReceivedAt = first.ReceivedAt + Duration.FromDays(3),
            Source = first.Source with { RawSha256 = RawHash.Sha256Hex(Encoding.UTF8.GetBytes("the same reading, resent")) },
        };
        Assert.Equal(first.EventId, resent.WithDerivedId().EventId);
    }

    [Fact]
    public void the_value_and_the_event_time_do_change_the_id()
    {
        var e = SampleEvents.Measurement();
        Assert.NotEqual(e.EventId, (e with { Measurement = e.Measurement with { Value = 5.1 } }).WithDerivedId().EventId);
        Assert.NotEqual(e.EventId, (e with { OccurredAt = e.OccurredAt + Duration.FromSeconds(1) }).WithDerivedId().EventId);
    }

    [Fact]
    public void ids_are_version_8_rfc_uuids_in_lower_case()
    {
        var id = SampleEvents.Alarm().EventId;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
    }

    [Fact]
    public void a_long_natural_key_hashes_like_a_short_one()
    {
        // Keys over 512 UTF-8 bytes take the heap path: still deterministic.
        var key = new string('é', 600);
        Assert.Equal(EventIds.Derive(key), EventIds.Derive(new string('é', 600)));
    }
}
