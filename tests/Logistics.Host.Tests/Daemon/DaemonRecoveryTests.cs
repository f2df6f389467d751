using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Daemon;

/// <summary>
/// A subscription of the async daemon whose page fails on every retry (here: the audit table it writes to is gone, as in
/// a database outage mid-page) pauses its shard; the daemon starts it again after the pause, from its last committed
/// progress, so the entries it had not written appear once the table is back — nothing lost, no host restart.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_daemon_subscription_fails(HostFixture host, ITestOutputHelper output)
{
    string AuditAgent() => string.Join("; ", host.DaemonAgents().Where(a => a.Name.Identity.StartsWith("shipment-audit", StringComparison.Ordinal))
        .Select(a => $"{a.Name.Identity} {a.Status} at {a.Position}"));

    [Fact]
    public async Task its_paused_shard_is_restarted_and_the_entries_it_had_not_written_appear()
    {
        var tenant = await host.CreateTenantAsync("daemon " + host.RunId);
        var admin = tenant.Clients[Role.Admin];
        await host.ScalarAsync("alter table {schema}.audit_entries rename to audit_entries_away");
        ShipmentDriver s;
        try
        {
            s = await ShipmentDriver.RegisterAsync(host, tenant, new DateTimeOffset(2026, 9, 20, 0, 0, 0, TimeSpan.Zero));
            await HostFixture.WaitUntilAsync(() => Task.FromResult(host.DaemonAgents().Any(a =>
                a.Name.Identity.StartsWith("shipment-audit", StringComparison.Ordinal) && a.Status != JasperFx.AgentStatus.Running)),
                TimeSpan.FromSeconds(60), "the audit subscription's shard paused by its failing page");
            output.WriteLine("while the table is away: " + AuditAgent());
        }
        finally
        {
            await host.ScalarAsync("alter table {schema}.audit_entries_away rename to audit_entries");
        }

        await HostFixture.WaitUntilAsync(async () =>
        {
            var page = await admin.GetJsonAsync($"/audit?target=shipment:{s.Id}");
            return page.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("action").GetString() == "shipment.registered");
        }, TimeSpan.FromSeconds(60), "the registration's audit entry after the table is back");
        output.WriteLine("after: " + AuditAgent());
        Assert.Contains(host.DaemonAgents(), a => a.Name.Identity.StartsWith("shipment-audit", StringComparison.Ordinal) && a.Status == JasperFx.AgentStatus.Running);
    }
}
