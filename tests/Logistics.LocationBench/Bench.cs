using System.Diagnostics;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;
using HdrHistogram;

namespace Logistics.LocationBench;

/// <summary>
/// Three phases against a running host (docs/performance.md): <c>seed</c> posts one GPS uplink per asset through intake
/// (the real pipeline) and waits until the last one is a location; <c>reads</c> GETs random assets' locations at a fixed
/// rate, open loop (latency from each request's scheduled time), while posting GPS uplinks at <c>--ingest-rate</c>;
/// <c>sse</c> holds <c>--clients</c> streams open and posts <c>--fixes</c> fixes, measuring each event's delivery latency and
/// what went missing. Every loop is bounded in count and time; it only talks to the URL given (loopback).
/// </summary>
public static class Bench
{
    static string Arg(string[] args, string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

    static int Int(string[] args, string name, int fallback) => int.Parse(Arg(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public static async Task<int> MainAsync(string[] args)
    {
        var phase = args.FirstOrDefault() ?? "reads";
        var url = new Uri(Arg(args, "--url", "http://127.0.0.1:5080"));
        var reader = Arg(args, "--key", "");
        var integrator = Arg(args, "--integrator-key", reader);
        var assets = Int(args, "--assets", 100_000);
        var prefix = Arg(args, "--prefix", "B0");   // devEui = prefix + 14 hex digits of the asset number
        using var read = Client(url, reader);
        using var ingest = Client(url, integrator);
        return phase switch
        {
            "seed" => await SeedAsync(read, ingest, prefix, assets, Int(args, "--rate", 3000)),
            "reads" => await ReadsAsync(read, ingest, prefix, assets, Int(args, "--rate", 2000), Int(args, "--seconds", 30), Int(args, "--ingest-rate", 1000),
                Int(args, "--warmup-seconds", 5)),
            "sse" => await SseAsync(url, reader, ingest, prefix, Int(args, "--clients", 1000), Int(args, "--fixes", 600), Int(args, "--rate", 20)),
            _ => Usage(),
        };
    }

    static int Usage()
    {
        Console.Error.WriteLine("usage: seed|reads|sse --url URL --key VIEWER_KEY --integrator-key KEY [--assets N --rate R --seconds S --ingest-rate R --clients C --fixes F]");
        return 2;
    }

    static HttpClient Client(Uri url, string key)
    {
        var c = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        if (key.Length > 0) c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return c;
    }

    static string DevEui(string prefix, long n) => prefix + n.ToString("X14", CultureInfo.InvariantCulture);

    /// <summary>A deterministic spot for asset n, spread over the world's land-ish latitudes.</summary>
    static (double Lat, double Lon) Spot(long n, int step) => (-55 + (n * 7919 % 11000) / 100.0 + step * 0.001, -180 + (n * 104729 % 36000) / 100.0);

    static int _fCnt;

    static Task<HttpResponseMessage> PostFixAsync(HttpClient ingest, string devEui, DateTimeOffset at, (double Lat, double Lon) p) =>
        ingest.PostAsync("/ingest/tts-v3?codec=cayenne-lpp", new ByteArrayContent(Uplinks.Gps(devEui, at, p.Lat, p.Lon, Interlocked.Increment(ref _fCnt))));

    static async Task<int> SeedAsync(HttpClient read, HttpClient ingest, string prefix, int assets, int rate)
    {
        Console.Error.WriteLine($"seed: {assets} assets at {rate}/s");
        var failed = 0;
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        await OpenLoopAsync(assets, rate, async n =>
        {
            try { using var r = await PostFixAsync(ingest, DevEui(prefix, n), t0, Spot(n, 0)); if ((int)r.StatusCode != 202) Interlocked.Increment(ref failed); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { Interlocked.Increment(ref failed); }
        });
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(10))
        {
            using var last = await read.GetAsync($"/assets/{DevEui(prefix, assets - 1)}/location");
            if (last.IsSuccessStatusCode) break;
            await Task.Delay(1000);
        }
        Console.WriteLine(JsonSerializer.Serialize(new { phase = "seed", assets, failed, drainSeconds = Math.Round(watch.Elapsed.TotalSeconds, 1) }));
        return failed == 0 ? 0 : 1;
    }

    static async Task<int> ReadsAsync(HttpClient read, HttpClient ingest, string prefix, int assets, int rate, int seconds, int ingestRate, int warmup)
    {
        Console.Error.WriteLine($"reads: {rate}/s for {warmup}+{seconds} s over {assets} assets, ingest {ingestRate}/s");
        var histogram = new LongConcurrentHistogram(1, TimeStamp.Seconds(60), 3);
        int ok = 0, notOk = 0, ingested = 0, ingestFailed = 0;
        var now = DateTimeOffset.UtcNow;
        var ingestTask = ingestRate == 0 ? Task.CompletedTask : OpenLoopAsync(ingestRate * (seconds + warmup), ingestRate, async n =>
        {
            var asset = n * 7 % assets;
            try
            {
                using var r = await PostFixAsync(ingest, DevEui(prefix, asset), now.AddMilliseconds(n), Spot(asset, 1 + n / assets));
                Interlocked.Increment(ref (int)r.StatusCode == 202 ? ref ingested : ref ingestFailed);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { Interlocked.Increment(ref ingestFailed); }
        });
        var start = Stopwatch.GetTimestamp();
        var readsTask = OpenLoopAsync(rate * (seconds + warmup), rate, async n =>
        {
            var scheduled = (long)((double)n / rate * Stopwatch.Frequency);
            try
            {
                using var r = await read.GetAsync($"/assets/{DevEui(prefix, Random.Shared.Next(assets))}/location");
                Interlocked.Increment(ref r.IsSuccessStatusCode ? ref ok : ref notOk);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { Interlocked.Increment(ref notOk); }
            if (n >= rate * warmup) histogram.RecordValue(Stopwatch.GetTimestamp() - start - scheduled);
        });
        await Task.WhenAll(readsTask, ingestTask);
        double Ms(double p) => Math.Round(histogram.GetValueAtPercentile(p) * 1000.0 / Stopwatch.Frequency, 2);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            phase = "reads", rate, seconds, warmup, assets, ok, notOk, p50Ms = Ms(50), p90Ms = Ms(90), p99Ms = Ms(99), p999Ms = Ms(99.9),
            maxMs = Math.Round(histogram.GetMaxValue() * 1000.0 / Stopwatch.Frequency, 2), ingestRate, ingested, ingestFailed,
        }));
        return notOk == 0 ? 0 : 1;
    }

    static async Task<int> SseAsync(Uri url, string key, HttpClient ingest, string prefix, int clients, int fixes, int rate)
    {
        Console.Error.WriteLine($"sse: {clients} clients, {fixes} fixes at {rate}/s");
        var device = DevEui("BF", Random.Shared.Next(1 << 20));
        var sent = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();   // occurredAt text → send timestamp
        var histogram = new LongConcurrentHistogram(1, TimeStamp.Seconds(120), 3);
        var received = new int[clients];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(fixes / Math.Max(1, rate) + 120));
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients + 16 };
        using var streams = new HttpClient(handler) { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
        streams.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var connected = 0;
        var readers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            try
            {
                using var response = await streams.GetAsync("/locations/stream", HttpCompletionOption.ResponseHeadersRead, stop.Token);
                Interlocked.Increment(ref connected);
                await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
                await foreach (var item in SseParser.Create(body).EnumerateAsync(stop.Token))
                {
                    using var doc = JsonDocument.Parse(item.Data);
                    if (doc.RootElement.GetProperty("asset").GetString() != "devEui:" + device) continue;
                    if (sent.TryGetValue(doc.RootElement.GetProperty("occurredAt").GetString()!, out var at))
                        histogram.RecordValue(Stopwatch.GetTimestamp() - at);
                    if (Interlocked.Increment(ref received[c]) == fixes) return;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException) { }
        })).ToList();
        var wait = Stopwatch.StartNew();
        while (Volatile.Read(ref connected) < clients && wait.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
        Console.Error.WriteLine($"sse: {connected} connected after {wait.Elapsed.TotalSeconds:0.0} s");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        t0 = new DateTimeOffset(t0.Ticks - t0.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await OpenLoopAsync(fixes, rate, async n =>
        {
            var at = t0.AddSeconds(n);
            sent[at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)] = Stopwatch.GetTimestamp();
            using var r = await PostFixAsync(ingest, device, at, (10 + n * 0.0001, 10));
        });
        await Task.WhenAll(readers);
        double Ms(double p) => histogram.TotalCount == 0 ? double.NaN : Math.Round(histogram.GetValueAtPercentile(p) * 1000.0 / Stopwatch.Frequency, 1);
        var complete = received.Count(r => r == fixes);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            phase = "sse", clients, connected, fixes, rate, deliveries = received.Sum(), expected = (long)clients * fixes, clientsComplete = complete,
            p50Ms = Ms(50), p99Ms = Ms(99), maxMs = Math.Round(histogram.GetMaxValue() * 1000.0 / Stopwatch.Frequency, 1),
        }));
        return complete == clients ? 0 : 1;
    }

    /// <summary>Runs <paramref name="count"/> actions at <paramref name="rate"/> per second from their scheduled times.</summary>
    static async Task OpenLoopAsync(int count, int rate, Func<int, Task> action)
    {
        var clock = Stopwatch.StartNew();
        var inflight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var n = i;
            inflight.Add(Task.Run(() => action(n)));
        }
        await Task.WhenAll(inflight);
    }
}

/// <summary>TTS v3 uplinks with a Cayenne LPP GPS value.</summary>
static class Uplinks
{
    public static byte[] Gps(string devEui, DateTimeOffset time, double lat, double lon, int fCnt)
    {
        static byte[] Int24(int v) => [(byte)(v >> 16), (byte)(v >> 8), (byte)v];
        byte[] payload = [3, 0x88, .. Int24((int)Math.Round(lat * 10000)), .. Int24((int)Math.Round(lon * 10000)), .. Int24(1000)];
        var iso = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            end_device_ids = new { device_id = "bench-" + devEui.ToLowerInvariant(), application_ids = new { application_id = "bench" }, dev_eui = devEui },
            received_at = iso,
            uplink_message = new
            {
                f_port = 1, f_cnt = fCnt, frm_payload = Convert.ToBase64String(payload),
                rx_metadata = new[] { new { gateway_ids = new { gateway_id = "bench-gw" }, time = iso } }, received_at = iso,
            },
        });
    }
}
