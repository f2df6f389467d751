using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Logistics.Access.Audit;

/// <summary>
/// The append-only, hash-chained audit trail: one chain per tenant (<c>audit_entries</c>, seq 1, 2, …), each entry carrying the
/// previous entry's hash, its own hash and an HMAC of it with the <see cref="AuditKey"/>; the chain's head (<c>audit_heads</c>: last
/// seq and hash) is signed the same way and moves in the same transaction as every append. Appends to one chain are
/// serialised by locking its head row. A change and its entry commit together: pass the change's own transaction.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource db, string schema, AuditKey key, IClock clock)
{
    public AuditKey Key => key;

    /// <summary>Appends in its own transaction.</summary>
    public async Task<AuditEntry?> AppendAsync(AuditRecord record, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var entry = await AppendAsync(conn, tx, record, ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>
    /// Appends inside <paramref name="tx"/> (the transaction of the change it records); null when an entry with the record's
    /// idempotency key is already in the chain.
    /// </summary>
    public async Task<AuditEntry?> AppendAsync(NpgsqlConnection conn, NpgsqlTransaction tx, AuditRecord record, CancellationToken ct)
    {
        var at = AuditEntry.Truncate(record.At ?? clock.GetCurrentInstant());
        await using (var head = new NpgsqlCommand(
            $"insert into {schema}.audit_heads (tenant_id, seq, hash, at, mac) values ($1, 0, $2, $3, '') on conflict (tenant_id) do nothing", conn, tx))
        {
            head.Parameters.Add(new NpgsqlParameter { Value = record.TenantId });
            head.Parameters.Add(new NpgsqlParameter { Value = AuditEntry.Genesis });
            head.Parameters.Add(new NpgsqlParameter { Value = at });
            await head.ExecuteNonQueryAsync(ct);
        }
        long seq;
        string prev;
        await using (var locked = new NpgsqlCommand($"select seq, hash from {schema}.audit_heads where tenant_id = $1 for update", conn, tx))
        {
            locked.Parameters.Add(new NpgsqlParameter { Value = record.TenantId });
            await using var r = await locked.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            seq = r.GetInt64(0) + 1;
            prev = r.GetString(1);
        }
        if (record.IdempotencyKey is { } idempotency)
        {
            await using var exists = new NpgsqlCommand(
                $"select 1 from {schema}.audit_entries where tenant_id = $1 and idempotency_key = $2", conn, tx);
            exists.Parameters.Add(new NpgsqlParameter { Value = record.TenantId });
            exists.Parameters.Add(new NpgsqlParameter { Value = idempotency });
            if (await exists.ExecuteScalarAsync(ct) is not null) return null;
        }

        var hash = AuditEntry.HashOf(record.TenantId, seq, at, record.Actor, record.Action, record.Target, record.Before, record.After, record.Reason,
            record.IdempotencyKey, prev);
        var entry = new AuditEntry(record.TenantId, seq, at, record.Actor, record.Action, record.Target, record.Before, record.After, record.Reason,
            record.IdempotencyKey, prev, hash, key.Sign(AuditEntry.EntryMacInput(hash)));
        await using (var insert = new NpgsqlCommand($"""
            insert into {schema}.audit_entries (tenant_id, seq, at, actor, action, target, before, after, reason, idempotency_key, prev_hash, hash, mac)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """, conn, tx))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.TenantId });
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.Seq });
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.At });
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.Actor });
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.Action });
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.Target });
            foreach (var text in new[] { entry.Before, entry.After, entry.Reason, entry.IdempotencyKey })
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.PrevHash });
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.Hash });
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.Mac });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using (var move = new NpgsqlCommand($"update {schema}.audit_heads set seq = $2, hash = $3, at = $4, mac = $5 where tenant_id = $1", conn, tx))
        {
            move.Parameters.Add(new NpgsqlParameter { Value = entry.TenantId });
            move.Parameters.Add(new NpgsqlParameter { Value = entry.Seq });
            move.Parameters.Add(new NpgsqlParameter { Value = entry.Hash });
            move.Parameters.Add(new NpgsqlParameter { Value = entry.At });
            move.Parameters.Add(new NpgsqlParameter { Value = key.Sign(AuditEntry.HeadMacInput(entry.TenantId, entry.Seq, entry.Hash)) });
            await move.ExecuteNonQueryAsync(ct);
        }
        return entry;
    }

    /// <summary>
    /// A tenant's entries in chain order, optionally in [<paramref name="from"/>, <paramref name="to"/>) and about one target
    /// (the target itself or anything under it: <c>shipment:shp_1</c> also gives <c>shipment:shp_1/report:2</c>).
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, Instant? from, Instant? to, string? target, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select {Columns} from {schema}.audit_entries
            where tenant_id = $1 and ($2::timestamptz is null or at >= $2) and ($3::timestamptz is null or at < $3)
              and ($4::text is null or target = $4 or starts_with(target, $4 || '/'))
            order by seq
            limit $5
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)target ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(cmd, ct);
    }

    /// <summary>Tenants that have no chain yet (e.g. created before the audit trail existed).</summary>
    public async Task<IReadOnlyList<string>> TenantsWithoutChainAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select t.id from {schema}.tenants t where not exists (select 1 from {schema}.audit_heads h where h.tenant_id = t.id) order by t.id");
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }

    internal const string Columns = "tenant_id, seq, at, actor, action, target, before, after, reason, idempotency_key, prev_hash, hash, mac";

    internal static async Task<IReadOnlyList<AuditEntry>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<AuditEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    internal static AuditEntry Read(NpgsqlDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new AuditEntry(r.GetString(0), r.GetInt64(1), r.GetFieldValue<Instant>(2), r.GetString(3), r.GetString(4), r.GetString(5), Text(6),
            Text(7), Text(8), Text(9), r.GetString(10), r.GetString(11), r.GetString(12));
    }
}
