using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using Logistics.Canonical.Events;
using Logistics.Host.Infrastructure;
using Logistics.Host.Translation;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Logistics.GxpBench;

/// <summary>
/// The report of a 60-day shipment with 4 loggers at 1-minute readings (PERFORMANCE.md), READ FROM THE STREAMS through
/// <c>GET /shipments/{id}/report</c> on the real host: the readings are appended to the loggers' device streams with Marten
/// (as the translate consumer appends them, inline read models included), beside a background of other devices' events
/// so the store is not empty; then the first request (which makes version 1), repeated JSON, CSV and PDF requests, and a
/// stored version read back, each timed, with the process's peak resident memory during the request.
/// </summary>
public static class ReportBench
{
    static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 0, 0);

    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var days = Arg("--days", 60);
        var loggers = Arg("--loggers", 4);
        var background = Arg("--background", 1_000_000);
        var repeat = Arg("--repeat", 3);
        string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        // --reuse SCHEMA TENANT SHIPMENT AUDITKEY: time the requests again on the store a --keep run left (no loading).
        var reuse = Array.IndexOf(args, "--reuse") is var at and >= 0 && at + 4 < args.Length ? (args[at + 1], args[at + 2], args[at + 4]) : ((string, string, string)?)null;
        await using var host = await BenchHost.StartAsync("report", args.Contains("--keep") || reuse is not null, reuse: reuse);
        Console.Error.WriteLine($"[bench] machine before: {Machine.Describe()}");
        if (reuse is not null)
        {
            var existing = args[Array.IndexOf(args, "--reuse") + 3];
            Console.Error.WriteLine($"[bench] reusing shipment {existing}; events in store: {await host.ScalarAsync("select count(*) from {schema}.mt_events"):N0}; waiting for the daemon");
            var caughtUp = true;
            var wait = Stopwatch.StartNew();
            try { await host.WaitForDaemonAsync(TimeSpan.FromMinutes(Arg("--daemon-minutes", 15))); }
            catch (TimeoutException) { caughtUp = false; }
            Console.Error.WriteLine($"[bench] daemon {(caughtUp ? "caught up" : "still behind")} after {wait.Elapsed.TotalSeconds:0} s");
            return await TimeRequestsAsync(host, existing, repeat, new { reused = true, daemonCaughtUp = caughtUp, days, loggers, backgroundEvents = Text("--background") },
                DeviceKeys(loggers));
        }
        var store = host.App.Services.GetRequiredService<IDocumentStore>();

        var load = Stopwatch.StartNew();
        await BackgroundAsync(store, background);
        Console.Error.WriteLine($"[bench] background: {background:N0} events in {load.Elapsed.TotalSeconds:0} s");

        var shipper = host.Clients[Role.Shipper];
        var profile = JsonDocument.Parse(Logistics.Gxp.Profiles.StandardProfiles.Json("col-2-8")
            .Replace("\"loggingIntervalMinutes\": 10", "\"loggingIntervalMinutes\": 1", StringComparison.Ordinal)).RootElement;
        using var registered = await shipper.PostAsJsonAsync("/shipments", new
        {
            reference = "PO-BENCH-60D", product = new { name = "Vaccine X", lot = "L1" }, profile, consignee = "Hospital Pharmacy",
            legs = new[] { new { id = "ocean", custodian = "MAEU", mode = "ocean" } },
        });
        registered.EnsureSuccessStatusCode();
        var shipmentId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var devices = Enumerable.Range(1, loggers).Select(d => $"70B3D57EBE{d:X6}").ToList();
        foreach (var d in devices)
            (await shipper.PostAsJsonAsync($"/shipments/{shipmentId}/devices", new { device = $"devEui:{d}", from = "2026-03-01T00:00:00Z", position = "product" }))
                .EnsureSuccessStatusCode();

        load.Restart();
        var readings = 0;
        for (var d = 0; d < loggers; d++) readings += await AppendLoggerAsync(store, host.TenantId, devices[d], d, days);
        Console.Error.WriteLine($"[bench] shipment: {readings:N0} readings on {loggers} device streams in {load.Elapsed.TotalSeconds:0} s; waiting for the daemon");
        load.Restart();
        await host.WaitForDaemonAsync(TimeSpan.FromMinutes(30));
        Console.Error.WriteLine($"[bench] daemon caught up in {load.Elapsed.TotalSeconds:0} s; events in store: {await host.ScalarAsync("select count(*) from {schema}.mt_events"):N0}");

        return await TimeRequestsAsync(host, shipmentId, repeat, new { readings, loggers, days, backgroundEvents = background }, DeviceKeys(loggers));
    }

    static string[] DeviceKeys(int loggers) =>
        Enumerable.Range(1, loggers).Select(d => StreamRouting.DeviceKey(new Reference(RefSchemes.DevEui, $"70B3D57EBE{d:X6}"))).ToArray();

    static async Task<int> TimeRequestsAsync(BenchHost host, string shipmentId, int repeat, object run, string[] streams)
    {
        Console.Error.WriteLine($"[bench] shipment {shipmentId}; timing requests: {Machine.Describe()}");
        var qa = host.Clients[Role.Qa];
        var results = new List<object>();
        // The ceiling of this run: reading the same readings' fields out of mt_events in one query on one connection, nothing
        // else — what the machine gives one such read at this moment (the report reads its windows on up to one connection per
        // core, and extracts more fields).
        async Task<(double Seconds, long Rows)> RawReadAsync()
        {
            var clock = Stopwatch.StartNew();
            long rows = 0;
            await using var cmd = host.Db.CreateCommand($"""
                select (data ->> 'OccurredAt')::timestamptz, (data -> 'Measurement' ->> 'Value')::float8, version
                from {host.Settings.Schema}.mt_events where tenant_id = $1 and stream_id = any($2) and type = 'measurement_event'
                """);
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = host.TenantId });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = streams });
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) rows++;
            return (clock.Elapsed.TotalSeconds, rows);
        }
        // --save DIR: each request's body goes to DIR (the last of each kind), to compare builds byte for byte.
        var save = Array.IndexOf(Environment.GetCommandLineArgs(), "--save") is var s and >= 0 && s + 1 < Environment.GetCommandLineArgs().Length
            ? Environment.GetCommandLineArgs()[s + 1] : null;
        async Task<(double Seconds, double PeakMb, long Bytes, string? Version)> TimeAsync(string url)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Machine.ResetPeak();
            var clock = Stopwatch.StartNew();
            using var response = await qa.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            response.EnsureSuccessStatusCode();
            if (save is not null)
            {
                Directory.CreateDirectory(save);
                var name = string.Concat(url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..].Select(c => char.IsLetterOrDigit(c) ? c : '_'));
                await File.WriteAllBytesAsync(Path.Combine(save, name), body);
            }
            return (clock.Elapsed.TotalSeconds, Machine.PeakRssMb(), body.Length,
                response.Headers.TryGetValues("X-Report-Version", out var v) ? v.Single() : null);
        }
        void Record(string what, (double Seconds, double PeakMb, long Bytes, string? Version) r)
        {
            Console.Error.WriteLine($"[bench] {what}: {r.Seconds:0.000} s, peak RSS {r.PeakMb:0} MB, {r.Bytes:N0} bytes, version {r.Version}");
            results.Add(new { what, seconds = Math.Round(r.Seconds, 3), peakRssMb = Math.Round(r.PeakMb), bytes = r.Bytes, version = r.Version });
        }

        Record("json, first request (makes version 1)", await TimeAsync($"/shipments/{shipmentId}/report?format=json"));
        for (var i = 0; i < repeat; i++) Record("json, newest version", await TimeAsync($"/shipments/{shipmentId}/report?format=json"));
        for (var i = 0; i < repeat; i++) Record("json, version=1", await TimeAsync($"/shipments/{shipmentId}/report?format=json&version=1"));
        for (var i = 0; i < repeat; i++) Record("pdf, version=1", await TimeAsync($"/shipments/{shipmentId}/report?format=pdf&version=1"));
        Record("csv, version=1", await TimeAsync($"/shipments/{shipmentId}/report?format=csv&version=1"));
        for (var i = 0; i < repeat; i++)
        {
            var (seconds, rows) = await RawReadAsync();
            Console.Error.WriteLine($"[bench] ceiling, raw read of the readings from mt_events: {seconds:0.000} s, {rows:N0} rows");
            results.Add(new { what = "ceiling: raw SQL read of the readings from mt_events", seconds = Math.Round(seconds, 3), rows });
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            shipmentId, run, machineAfter = Machine.Describe(), results,
        }, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    /// <summary>One logger's 60 days at 1 minute, shaped as GxpShipmentGenerator's (a daily warm spell on the third logger, a 90-min gap on the second).</summary>
    static async Task<int> AppendLoggerAsync(IDocumentStore store, string tenantId, string devEui, int d, int days)
    {
        var batch = new List<MeasurementEvent>(5000);
        var count = 0;
        for (var m = 0; m < days * 1440; m++)
        {
            if (d == 1 && m is >= 20000 and < 20090) continue;
            var v = 5 + 1.5 * Math.Sin(2 * Math.PI * (m + 97 * d) / 1440) + 0.3 * Math.Sin(m / 7.0);
            if (d == 2 && m % 1440 is >= 600 and < 640) v += 4.5;
            batch.Add(Reading(devEui, Start + Duration.FromMinutes(m), Math.Round(v, 1)));
            if (batch.Count == 5000) { count += await AppendAsync(store, tenantId, devEui, batch); batch.Clear(); }
        }
        if (batch.Count > 0) count += await AppendAsync(store, tenantId, devEui, batch);
        return count;
    }

    /// <summary>Other devices' readings in another tenant: the store already holds a lot when the report is read.</summary>
    static async Task BackgroundAsync(IDocumentStore store, int events)
    {
        var tenant = "tn_background";
        var perDevice = 20_000;
        for (var n = 0; n * perDevice < events; n++)
        {
            var devEui = $"70B3D57EBF{n:X6}";
            var batch = Enumerable.Range(0, Math.Min(perDevice, events - n * perDevice))
                .Select(m => Reading(devEui, Start + Duration.FromMinutes(m), 4 + m % 30 / 10.0)).ToList();
            foreach (var chunk in batch.Chunk(5000)) await AppendAsync(store, tenant, devEui, chunk);
        }
    }

    static async Task<int> AppendAsync(IDocumentStore store, string tenantId, string devEui, IReadOnlyList<MeasurementEvent> events)
    {
        await using var session = store.LightweightSession(tenantId);
        var key = StreamRouting.DeviceKey(new Reference(RefSchemes.DevEui, devEui));
        session.Events.Append(key, events.Select(e =>
        {
            var wrapped = session.Events.BuildEvent(e);
            wrapped.Id = TenantEventIds.For(tenantId, e.EventId);
            return (object)wrapped;
        }).ToArray());
        await session.SaveChangesAsync();
        return events.Count;
    }

    /// <summary>A temperature reading as the tts-v3 adapter writes one (Cayenne LPP, 0.1 °C).</summary>
    static MeasurementEvent Reading(string devEui, Instant at, double celsius) => (MeasurementEvent)new MeasurementEvent
    {
        OccurredAt = at, OccurredAtOffset = Offset.Zero, OffsetSource = OffsetSource.Explicit, ReceivedAt = at + Duration.FromSeconds(3),
        Source = new EventSource("tts-v3", "TTS", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.ASCII.GetBytes($"{devEui}|{at.ToUnixTimeTicks()}"))), "fPort 1"),
        Refs = [new Reference(RefSchemes.DevEui, devEui)],
        Measurement = new MeasurementDetail(MeasurementTypes.Temperature, celsius, "CEL", celsius, "CEL", "1"),
    }.WithDerivedId();
}
