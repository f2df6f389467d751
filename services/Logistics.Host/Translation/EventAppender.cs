using Logistics.Canonical.Events;
using Logistics.Host.Infrastructure;
using Logistics.Host.Intake;
using Marten;
using Npgsql;

namespace Logistics.Host.Translation;

/// <summary>The outcome of translating one raw message.</summary>
public abstract record Outcome(Guid RawId);
public sealed record TranslatedOutcome(Guid RawId, string TenantId, IReadOnlyList<CanonicalEvent> Events) : Outcome(RawId);
public sealed record QuarantinedOutcome(Guid RawId, string Reason) : Outcome(RawId);

/// <summary>
/// Appends a batch's events to their streams and records every raw message's outcome in ONE transaction:
/// either the events and "translated" commit together, or neither does and the batch is redelivered.
/// Events whose deterministic id is already stored are skipped, so a redelivery or a re-posted body appends nothing;
/// the unique index on event id is the backstop if two writers ever race. A batch may hold several tenants' messages:
/// each tenant's events are appended by a session of that tenant enlisted in the batch's one transaction, and the stored
/// event id is tenant-scoped (<see cref="TenantEventIds"/>).
/// </summary>
public sealed class EventAppender(IDocumentStore store, NpgsqlDataSource db, HostSettings settings)
{
    public sealed record Ledger(int Appended, int DuplicatesSuppressed, int Quarantined);

    public async Task<Ledger> CommitAsync(IReadOnlyList<Outcome> outcomes, CancellationToken ct)
    {
        var fresh = new Dictionary<Guid, (string TenantId, CanonicalEvent Event)>();
        var total = 0;
        foreach (var o in outcomes.OfType<TranslatedOutcome>())
            foreach (var e in o.Events)
            {
                total++;
                fresh.TryAdd(TenantEventIds.For(o.TenantId, e.EventId), (o.TenantId, e));
            }
        foreach (var id in await ExistingAsync(fresh.Keys, ct))
            fresh.Remove(id);

        // One transaction for the whole batch, one Marten session per tenant enlisted in it: appending the same stream key
        // for two tenants through ForTenant in ONE session merges them into one stream action under the last tenant
        // (Marten 9.58, seen in a test), so each tenant's events get their own session, and only the transaction commits.
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var tenant in fresh.GroupBy(f => f.Value.TenantId, f => (StoredId: f.Key, f.Value.Event)))
        {
            var options = Marten.Services.SessionOptions.ForTransaction(tx, shouldAutoCommit: false);
            options.TenantId = tenant.Key;
            await using var session = store.LightweightSession(options);
            foreach (var group in tenant.OrderBy(e => e.Event.OccurredAt).GroupBy(e => StreamRouting.StreamKeyFor(e.Event)))
            {
                var wrapped = group.Select(e =>
                {
                    var w = session.Events.BuildEvent(e.Event);
                    w.Id = e.StoredId;
                    return (object)w;
                }).ToArray();
                session.Events.Append(group.Key, wrapped);
            }
            await session.SaveChangesAsync(ct);
        }

        var raw = $"{settings.Schema}.raw_messages";
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            foreach (var o in outcomes)
            {
                var command = o switch
                {
                    TranslatedOutcome t => new NpgsqlBatchCommand(
                        $"update {raw} set status = 'translated', processed_at = transaction_timestamp(), event_count = $1, reason = null where id = $2")
                    { Parameters = { new NpgsqlParameter { Value = t.Events.Count }, new NpgsqlParameter { Value = t.RawId } } },
                    QuarantinedOutcome q => new NpgsqlBatchCommand(
                        $"update {raw} set status = 'quarantined', processed_at = transaction_timestamp(), reason = $1 where id = $2")
                    { Parameters = { new NpgsqlParameter { Value = q.Reason }, new NpgsqlParameter { Value = q.RawId } } },
                    _ => null,
                };
                if (command is not null) batch.BatchCommands.Add(command);
            }
            if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new Ledger(fresh.Count, total - fresh.Count, outcomes.Count(o => o is QuarantinedOutcome));
    }

    async Task<IReadOnlyList<Guid>> ExistingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        await using var cmd = db.CreateCommand($"select id from {settings.Schema}.mt_events where id = any($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        var found = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetGuid(0));
        return found;
    }
}
