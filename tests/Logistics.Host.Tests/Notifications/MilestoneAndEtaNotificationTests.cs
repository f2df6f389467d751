using System.Net;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Notifications;

[Collection(HostCollection.Name)]
public sealed class Milestone_and_ETA_notifications(HostFixture host, ITestOutputHelper output)
{
    static IEnumerable<JsonElement> Data(Receiver r, string path, string type) =>
        r.At(path).Select(x => JsonDocument.Parse(x.Body).RootElement).Where(b => b.GetProperty("type").GetString() == type).Select(b => b.GetProperty("data"));

    [Fact]
    public async Task a_milestone_parked_before_registration_is_notified_on_registration_once_and_later_ones_as_they_come()
    {
        var tenant = await host.CreateTenantAsync("milestones " + host.RunId);
        await using var receiver = await Receiver.StartAsync();
        await tenant.Clients[Role.Shipper].PostJsonAsync("/webhooks", new { url = receiver.Url("/m"), events = new[] { "milestone" } }, HttpStatusCode.Created);
        var container = Carrier.NewContainer();
        var integrator = tenant.Clients[Role.Integrator];
        var parked = await HostFixture.PostAsync(integrator, "dcsa-tnt", Carrier.Dcsa(container, new Carrier.Move("GTIN", "ACT", Carrier.Utc(2026, 10, 1))));
        await host.WaitProcessedAsync(parked, client: tenant.Clients[Role.Admin]);

        var shipment = (await tenant.Clients[Role.Shipper].PostJsonAsync("/shipments",
            new { reference = "PO-parked", refs = new[] { new { scheme = "container", value = container } }, profile = "col-2-8" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        await HostFixture.WaitUntilAsync(() => Task.FromResult(Data(receiver, "/m", "milestone").Any()), TimeSpan.FromSeconds(40), "the parked milestone notified");
        // A later milestone re-evaluates the shipment: the parked one is not notified again.
        var later = await HostFixture.PostAsync(integrator, "dcsa-tnt", Carrier.Dcsa(container, new Carrier.Move("LOAD", "ACT", Carrier.Utc(2026, 10, 2))));
        await host.WaitProcessedAsync(later, client: tenant.Clients[Role.Admin]);
        await HostFixture.WaitUntilAsync(() => Task.FromResult(Data(receiver, "/m", "milestone").Count() >= 2), TimeSpan.FromSeconds(40), "the later milestone notified");
        await Task.Delay(1500);
        var codes = Data(receiver, "/m", "milestone").Select(d => d.GetProperty("code").GetString()).ToList();
        output.WriteLine($"LEDGER milestone-notifications: milestones=2 notified={codes.Count} duplicates={codes.Count - codes.Distinct().Count()}");
        Assert.Equal(["GATE_IN", "LOADED"], codes.Order());
        Assert.All(Data(receiver, "/m", "milestone"), d => Assert.Equal(shipment, d.GetProperty("shipmentId").GetString()));
    }

    [Fact]
    public async Task the_newest_estimate_is_on_the_summary_and_an_eta_change_is_notified_only_beyond_the_threshold()
    {
        var tenant = await host.CreateTenantAsync("eta " + host.RunId);
        await using var receiver = await Receiver.StartAsync();
        await tenant.Clients[Role.Shipper].PostJsonAsync("/webhooks", new { url = receiver.Url("/eta"), events = new[] { "eta.changed" } }, HttpStatusCode.Created);
        var container = Carrier.NewContainer();
        var shipment = (await tenant.Clients[Role.Shipper].PostJsonAsync("/shipments",
            new { reference = "PO-eta", refs = new[] { new { scheme = "container", value = container } }, profile = "col-2-8",
                  legs = new[] { new { id = "ocean", custodian = "dcsa-tnt", mode = "ocean" } } }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var integrator = tenant.Clients[Role.Integrator];
        var eta = Carrier.Utc(2026, 11, 20, 8);
        async Task Estimate(DateTimeOffset at)
        {
            var raw = await HostFixture.PostAsync(integrator, "dcsa-tnt", Carrier.Dcsa(container, new Carrier.Move("DROP", "EST", at)));
            await host.WaitProcessedAsync(raw, client: tenant.Clients[Role.Admin]);
        }

        await Estimate(eta);
        await HostFixture.WaitUntilAsync(() => Task.FromResult(Data(receiver, "/eta", "eta.changed").Count() == 1), TimeSpan.FromSeconds(40), "the first ETA");
        await Estimate(eta.AddMinutes(20));                 // within 30 min of the last notified: no notification
        await Estimate(eta.AddHours(3));                    // beyond: notified, with the previous ETA
        await HostFixture.WaitUntilAsync(() => Task.FromResult(Data(receiver, "/eta", "eta.changed").Count() >= 2), TimeSpan.FromSeconds(40), "the moved ETA");
        await Task.Delay(1500);
        var changes = Data(receiver, "/eta", "eta.changed").OrderBy(d => d.GetProperty("eta").GetString()).ToList();
        output.WriteLine($"LEDGER eta-notifications: estimates=3 notified={changes.Count}");
        Assert.Equal(2, changes.Count);
        Assert.Equal(JsonValueKind.Null, changes[0].GetProperty("previousEta").ValueKind);
        Assert.Equal("2026-11-20T08:00:00Z", changes[0].GetProperty("eta").GetString());
        Assert.Equal("2026-11-20T08:00:00Z", changes[1].GetProperty("previousEta").GetString());
        Assert.Equal("2026-11-20T11:00:00Z", changes[1].GetProperty("eta").GetString());
        Assert.Equal("DELIVERED", changes[1].GetProperty("code").GetString());

        var summary = await tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{shipment}");
        Assert.Equal("2026-11-20T11:00:00Z", summary.GetProperty("eta").GetProperty("at").GetString());
        var etas = summary.GetProperty("etas").EnumerateArray().ToList();
        Assert.Single(etas);
        Assert.Equal("ocean", etas[0].GetProperty("legId").GetString());
        Assert.Equal("2026-11-20T11:00:00Z", etas[0].GetProperty("at").GetString());
    }
}
