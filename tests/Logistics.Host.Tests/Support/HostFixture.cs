using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Logistics.Host.Tests.Support;

/// <summary>
/// The real host on a loopback port, against the real PostgreSQL and RabbitMQ that deploy/local starts.
/// Each fixture gets its own database schema and queue name, so runs never see each other's data or messages.
/// Two tenants are created through the real routes: <see cref="Tenant"/> (whose admin key <see cref="Http"/> sends, so
/// the older tests read as before) and <see cref="Other"/>, each with a key of every role.
/// </summary>
public class HostFixture : IAsyncLifetime
{
    public string RunId { get; } = "t" + Guid.NewGuid().ToString("N")[..10];
    /// <summary>The audit key this host signs with (base64); the CLI is given the same one to verify.</summary>
    public string AuditKey { get; } = Logistics.Access.Audit.AuditKey.NewRandom().ToBase64();
    /// <summary>Tenant A's admin key (admin includes every role).</summary>
    public HttpClient Http { get; private set; } = null!;
    /// <summary>No Authorization header at all.</summary>
    public HttpClient Anonymous { get; private set; } = null!;
    public TestTenant Tenant { get; private set; } = null!;
    public TestTenant Other { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;
    public HostSettings Settings { get; private set; } = null!;
    public NpgsqlDataSource Db { get; private set; } = null!;
    /// <summary>The Prometheus scrape listener of this host (a free loopback port).</summary>
    public int MetricsPort { get; } = FreePort();
    WebApplication? _app;

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs before the host is built (a derived fixture starts what the host is configured to call).</summary>
    protected virtual Task BeforeBuildAsync() => Task.CompletedTask;

    /// <summary>A derived fixture's own settings, applied after the ones above.</summary>
    protected virtual void Configure(HostSettings settings) { }

    public async Task InitializeAsync()
    {
        LocalServices.Start();
        await BeforeBuildAsync();
        _app = LogisticsHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], s =>
        {
            s.Schema = RunId;
            s.QueuePrefix = RunId;
            s.MaxBodyBytes = 64 * 1024;
            s.RepublishAfter = TimeSpan.FromSeconds(1);
            s.RepublishInterval = TimeSpan.FromMilliseconds(500);
            s.PublishTimeout = TimeSpan.FromSeconds(1);
            // Webhooks: receivers on loopback, a fresh secrets key, fast retries (the delivery log still shows the schedule).
            s.Webhooks.AllowPrivateTargets = true;
            s.Webhooks.SecretKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            s.Webhooks.BackoffBase = TimeSpan.FromMilliseconds(200);
            s.Webhooks.MaxBackoff = TimeSpan.FromSeconds(1);
            s.Webhooks.MaxAttempts = 6;
            s.Webhooks.DisableAfterConsecutiveFailures = 4;
            s.Webhooks.PollInterval = TimeSpan.FromMilliseconds(100);
            s.Location.StreamPollInterval = TimeSpan.FromMilliseconds(100);
            // Long enough for the geofence test's shuffled deliveries to settle (it takes ~5 s), short enough to wait for.
            s.Location.GeofenceNotifySettle = TimeSpan.FromSeconds(10);
            s.AuditKey = AuditKey;
            s.Telemetry.PrometheusPort = MetricsPort;
            Configure(s);
            Settings = s;
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Anonymous = Client(null);
        Db = _app.Services.GetRequiredService<NpgsqlDataSource>();
        await WaitUntilAsync(async () => (await Anonymous.GetAsync("/health")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "host healthy");
        Tenant = await CreateTenantAsync("tenant A " + RunId);
        Other = await CreateTenantAsync("tenant B " + RunId);
        Http = Tenant.Clients[Role.Admin];
    }

    /// <summary>A tenant as <c>./logistics tenants create</c> makes it (same store code), then a key of every role via POST /api-keys.</summary>
    public async Task<TestTenant> CreateTenantAsync(string name)
    {
        var (tenantId, admin) = await _app!.Services.GetRequiredService<ApiKeyStore>().CreateTenantAsync(name, CancellationToken.None);
        var bootstrap = Client(admin.Key);
        var keys = new Dictionary<Role, string>();
        var clients = new Dictionary<Role, HttpClient>();
        // Every role's key, admin included, belongs to a user (so each may set its own signing password).
        foreach (var role in Roles.All)
        {
            using var response = await bootstrap.PostAsJsonAsync("/api-keys", new { name = role.Name(), role = role.Name(), user = $"{role.Name()}@{tenantId}.example" });
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            keys[role] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
            clients[role] = Client(keys[role]);
        }
        return new TestTenant(tenantId, keys, clients);
    }

    readonly Dictionary<string, Task<object>> _shared = new(StringComparer.Ordinal);

    /// <summary>Made once per fixture and shared by the test classes that ask for it (e.g. tenant A's resources).</summary>
    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> make) where T : class
    {
        Task<object> task;
        lock (_shared)
            if (!_shared.TryGetValue(key, out task!)) _shared[key] = task = Task.Run(async () => (object)await make());
        return (T)await task;
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public virtual async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await using (var cmd = Db.CreateCommand($"drop schema if exists {RunId} cascade")) await cmd.ExecuteNonQueryAsync();
            await _app.DisposeAsync();
        }
        foreach (var queue in Settings.TranslateQueues.Append($"{Settings.QueuePrefix}-webhooks"))
            try { LocalServices.RabbitCtl("delete_queue", queue); } catch (InvalidOperationException) { /* best effort */ }
    }

    public Task<Guid> PostAsync(string adapterId, byte[] body, string? codec = null) => PostAsync(Http, adapterId, body, codec);

    public static async Task<Guid> PostAsync(HttpClient client, string adapterId, byte[] body, string? codec = null)
    {
        var url = codec is null ? $"/ingest/{adapterId}" : $"/ingest/{adapterId}?codec={codec}";
        using var response = await client.PostAsync(url, new ByteArrayContent(body));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("rawMessageId").GetGuid();
    }

    public async Task<JsonElement> RawAsync(Guid id, HttpClient? client = null) => await (client ?? Http).GetFromJsonAsync<JsonElement>($"/raw/{id}");

    /// <summary>Waits until the message left "received" (translated or quarantined) and returns its status view.</summary>
    public async Task<JsonElement> WaitProcessedAsync(Guid id, TimeSpan? timeout = null, HttpClient? client = null)
    {
        JsonElement last = default;
        await WaitUntilAsync(async () => (last = await RawAsync(id, client)).GetProperty("status").GetString() != "received",
            timeout ?? TimeSpan.FromSeconds(30), $"raw message {id} processed");
        return last;
    }

    /// <summary>The async daemon's agents on this host (subscriptions and async projections), with their status and position.</summary>
    public IEnumerable<JasperFx.Events.Daemon.ISubscriptionAgent> DaemonAgents() =>
        Services.GetRequiredService<JasperFx.Events.Daemon.IProjectionCoordinator>().DaemonForMainDatabase().CurrentAgents();

    public async Task<long> ScalarAsync(string sql, params object[] args)
    {
        await using var cmd = Db.CreateCommand(sql.Replace("{schema}", RunId, StringComparison.Ordinal));
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try { if (await condition()) return; }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for: {what}");
    }
}

/// <summary>A tenant of the test host with a key (and a client) of every role.</summary>
public sealed record TestTenant(string Id, IReadOnlyDictionary<Role, string> Keys, IReadOnlyDictionary<Role, HttpClient> Clients);

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host on real services";
}
