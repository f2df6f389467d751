using System.Net;
using System.Net.Http.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_two_tenants_use_the_same_middleware(HostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task the_same_uplink_posted_by_both_is_each_tenants_own_data()
    {
        var devEui = Uplinks.NewDevEui();
        var body = Uplinks.CayenneTemperature(devEui, new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero), 4.2, (52.37, 4.89));
        var a = await HostFixture.PostAsync(host.Tenant.Clients[Role.Integrator], "tts-v3", body, "cayenne-lpp");
        var b = await HostFixture.PostAsync(host.Other.Clients[Role.Integrator], "tts-v3", body, "cayenne-lpp");
        Assert.Equal("translated", (await host.WaitProcessedAsync(a)).GetProperty("status").GetString());
        Assert.Equal("translated", (await host.WaitProcessedAsync(b, client: host.Other.Clients[Role.Admin])).GetProperty("status").GetString());

        var readingA = Assert.Single((await host.Tenant.Clients[Role.Viewer].GetJsonAsync($"/devices/devEui:{devEui}/readings")).GetProperty("readings").EnumerateArray());
        var readingB = Assert.Single((await host.Other.Clients[Role.Viewer].GetJsonAsync($"/devices/devEui:{devEui}/readings")).GetProperty("readings").EnumerateArray());
        // The canonical event id on the wire is the adapter's, the same for both; the stored events are two.
        Assert.Equal(readingA.GetProperty("eventId").GetString(), readingB.GetProperty("eventId").GetString());
        var stored = await host.ScalarAsync("select count(*) from {schema}.mt_events where stream_id = $1", $"device:devEui:{devEui}");
        var tenants = await host.ScalarAsync("select count(distinct tenant_id) from {schema}.mt_events where stream_id = $1", $"device:devEui:{devEui}");
        output.WriteLine($"LEDGER G6 same-uplink-two-tenants: posted=2 eventsStored={stored} tenants={tenants} readingsA=1 readingsB=1");
        Assert.Equal(4, stored); // temperature + position, once per tenant
        Assert.Equal(2, tenants);

        // Each tenant's raw message is its own: the other's id is not found.
        using var foreign = await host.Other.Clients[Role.Admin].GetAsync($"/raw/{a}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task a_shared_shipment_is_readable_by_the_consignee_and_nothing_else_is()
    {
        var owner = host.Tenant.Clients[Role.Shipper];
        var shared = (await owner.PostJsonAsync("/shipments", new { reference = "PO-shared", profile = "col-2-8" }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var kept = (await owner.PostJsonAsync("/shipments", new { reference = "PO-kept", profile = "col-2-8" }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var consignee = host.Other.Clients[Role.Viewer];

        using (var before = await consignee.GetAsync($"/shipments/{shared}")) Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        await owner.PostJsonAsync($"/shipments/{shared}/shares", new { tenantId = host.Other.Id }, HttpStatusCode.Created);

        Assert.Equal("PO-shared", (await consignee.GetJsonAsync($"/shipments/{shared}")).GetProperty("reference").GetString());
        await consignee.GetJsonAsync($"/shipments/{shared}/timeline");
        await consignee.GetJsonAsync($"/shipments/{shared}/readings");
        Assert.Contains(shared, (await consignee.GetJsonAsync("/shipments")).GetProperty("items").Strings("id"));
        using (var other = await consignee.GetAsync($"/shipments/{kept}")) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        // Read, never write: the consignee's shipper cannot attach a device to it.
        using (var write = await host.Other.Clients[Role.Shipper].PostAsJsonAsync($"/shipments/{shared}/devices", new { device = "devEui:70B3D57ED0000001" }))
            Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        using (var unknown = await owner.PostAsJsonAsync($"/shipments/{kept}/shares", new { tenantId = "tn_doesnotexist" }))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task a_revoked_key_is_refused_at_once_and_a_signing_password_is_stored_only_as_argon2id()
    {
        var admin = host.Tenant.Clients[Role.Admin];
        var issued = await admin.PostJsonAsync("/api-keys", new { name = "temp", role = "viewer", user = "temp@example.com" }, HttpStatusCode.Created);
        var temp = host.Client(issued.GetProperty("key").GetString());
        using (var ok = await temp.GetAsync("/shipments")) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using (var set = await temp.PutAsJsonAsync("/users/temp@example.com/signing-password", new { password = "correct horse battery staple" }))
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        using (var notMine = await temp.PutAsJsonAsync("/users/someone@example.com/signing-password", new { password = "correct horse battery staple" }))
            Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);
        await using (var cmd = host.Db.CreateCommand($"select hash from {host.RunId}.signing_passwords where user_email = 'temp@example.com'"))
        {
            var hash = (string)(await cmd.ExecuteScalarAsync())!;
            Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash);
            Assert.DoesNotContain("horse", hash);
            Assert.True(SigningPasswords.Verify("correct horse battery staple", hash));
            Assert.False(SigningPasswords.Verify("correct horse battery stapler", hash));
        }
        await using (var cmd = host.Db.CreateCommand($"select count(*) from {host.RunId}.api_keys where key_sha256 = $1"))
        {
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = AccessIds.HashKey(issued.GetProperty("key").GetString()!) });
            Assert.Equal(1L, await cmd.ExecuteScalarAsync());
        }

        using (var revoke = await admin.DeleteAsync($"/api-keys/{issued.GetProperty("id").GetString()}")) Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using var refused = await temp.GetAsync("/shipments");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
    }
}

[Collection(HostCollection.Name)]
public sealed class When_the_tenants_command_runs_beside_a_running_host(HostFixture host)
{
    [Fact]
    public async Task its_tenant_and_admin_key_work_on_the_host_at_once()
    {
        // The CLI reads the host's own settings: the connection string variable, Logistics__Schema and the audit key.
        var schema = Environment.GetEnvironmentVariable("Logistics__Schema");
        var postgres = Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES");
        var auditKey = Environment.GetEnvironmentVariable("LOGISTICS_AUDIT_KEY");
        Environment.SetEnvironmentVariable("Logistics__Schema", host.RunId);
        Environment.SetEnvironmentVariable("LOGISTICS_POSTGRES", host.Settings.Postgres);
        Environment.SetEnvironmentVariable("LOGISTICS_AUDIT_KEY", host.AuditKey);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit;
        try { exit = Logistics.Cli.CliApp.Run(["tenants", "create", "Beside the host"], stdout, stderr); }
        finally
        {
            Environment.SetEnvironmentVariable("Logistics__Schema", schema);
            Environment.SetEnvironmentVariable("LOGISTICS_POSTGRES", postgres);
            Environment.SetEnvironmentVariable("LOGISTICS_AUDIT_KEY", auditKey);
        }
        Assert.True(exit == 0, stderr.ToString());
        var created = System.Text.Json.JsonDocument.Parse(stdout.ToString()).RootElement;
        var admin = host.Client(created.GetProperty("adminKey").GetString());
        var keys = await admin.GetJsonAsync("/api-keys");
        Assert.Equal("admin", Assert.Single(keys.GetProperty("items").EnumerateArray()).GetProperty("role").GetString());
        // A fresh tenant sees nothing of the others.
        Assert.Equal(0, (await admin.GetJsonAsync("/shipments")).GetProperty("count").GetInt32());
    }
}
