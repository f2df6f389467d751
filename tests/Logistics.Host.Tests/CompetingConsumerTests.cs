using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Intake;
using Logistics.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

/// <summary>
/// G2 with competing consumers: three hosts on the same queues and schema (the fixture's and two more), every raw
/// message's reference delivered three times and every body posted twice; the stored set must equal the unique keys.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_three_hosts_compete_for_duplicated_deliveries(HostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task every_event_is_stored_exactly_once()
    {
        await using var second = await StartPeerAsync();
        await using var third = await StartPeerAsync();
        var hosts = new[] { (Http: host.Tenant.Clients[Role.Integrator], Services: (IServiceProvider?)null), (second.Http, second.App.Services), (third.Http, third.App.Services) };
        await WaitForConsumersAsync(3);

        const int uplinks = 120;
        var devices = Enumerable.Range(0, 6).Select(_ => Uplinks.NewDevEui()).ToArray();
        var t0 = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = new List<Guid>();
        for (var i = 0; i < uplinks; i++)
        {
            var body = Uplinks.CayenneTemperature(devices[i % devices.Length], t0.AddMinutes(i), 3.0 + i % 7, fCnt: i);
            // The same body twice (a resent snapshot), to different hosts ...
            for (var copy = 0; copy < 2; copy++)
            {
                using var response = await hosts[(i + copy) % 3].Http.PostAsync("/ingest/tts-v3?codec=cayenne-lpp", new ByteArrayContent(body));
                Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rawMessageId").GetGuid();
                ids.Add(id);
                // ... and each raw message's reference sent twice more: three deliveries of every message.
                var publisher = (hosts[(i + copy + 1) % 3].Services ?? second.App.Services).GetRequiredService<IntakePublisher>();
                for (var extra = 0; extra < 2; extra++)
                    Assert.True(await publisher.TrySendAsync(id, "tts-v3", CancellationToken.None), "extra delivery not confirmed");
            }
        }
        var started = DateTime.UtcNow;
        foreach (var id in ids)
            Assert.Equal("translated", (await host.WaitProcessedAsync(id, TimeSpan.FromSeconds(120))).GetProperty("status").GetString());

        var streams = devices.Select(d => $"device:devEui:{d}").ToArray();
        var stored = await host.ScalarAsync("select count(*) from {schema}.mt_events where stream_id = any($1)", [streams]);
        var distinct = await host.ScalarAsync("select count(distinct id) from {schema}.mt_events where stream_id = any($1)", [streams]);
        var ledger = new Ledger(Sent: ids.Count, Accepted: ids.Count, Rejected: 0, EventsStored: stored, UniqueKeys: uplinks,
            DuplicatesSuppressed: ids.Count * 3 - stored, FaultsInjected: 0, TimeToDrain: DateTime.UtcNow - started);
        ledger.Report(output, nameof(When_three_hosts_compete_for_duplicated_deliveries));
        output.WriteLine($"deliveries: {ids.Count * 3} of {ids.Count} raw messages ({uplinks} unique uplinks) over 3 competing hosts");

        Assert.Equal(stored, distinct);
        Assert.Equal(0, ledger.Missing);
        Assert.Equal(0, ledger.Extra);
    }

    sealed class Peer(WebApplication app, HttpClient http) : IAsyncDisposable
    {
        public WebApplication App { get; } = app;
        public HttpClient Http { get; } = http;

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    async Task<Peer> StartPeerAsync()
    {
        var app = LogisticsHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], s =>
        {
            s.Schema = host.Settings.Schema;
            s.QueuePrefix = host.Settings.QueuePrefix;
            s.MaxBodyBytes = host.Settings.MaxBodyBytes;
            s.RepublishAfter = host.Settings.RepublishAfter;
            s.RepublishInterval = host.Settings.RepublishInterval;
            // Peers compete for translation only: the fixture's host keeps the daemon (the later tests of this
            // collection read what its subscriptions write), even when a test just before made it re-take its lock.
            s.RunsAsyncDaemon = false;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        // Every host takes the same tenant's integrator key (keys live in the shared schema).
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.Tenant.Keys[Role.Integrator]);
        return new Peer(app, http);
    }

    /// <summary>
    /// The broker's own count, as /health reports it: the stage-one queue has this many competing consumers (RabbitMQ 3.10
    /// counts only the active consumer of a single-active-consumer partition queue, not its standbys, so those are printed).
    /// </summary>
    async Task WaitForConsumersAsync(int expected)
    {
        JsonElement queues = default;
        await HostFixture.WaitUntilAsync(async () =>
        {
            var health = await host.Http.GetFromJsonAsync<JsonElement>("/health");
            queues = health.GetProperty("translateConsumers").GetProperty("queues");
            return queues.ValueKind == JsonValueKind.Array
                   && queues.EnumerateArray().Any(q => q.GetProperty("queue").GetString() == host.Settings.TranslateQueue
                                                      && q.GetProperty("consumers").GetInt64() == expected);
        }, TimeSpan.FromSeconds(90), $"{expected} consumers on the stage-one translate queue");
        output.WriteLine($"broker's consumer counts: {string.Join(", ", queues.EnumerateArray().Select(q => $"{q.GetProperty("queue").GetString()}={q.GetProperty("consumers").GetInt64()}"))}");
    }
}
