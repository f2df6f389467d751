using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Logistics.GxpBench;

/// <summary>
/// The real host in this process on a loopback port, with its own schema and queue prefix (dropped at the end unless
/// --keep), PostgreSQL and RabbitMQ from LOGISTICS_POSTGRES / LOGISTICS_RABBITMQ (deploy/local, as the tests use).
/// A tenant with a key of every role, each with a user.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required HostSettings Settings { get; init; }
    public required string TenantId { get; init; }
    public required IReadOnlyDictionary<Role, HttpClient> Clients { get; init; }
    public required Uri BaseAddress { get; init; }
    public bool Keep { get; init; }
    public NpgsqlDataSource Db => App.Services.GetRequiredService<NpgsqlDataSource>();

    /// <param name="reuse">A schema and tenant a kept run left (--keep): the host opens that store and issues fresh keys for that tenant.</param>
    public static async Task<BenchHost> StartAsync(string name, bool keep, Action<HostSettings>? configure = null, (string Schema, string Tenant, string AuditKey)? reuse = null)
    {
        var schema = reuse?.Schema ?? "bench_" + name + "_" + Guid.NewGuid().ToString("N")[..6];
        HostSettings? settings = null;
        var app = LogisticsHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], s =>
        {
            s.Schema = schema;
            s.QueuePrefix = schema;
            s.AuditKey = reuse?.AuditKey ?? Logistics.Access.Audit.AuditKey.NewRandom().ToBase64();
            configure?.Invoke(s);
            settings = s;
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        var (tenantId, admin) = reuse is { } r
            ? (r.Tenant, await keys.IssueAsync(r.Tenant, "bench admin", Role.Admin, "admin@bench.example", CancellationToken.None))
            : await keys.CreateTenantAsync("bench " + name, CancellationToken.None);
        var clients = new Dictionary<Role, HttpClient>();
        var bootstrap = Client(address, admin.Key);
        foreach (var role in Roles.All)
        {
            using var response = await bootstrap.PostAsJsonAsync("/api-keys", new { name = role.Name(), role = role.Name(), user = $"{role.Name()}@bench.example" });
            response.EnsureSuccessStatusCode();
            clients[role] = Client(address, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);
        }
        Console.Error.WriteLine($"[bench] host on {address}, schema {schema}, tenant {tenantId}, audit key {settings!.AuditKey}");
        return new BenchHost { App = app, Settings = settings!, TenantId = tenantId, Clients = clients, BaseAddress = address, Keep = keep };
    }

    public static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<long> ScalarAsync(string sql, params object[] args)
    {
        await using var cmd = Db.CreateCommand(sql.Replace("{schema}", Settings.Schema, StringComparison.Ordinal));
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>
    /// Waits until every live subscription has processed every committed event (its progress at the high-water mark). Only
    /// the shards (<c>name:All</c>) count: the daemon's own rows (HighWaterStuckGap, HighWaterAllocationFence) stay behind.
    /// </summary>
    public async Task WaitForDaemonAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var behind = await ScalarAsync("""
                select coalesce(max(hw.last_seq_id) - min(p.last_seq_id), 1)
                from {schema}.mt_event_progression p, {schema}.mt_event_progression hw
                where hw.name = 'HighWaterMark' and p.name like '%:All'
                """);
            if (behind <= 0 && await ScalarAsync("select count(*) from {schema}.mt_event_progression where name like '%:All'") >= 3) return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"the async daemon did not catch up within {timeout}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in Clients.Values) c.Dispose();
        await App.StopAsync();
        if (!Keep)
        {
            await using var cmd = Db.CreateCommand($"drop schema if exists {Settings.Schema} cascade");
            await cmd.ExecuteNonQueryAsync();
        }
        await App.DisposeAsync();
    }
}

/// <summary>What the machine was doing: cores, load average, memory — printed with every result (the machine is shared).</summary>
public static class Machine
{
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        return $"nproc={Environment.ProcessorCount} loadavg=[{load}] dotnet={Environment.Version} os={System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
    }

    /// <summary>Resets this process's peak resident set (Linux: clear_refs 5) so the next <see cref="PeakRssMb"/> is the peak since now.</summary>
    public static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Peak resident set of this process (VmHWM), MB.</summary>
    public static double PeakRssMb() => Status("VmHWM:");

    public static double RssMb() => Status("VmRSS:");

    static double Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
