using System.Diagnostics;
using System.Globalization;
using Logistics.Access;
using Logistics.Canonical.Events;
using Logistics.Host.Infrastructure;
using Logistics.Host.Intake;
using Logistics.Host.Translation;
using Marten;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Logistics.LoadHarness;

/// <summary>
/// <c>bulk-load --events N [--devices D] [--schema S] [--tenant T]</c> (without <c>--tenant</c>, a new tenant): fills a store with N canonical events fast, so
/// that throughput is measured on a store that already holds a lot. The events are real: TTS v3 uplinks of the load
/// harness's shape, translated by the tts-v3 adapter (temperature + humidity: 2 events each), serialized by the host's
/// Marten configuration, written with binary COPY into mt_events (sequence numbers reserved from mt_events_sequence)
/// and mt_streams (one device stream per device). It bypasses Marten's append path — no inline projection sees these
/// events (they are measurements: the live-location projection reads positions only) — and runs alone on its schema.
/// </summary>
public static class BulkLoad
{
    const int BatchRows = 100_000;

    public static async Task<int> MainAsync(string[] args)
    {
        string Get(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
        var events = long.Parse(Get("--events", "10000000"), CultureInfo.InvariantCulture);
        var devices = int.Parse(Get("--devices", "10000"), CultureInfo.InvariantCulture);
        var schema = Get("--schema", "logistics");
        var postgres = Get("--postgres", Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES") ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics");
        var tenant = Get("--tenant", "") is { Length: > 0 } given ? given : await NewTenantAsync(postgres, schema);

        var (provider, store) = await StoreFactory.CreateAsync(postgres, schema);
        await using var _ = provider;
        var serializer = store.Options.Serializer();
        // NodaTime's mapping: the COPY writes the events' Instants as timestamptz, as the host's data source does.
        var dbBuilder = new NpgsqlDataSourceBuilder(postgres);
        dbBuilder.UseNodaTime();
        await using var db = dbBuilder.Build();
        var (typeName, dotnetType) = await EventTypeNamesAsync(store, db, schema, tenant);

        var prefix = Random.Shared.Next(0x100000, 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture);
        var uplinks = (events + 1) / 2;
        var epoch = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var received = Instant.FromDateTimeOffset(epoch);
        Console.Error.WriteLine($"bulk-load: {uplinks * 2:N0} events ({uplinks:N0} uplinks) over {devices:N0} device streams into {schema}, tenant {tenant} (devices {prefix}…)");

        // Every device's stream first, at version 0 (mt_events has a foreign key to mt_streams); the versions are set at the end.
        await using (var conn = await db.OpenConnectionAsync())
        await using (var copy = await conn.BeginBinaryImportAsync($"copy {schema}.mt_streams (id, version, tenant_id, is_archived) from stdin (format binary)"))
        {
            for (var d = 0; d < devices; d++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync($"device:devEui:{prefix}{d:X10}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(tenant, NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            }
            await copy.CompleteAsync();
        }
        long seq;
        await using (var cmd = db.CreateCommand($"select nextval('{schema}.mt_events_sequence')")) seq = (long)(await cmd.ExecuteScalarAsync())!;
        var firstSeq = seq;
        var versions = new long[devices];
        var clock = Stopwatch.StartNew();
        long written = 0;
        var noCodecs = (Func<string, string?>)(_ => null);
        for (long start = 0; start < uplinks; start += BatchRows / 2)
        {
            await using var conn = await db.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await using (var copy = await conn.BeginBinaryImportAsync(
                $"copy {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived) from stdin (format binary)"))
            {
                for (var n = start; n < Math.Min(uplinks, start + BatchRows / 2); n++)
                {
                    var d = (int)(n % devices);
                    var device = $"{prefix}{d:X10}";
                    var body = LoadRun.Uplink(device, epoch.AddSeconds(n / devices * 60), 2 + n % 60 / 10.0, (int)(n % int.MaxValue));
                    var raw = new RawMessage(Guid.CreateVersion7(), "tts-v3", received, RawHash.Sha256Hex(body), "application/json",
                        new Dictionary<string, string>(), body, "cayenne-lpp") { TenantId = tenant };
                    if (TranslateConsumer.Translate(raw, noCodecs) is not TranslatedOutcome t)
                        throw new InvalidOperationException("the synthetic uplink was rejected by the tts-v3 adapter");
                    foreach (var e in t.Events)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(seq++, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(TenantEventIds.For(tenant, e.EventId), NpgsqlDbType.Uuid);
                        await copy.WriteAsync(StreamRouting.StreamKeyFor(e), NpgsqlDbType.Varchar);
                        await copy.WriteAsync(++versions[d], NpgsqlDbType.Bigint);
                        await copy.WriteAsync(serializer.ToJson(e), NpgsqlDbType.Jsonb);
                        await copy.WriteAsync(typeName, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(e.ReceivedAt, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(tenant, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(dotnetType, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                        written++;
                    }
                }
                await copy.CompleteAsync();
            }
            await tx.CommitAsync();
            Console.Error.WriteLine($"  {written:N0} events, {written / clock.Elapsed.TotalSeconds:N0}/s");
        }
        await using (var conn = await db.OpenConnectionAsync())
        {
            // The streams' final versions (the rows exist since before the events: mt_events references mt_streams).
            await using (var temp = new NpgsqlCommand("create temporary table bulk_versions (id varchar, version bigint)", conn))
                await temp.ExecuteNonQueryAsync();
            await using (var copy = await conn.BeginBinaryImportAsync("copy bulk_versions (id, version) from stdin (format binary)"))
            {
                for (var d = 0; d < devices; d++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync($"device:devEui:{prefix}{d:X10}", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(versions[d], NpgsqlDbType.Bigint);
                }
                await copy.CompleteAsync();
            }
            await using (var update = new NpgsqlCommand(
                $"update {schema}.mt_streams s set version = v.version from bulk_versions v where s.id = v.id and s.tenant_id = $1", conn))
            {
                update.Parameters.Add(new NpgsqlParameter { Value = tenant });
                await update.ExecuteNonQueryAsync();
            }
            await using var set = new NpgsqlCommand($"select setval('{schema}.mt_events_sequence', greatest({seq - 1}, (select last_value from {schema}.mt_events_sequence)))", conn);
            await set.ExecuteNonQueryAsync();
            await using var analyze = new NpgsqlCommand($"analyze {schema}.mt_events; analyze {schema}.mt_streams", conn);
            await analyze.ExecuteNonQueryAsync();
        }
        long total;
        await using (var cmd = db.CreateCommand($"select count(*) from {schema}.mt_events")) total = (long)(await cmd.ExecuteScalarAsync())!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"schema\":\"{schema}\",\"tenant\":\"{tenant}\",\"eventsWritten\":{written},\"seq\":[{firstSeq},{seq - 1}],\"seconds\":{clock.Elapsed.TotalSeconds:0.0},\"eventsPerSecond\":{written / clock.Elapsed.TotalSeconds:0},\"eventsInStore\":{total}}}"));
        return 0;
    }

    /// <summary>A tenant of its own for the loaded events, made with the code of <c>./logistics tenants create</c>.</summary>
    static async Task<string> NewTenantAsync(string postgres, string schema)
    {
        var builder = new NpgsqlDataSourceBuilder(postgres);
        builder.UseNodaTime();
        await using var db = builder.Build();
        await AccessSchema.ApplyAsync(db, schema, CancellationToken.None);
        return (await new ApiKeyStore(db, schema, SystemClock.Instance).CreateTenantAsync("bulk load", CancellationToken.None)).TenantId;
    }

    /// <summary>Marten's names for a measurement event: appended once through Marten itself, then read back.</summary>
    static async Task<(string Type, string DotnetType)> EventTypeNamesAsync(IDocumentStore store, NpgsqlDataSource db, string schema, string tenant)
    {
        var probe = $"device:devEui:bulk-load-probe";
        await using (var session = store.LightweightSession(tenant))
        {
            var raw = new RawMessage(Guid.CreateVersion7(), "tts-v3", SystemClock.Instance.GetCurrentInstant(), "0", "application/json",
                new Dictionary<string, string>(), LoadRun.Uplink("FFFFFFFFFFFFFFFF", DateTimeOffset.UnixEpoch, 1, 1), "cayenne-lpp") { TenantId = tenant };
            var e = ((TranslatedOutcome)TranslateConsumer.Translate(raw, _ => null)).Events.OfType<MeasurementEvent>().First();
            await using var exists = db.CreateCommand($"select count(*) from {schema}.mt_events where id = $1");
            exists.Parameters.Add(new NpgsqlParameter { Value = TenantEventIds.For(tenant, e.EventId) });
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                var w = session.Events.BuildEvent(e);
                w.Id = TenantEventIds.For(tenant, e.EventId);
                session.Events.Append(probe, w);
                await session.SaveChangesAsync();
            }
        }
        await using var cmd = db.CreateCommand($"select type, mt_dotnet_type from {schema}.mt_events where stream_id = $1 limit 1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = probe });
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetString(0), r.GetString(1));
    }
}
