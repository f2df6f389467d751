using Npgsql;

namespace Logistics.Access.Audit;

/// <summary>The outcome of checking the audit chains: how many entries, and the first break (null: intact).</summary>
public sealed record AuditVerification(long Entries, int Chains, string? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Checks every chain (or one tenant's) entry by entry, in order: each seq follows the previous one, each entry names the
/// previous entry's hash, each hash matches the entry's content and place, each MAC verifies with the audit key, and the
/// chain ends exactly at its signed head. Reports the first break as one line naming the tenant and the entry. What each
/// check catches (and what none can) is in docs/audit-trail.md.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(NpgsqlDataSource db, string schema, AuditKey key, string? tenantId, CancellationToken ct)
    {
        var tenants = await ChainsAsync(db, schema, tenantId, ct);
        long entries = 0;
        foreach (var tenant in tenants)
        {
            var (count, problem) = await VerifyChainAsync(db, schema, key, tenant, ct);
            entries += count;
            if (problem is not null) return new AuditVerification(entries, tenants.Count, $"audit chain of tenant {tenant}: {problem}");
        }
        return new AuditVerification(entries, tenants.Count, null);
    }

    /// <summary>Every tenant that has entries, a head, or a tenant row: a tenant whose whole chain was removed is still checked.</summary>
    static async Task<IReadOnlyList<string>> ChainsAsync(NpgsqlDataSource db, string schema, string? tenantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select tenant_id from (
                select distinct tenant_id from {schema}.audit_entries
                union select tenant_id from {schema}.audit_heads
                union select id from {schema}.tenants) all_tenants
            where $1::text is null or tenant_id = $1
            order by tenant_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)tenantId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }

    static async Task<(long Count, string? Problem)> VerifyChainAsync(NpgsqlDataSource db, string schema, AuditKey key, string tenant, CancellationToken ct)
    {
        // One snapshot for the chain and its head, so a concurrent append is never mistaken for a break.
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        long count = 0;
        AuditEntry? last = null;
        await using (var cmd = new NpgsqlCommand($"select {AuditTrail.Columns} from {schema}.audit_entries where tenant_id = $1 order by seq", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var e = AuditTrail.Read(r);
                count++;
                var expected = (last?.Seq ?? 0) + 1;
                if (e.Seq != expected)
                    return (count, e.Seq > expected
                        ? $"entry {expected}: missing (entry {expected - 1} is followed by entry {e.Seq}: deleted)"
                        : $"entry {e.Seq}: out of place (after entry {expected - 1})");
                if (e.PrevHash != (last?.Hash ?? AuditEntry.Genesis))
                    return (count, $"entry {e.Seq}: not linked to entry {e.Seq - 1} (its previous hash is not that entry's hash: moved, reordered or inserted)");
                if (e.ComputedHash() != e.Hash)
                    return (count, $"entry {e.Seq}: content does not match its hash (edited)");
                if (!key.Verifies(AuditEntry.EntryMacInput(e.Hash), e.Mac))
                    return (count, $"entry {e.Seq}: not signed with the audit key {key.Id} (forged)");
                last = e;
            }
        }

        long headSeq;
        string headHash, headMac;
        await using (var cmd = new NpgsqlCommand($"select seq, hash, mac from {schema}.audit_heads where tenant_id = $1", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct))
                return (count, last is null
                    ? "no audit chain and no signed head (a tenant without its tenant.created entry: the chain was removed)"
                    : $"entry {last.Seq}: the chain has no signed head (its head record was removed)");
            (headSeq, headHash, headMac) = (r.GetInt64(0), r.GetString(1), r.GetString(2));
        }
        if (!key.Verifies(AuditEntry.HeadMacInput(tenant, headSeq, headHash), headMac))
            return (count, $"entry {headSeq}: the chain's head is not signed with the audit key {key.Id} (forged head)");
        var lastSeq = last?.Seq ?? 0;
        if (headSeq > lastSeq)
            return (count, $"entry {lastSeq + 1}: missing (the chain ends at entry {lastSeq} but its signed head is entry {headSeq}: truncated)");
        if (headSeq < lastSeq)
            return (count, $"entry {headSeq + 1}: after the signed head (entry {headSeq}): appended outside the audit trail");
        if (last is not null && last.Hash != headHash)
            return (count, $"entry {lastSeq}: does not match the chain's signed head");
        await tx.CommitAsync(ct);
        return (count, null);
    }
}
