using Logistics.Access.Audit;
using Logistics.Host.Access;
using Logistics.Host.Devices;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Logistics.Host.Audit;

/// <summary><c>GET /audit?from&amp;to&amp;target&amp;limit</c> (admin, qa): the caller's tenant's chain, oldest first.</summary>
public static class AuditEndpoints
{
    public sealed record EntryView(long Seq, Instant At, string Actor, string Action, string Target, string? Before, string? After, string? Reason,
        string PrevHash, string Hash);

    public sealed record AuditPage(string TenantId, int Count, IReadOnlyList<EntryView> Entries);

    internal static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> List(string? from, string? to, string? target, int? limit, HttpContext http,
        AuditTrail trail, CancellationToken ct)
    {
        if (!DeviceEndpoints.TryParse(from, out var fromInstant)) return Problems.BadRequest($"'from' is not an ISO-8601 instant: '{from}'", "from", "e.g. 2026-01-01T00:00:00Z");
        if (!DeviceEndpoints.TryParse(to, out var toInstant)) return Problems.BadRequest($"'to' is not an ISO-8601 instant: '{to}'", "to", "e.g. 2026-01-02T00:00:00Z");
        if (limit is < 1 or > 10_000) return Problems.BadRequest($"limit {limit} out of range", "limit", "1..10000");
        var caller = Caller.Of(http);
        var entries = await trail.ListAsync(caller.TenantId, fromInstant, toInstant, string.IsNullOrWhiteSpace(target) ? null : target.Trim(), limit ?? 1000, ct);
        return TypedResults.Ok(new AuditPage(caller.TenantId, entries.Count,
            entries.Select(e => new EntryView(e.Seq, e.At, e.Actor, e.Action, e.Target, e.Before, e.After, e.Reason, e.PrevHash, e.Hash)).ToList()));
    }
}
