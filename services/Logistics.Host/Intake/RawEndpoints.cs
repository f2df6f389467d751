using Logistics.Access;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Intake;

/// <summary><c>GET /raw/{id}</c>: what happened to one accepted message (received, translated with N events, or quarantined and why).</summary>
public static class RawEndpoints
{
    public sealed record RawStatusView(Guid Id, string AdapterId, Instant ReceivedAt, string Sha256, int Size, string Status,
        Instant? PublishedAt, Instant? ProcessedAt, int? EventCount, string? Reason, string? SourceAddress);

    public static IEndpointRouteBuilder MapRaw(this IEndpointRouteBuilder app)
    {
        app.MapGet("/raw/{id:guid}", Get).WithName("GetRawMessage").WithTags("Intake")
            .RequireRoles(Role.Integrator, Role.Viewer)
            .WithSummary("Status of an accepted raw message: received, translated (with its event count) or quarantined (with the reason).");
        return app;
    }

    static async Task<Results<Ok<RawStatusView>, ProblemHttpResult>> Get(Guid id, HttpContext http, NpgsqlDataSource db, HostSettings settings,
        CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select id, adapter_id, received_at, sha256, size, status, published_at, processed_at, event_count, reason, source_address from {settings.Schema}.raw_messages where id = $1 and tenant_id = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Caller.Of(http).TenantId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return Problems.NotFound($"no raw message {id}", "id");
        return TypedResults.Ok(new RawStatusView(r.GetGuid(0), r.GetString(1), r.GetFieldValue<Instant>(2), r.GetString(3), r.GetInt32(4),
            r.GetString(5), r.IsDBNull(6) ? null : r.GetFieldValue<Instant>(6), r.IsDBNull(7) ? null : r.GetFieldValue<Instant>(7),
            r.IsDBNull(8) ? null : r.GetInt32(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10)));
    }
}
