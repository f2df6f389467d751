using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.FakeCarrier;
using NodaTime;

namespace Logistics.Host.Tests.Polling;

/// <summary>
/// The fake carrier's bodies are what our adapters read (or the G9 test would prove nothing): each translates, event for
/// event, into the milestones and positions written here by hand from the carrier's documented fields.
/// </summary>
public sealed class FakeCarrierBodiesTests
{
    static readonly DateTimeOffset Start = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
    static readonly FakeCarrierOptions Options = new()
    {
        TrackingNumbers = new(StringComparer.Ordinal) { ["ups"] = ["1ZA"], ["fedex"] = ["7001"], ["dhl"] = ["1001"] },
    };
    static readonly CarrierWorld World = new(Options, Start);
    /// <summary>Three events visible: 08:00, 08:10, 08:20 +01:00 on the day before the start.</summary>
    static readonly DateTimeOffset Now = Start + Options.RevealEvery * 2;

    static IReadOnlyList<CanonicalEvent> Translate(string adapter, byte[] body)
    {
        Assert.True(AdapterRegistry.Default.TryGetAdapter(adapter, out var a));
        var result = Guard.Translate(a!, body, new TranslationContext(adapter, Instant.FromDateTimeOffset(Now), RawHash.Sha256Hex(body)));
        return result is Translated t ? t.Events : throw new Xunit.Sdk.XunitException($"{adapter} rejected the fake body: {((Rejected)result).Rejection.Message}");
    }

    [Fact]
    public void Ups_activities_are_milestones_at_their_explicit_offset()
    {
        var events = Translate("ups", CarrierResponses.Ups("1ZA", World.Visible("ups", "1ZA", Now)));
        Assert.Equal(3, events.Count);
        var booked = events.OfType<MilestoneEvent>().Single(e => e.OccurredAt == Instant.FromUtc(2026, 11, 30, 7, 0));
        Assert.Equal(MilestoneCodes.Booked, booked.Milestone.Code);
        Assert.Equal(Offset.FromHours(1), booked.OccurredAtOffset);
        Assert.Equal("1ZA", Assert.Single(booked.Refs).Value);
        Assert.Equal([.. World.Visible("ups", "1ZA", Now).Select(e => e.Key)], events.Select(PollLedger.KeyOf("ups")).Order());
    }

    [Fact]
    public void Fedex_scan_events_are_milestones()
    {
        var events = Translate("fedex", CarrierResponses.Fedex([("7001", World.Visible("fedex", "7001", Now))]));
        Assert.Equal(3, events.Count);
        Assert.Equal(MilestoneCodes.PickedUp, events.OfType<MilestoneEvent>().Single(e => e.OccurredAt == Instant.FromUtc(2026, 11, 30, 7, 10)).Milestone.Code);
        Assert.Equal([.. World.Visible("fedex", "7001", Now).Select(e => e.Key)], events.Select(PollLedger.KeyOf("fedex")).Order());
    }

    [Fact]
    public void Dhl_events_are_milestones()
    {
        var events = Translate("dhl", CarrierResponses.Dhl("1001", World.Visible("dhl", "1001", Now)));
        Assert.Equal(3, events.Count);
        Assert.Equal(MilestoneCodes.InTransit, events.OfType<MilestoneEvent>().Single(e => e.OccurredAt == Instant.FromUtc(2026, 11, 30, 7, 20)).Milestone.Code);
        Assert.Equal([.. World.Visible("dhl", "1001", Now).Select(e => e.Key)], events.Select(PollLedger.KeyOf("dhl")).Order());
    }

    [Fact]
    public void Idp_messages_are_positions_at_their_event_time()
    {
        var arrived = World.Arrived(Start + Options.IdpArriveEvery * 2);
        Assert.Equal(3, arrived.Count);
        var events = Translate("orbcomm-idp", CarrierResponses.IdpPage(Options.IdpMobileId, arrived, more: false));
        var positions = events.OfType<PositionEvent>().ToList();
        Assert.Equal(3, positions.Count);
        // Latitude 727668 thousandths of a minute = 12.1278°; EventTime is the day before at 07:00Z + j minutes.
        var first = positions.Single(p => p.OccurredAt == Instant.FromUtc(2026, 11, 30, 7, 0));
        Assert.Equal(12.1278, first.Position.Lat, 4);
        Assert.Equal([.. arrived.Select(m => m.Key)], positions.Select(PollLedger.KeyOf("orbcomm-idp")).Order());
    }
}
