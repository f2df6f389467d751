using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Logistics.LoadHarness;
using Npgsql;

namespace Logistics.FaultHarness;

/// <summary>
/// Sustained open-loop load (TTS v3 uplinks, 2 events each) on real host processes while RabbitMQ's VM, PostgreSQL's
/// postmaster and the hosts are SIGKILLed in turn, each brought back by the project's own scripts (or a new process);
/// then waits for the store to drain and writes the ledger. Every run uses its own schema and queue prefix.
/// </summary>
public static class FaultRun
{
    const int EventsPerMessage = 2;

    public static async Task<FaultLedger> RunAsync(FaultOptions o, Action<string> log, CancellationToken ct)
    {
        if (!File.Exists(o.HostDll)) throw new FileNotFoundException($"host not built: {o.HostDll}");
        var run = "f" + Guid.NewGuid().ToString("N")[..10];
        var devicePrefix = Random.Shared.Next(0x100000, 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture);
        var logDir = Path.Combine(o.Repo, ".data", "fault-runs", run);
        Directory.CreateDirectory(logDir);
        log($"fault run {run}: {o.Hosts} host(s), {o.Rate}/s for {o.Seconds} s, {o.Kills} kills of [{string.Join(",", o.Targets)}]; logs in {logDir}");

        var hosts = Enumerable.Range(0, o.Hosts).Select(i => new HostProcess(o, i, run, run, logDir)).ToList();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128, ConnectTimeout = TimeSpan.FromSeconds(2) })
        { Timeout = TimeSpan.FromSeconds(15) };
        await using var db = NpgsqlDataSource.Create(o.Postgres);
        var clean = false;
        try
        {
            foreach (var h in hosts) h.Start();
            foreach (var h in hosts) await WaitHealthyAsync(http, h, TimeSpan.FromSeconds(120), ct);
            // Intake takes an integrator key: a tenant of the run's own, made as a user makes one.
            var key = await IntegratorKey.CreateAsync(o.Postgres, run, hosts[0].Url, $"fault run {run}", ct);
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Key);
            log($"hosts healthy; tenant {key.TenantId}; load starts");

            var accepted = new ConcurrentBag<Guid>();
            long sent = 0, rejected = 0, failed = 0;
            var clock = Stopwatch.StartNew();
            // The load lasts --seconds, and longer while kills remain (recoveries on a busy machine can take longer
            // than the schedule), so that every kill hits a pipeline under load.
            var killsDone = new TaskCompletionSource();
            var load = Task.Run(async () =>
            {
                var inflight = new List<Task>();
                var total = o.Rate * o.Seconds;
                var epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                for (var i = 0; (i < total || !killsDone.Task.IsCompleted) && !ct.IsCancellationRequested; i++)
                {
                    var wait = TimeSpan.FromSeconds((double)i / o.Rate) - clock.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                    var n = i;
                    Interlocked.Increment(ref sent);
                    inflight.Add(Task.Run(async () =>
                    {
                        var device = $"{devicePrefix}{n % o.Devices:X10}";
                        var body = LoadRun.Uplink(device, epoch.AddSeconds(n / o.Devices * 60), 2 + n % 60 / 10.0, n);
                        try
                        {
                            using var response = await http.PostAsync(new Uri(hosts[n % hosts.Count].Url, "/ingest/tts-v3?codec=cayenne-lpp"), new ByteArrayContent(body), ct);
                            if ((int)response.StatusCode == 202)
                                accepted.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("rawMessageId").GetGuid());
                            else if ((int)response.StatusCode == 503) Interlocked.Increment(ref rejected);
                            else Interlocked.Increment(ref failed);
                        }
                        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                        {
                            Interlocked.Increment(ref failed);
                        }
                    }, ct));
                }
                await Task.WhenAll(inflight);
            }, ct);

            // Kills spread over the load, in turn over the targets; each waits for its dependency to be back before the next.
            var kills = new List<KillRecord>();
            var pendingDrains = new List<Task>();
            var interval = TimeSpan.FromSeconds((double)o.Seconds / (o.Kills + 1));
            int hostTurn = 0, nodeTurn = 0;
            for (var k = 0; k < o.Kills; k++)
            {
                var due = interval * (k + 1) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, ct);
                var target = o.Targets[k % o.Targets.Length];
                var at = clock.Elapsed.TotalSeconds;
                var acceptedAtKill = accepted.Count;
                var killWatch = Stopwatch.StartNew();
                switch (target)
                {
                    case "rabbitmq":
                    case "postgres":
                        Script(o, "kill.sh", target);
                        await Task.Delay(TimeSpan.FromSeconds(o.DownSeconds), ct);
                        Script(o, "start.sh", target);
                        break;
                    case "rabbitmq-node":
                        // One node of the local 3-node cluster, in turn; the other two keep the quorum queues' majority.
                        var node = (nodeTurn++ % 3 + 1).ToString(CultureInfo.InvariantCulture);
                        Script(o, "cluster.sh", "kill", node);
                        await Task.Delay(TimeSpan.FromSeconds(o.DownSeconds), ct);
                        Script(o, "cluster.sh", "start", node);
                        target = $"rabbitmq-node-{node}";
                        break;
                    case "host":
                        var h = hosts[hostTurn++ % hosts.Count];
                        h.Kill();
                        await Task.Delay(TimeSpan.FromSeconds(o.DownSeconds), ct);
                        h.Start();
                        // Generous: a host restarting into a backlog on a saturated shared machine took > 120 s once.
                        await WaitHealthyAsync(http, h, TimeSpan.FromSeconds(600), ct);
                        break;
                    default:
                        throw new ArgumentException($"unknown kill target '{target}' (rabbitmq, rabbitmq-node, postgres, host)");
                }
                var down = killWatch.Elapsed.TotalSeconds;
                var number = k + 1;
                log(string.Create(CultureInfo.InvariantCulture, $"kill #{number}: {target} at {at:0.0} s, back after {down:0.0} s ({acceptedAtKill} accepted so far)"));
                var record = new KillRecord(number, target, at, down, acceptedAtKill, null);
                var index = kills.Count;
                kills.Add(record);
                var restartedAt = clock.Elapsed;
                pendingDrains.Add(Task.Run(async () =>
                {
                    var deadline = restartedAt + TimeSpan.FromSeconds(o.DrainSeconds);
                    while (clock.Elapsed < deadline && !ct.IsCancellationRequested)
                    {
                        if (await TryCountAsync(db, run, devicePrefix, ct) >= acceptedAtKill * EventsPerMessage)
                        {
                            lock (kills) kills[index] = record with { DrainSeconds = (clock.Elapsed - restartedAt).TotalSeconds };
                            return;
                        }
                        await Task.Delay(250, ct);
                    }
                }, ct));
            }
            killsDone.TrySetResult();
            await load;
            var loadEnded = clock.Elapsed;
            log($"load ended after {loadEnded.TotalSeconds:0} s: sent {sent}, accepted {accepted.Count}, rejected {rejected}, failed {failed}; draining");

            // Drain: until every uplink the inbox holds has its events (or the drain time runs out).
            var drainDeadline = loadEnded + TimeSpan.FromSeconds(o.DrainSeconds);
            long stored = 0, uniqueKeys = 0;
            while (clock.Elapsed < drainDeadline)
            {
                (stored, uniqueKeys) = (await TryCountAsync(db, run, devicePrefix, ct), await TryUniqueKeysAsync(db, run, ct));
                if (stored >= uniqueKeys && uniqueKeys >= accepted.Count * EventsPerMessage) break;
                await Task.Delay(500, ct);
            }
            var drained = (clock.Elapsed - loadEnded).TotalSeconds;
            await Task.WhenAll(pendingDrains);
            await Task.Delay(2000, ct); // anything arriving after the counts met would be an extra
            stored = await TryCountAsync(db, run, devicePrefix, ct);
            uniqueKeys = await TryUniqueKeysAsync(db, run, ct);
            var ids = accepted.ToArray();
            var (notStored, notTranslated, storedTotal) = await ByIdsAsync(db, run, ids, ct);
            var ledger = new FaultLedger(sent, ids.Length, rejected, failed, storedTotal - (ids.Length - notStored), notStored, notTranslated,
                uniqueKeys, stored, kills.Count, drained, kills);
            clean = ledger.Clean;
            if (!clean) log($"ledger not clean: schema {run} and its queues are kept for inspection");
            return ledger;
        }
        finally
        {
            foreach (var h in hosts) h.Dispose();
            if (clean) await DropAsync(db, run, o);
        }
    }

    static void Script(FaultOptions o, string script, params string[] args)
    {
        var target = string.Join(' ', args);
        var psi = new ProcessStartInfo(Path.Combine(o.Repo, "deploy", "local", script)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(); throw new TimeoutException($"{script} {target} did not finish"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{script} {target} exited {p.ExitCode}: {err.Result}");
    }

    static async Task WaitHealthyAsync(HttpClient http, HostProcess h, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var r = await http.GetAsync(new Uri(h.Url, "/health"), ct);
                if (r.IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            if (!h.Running) throw new InvalidOperationException($"host {h.Index} exited; see its log");
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"host {h.Index} not healthy after {timeout.TotalSeconds:0} s");
    }

    /// <summary>Events in the run's device streams; -1 while PostgreSQL is down (the caller polls again).</summary>
    static async Task<long> TryCountAsync(NpgsqlDataSource db, string schema, string devicePrefix, CancellationToken ct)
    {
        try
        {
            await using var cmd = db.CreateCommand($"select count(*) from {schema}.mt_events where stream_id like $1");
            cmd.Parameters.Add(new NpgsqlParameter { Value = $"device:devEui:{devicePrefix}%" });
            return (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException) { return -1; }
    }

    static async Task<long> TryUniqueKeysAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        try
        {
            await using var cmd = db.CreateCommand($"select count(distinct sha256) from {schema}.raw_messages");
            return EventsPerMessage * (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException) { return long.MaxValue; }
    }

    static async Task<(long NotStored, long NotTranslated, long StoredTotal)> ByIdsAsync(NpgsqlDataSource db, string schema, Guid[] ids, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select $2::bigint - count(*), count(*) filter (where status <> 'translated'), (select count(*) from {schema}.raw_messages)
            from {schema}.raw_messages where id = any($1)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (long)ids.Length });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    static async Task DropAsync(NpgsqlDataSource db, string run, FaultOptions o)
    {
        try
        {
            await using var cmd = db.CreateCommand($"drop schema if exists {run} cascade");
            await cmd.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException) { /* best effort: a later run uses its own schema */ }
        var cluster = !string.IsNullOrWhiteSpace(o.RabbitMqCluster);
        for (var q = -1; q < o.Partitions; q++)
        {
            var psi = new ProcessStartInfo(Path.Combine(o.Repo, "deploy", "local", cluster ? "cluster.sh" : "rabbitmqctl.sh"))
            { RedirectStandardError = true, RedirectStandardOutput = true };
            if (cluster) { psi.ArgumentList.Add("ctl"); psi.ArgumentList.Add("1"); }
            psi.ArgumentList.Add("delete_queue");
            psi.ArgumentList.Add(q < 0 ? $"{run}-translate" : $"{run}-translate-p{q}");
            using var p = Process.Start(psi);
            p?.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }
}
