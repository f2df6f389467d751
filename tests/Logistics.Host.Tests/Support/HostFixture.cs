using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Logistics.Host.Tests.Support;

/// <summary>
/// The real host on a loopback port, against the real PostgreSQL and RabbitMQ that deploy/local starts.
/// Each fixture gets its own database schema and queue name, so runs never see each other's data or messages.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    public string RunId { get; } = "t" + Guid.NewGuid().ToString("N")[..10];
    public HttpClient Http { get; private set; } = null!;
    public HostSettings Settings { get; private set; } = null!;
    public NpgsqlDataSource Db { get; private set; } = null!;
    WebApplication? _app;

    public async Task InitializeAsync()
    {
        LocalServices.Start();
        _app = LogisticsHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], s =>
        {
            s.Schema = RunId;
            s.QueuePrefix = RunId;
            s.MaxBodyBytes = 64 * 1024;
            s.RepublishAfter = TimeSpan.FromSeconds(1);
            s.RepublishInterval = TimeSpan.FromMilliseconds(500);
            s.PublishTimeout = TimeSpan.FromSeconds(1);
            Settings = s;
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        Db = _app.Services.GetRequiredService<NpgsqlDataSource>();
        await WaitUntilAsync(async () => (await Http.GetAsync("/health")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "host healthy");
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await using (var cmd = Db.CreateCommand($"drop schema if exists {RunId} cascade")) await cmd.ExecuteNonQueryAsync();
            await _app.DisposeAsync();
        }
        foreach (var queue in Settings.TranslateQueues)
            try { LocalServices.RabbitCtl("delete_queue", queue); } catch (InvalidOperationException) { /* best effort */ }
    }

    public async Task<Guid> PostAsync(string adapterId, byte[] body, string? codec = null)
    {
        var url = codec is null ? $"/ingest/{adapterId}" : $"/ingest/{adapterId}?codec={codec}";
        using var response = await Http.PostAsync(url, new ByteArrayContent(body));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("rawMessageId").GetGuid();
    }

    public async Task<JsonElement> RawAsync(Guid id) => await Http.GetFromJsonAsync<JsonElement>($"/raw/{id}");

    /// <summary>Waits until the message left "received" (translated or quarantined) and returns its status view.</summary>
    public async Task<JsonElement> WaitProcessedAsync(Guid id, TimeSpan? timeout = null)
    {
        JsonElement last = default;
        await WaitUntilAsync(async () => (last = await RawAsync(id)).GetProperty("status").GetString() != "received",
            timeout ?? TimeSpan.FromSeconds(30), $"raw message {id} processed");
        return last;
    }

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

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host on real services";
}
