using Logistics.Access;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Logistics.Host.Intake;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Logistics.Host.Quarantine;

/// <summary>
/// <c>GET /quarantine</c> lists rejected messages with the adapter's reason; <c>POST /quarantine/{id}/replay</c> translates
/// one again (after an adapter fix or a device-profile change). The raw message is never altered.
/// </summary>
public static class QuarantineEndpoints
{
    public static IEndpointRouteBuilder MapQuarantine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/quarantine").WithTags("Quarantine");
        group.MapGet("/", List).WithName("ListQuarantine").RequireRoles(Role.Integrator, Role.Viewer)
            .WithSummary("The tenant's rejected messages, newest first, with the adapter's reason.");
        group.MapGet("/{id:guid}", Get).WithName("GetQuarantined").RequireRoles(Role.Integrator, Role.Viewer)
            .WithSummary("One quarantined message of the tenant, with the adapter's reason.");
        group.MapGet("/{id:guid}/body", Body).WithName("GetQuarantinedBody").RequireRoles(Role.Integrator)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("The raw bytes of a quarantined message exactly as they arrived (its stored content type), to see why it was refused.");
        group.MapPost("/{id:guid}/replay", Replay).WithName("ReplayQuarantined").RequireRoles(Role.Integrator)
            .WithSummary("Translate a quarantined message again; 202, and the outcome shows in /quarantine or the streams.");
        return app;
    }

    public sealed record QuarantineList(int Count, IReadOnlyList<QuarantinedMessage> Items);

    static async Task<Results<Ok<QuarantineList>, ProblemHttpResult>> List(string? adapter, int? limit, HttpContext http, QuarantineStore store,
        CancellationToken ct)
    {
        if (limit is < 1 or > 1000) return Problems.BadRequest($"limit {limit} out of range", "limit", "1..1000");
        var items = await store.ListAsync(Caller.Of(http).TenantId, adapter, limit ?? 100, ct);
        return TypedResults.Ok(new QuarantineList(items.Count, items));
    }

    static async Task<Results<Ok<QuarantinedMessage>, ProblemHttpResult>> Get(Guid id, HttpContext http, QuarantineStore store, CancellationToken ct) =>
        await store.GetAsync(Caller.Of(http).TenantId, id, ct) is { } m ? TypedResults.Ok(m) : Problems.NotFound($"no quarantined message {id}", "id");

    static async Task<IResult> Body(Guid id, HttpContext http, QuarantineStore store, CancellationToken ct) =>
        await store.BodyAsync(Caller.Of(http).TenantId, id, ct) is { } raw
            ? TypedResults.Bytes(raw.Body, raw.ContentType ?? "application/octet-stream")
            : Problems.NotFound($"no quarantined message {id}", "id");

    public sealed record ReplayAccepted(Guid RawMessageId, bool Published);

    static async Task<Results<Accepted<ReplayAccepted>, ProblemHttpResult>> Replay(Guid id, HttpContext http, QuarantineStore store,
        IntakePublisher publisher, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        var tenant = caller.TenantId;
        if (await store.GetAsync(tenant, id, ct) is not { } message)
            return Problems.NotFound($"no quarantined message {id}", "id", "it may have been replayed already");
        if (!await store.ReleaseForReplayAsync(tenant, id, Audit.AuditActors.Of(caller), ct))
            return Problems.Conflict($"message {id} is being replayed already", "id");
        var published = await publisher.TrySendAsync(id, message.AdapterId, ct);
        return TypedResults.Accepted($"/quarantine/{id}", new ReplayAccepted(id, published));
    }
}
