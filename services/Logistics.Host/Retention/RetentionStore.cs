using Logistics.Access.Audit;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Retention;

/// <summary>Reads and changes a tenant's retention policy and its legal holds; every change is an audit entry in the same transaction.</summary>
public sealed class RetentionStore(NpgsqlDataSource db, HostSettings settings, AuditTrail audit, IClock clock)
{
    string T(string table) => $"{settings.Schema}.{table}";

    public async Task<RetentionPolicy> PolicyAsync(string tenantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select raw_message_days, quarantine_days, read_model_days from {T("retention_policies")} where tenant_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var d = settings.Retention;
        return await r.ReadAsync(ct) ? new RetentionPolicy(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2))
                                     : new RetentionPolicy(d.RawMessageDays, d.QuarantineDays, d.ReadModelDays);
    }

    public async Task SetPolicyAsync(string tenantId, RetentionPolicy policy, string actor, CancellationToken ct)
    {
        var before = await PolicyAsync(tenantId, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand($"""
            insert into {T("retention_policies")} (tenant_id, raw_message_days, quarantine_days, read_model_days, updated_at, updated_by)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (tenant_id) do update set raw_message_days = $2, quarantine_days = $3, read_model_days = $4, updated_at = $5, updated_by = $6
            """, conn, tx))
        {
            foreach (var v in new object[] { tenantId, policy.RawMessageDays, policy.QuarantineDays, policy.ReadModelDays, clock.GetCurrentInstant(), actor })
                cmd.Parameters.Add(new NpgsqlParameter { Value = v });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await audit.AppendAsync(conn, tx, new AuditRecord(tenantId, actor, "retention.policy.set", "retention",
            AuditRecord.Json(before), AuditRecord.Json(policy)), ct);
        await tx.CommitAsync(ct);
    }

    public sealed record LegalHold(string ShipmentId, string Reason, string PlacedBy, Instant PlacedAt);

    public async Task<LegalHold?> HoldAsync(string tenantId, string shipmentId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select reason, placed_by, placed_at from {T("legal_holds")} where tenant_id = $1 and shipment_id = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = shipmentId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new LegalHold(shipmentId, r.GetString(0), r.GetString(1), r.GetFieldValue<Instant>(2)) : null;
    }

    public async Task<IReadOnlyList<LegalHold>> HoldsAsync(string tenantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select shipment_id, reason, placed_by, placed_at from {T("legal_holds")} where tenant_id = $1 order by placed_at, shipment_id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var list = new List<LegalHold>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new LegalHold(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<Instant>(3)));
        return list;
    }

    /// <summary>Places (or re-states) a hold; returns it.</summary>
    public async Task<LegalHold> PlaceHoldAsync(string tenantId, string shipmentId, string reason, string actor, CancellationToken ct)
    {
        var hold = new LegalHold(shipmentId, reason, actor, clock.GetCurrentInstant());
        await ChangeAsync(tenantId, $"""
            insert into {T("legal_holds")} (tenant_id, shipment_id, reason, placed_by, placed_at) values ($1, $2, $3, $4, $5)
            on conflict (tenant_id, shipment_id) do update set reason = $3, placed_by = $4, placed_at = $5
            """, [tenantId, shipmentId, reason, actor, hold.PlacedAt],
            new AuditRecord(tenantId, actor, "retention.hold.placed", $"shipment:{shipmentId}", After: AuditRecord.Json(new { reason }), Reason: reason), ct);
        return hold;
    }

    /// <returns>false when the shipment had no hold.</returns>
    public async Task<bool> ReleaseHoldAsync(string tenantId, string shipmentId, string actor, CancellationToken ct)
    {
        if (await HoldAsync(tenantId, shipmentId, ct) is not { } hold) return false;
        await ChangeAsync(tenantId, $"delete from {T("legal_holds")} where tenant_id = $1 and shipment_id = $2", [tenantId, shipmentId],
            new AuditRecord(tenantId, actor, "retention.hold.released", $"shipment:{shipmentId}", Before: AuditRecord.Json(new { hold.Reason, hold.PlacedBy })), ct);
        return true;
    }

    async Task ChangeAsync(string tenantId, string sql, object[] args, AuditRecord record, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand(sql, conn, tx))
        {
            foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await audit.AppendAsync(conn, tx, record, ct);
        await tx.CommitAsync(ct);
    }
}
