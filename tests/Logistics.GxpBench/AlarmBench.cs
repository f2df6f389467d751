using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using HdrHistogram;
using Logistics.Access;
using NodaTime;
using Npgsql;

namespace Logistics.GxpBench;

/// <summary>
/// Live alarm latency at a fixed reading rate (PERFORMANCE.md: p99 &lt; 2 s at 1,000 readings/s): uplinks posted open loop
/// through the real intake (HTTP → raw inbox → RabbitMQ → translate → Marten), one logger per shipment, each with one
/// excursion that crosses H1's 30-min delay and a spike that crosses H3 at once. For every alarm event the live processing
/// appends, the latency is its commit timestamp minus the scheduled send time of the reading that made it certain (the
/// reading at its triggeredAt), so a stall anywhere in the pipeline shows in the tail.
/// </summary>
public static class AlarmBench
{
    static readonly DateTimeOffset Epoch = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var rate = Arg("--rate", 1000);
        var seconds = Arg("--seconds", 60);
        var shipments = Arg("--shipments", 500);
        await using var host = await BenchHost.StartAsync("alarms", args.Contains("--keep"));
        Console.Error.WriteLine($"[bench] machine before: {Machine.Describe()}");

        var shipper = host.Clients[Role.Shipper];
        var random = new Random(42);
        var devices = new List<(string DevEui, string Shipment, int ExcursionAt)>();
        for (var n = 0; n < shipments; n++)
        {
            var devEui = $"70B3D57EAA{n:X6}";
            using var created = await shipper.PostAsJsonAsync("/shipments", new { reference = $"PO-ALARM-{n}", profile = "col-2-8" });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            (await shipper.PostAsJsonAsync($"/shipments/{id}/devices", new { device = $"devEui:{devEui}", from = "2026-05-01T00:00:00Z" })).EnsureSuccessStatusCode();
            devices.Add((devEui, id, 10 + random.Next(30)));
        }
        await host.WaitForDaemonAsync(TimeSpan.FromMinutes(5));

        // Reading k of a device is at Epoch + k minutes: 5 °C; 12 °C for 35 readings from its excursion start (H1 at +30);
        // 27 °C once at +50 (H3, delay 0). Devices take turns, so every device advances one reading per round.
        var total = rate * seconds;
        var crossing = new ConcurrentDictionary<(string, long), long>(); // (devEui, triggeredAt ticks) → scheduled send (Stopwatch ticks)
        var integrator = host.Clients[Role.Integrator];
        var wall0 = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        int accepted = 0, failed = 0;
        var inflight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var scheduled = TimeSpan.FromSeconds((double)i / rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var (devEui, _, start) = devices[i % devices.Count];
            var k = i / devices.Count;
            var celsius = k >= start && k < start + 35 ? 12.0 : k == start + 50 ? 27.0 : 5.0;
            var at = Epoch.AddMinutes(k);
            if (k == start + 30 || k == start + 50) crossing[(devEui, Instant.FromDateTimeOffset(at).ToUnixTimeTicks())] = (long)(scheduled.TotalSeconds * Stopwatch.Frequency);
            inflight.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await integrator.PostAsync("/ingest/tts-v3?codec=cayenne-lpp", new ByteArrayContent(Uplink(devEui, at, celsius, k)));
                    if ((int)response.StatusCode == 202) Interlocked.Increment(ref accepted); else Interlocked.Increment(ref failed);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { Interlocked.Increment(ref failed); }
            }));
        }
        await Task.WhenAll(inflight);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"[bench] sent {total:N0} uplinks in {sendSeconds:0.0} s ({accepted / sendSeconds:0} accepted/s, {failed} failed); draining");
        // A saturated machine may not catch up within the wait: then the alarms committed so far are measured and the
        // result says it did not drain (the alarms missing are in alarmsExpected - alarmsMatched).
        var drained = true;
        try
        {
            await DrainAsync(host, accepted, TimeSpan.FromMinutes(10));
            await host.WaitForDaemonAsync(TimeSpan.FromMinutes(10));
        }
        catch (TimeoutException ex) { drained = false; Console.Error.WriteLine($"[bench] {ex.Message}"); }
        var drainSeconds = clock.Elapsed.TotalSeconds - sendSeconds;
        var machineAfter = Machine.Describe();

        var histogram = new LongHistogram(TimeStamp.Minutes(10), 3);
        var matched = 0;
        await using (var cmd = host.Db.CreateCommand($"""
            select data ->> 'DeviceId', (data ->> 'TriggeredAt')::timestamptz, timestamp
            from {host.Settings.Schema}.mt_events where type = 'excursion_alarm_raised'
            """))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
            {
                var devEui = r.GetString(0)["devEui:".Length..];
                var triggered = r.GetFieldValue<Instant>(1).ToUnixTimeTicks();
                var committed = r.GetFieldValue<Instant>(2).ToDateTimeOffset();
                if (!crossing.TryGetValue((devEui, triggered), out var sentTicks)) continue;
                var sentAt = wall0 + TimeSpan.FromSeconds((double)sentTicks / Stopwatch.Frequency);
                histogram.RecordValue(Math.Max(0, (long)((committed - sentAt).TotalSeconds * Stopwatch.Frequency)));
                matched++;
            }
        double Ms(double p) => histogram.GetValueAtPercentile(p) * 1000.0 / Stopwatch.Frequency;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            rate, seconds, shipments, sent = total, accepted, failed, acceptedPerSecond = Math.Round(accepted / sendSeconds), drained,
            drainSeconds = Math.Round(drainSeconds),
            alarmsExpected = crossing.Count, alarmsMatched = matched,
            latencyP50Ms = Math.Round(Ms(50)), latencyP90Ms = Math.Round(Ms(90)), latencyP99Ms = Math.Round(Ms(99)),
            latencyMaxMs = Math.Round(histogram.GetMaxValue() * 1000.0 / Stopwatch.Frequency), machineAfter,
        }, new JsonSerializerOptions { WriteIndented = true }));
        return matched == crossing.Count && failed == 0 ? 0 : 1;
    }

    static async Task DrainAsync(BenchHost host, int accepted, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var pending = await host.ScalarAsync("select count(*) from {schema}.raw_messages where status = 'received'");
            if (pending == 0 && await host.ScalarAsync("select count(*) from {schema}.raw_messages") >= accepted) return;
            await Task.Delay(500);
        }
        throw new TimeoutException("the translate consumer did not drain");
    }

    static byte[] Uplink(string devEui, DateTimeOffset time, double celsius, int fCnt)
    {
        var payload = new byte[4];
        payload[0] = 1; payload[1] = 0x67; BinaryPrimitives.WriteInt16BigEndian(payload.AsSpan(2), (short)Math.Round(celsius * 10));
        var iso = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
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
