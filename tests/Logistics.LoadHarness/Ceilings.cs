using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Logistics.Host.Intake;
using Logistics.Host.Translation;
using Marten;
using NodaTime;
using Npgsql;

namespace Logistics.LoadHarness;

/// <summary>
/// <c>ceilings [--seconds S]</c>: this machine's raw limits, measured now, so that a throughput figure taken in the same
/// run can be quoted as a ratio (PERFORMANCE.md): pgbench single-row INSERT commits with 1 and 8 clients, and a bare
/// Marten Quick-append loop (the host's storage configuration, real canonical events) at 1000 / 100 / 10 / 1 events per
/// SaveChanges, on a scratch schema that is dropped afterwards.
/// </summary>
public static partial class Ceilings
{
    public sealed record Report(double PgbenchTps1, double PgbenchTps8, IReadOnlyDictionary<int, double> MartenEventsPerSecond, string LoadAverage);

    public static async Task<int> MainAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--seconds");
        var seconds = i >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 15;
        var postgres = Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES") ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics";
        var report = await MeasureAsync(postgres, seconds, Console.Error.WriteLine);
        Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    public static async Task<Report> MeasureAsync(string postgres, int seconds, Action<string> log)
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3)) : "?";
        var tps1 = await PgbenchAsync(postgres, 1, seconds);
        log($"pgbench single-row insert commits, 1 client: {tps1:N0}/s");
        var tps8 = await PgbenchAsync(postgres, 8, seconds);
        log($"pgbench single-row insert commits, 8 clients: {tps8:N0}/s");
        var marten = new Dictionary<int, double>();
        var schema = "ceiling_" + Guid.NewGuid().ToString("N")[..8];
        var (provider, store) = await StoreFactory.CreateAsync(postgres, schema);
        try
        {
            foreach (var batch in new[] { 1000, 100, 10, 1 })
            {
                marten[batch] = await MartenAppendAsync(store, batch, TimeSpan.FromSeconds(seconds));
                log($"Marten Quick append, {batch} events per SaveChanges: {marten[batch]:N0} events/s");
            }
        }
        finally
        {
            await provider.DisposeAsync();
            await using var db = NpgsqlDataSource.Create(postgres);
            await using var drop = db.CreateCommand($"drop schema if exists {schema} cascade");
            await drop.ExecuteNonQueryAsync();
        }
        return new Report(tps1, tps8, marten, load);
    }

    static async Task<double> PgbenchAsync(string postgres, int clients, int seconds)
    {
        var cs = new NpgsqlConnectionStringBuilder(postgres);
        await using (var db = NpgsqlDataSource.Create(postgres))
        await using (var cmd = db.CreateCommand("create schema if not exists ceiling; create table if not exists ceiling.pgbench_insert (id bigserial primary key, client int, at timestamptz default now())"))
            await cmd.ExecuteNonQueryAsync();
        var script = Path.Combine(Path.GetTempPath(), "logistics-pgbench-insert.sql");
        await File.WriteAllTextAsync(script, "insert into ceiling.pgbench_insert (client) values (:client_id);\n");
        var psi = new ProcessStartInfo("pgbench") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username ?? "postgres", "-n",
                     "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", clients.ToString(CultureInfo.InvariantCulture),
                     "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, cs.Database! })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("pgbench did not start");
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var m = TpsPattern().Match(output);
        return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"pgbench: {output}{await p.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Appends real measurement events (fresh ids) to 1,000 rotating streams for the given time; events per second.</summary>
    static async Task<double> MartenAppendAsync(IDocumentStore store, int perSave, TimeSpan duration)
    {
        var raw = new RawMessage(Guid.CreateVersion7(), "tts-v3", SystemClock.Instance.GetCurrentInstant(), "0", "application/json",
            new Dictionary<string, string>(), LoadRun.Uplink("70B3D57ED0000001", DateTimeOffset.UnixEpoch, 4, 1), "cayenne-lpp") { TenantId = "ceiling" };
        var template = ((TranslatedOutcome)TranslateConsumer.Translate(raw, _ => null)).Events[0];
        var clock = Stopwatch.StartNew();
        long appended = 0;
        var stream = 0;
        while (clock.Elapsed < duration)
        {
            await using var session = store.LightweightSession("ceiling");
            var key = $"device:ceiling:{stream++ % 1000}";
            var events = Enumerable.Range(0, perSave).Select(_ =>
            {
                var w = session.Events.BuildEvent(template with { EventId = Guid.NewGuid().ToString() });
                w.Id = Guid.NewGuid();
                return (object)w;
            }).ToArray();
            session.Events.Append(key, events);
            await session.SaveChangesAsync();
            appended += perSave;
        }
        return Math.Round(appended / clock.Elapsed.TotalSeconds, 0);
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex TpsPattern();
}
