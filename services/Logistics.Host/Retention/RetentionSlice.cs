using Logistics.Access;
using Logistics.Host.Access;
using Logistics.Host.Audit;
using Logistics.Host.Infrastructure;
using Logistics.Host.Shipments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Logistics.Host.Retention;

/// <summary>
/// Retention per tenant with legal holds (docs/operations.md, "Retention"): the policy (GET/PUT /retention), a manual purge
/// (POST /retention/purge; the worker runs it for every tenant daily) and holds on shipments (PUT/DELETE
/// /shipments/{id}/legal-hold). Policy changes, holds and purges are audit entries.
/// </summary>
public static class RetentionSlice
{
    public static IServiceCollection AddRetention(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<IPlainTables, RetentionTables>();
        services.AddSingleton<RetentionStore>();
        services.AddSingleton<RetentionPurger>();
        services.AddHostedService<RetentionWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        var r = app.MapGroup("/retention").WithTags("Retention");
        r.MapGet("/", Get).WithName("GetRetention").RequireRoles(Role.Admin)
            .WithSummary("The tenant's retention in days (raw messages, quarantine, read models) and its legal holds.");
        r.MapPut("/", Put).WithName("SetRetention").RequireRoles(Role.Admin)
            .WithSummary("Set the tenant's retention in days; an audit entry. Default: 1827 days (EU GDP: at least 5 years).");
        r.MapPost("/purge", Purge).WithName("PurgeNow").RequireRoles(Role.Admin)
            .WithSummary("Purge what is past retention now (held and under-review shipments keep theirs); an audit entry with the counts.");
        app.MapPut("/shipments/{id}/legal-hold", PlaceHold).WithName("PlaceLegalHold").WithTags("Retention").RequireRoles(Role.Qa)
            .WithSummary("Place a legal hold on an owned shipment: nothing traceable to it is purged until it is released.");
        app.MapDelete("/shipments/{id}/legal-hold", ReleaseHold).WithName("ReleaseLegalHold").WithTags("Retention").RequireRoles(Role.Qa)
            .WithSummary("Release the shipment's legal hold; an audit entry.");
        return app;
    }

    public sealed record RetentionView(int RawMessageDays, int QuarantineDays, int ReadModelDays, IReadOnlyList<RetentionStore.LegalHold> LegalHolds);

    public sealed record PolicyRequest(int? RawMessageDays, int? QuarantineDays, int? ReadModelDays);

    public sealed record HoldRequest(string? Reason);

    static async Task<Ok<RetentionView>> Get(HttpContext http, RetentionStore store, CancellationToken ct)
    {
        var tenant = Caller.Of(http).TenantId;
        var p = await store.PolicyAsync(tenant, ct);
        return TypedResults.Ok(new RetentionView(p.RawMessageDays, p.QuarantineDays, p.ReadModelDays, await store.HoldsAsync(tenant, ct)));
    }

    static async Task<Results<Ok<RetentionPolicy>, ProblemHttpResult>> Put(PolicyRequest body, HttpContext http, RetentionStore store, CancellationToken ct)
    {
        foreach (var (name, value) in new[] { ("rawMessageDays", body.RawMessageDays), ("quarantineDays", body.QuarantineDays), ("readModelDays", body.ReadModelDays) })
            if (value is not >= 0)
                return Problems.BadRequest($"{name} must be a whole number of days, 0 or more", name, "e.g. 1827 (5 years, EU GDP)");
        var caller = Caller.Of(http);
        var policy = new RetentionPolicy(body.RawMessageDays!.Value, body.QuarantineDays!.Value, body.ReadModelDays!.Value);
        await store.SetPolicyAsync(caller.TenantId, policy, AuditActors.Of(caller), ct);
        return TypedResults.Ok(policy);
    }

    static async Task<Ok<RetentionPurger.Result>> Purge(HttpContext http, RetentionPurger purger, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        return TypedResults.Ok(await purger.PurgeAsync(caller.TenantId, AuditActors.Of(caller), ct));
    }

    static async Task<Results<Ok<RetentionStore.LegalHold>, ProblemHttpResult>> PlaceHold(string id, HoldRequest body, HttpContext http,
        ShipmentAccess access, RetentionStore store, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        if (await access.FindAsync(caller, id, ct) is not { } shipment) return Problems.NotFound($"no shipment {id}", "id");
        if (!shipment.Owned) return Problems.Forbidden("only the shipment's owner may place a legal hold on it");
        if (string.IsNullOrWhiteSpace(body.Reason)) return Problems.BadRequest("a legal hold needs a reason", "reason", "e.g. the case or investigation it is for");
        return TypedResults.Ok(await store.PlaceHoldAsync(caller.TenantId, id, body.Reason.Trim(), AuditActors.Of(caller), ct));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> ReleaseHold(string id, HttpContext http, ShipmentAccess access, RetentionStore store,
        CancellationToken ct)
    {
        var caller = Caller.Of(http);
        if (await access.FindAsync(caller, id, ct) is not { Owned: true }) return Problems.NotFound($"no shipment {id}", "id");
        return await store.ReleaseHoldAsync(caller.TenantId, id, AuditActors.Of(caller), ct)
            ? TypedResults.NoContent()
            : Problems.NotFound($"shipment {id} has no legal hold", "id");
    }
}
