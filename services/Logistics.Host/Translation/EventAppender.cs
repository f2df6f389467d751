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
/// each tenant's events are appended through <c>session.ForTenant</c> in the same session, so the one transaction stays,
/// and the stored event id is tenant-scoped (<see cref="TenantEventIds"/>).
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

        await using var session = store.LightweightSession();
        foreach (var tenant in fresh.GroupBy(f => f.Value.TenantId, f => (StoredId: f.Key, f.Value.Event)))
        {
            var operations = session.ForTenant(tenant.Key);
            foreach (var group in tenant.OrderBy(e => e.Event.OccurredAt).GroupBy(e => StreamRouting.StreamKeyFor(e.Event)))
            {
                var wrapped = group.Select(e =>
                {
                    var w = operations.Events.BuildEvent(e.Event);
                    w.Id = e.StoredId;
                    return (object)w;
                }).ToArray();
                operations.Events.Append(group.Key, wrapped);
            }
        }

        var raw = $"{settings.Schema}.raw_messages";
        foreach (var o in outcomes)
        {
            switch (o)
            {
                case TranslatedOutcome t:
                    session.QueueSqlCommand($"update {raw} set status = 'translated', processed_at = transaction_timestamp(), event_count = ?, reason = null where id = ?",
                        t.Events.Count, t.RawId);
                    break;
                case QuarantinedOutcome q:
                    session.QueueSqlCommand($"update {raw} set status = 'quarantined', processed_at = transaction_timestamp(), reason = ? where id = ?",
                        q.Reason, q.RawId);
                    break;
            }
        }
        await session.SaveChangesAsync(ct);
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
