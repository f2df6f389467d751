using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json;
using HdrHistogram;
using Npgsql;

namespace Logistics.LoadHarness;

/// <summary>
/// Open-loop load: posts TTS v3 uplinks (Cayenne LPP temperature + humidity, so 2 events each) at a fixed rate to a
/// running host, measuring intake latency from each request's scheduled time (no coordinated omission). Then waits
/// until every accepted message is translated and reports the ledger: accepted/s, events stored/s, p50/p99, missing, extra.
/// </summary>
public static class LoadRun
{
    const int EventsPerMessage = 2;

    public static async Task<int> MainAsync(string[] args)
    {
        var o = LoadOptions.Parse(args);
        var runPrefix = Random.Shared.Next(0x100000, 0xFFFFFF).ToString("X6");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(30) };
        // Intake needs an integrator key (./logistics tenants create, then POST /api-keys, or the tenant's admin key).
        if (o.Key is not null) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", o.Key);
        var histogram = new LongConcurrentHistogram(1, TimeStamp.Seconds(60), 3);
        // Warm-up requests (JIT, connection pools) are sent and counted in the ledger but not in the latency histogram.
        var warmup = o.Rate * o.WarmupSeconds;
        var total = warmup + o.Rate * o.Seconds;
        int accepted = 0, failed = 0;
        var epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Console.Error.WriteLine($"load: {total} uplinks at {o.Rate}/s for {o.WarmupSeconds} s warm-up + {o.Seconds} s over {o.Devices} devices to {o.Url} (run {runPrefix})");
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        var inflight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var scheduled = TimeSpan.FromSeconds((double)i / o.Rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var n = i;
            inflight.Add(Task.Run(async () =>
            {
                var device = $"{runPrefix}{n % o.Devices:X10}";
                var body = Uplink(device, epoch.AddSeconds(n / o.Devices * 60), 2 + n % 60 / 10.0, n);
                try
                {
                    using var response = await http.PostAsync("/ingest/tts-v3?codec=cayenne-lpp", new ByteArrayContent(body));
                    if ((int)response.StatusCode == 202) Interlocked.Increment(ref accepted); else Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref failed); }
                catch (TaskCanceledException) { Interlocked.Increment(ref failed); }
                // Latency from the scheduled send time, so a stalled server shows up in the tail instead of slowing the load.
                if (n >= warmup)
                    histogram.RecordValue(Stopwatch.GetTimestamp() - start - (long)(scheduled.TotalSeconds * Stopwatch.Frequency));
            }));
        }
        await Task.WhenAll(inflight);
        var intakeSeconds = clock.Elapsed.TotalSeconds;

        await using var db = NpgsqlDataSource.Create(o.Postgres);
        var expected = (long)accepted * EventsPerMessage;
        long stored = 0;
        var drainDeadline = clock.Elapsed + TimeSpan.FromSeconds(o.DrainSeconds);
        while (clock.Elapsed < drainDeadline)
        {
            stored = await CountAsync(db, o.Schema, runPrefix);
            if (stored >= expected) break;
            await Task.Delay(500);
        }
        var drainedAt = clock.Elapsed.TotalSeconds;
        await Task.Delay(2000); // anything arriving after the count reached the target would be an extra
        stored = await CountAsync(db, o.Schema, runPrefix);

        double Ms(double percentile) => histogram.GetValueAtPercentile(percentile) * 1000.0 / Stopwatch.Frequency;
        var report = new
        {
            run = runPrefix,
            sent = total,
            accepted,
            failed,
            targetRate = o.Rate,
            warmupRequests = warmup,
            acceptedPerSecond = Math.Round(accepted / intakeSeconds, 1),
            eventsExpected = expected,
            eventsStored = stored,
            eventsStoredPerSecond = Math.Round(stored / drainedAt, 1),
            intakeP50Ms = Math.Round(Ms(50), 2),
            intakeP99Ms = Math.Round(Ms(99), 2),
            intakeMaxMs = Math.Round(histogram.GetMaxValue() * 1000.0 / Stopwatch.Frequency, 2),
            missing = Math.Max(0, expected - stored),
            extra = Math.Max(0, stored - expected),
            secondsToDrain = Math.Round(drainedAt - intakeSeconds, 1),
        };
        Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        return report.missing == 0 && report.extra == 0 && failed == 0 ? 0 : 1;
    }

    static async Task<long> CountAsync(NpgsqlDataSource db, string schema, string runPrefix)
    {
        await using var cmd = db.CreateCommand($"select count(*) from {schema}.mt_events where stream_id like $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = $"device:devEui:{runPrefix}%" });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    static byte[] Uplink(string devEui, DateTimeOffset time, double celsius, int fCnt)
    {
        var payload = new byte[7];
        payload[0] = 1; payload[1] = 0x67; BinaryPrimitives.WriteInt16BigEndian(payload.AsSpan(2), (short)Math.Round(celsius * 10));
        payload[4] = 2; payload[5] = 0x68; payload[6] = (byte)(100 + fCnt % 20);
        var iso = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            end_device_ids = new { device_id = "load-" + devEui.ToLowerInvariant(), application_ids = new { application_id = "load" }, dev_eui = devEui },
            received_at = iso,
            uplink_message = new
            {
                f_port = 1,
                f_cnt = fCnt,
                frm_payload = Convert.ToBase64String(payload),
                rx_metadata = new[] { new { gateway_ids = new { gateway_id = "load-gw" }, time = iso } },
                received_at = iso,
            },
        });
    }
}
