using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Logistics.Host.Notifications;
using Logistics.Host.Shipments;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Geofences;

/// <summary>The geofences slice: <c>/geofences</c> (per tenant) and the crossing subscription on the async daemon.</summary>
public static class GeofencesSlice
{
    public static IServiceCollection AddGeofences(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<GeofenceStore>();
        services.AddSingleton<IPlainTables>(sp => sp.GetRequiredService<GeofenceStore>());
        services.ConfigureMarten((sp, opts) => opts.Events.Subscribe(new GeofenceSubscription(sp.GetRequiredService<NpgsqlDataSource>(), settings,
            sp.GetRequiredService<GeofenceStore>(), sp.GetRequiredService<NotificationOutbox>(), sp.GetRequiredService<IClock>())));
        return services;
    }

    public static IEndpointRouteBuilder MapGeofences(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/geofences").WithTags("Geofences");
        g.MapPost("/", Create).WithName("CreateGeofence").RequireRoles(Role.Shipper)
            .WithSummary("Create a geofence: name and a GeoJSON Polygon (geometry) or center {lat, lon} + radiusM; optional hysteresisM and confirmFixes.");
        g.MapGet("/", List).WithName("ListGeofences").RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("The tenant's geofences.");
        g.MapGet("/{id}", Get).WithName("GetGeofence").RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("One of the tenant's geofences.");
        g.MapDelete("/{id}", Delete).WithName("DeleteGeofence").RequireRoles(Role.Shipper)
            .WithSummary("Delete a geofence: no crossings from now on; those recorded stay on the timelines.");
        return app;
    }

    public sealed record GeofenceList(int Count, IReadOnlyList<Geofence> Items);

    static async Task<Results<Created<Geofence>, ProblemHttpResult>> Create(JsonElement body, HttpContext http, GeofenceStore store, HostSettings settings,
        IClock clock, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        Geofence fence;
        try { fence = GeofenceRequests.Parse(body, Geofence.NewId(), clock.GetCurrentInstant(), settings.Location.GeofenceHysteresisM, settings.Location.GeofenceConfirmFixes); }
        catch (RequestException ex) { return Problems.BadRequest(ex.Message, ex.Where, ex.Expected); }
        await store.AddAsync(caller.TenantId, fence, caller.KeyId, ct);
        return TypedResults.Created($"/geofences/{fence.Id}", fence);
    }

    static async Task<Ok<GeofenceList>> List(HttpContext http, GeofenceStore store, CancellationToken ct)
    {
        var items = await store.ActiveAsync(Caller.Of(http).TenantId, ct);
        return TypedResults.Ok(new GeofenceList(items.Count, items));
    }

    static async Task<Results<Ok<Geofence>, ProblemHttpResult>> Get(string id, HttpContext http, GeofenceStore store, CancellationToken ct) =>
        (await store.ActiveAsync(Caller.Of(http).TenantId, ct, id)).FirstOrDefault() is { } fence
            ? TypedResults.Ok(fence)
            : Problems.NotFound($"no geofence {id}", "id");

    static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, HttpContext http, GeofenceStore store, IClock clock, CancellationToken ct) =>
        await store.DeleteAsync(Caller.Of(http).TenantId, id, clock.GetCurrentInstant(), ct)
            ? TypedResults.NoContent()
            : Problems.NotFound($"no geofence {id}", "id");
}
