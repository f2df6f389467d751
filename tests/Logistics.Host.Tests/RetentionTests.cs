using System.Net;
using Logistics.Access;
using Logistics.Access.Audit;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

/// <summary>
/// Retention per tenant with legal holds (docs/operations.md): with a policy of 0 days, a purge removes every raw message,
/// quarantined message and timeline entry of the tenant — except what belongs to the shipment under a legal hold — leaves
/// other tenants alone, and is an audit entry with its counts.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class Retention_with_a_legal_hold(HostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task a_held_shipment_survives_a_purge_that_removes_everything_around_it()
    {
        var tenant = await host.CreateTenantAsync("retention " + host.RunId);
        var admin = tenant.Clients[Role.Admin];
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var held = await ShipmentDriver.RegisterAsync(host, tenant, start);
        var free = await ShipmentDriver.RegisterAsync(host, tenant, start);

        async Task<Guid> Post(TestTenant t, string adapter, byte[] body, string? codec = null)
        {
            var id = await HostFixture.PostAsync(t.Clients[Role.Integrator], adapter, body, codec);
            await host.WaitProcessedAsync(id, TimeSpan.FromSeconds(60), t.Clients[Role.Admin]);
            return id;
        }
        var heldRaw = new List<Guid>();
        var freeRaw = new List<Guid>();
        foreach (var (s, ids) in new[] { (held, heldRaw), (free, freeRaw) })
        {
            ids.Add(await Post(tenant, "tts-v3", Uplinks.CayenneTemperature(s.DevEui, start.AddMinutes(30), 5.0), "cayenne-lpp"));
            ids.Add(await Post(tenant, "tts-v3", Uplinks.CayenneTemperature(s.DevEui, start.AddMinutes(40), 5.5, fCnt: 2), "cayenne-lpp"));
            ids.Add(await Post(tenant, "dcsa-tnt", Carrier.Dcsa(s.Container, new Carrier.Move("LOAD", "ACT", start.AddMinutes(50)))));
        }
        var quarantined = await Post(tenant, "tts-v3", "{\"broken\": "u8.ToArray());
        var others = await Post(host.Other, "tts-v3", Uplinks.CayenneTemperature(Uplinks.NewDevEui(), start.AddMinutes(30), 4.0), "cayenne-lpp");
        // Timeline entries are written inline with the events, so they are there once the messages are translated.
        var heldTimeline = (await held.TimelineAsync()).GetArrayLength();
        output.WriteLine($"held timeline before: {await held.TimelineAsync()}");
        Assert.True(heldTimeline > 0);
        Assert.True((await free.TimelineAsync()).GetArrayLength() > 0);

        await tenant.Clients[Role.Qa].PutJsonAsync($"/shipments/{held.Id}/legal-hold", new { reason = "complaint CASE-1 under investigation" }, HttpStatusCode.OK);
        await admin.PutJsonAsync("/retention", new { rawMessageDays = 0, quarantineDays = 0, readModelDays = 0 }, HttpStatusCode.OK);
        var purge = await admin.PostJsonAsync("/retention/purge", new { }, HttpStatusCode.OK);
        output.WriteLine(purge.ToString());

        async Task<HttpStatusCode> RawStatus(Guid id, TestTenant t)
        {
            using var r = await t.Clients[Role.Admin].GetAsync($"/raw/{id}");
            return r.StatusCode;
        }
        foreach (var id in heldRaw) Assert.Equal(HttpStatusCode.OK, await RawStatus(id, tenant));
        foreach (var id in freeRaw) Assert.Equal(HttpStatusCode.NotFound, await RawStatus(id, tenant));
        Assert.Equal(HttpStatusCode.NotFound, await RawStatus(quarantined, tenant));
        Assert.Equal(HttpStatusCode.OK, await RawStatus(others, host.Other));
        Assert.Equal(heldTimeline, (await held.TimelineAsync()).GetArrayLength());
        Assert.Equal(0, (await free.TimelineAsync()).GetArrayLength());
        Assert.Equal(1, purge.GetProperty("protectedShipments").GetInt32());
        Assert.Equal(freeRaw.Count, purge.GetProperty("rawMessages").GetInt32());
        Assert.Equal(1, purge.GetProperty("quarantined").GetInt32());
        // The readings stay readable from the event streams, which retention never touches.
        Assert.Equal(2, (await tenant.Clients[Role.Viewer].GetJsonAsync($"/devices/devEui:{free.DevEui}/readings")).GetProperty("readings").GetArrayLength());

        var trail = await host.Services.GetRequiredService<AuditTrail>().ListAsync(tenant.Id, null, null, null, 100, CancellationToken.None);
        Assert.Contains(trail, e => e.Action == "retention.hold.placed" && e.Target == $"shipment:{held.Id}");
        Assert.Contains(trail, e => e.Action == "retention.policy.set");
        var entry = Assert.Single(trail, e => e.Action == "retention.purge");
        Assert.Contains($"\"rawMessages\":{freeRaw.Count}", entry.After, StringComparison.Ordinal);

        // Released, the next purge takes the held shipment's records too.
        using (var release = await tenant.Clients[Role.Qa].DeleteAsync($"/shipments/{held.Id}/legal-hold"))
            Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        var second = await admin.PostJsonAsync("/retention/purge", new { }, HttpStatusCode.OK);
        foreach (var id in heldRaw) Assert.Equal(HttpStatusCode.NotFound, await RawStatus(id, tenant));
        output.WriteLine($"LEDGER retention-legal-hold: heldRawKept={heldRaw.Count} freeRawPurged={freeRaw.Count} quarantinePurged=1 " +
                         $"heldTimelineKept={heldTimeline} otherTenantKept=1 afterRelease={second.GetProperty("rawMessages").GetInt32()}");
    }

    [Fact]
    public async Task a_shipment_under_review_survives_a_purge_until_its_newest_version_is_approved()
    {
        var tenant = await host.CreateTenantAsync("review retention " + host.RunId);
        foreach (var role in new[] { Role.Qa, Role.Admin })
            await tenant.Clients[role].PutJsonAsync($"/users/{role.Name()}@{tenant.Id}.example/signing-password",
                new { password = RouteCases.SigningPassword }, HttpStatusCode.NoContent);
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var s = await ShipmentDriver.RegisterAsync(host, tenant, start);
        await s.PostReadingsAsync(Enumerable.Range(0, 4).Select(i => (start.AddMinutes(10 * i), 5.0)));
        var version = (await s.ReportAsync()).Json.GetProperty("reportVersion").GetInt32();
        var admin = tenant.Clients[Role.Admin];
        await admin.PutJsonAsync("/retention", new { rawMessageDays = 0, quarantineDays = 0, readModelDays = 0 }, HttpStatusCode.OK);
        async Task<int> ProtectedAfterPurgeAsync() =>
            (await admin.PostJsonAsync("/retention/purge", new { }, HttpStatusCode.OK)).GetProperty("protectedShipments").GetInt32();

        // A version made and not signed, then one reviewed but not approved: the signature workflow is open.
        var unsigned = await ProtectedAfterPurgeAsync();
        using (var reviewed = await s.SignAsync(Role.Qa, version, "reviewed", RouteCases.SigningPassword, "record complete"))
            Assert.Equal(HttpStatusCode.Created, reviewed.StatusCode);
        var reviewedOnly = await ProtectedAfterPurgeAsync();
        var timelineKept = (await s.TimelineAsync()).GetArrayLength();
        using (var approved = await s.SignAsync(Role.Admin, version, "approved", RouteCases.SigningPassword, "released"))
            Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        var afterApproval = await ProtectedAfterPurgeAsync();
        output.WriteLine($"LEDGER retention-under-review: unsigned={unsigned} reviewedOnly={reviewedOnly} timelineKept={timelineKept} afterApproval={afterApproval}");
        Assert.Equal((1, 1, 0), (unsigned, reviewedOnly, afterApproval));
    }
}
