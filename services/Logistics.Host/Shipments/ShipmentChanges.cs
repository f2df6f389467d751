using Logistics.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Logistics.Host.Shipments;

/// <summary>
/// A shipper's change to a shipment stream, decided on the state it was read at and appended at that version. The live
/// excursion subscription appends alarms and report versions to the same stream, so a shipment with live data moves on its
/// own: when the stream moved between reading and appending, the change is decided again on the new state (a few times)
/// instead of answering 409 for a race the caller cannot see.
/// </summary>
static class ShipmentChanges
{
    const int Attempts = 5;

    /// <summary>The change to append and the answer once it landed, or the refusal the state gives.</summary>
    public readonly record struct Decision<T>(object? Change, T? Answer, ProblemHttpResult? Refusal)
    {
        public static Decision<T> Append(object change, T answer) => new(change, answer, null);

        public static implicit operator Decision<T>(ProblemHttpResult refusal) => new(null, default, refusal);
    }

    public static async Task<Results<T, ProblemHttpResult>> DecideAndAppendAsync<T>(IDocumentStore store, string tenantId, string id,
        Func<ShipmentRecord, Decision<T>> decide, CancellationToken ct) where T : IResult
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await LoadOwnAsync(store, tenantId, id, ct) is not { } own) return NotFound(id);
            var decision = decide(own.Record);
            if (decision.Refusal is { } refusal) return refusal;
            if (await AppendAsync(store, tenantId, id, own.Version, decision.Change!, ct)) return decision.Answer!;
            if (attempt == Attempts) return Problems.Conflict("the shipment changed meanwhile; try again", "id");
        }
    }

    public static ProblemHttpResult NotFound(string id) => Problems.NotFound($"no shipment {id}", "id");

    /// <summary>The shipment's record and the stream version it was read at (read first: a later append fails the version check).</summary>
    public static async Task<(ShipmentRecord Record, long Version)?> LoadOwnAsync(IDocumentStore store, string tenantId, string id, CancellationToken ct)
    {
        await using var session = store.QuerySession(tenantId);
        if (await session.Events.FetchStreamStateAsync(ShipmentStreams.Key(id), ct) is not { } state) return null;
        return await session.LoadAsync<ShipmentRecord>(ShipmentStreams.Key(id), ct) is { } record ? (record, state.Version) : null;
    }

    /// <summary>Appends the change if the stream is still at <paramref name="readAt"/>; false when it moved meanwhile.</summary>
    static async Task<bool> AppendAsync(IDocumentStore store, string tenantId, string id, long readAt, object change, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenantId);
        session.Events.Append(ShipmentStreams.Key(id), readAt + 1, change);
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (JasperFx.ConcurrencyException)
        {
            return false;
        }
    }
}
