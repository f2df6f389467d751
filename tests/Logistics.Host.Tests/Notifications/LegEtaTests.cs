using System.Net;
using System.Text.Json;
using Logistics.Access;
using Logistics.Canonical.Events;
using Logistics.Host.Shipments;
using Logistics.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Notifications;

/// <summary>Carrier estimates kept per (carrier, leg): the summary's <c>etas</c> and <c>eta</c>, and <c>eta.changed</c> per leg.</summary>
[Collection(HostCollection.Name)]
public sealed class Eta_per_carrier_and_leg(HostFixture host, ITestOutputHelper output)
{
    static readonly DateTimeOffset Ocean = Carrier.Utc(2026, 11, 20, 8);
    static readonly DateTimeOffset Road = Carrier.Utc(2026, 11, 22, 10);

    static string Iso(DateTimeOffset t) => ShipmentDriver.Iso(t);

    static List<JsonElement> Changes(Receiver r) =>
        r.At("/eta").Select(x => JsonDocument.Parse(x.Body).RootElement).Where(b => b.GetProperty("type").GetString() == "eta.changed")
            .Select(b => b.GetProperty("data").Clone()).ToList();

    static string? Text(JsonElement e, string property) => e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).GetString();

    [Fact]
    public async Task two_carriers_on_two_legs_posting_interleaved_keep_one_estimate_per_leg_and_each_leg_is_notified_against_its_own_threshold()
    {
        var tenant = await host.CreateTenantAsync("leg etas " + host.RunId);
        await using var receiver = await Receiver.StartAsync();
        await tenant.Clients[Role.Shipper].PostJsonAsync("/webhooks", new { url = receiver.Url("/eta"), events = new[] { "eta.changed" } }, HttpStatusCode.Created);
        var s = await ShipmentDriver.RegisterAsync(host, tenant, Carrier.Utc(2026, 11, 1),
            legs: new[] { new { id = "ocean", custodian = "MAEU", mode = "ocean" }, new { id = "road", custodian = "DHLF", mode = "road" } });
        // DCSA names no carrier: its estimates are the registered ocean leg's (MAEU); the X12 214's SCAC is the road carrier.
        Task OceanEstimate(DateTimeOffset at) => s.PostDcsaAsync(new Carrier.Move("DROP", "EST", at));
        Task RoadEstimate(DateTimeOffset at) => s.PostX12Async("DHLF", ("AG", at));

        // The notifications run on the async daemon, which may take several estimates in one page and so only see the
        // newest of them: each leg's first is awaited before the next estimate, after that any grouping gives the same.
        async Task Notified(int count, string what) =>
            await HostFixture.WaitUntilAsync(() => Task.FromResult(Changes(receiver).Count >= count), TimeSpan.FromSeconds(60), what);

        await OceanEstimate(Ocean);                       // ocean's first: notified
        await Notified(1, "ocean's first estimate");
        await RoadEstimate(Road);                         // road's first: notified (two days from ocean's, but another leg)
        await Notified(2, "road's first estimate");
        await OceanEstimate(Ocean.AddMinutes(20));        // 20 min from ocean's last notified: kept, not notified
        await RoadEstimate(Road.AddMinutes(25));          // 25 min from road's: kept, not notified
        await OceanEstimate(Ocean.AddMinutes(45));        // 45 min from ocean's last notified (25 from its newest): notified
        await RoadEstimate(Road.AddHours(-2));            // road's carrier moves it earlier: the later word wins, notified

        await Notified(4, "the moved estimates of both legs");
        await Task.Delay(2000);
        var changes = Changes(receiver)
            .Select(d => (Leg: Text(d, "legId"), Carrier: Text(d, "carrier"), Previous: Text(d, "previousEta"), Eta: Text(d, "eta")))
            .OrderBy(c => c.Leg).ThenBy(c => c.Previous is not null).ToList();
        output.WriteLine($"LEDGER eta-per-leg: estimates=6 legs=2 notified={changes.Count} " +
                         $"ocean={changes.Count(c => c.Leg == "ocean")} road={changes.Count(c => c.Leg == "road")}");
        Assert.Equal(
            [("ocean", "MAEU", null, Iso(Ocean)), ("ocean", "MAEU", Iso(Ocean), Iso(Ocean.AddMinutes(45))),
             ("road", "DHLF", null, Iso(Road)), ("road", "DHLF", Iso(Road), Iso(Road.AddHours(-2)))],
            changes);

        var summary = await tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{s.Id}");
        var etas = summary.GetProperty("etas").EnumerateArray()
            .Select(e => (Text(e, "legId"), Text(e, "carrier"), Text(e, "at"), Text(e, "classifier"), Text(e, "code"))).ToList();
        Assert.Equal([("ocean", "MAEU", Iso(Ocean.AddMinutes(45)), "EST", "DELIVERED"), ("road", "DHLF", Iso(Road.AddHours(-2)), "EST", "DELIVERED")], etas);
        // eta: the last leg's newest estimate.
        var eta = summary.GetProperty("eta");
        Assert.Equal((Iso(Road.AddHours(-2)), "road", "DHLF"), (Text(eta, "at"), Text(eta, "legId"), Text(eta, "source")));
    }

    static TimelineEntry Estimate(string id, string? carrier, string adapter, DateTimeOffset at, Instant received) =>
        new(Instant.FromDateTimeOffset(at), "milestone", MilestoneCodes.Delivered, "EST", carrier, null, id, "container:TSTU0000001", adapter, null, null, received);

    static TimelineEntry Actual(string id, string? carrier, string adapter, string code, DateTimeOffset at) =>
        new(Instant.FromDateTimeOffset(at), "milestone", code, "ACT", carrier, null, id, "container:TSTU0000001", adapter, null, null, Instant.FromDateTimeOffset(at));

    [Fact]
    public void a_late_estimate_received_before_the_newest_never_replaces_it_whatever_order_the_timeline_holds_them_in()
    {
        var legEtas = host.Services.GetRequiredService<LegEtas>();
        var record = new ShipmentRecord
        {
            ShipmentId = "shp_legs", Reference = "PO-legs", Refs = [new ShipmentRef("container", "TSTU0000001")], Profile = new ProfileSpec("col-2-8", null),
            CreatedAt = Instant.FromUtc(2026, 10, 1, 0, 0),
            Legs = [new LegSpec("ocean", "MAEU", "ocean"), new LegSpec("road", "DHLF", "road")],
        };
        var r = Instant.FromUtc(2026, 11, 1, 0, 0);
        var timeline = new List<TimelineEntry>
        {
            // Custody, derived as the report derives it: XPOL (registered nowhere: leg-1) until MAEU loads (the ocean leg).
            Actual("a1", "XPOL", "x12-214", MilestoneCodes.Loaded, Carrier.Utc(2026, 10, 28)),
            Actual("a2", null, "dcsa-tnt", MilestoneCodes.Loaded, Carrier.Utc(2026, 10, 31)),
            Estimate("x1", "XPOL", "x12-214", Carrier.Utc(2026, 10, 30, 9), Instant.FromUtc(2026, 10, 29, 0, 0)),
            // Ocean: o2 is the newest received; o3 arrived after it but was received before (a replayed message) with a
            // later estimated time, o4 likewise with an earlier one: neither replaces o2.
            Estimate("o1", null, "dcsa-tnt", Ocean, r),
            Estimate("o2", null, "dcsa-tnt", Ocean.AddHours(5), r + Duration.FromHours(2)),
            Estimate("o3", null, "dcsa-tnt", Ocean.AddHours(9), r + Duration.FromHours(1)),
            Estimate("o4", null, "dcsa-tnt", Ocean.AddHours(-9), r + Duration.FromMinutes(90)),
            // Road: two received together — the later estimated time — and an older one received before them.
            Estimate("d1", "DHLF", "x12-214", Road.AddHours(3), r + Duration.FromHours(4)),
            Estimate("d2", "DHLF", "x12-214", Road.AddHours(1), r + Duration.FromHours(4)),
            Estimate("d0", "DHLF", "x12-214", Road.AddHours(7), r + Duration.FromHours(3)),
        };
        (string? LegId, string Carrier, string EventId)[] expected = [("leg-1", "XPOL", "x1"), ("ocean", "MAEU", "o2"), ("road", "DHLF", "d1")];
        var random = new Random(9);
        for (var i = 0; i < 25; i++)
        {
            var shuffled = timeline.OrderBy(_ => random.Next()).ToList();
            var etas = legEtas.For(record, shuffled);
            Assert.Equal(expected, etas.ByLeg.Select(e => (e.LegId, e.Carrier, e.EventId)));
            Assert.Equal("d1", etas.Final?.EventId);
        }
        // No estimate for the road leg yet: eta is the ocean leg's, the last leg that has one.
        var withoutRoad = legEtas.For(record, timeline.Where(e => e.Carrier != "DHLF").ToList());
        Assert.Equal(("ocean", "o2"), (withoutRoad.Final?.LegId, withoutRoad.Final?.EventId));
        // A carrier on no leg and no legs at all: kept per carrier, eta the newest received.
        var bare = record with { Legs = [] };
        var loose = legEtas.For(bare, [Estimate("u1", "UPSN", "ups", Road, r), Estimate("u2", "FDEG", "fedex", Road.AddHours(1), r - Duration.FromHours(1))]);
        Assert.Equal([("UPSN", (string?)null), ("FDEG", null)], loose.ByLeg.Select(e => (e.Carrier, e.LegId)).OrderByDescending(e => e.Carrier));
        Assert.Equal("u1", loose.Final?.EventId);
    }
}
