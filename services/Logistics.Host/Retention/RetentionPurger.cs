using Logistics.Access.Audit;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Retention;

/// <summary>
/// Purges one tenant's records past its retention, in one transaction with the audit entry that says what went:
/// translated raw messages, quarantined raw messages and timeline entries (a derived read model). The event streams are the
/// record and are never purged. A protected shipment keeps everything that can be traced to it: its raw messages (through
/// the events they became, in its reference and device streams) and its timeline entries. Protected are shipments under an
/// explicit legal hold and shipments under review — whose newest report version has no approval or rejection yet (an open
/// signature workflow: unsigned, or reviewed only).
/// The link from a stream to a shipment ignores the identifier's time window on purpose: a hold keeps more, never less.
/// </summary>
public sealed class RetentionPurger(NpgsqlDataSource db, HostSettings settings, RetentionStore store, AuditTrail audit, IClock clock,
    ILogger<RetentionPurger> log)
{
    public sealed record Result(string TenantId, int ProtectedShipments, int RawMessages, int Quarantined, int TimelineEntries,
        Instant RawBefore, Instant QuarantineBefore, Instant ReadModelBefore);

    public async Task<Result> PurgeAsync(string tenantId, string actor, CancellationToken ct)
    {
        var policy = await store.PolicyAsync(tenantId, ct);
        var now = clock.GetCurrentInstant();
        Instant Before(int days) => now - Duration.FromDays(days);
        var (rawBefore, quarantineBefore, readModelBefore) = (Before(policy.RawMessageDays), Before(policy.QuarantineDays), Before(policy.ReadModelDays));
        var s = settings.Schema;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Serialises purges of one tenant (the worker and a manual run), so the audit entries never overlap.
        await Exec(conn, tx, "select pg_advisory_xact_lock(hashtext('retention:' || $1))", ct, tenantId);
        await Exec(conn, tx, $"""
            create temp table retained on commit drop as
            with held as (
                select shipment_id from {s}.legal_holds where tenant_id = $1
                union
                select substr(v.stream_id, length('shipment:') + 1) from {s}.mt_events v
                 where v.tenant_id = $1 and v.stream_id like 'shipment:%' and v.type = 'report_version_made'
                   and not exists (select 1 from {s}.mt_events n where n.tenant_id = $1 and n.stream_id = v.stream_id
                                     and n.type = 'report_version_made' and (n.data ->> 'Version')::int > (v.data ->> 'Version')::int)
                   and not exists (select 1 from {s}.mt_events g where g.tenant_id = $1 and g.stream_id = v.stream_id
                                     and g.type = 'report_signed' and g.data ->> 'Version' = v.data ->> 'Version'
                                     and g.data ->> 'Meaning' in ('approved', 'rejected'))
            )
            select h.shipment_id, 'ref:' || r.ref as stream, r.ref as ref from held h join {s}.shipment_refs r on r.tenant_id = $1 and r.shipment_id = h.shipment_id
            union select h.shipment_id, 'device:' || d.device, d.device from held h join {s}.shipment_devices d on d.tenant_id = $1 and d.shipment_id = h.shipment_id
            union select h.shipment_id, null, '@' || h.shipment_id from held h
            """, ct, tenantId);
        var protectedShipments = Convert.ToInt32(await Scalar(conn, tx, "select count(distinct shipment_id) from retained", ct));

        var raw = await Exec(conn, tx, $"""
            delete from {s}.raw_messages r
             where r.tenant_id = $1 and r.status = 'translated' and r.received_at < $2
               and not exists (select 1 from {s}.mt_events e join retained p on e.stream_id = p.stream
                                where e.tenant_id = $1 and e.data -> 'Source' ->> 'RawSha256' = r.sha256)
            """, ct, tenantId, rawBefore);
        var quarantined = await Exec(conn, tx,
            $"delete from {s}.raw_messages where tenant_id = $1 and status = 'quarantined' and received_at < $2", ct, tenantId, quarantineBefore);
        var timeline = await Exec(conn, tx, $"""
            delete from {s}.timeline_entries t
             where t.tenant_id = $1 and t.occurred_at < $2 and not exists (select 1 from retained p where p.ref = t.ref)
            """, ct, tenantId, readModelBefore);

        var result = new Result(tenantId, protectedShipments, raw, quarantined, timeline, rawBefore, quarantineBefore, readModelBefore);
        await audit.AppendAsync(conn, tx, new AuditRecord(tenantId, actor, "retention.purge", "retention",
            Before: AuditRecord.Json(policy), After: AuditRecord.Json(result)), ct);
        await tx.CommitAsync(ct);
        log.LogInformation("retention purge for {TenantId}: {Raw} raw, {Quarantined} quarantined, {Timeline} timeline entries; {Protected} shipments protected",
            tenantId, raw, quarantined, timeline, protectedShipments);
        return result;
    }

    public async Task<IReadOnlyList<string>> TenantsAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select id from {settings.Schema}.tenants order by id");
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }

    static async Task<int> Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    static async Task<object?> Scalar(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        return await cmd.ExecuteScalarAsync(ct);
    }
}
