using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using Logistics.Access.Audit;
using Logistics.Host.Tests.Support;
using NodaTime;
using Npgsql;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

/// <summary>
/// GUARANTEES G10: every change is an entry of its tenant's hash-chained audit trail, readable at GET /audit, and
/// <c>./logistics audit verify</c> (run in-process with the host's settings) finds an edited byte, a deleted entry, two
/// reordered, a truncated tail and a forged entry, each at its position — and says a clean chain is intact.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class The_audit_trail(HostFixture host, ITestOutputHelper output)
{
    (int Exit, string Out, string Error) Verify(string? tenant = null)
    {
        var saved = new[] { "Logistics__Schema", "LOGISTICS_POSTGRES", "LOGISTICS_AUDIT_KEY" }.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        Environment.SetEnvironmentVariable("Logistics__Schema", host.RunId);
        Environment.SetEnvironmentVariable("LOGISTICS_POSTGRES", host.Settings.Postgres);
        Environment.SetEnvironmentVariable("LOGISTICS_AUDIT_KEY", host.AuditKey);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = Logistics.Cli.CliApp.Run(tenant is null ? ["audit", "verify"] : ["audit", "verify", "--tenant", tenant], stdout, stderr);
            return (exit, stdout.ToString().Trim(), stderr.ToString().Trim());
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }

    async Task ExecAsync(string sql, params object[] args)
    {
        await using var cmd = host.Db.CreateCommand(sql.Replace("{schema}", host.RunId, StringComparison.Ordinal));
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Where the daemon stands when an entry it writes is missing: its progress and the tenant's shipment events.</summary>
    async Task<string> DaemonStateAsync(string tenantId)
    {
        var lines = new List<string>();
        await using (var cmd = host.Db.CreateCommand($"select name, last_seq_id from {host.RunId}.mt_event_progression order by name"))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) lines.Add($"{r.GetString(0)}={r.GetInt64(1)}");
        await using (var cmd = host.Db.CreateCommand($"select seq_id, type, stream_id from {host.RunId}.mt_events where tenant_id = $1 order by seq_id"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) lines.Add($"event {r.GetInt64(0)} {r.GetString(1)} {r.GetString(2)}");
        }
        try
        {
            foreach (var agent in host.DaemonAgents())
                lines.Add($"agent {agent.Name} {agent.Status} position={agent.Position} failure={agent.Failure}");
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            lines.Add($"agents unreadable: {e.Message}");
        }
        output.WriteLine(string.Join(Environment.NewLine, lines));
        return string.Join("; ", lines);
    }

    static string[] Actions(JsonElement page) => page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray();

    [Fact]
    public async Task records_every_change_path_with_who_what_before_and_after()
    {
        var tenant = await host.CreateTenantAsync("audited " + host.RunId);
        var admin = tenant.Clients[Role.Admin];
        var s = await ShipmentDriver.RegisterAsync(host, tenant, new DateTimeOffset(2026, 9, 20, 0, 0, 0, TimeSpan.Zero));
        await tenant.Clients[Role.Shipper].PostJsonAsync($"/shipments/{s.Id}/devices/{s.Device}/end", new { at = "2026-09-21T00:00:00Z" }, HttpStatusCode.OK);
        await tenant.Clients[Role.Shipper].PostJsonAsync($"/shipments/{s.Id}/shares", new { tenantId = host.Other.Id }, HttpStatusCode.Created);
        using (var put = await admin.PutAsJsonAsync($"/devices/{s.Device}/profile", new { codec = "cayenne-lpp" })) Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var spare = await admin.PostJsonAsync("/api-keys", new { name = "spare", role = "viewer" }, HttpStatusCode.Created);
        using (var revoke = await admin.DeleteAsync($"/api-keys/{spare.GetProperty("id").GetString()}")) Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using (var put = await tenant.Clients[Role.Qa].PutAsJsonAsync($"/users/qa@{tenant.Id}.example/signing-password", new { password = RouteCases.SigningPassword }))
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var quarantined = await HostFixture.PostAsync(tenant.Clients[Role.Integrator], "tts-v3", "{\"broken\": "u8.ToArray());
        await host.WaitProcessedAsync(quarantined, client: admin);
        using (var replay = await tenant.Clients[Role.Integrator].PostAsync($"/quarantine/{quarantined}/replay", null)) Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);

        // Stream changes are recorded from the committed event log (the async daemon): wait for them.
        JsonElement page = default;
        string[] wanted = ["tenant.created", "key.issued", "shipment.registered", "device-window.attached", "device-window.ended", "shipment.shared",
            "device-profile.set", "key.revoked", "signing-password.set", "quarantine.replayed"];
        try
        {
            await HostFixture.WaitUntilAsync(async () => wanted.All(Actions(page = await admin.GetJsonAsync("/audit")).Contains), TimeSpan.FromSeconds(30),
                "every change in the audit trail");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}; missing {string.Join(", ", page.ValueKind == JsonValueKind.Undefined ? wanted : wanted.Except(Actions(page)))}; {await DaemonStateAsync(tenant.Id)}", timeout);
        }
        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.GetProperty("seq").GetInt64()));
        for (var i = 1; i < entries.Count; i++)
            Assert.Equal(entries[i - 1].GetProperty("hash").GetString(), entries[i].GetProperty("prevHash").GetString());

        var ended = entries.Single(e => e.GetProperty("action").GetString() == "device-window.ended");
        Assert.Equal($"shipment:{s.Id}/device:{s.Device}", ended.GetProperty("target").GetString());
        Assert.StartsWith($"shipper@{tenant.Id}.example (key_", ended.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(ended.GetProperty("before").GetString()!).RootElement.GetProperty("to").ValueKind);
        Assert.Equal("2026-09-21T00:00:00Z", JsonDocument.Parse(ended.GetProperty("after").GetString()!).RootElement.GetProperty("to").GetString());
        var password = entries.Single(e => e.GetProperty("action").GetString() == "signing-password.set");
        Assert.DoesNotContain(RouteCases.SigningPassword, password.GetRawText());

        // Filters: by target (and what is under it), by time; QA reads it too, a viewer may not.
        var forShipment = await tenant.Clients[Role.Qa].GetJsonAsync($"/audit?target=shipment:{s.Id}");
        Assert.All(forShipment.GetProperty("entries").EnumerateArray(), e => Assert.StartsWith($"shipment:{s.Id}", e.GetProperty("target").GetString()));
        Assert.Contains("device-window.ended", Actions(forShipment));
        Assert.Empty(Actions(await admin.GetJsonAsync("/audit?to=2000-01-01T00:00:00Z")));
        using (var viewer = await tenant.Clients[Role.Viewer].GetAsync("/audit")) Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        using (var bad = await admin.GetAsync("/audit?from=yesterday")) Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        // Another tenant's trail is not in this one.
        Assert.DoesNotContain(page.GetProperty("entries").EnumerateArray(), e => e.GetProperty("target").GetString()!.Contains(host.Tenant.Id));
    }

    [Fact]
    public async Task verify_finds_each_of_the_five_tampers_at_its_position_and_says_a_clean_chain_is_intact()
    {
        var tenant = await host.CreateTenantAsync("tamper " + host.RunId);
        for (var i = 0; i < 4; i++)
            await tenant.Clients[Role.Admin].PostJsonAsync("/api-keys", new { name = $"k{i}", role = "viewer" }, HttpStatusCode.Created);
        long count;
        await using (var cmd = host.Db.CreateCommand($"select count(*) from {host.RunId}.audit_entries where tenant_id = $1"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenant.Id });
            count = (long)(await cmd.ExecuteScalarAsync())!;
        }
        Assert.True(count >= 10, $"a chain long enough to tamper with ({count})");

        var clean = Verify(tenant.Id);
        Assert.Equal((0, $"{count} entries, chain intact", ""), clean);
        var whole = Verify();
        Assert.True(whole.Exit == 0, whole.Error);
        Assert.EndsWith(" entries, chain intact", whole.Out);

        await ExecAsync("create table {schema}.audit_backup as select * from {schema}.audit_entries where tenant_id = $1", tenant.Id);
        await ExecAsync("create table {schema}.audit_heads_backup as select * from {schema}.audit_heads where tenant_id = $1", tenant.Id);
        async Task RestoreAsync()
        {
            await ExecAsync("delete from {schema}.audit_entries where tenant_id = $1", tenant.Id);
            await ExecAsync("insert into {schema}.audit_entries select * from {schema}.audit_backup");
            await ExecAsync("delete from {schema}.audit_heads where tenant_id = $1", tenant.Id);
            await ExecAsync("insert into {schema}.audit_heads select * from {schema}.audit_heads_backup");
        }

        var forger = AuditKey.NewRandom();
        var last = count;
        var cases = new (string Name, Func<Task> Tamper, string Expected)[]
        {
            ("edited byte", () => ExecAsync("update {schema}.audit_entries set after = overlay(after placing 'X' from 3 for 1) where tenant_id = $1 and seq = 3", tenant.Id),
                "entry 3: content does not match its hash (edited)"),
            ("deleted entry", () => ExecAsync("delete from {schema}.audit_entries where tenant_id = $1 and seq = 4", tenant.Id),
                "entry 4: missing"),
            ("two reordered", async () =>
            {
                await ExecAsync("update {schema}.audit_entries set seq = -5 where tenant_id = $1 and seq = 5", tenant.Id);
                await ExecAsync("update {schema}.audit_entries set seq = 5 where tenant_id = $1 and seq = 6", tenant.Id);
                await ExecAsync("update {schema}.audit_entries set seq = 6 where tenant_id = $1 and seq = -5", tenant.Id);
            }, "entry 5: not linked to entry 4"),
            ("truncated tail", () => ExecAsync("delete from {schema}.audit_entries where tenant_id = $1 and seq > $2", tenant.Id, last - 2),
                $"entry {last - 1}: missing (the chain ends at entry {last - 2} but its signed head is entry {last}: truncated)"),
            ("forged entry", () => ForgeAsync(tenant.Id, last + 1, forger), $"entry {last + 1}: not signed with the audit key"),
        };
        var detected = new List<string>();
        foreach (var (name, tamper, expected) in cases)
        {
            await tamper();
            var (exit, stdout, stderr) = Verify(tenant.Id);
            await RestoreAsync();
            Assert.True(exit == 1, $"{name}: exit {exit}, {stdout}{stderr}");
            Assert.Equal("", stdout);
            Assert.Single(stderr.Split('\n'));
            Assert.Contains($"audit chain of tenant {tenant.Id}: {expected}", stderr);
            detected.Add($"{name}@{expected.Split(':')[0]}");
            Assert.Equal(0, Verify(tenant.Id).Exit);
        }
        output.WriteLine($"LEDGER G10 audit-tamper: entries={count} cases={cases.Length} detected={detected.Count}/{cases.Length} " +
                         $"positions=[{string.Join("; ", detected)}] clean=intact");
        Assert.Equal(cases.Length, detected.Count);
    }

    /// <summary>An entry appended with the right link and hash, but signed with a key other than the host's.</summary>
    async Task ForgeAsync(string tenantId, long seq, AuditKey key)
    {
        string prev;
        await using (var cmd = host.Db.CreateCommand($"select hash from {host.RunId}.audit_entries where tenant_id = $1 and seq = $2"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = seq - 1 });
            prev = (string)(await cmd.ExecuteScalarAsync())!;
        }
        var at = AuditEntry.Truncate(SystemClock.Instance.GetCurrentInstant());
        var after = AuditRecord.Json(new { role = "admin" });
        var hash = AuditEntry.HashOf(tenantId, seq, at, "intruder", "key.issued", "key:key_forged", null, after, null, null, prev);
        await ExecAsync("""
            insert into {schema}.audit_entries (tenant_id, seq, at, actor, action, target, before, after, reason, idempotency_key, prev_hash, hash, mac)
            values ($1, $2, $3, 'intruder', 'key.issued', 'key:key_forged', null, $4, null, null, $5, $6, $7)
            """, tenantId, seq, at, after, prev, hash, key.Sign(AuditEntry.EntryMacInput(hash)));
    }
}
