using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Channels;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Locations;

/// <summary>The live stream over real HTTP: one event per fix, per tenant, and a reconnect with Last-Event-ID misses nothing.</summary>
[Collection(HostCollection.Name)]
public sealed class The_location_stream(HostFixture host, ITestOutputHelper output)
{
    sealed class Listener : IAsyncDisposable
    {
        readonly CancellationTokenSource _stop = new();
        readonly HttpResponseMessage _response;
        public Channel<SseItem<string>> Items { get; } = Channel.CreateUnbounded<SseItem<string>>();
        public Task Pump { get; }

        Listener(HttpResponseMessage response)
        {
            _response = response;
            Pump = Task.Run(async () =>
            {
                try
                {
                    await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
                    await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token)) await Items.Writer.WriteAsync(item);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException) { }
                finally { Items.Writer.TryComplete(); }
            });
        }

        public static async Task<Listener> OpenAsync(HttpClient client, string url, string? lastEventId = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            return new Listener(response);
        }

        public async Task<List<SseItem<string>>> TakeAsync(int count, TimeSpan timeout)
        {
            var list = new List<SseItem<string>>();
            using var cts = new CancellationTokenSource(timeout);
            try { while (list.Count < count) list.Add(await Items.Reader.ReadAsync(cts.Token)); }
            catch (OperationCanceledException) { }
            return list;
        }

        public List<SseItem<string>> Drain()
        {
            var list = new List<SseItem<string>>();
            while (Items.Reader.TryRead(out var item)) list.Add(item);
            return list;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _response.Dispose();
            await Pump;
        }
    }

    static string Asset(SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement.GetProperty("asset").GetString()!;

    [Fact]
    public async Task delivers_one_event_per_fix_to_its_tenant_only_and_a_reconnect_with_last_event_id_misses_nothing()
    {
        var a = host.Tenant.Clients[Role.Viewer];
        var devEui = Uplinks.NewDevEui();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        var fixes = Enumerable.Range(0, 9).Select(i => new Fixes.Fix(devEui, t0.AddMinutes(i), 30 + i * 0.01, 30)).ToArray();

        await using var other = await Listener.OpenAsync(host.Other.Clients[Role.Viewer], "/locations/stream");
        var first = await Listener.OpenAsync(a, "/locations/stream");
        await Fixes.PostAsync(host, host.Tenant, fixes[..3]);
        var got = (await first.TakeAsync(3, TimeSpan.FromSeconds(20))).Where(i => Asset(i) == "devEui:" + devEui).ToList();
        Assert.Equal(3, got.Count);
        Assert.All(got, i => Assert.Equal("location", i.EventType));
        var lastId = got[^1].EventId!;
        await first.DisposeAsync();

        // While disconnected: three more fixes. Then reconnect from the last id seen, and three more live.
        await Fixes.PostAsync(host, host.Tenant, fixes[3..6]);
        await using var resumed = await Listener.OpenAsync(a, "/locations/stream", lastId);
        await Fixes.PostAsync(host, host.Tenant, fixes[6..]);
        var after = (await resumed.TakeAsync(6, TimeSpan.FromSeconds(20))).Where(i => Asset(i) == "devEui:" + devEui).ToList();
        var seen = got.Concat(after).Select(i => JsonDocument.Parse(i.Data).RootElement.GetProperty("occurredAt").GetString()).ToList();
        var ids = got.Concat(after).Select(i => i.EventId).ToList();
        await Task.Delay(500);
        var leaked = other.Drain().Count(i => Asset(i) == "devEui:" + devEui);
        output.WriteLine($"LEDGER sse-resume: sent={fixes.Length} delivered={seen.Count} unique={seen.Distinct().Count()} " +
                         $"missing={fixes.Length - seen.Distinct().Count()} extra={seen.Count - seen.Distinct().Count()} crossTenant={leaked}");
        Assert.Equal(fixes.Select(f => f.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")).Order(), seen.Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(0, leaked);
    }

    [Fact]
    public async Task a_shipment_stream_carries_only_its_devices_fixes_inside_their_windows_and_a_bad_last_event_id_is_400()
    {
        var shipper = host.Tenant.Clients[Role.Shipper];
        var inside = Uplinks.NewDevEui();
        var outside = Uplinks.NewDevEui();
        var shipment = (await shipper.PostJsonAsync("/shipments", new { reference = "PO-stream", refs = new[] { new { scheme = "container", value = Carrier.NewContainer() } }, profile = "col-2-8" },
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await shipper.PostJsonAsync($"/shipments/{shipment}/devices", new { device = $"devEui:{inside}", from = "2026-01-01T00:00:00Z" }, HttpStatusCode.Created);
        await using var stream = await Listener.OpenAsync(host.Tenant.Clients[Role.Viewer], $"/locations/stream?shipment={shipment}");
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Fixes.PostAsync(host, host.Tenant, [new Fixes.Fix(outside, now, 1, 1), new Fixes.Fix(inside, now, 2, 2)]);
        var items = await stream.TakeAsync(1, TimeSpan.FromSeconds(20));
        await Task.Delay(600);
        items.AddRange(stream.Drain());
        Assert.Equal(["devEui:" + inside], items.Select(Asset));
        Assert.Equal(shipment, JsonDocument.Parse(items[0].Data).RootElement.GetProperty("shipmentId").GetString());

        using var foreign = await host.Other.Clients[Role.Viewer].GetAsync($"/locations/stream?shipment={shipment}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/locations/stream");
        bad.Headers.Add("Last-Event-ID", "yesterday");
        using var response = await host.Tenant.Clients[Role.Viewer].SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Last-Event-ID", (await response.ReadJsonAsync()).GetProperty("where").GetString());
    }
}
