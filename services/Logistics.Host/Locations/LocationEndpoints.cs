using JasperFx.Events.Projections;
using Logistics.Host.Access;
using Logistics.Host.Devices;
using Logistics.Host.Infrastructure;
using Logistics.Host.Shipments;
using Logistics.Host.Translation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Logistics.Host.Locations;

/// <summary>
/// The locations slice (docs/location.md): an asset's current position with an entity tag, search by box and radius over
/// current positions, tracks as GeoJSON, and the live stream — all per tenant; a shipment's track through its access rules.
/// </summary>
public static class LocationEndpoints
{
    public static IServiceCollection AddLocations(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<IPlainTables, LocationTables>();
        services.AddSingleton<AssetSearch>();
        services.AddSingleton<Tracks>();
        services.AddSingleton<PositionFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<PositionFeed>());
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Add<AssetLocationProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add(new CurrentPositionProjection(settings.Schema), ProjectionLifecycle.Inline);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapLocations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{id}/location", GetLocation)
            .WithName("GetAssetLocation")
            .RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("The latest usable position of one of the tenant's tracked assets (device id, devEui, IMEI, or scheme:value); ETag, If-None-Match → 304.")
            .WithTags("Locations");
        app.MapGet("/assets", Search)
            .WithName("SearchAssets")
            .RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("Current positions of the tenant's assets in bbox=minLon,minLat,maxLon,maxLat (minLon > maxLon crosses the antimeridian) or near=lat,lon&radiusKm=R (nearest first).")
            .WithTags("Locations");
        app.MapGet("/assets/{id}/track", AssetTrack)
            .WithName("GetAssetTrack")
            .RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("An asset's fixes in [from, to) as a GeoJSON FeatureCollection: a LineString in event-time order, simplified to maxPoints.")
            .WithTags("Locations");
        app.MapGet("/shipments/{id}/track", ShipmentTrack)
            .WithName("GetShipmentTrack")
            .RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("A shipment's track as GeoJSON: a LineString per device inside its windows, Point features for milestones and geofence crossings.")
            .WithTags("Locations");
        app.MapGet("/locations/stream", LocationStream.Stream)
            .WithName("StreamLocations")
            .RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("Server-Sent Events: one `location` event per usable fix of the tenant (or of one shipment); resume with Last-Event-ID.")
            .WithTags("Locations");
        return app;
    }

    public sealed record AssetPage(int Count, bool Truncated, IReadOnlyList<AssetPosition> Items);

    const int MaxLimit = 10_000;

    static async Task<Results<Ok<AssetLocation>, StatusCodeHttpResult, ProblemHttpResult>> GetLocation(string id, HttpContext http, IQuerySession session,
        CancellationToken ct)
    {
        var keys = StreamRouting.DeviceKeysFor(id);
        var found = await session.LoadManyAsync<AssetLocation>(ct, keys);
        var latest = found.Where(l => l is not null).MaxBy(l => l.OccurredAt);
        if (latest is null) return Problems.NotFound($"no position known for asset '{id}'", "id", "the asset has sent no usable position yet, or the id is unknown");
        var etag = latest.ETag();
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Any(t => t.Trim().TrimStart('W', '/') == etag)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(latest);
    }

    static async Task<Results<Ok<AssetPage>, ProblemHttpResult>> Search(string? bbox, string? near, string? radiusKm, int? limit, HttpContext http,
        AssetSearch search, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) return Problems.BadRequest($"limit {limit} out of range", "limit", $"1..{MaxLimit}");
        AssetQuery query;
        try { query = AssetQuery.Parse(bbox, near, radiusKm); }
        catch (QueryException ex) { return Problems.BadRequest(ex.Message, ex.Where, ex.Expected); }
        var (items, truncated) = await search.FindAsync(Caller.Of(http).TenantId, query, limit ?? 1000, ct);
        return TypedResults.Ok(new AssetPage(items.Count, truncated, items));
    }

    static async Task<Results<Ok<object>, ProblemHttpResult>> AssetTrack(string id, string? from, string? to, int? maxPoints, HttpContext http,
        IQuerySession session, Tracks tracks, HostSettings settings, CancellationToken ct)
    {
        if (Window(from, to, maxPoints, settings) is { Problem: { } problem }) return problem;
        var (f, t, budget, _) = Window(from, to, maxPoints, settings);
        var keys = StreamRouting.DeviceKeysFor(id);
        var known = (await session.LoadManyAsync<AssetLocation>(ct, keys)).Where(l => l is not null).MaxBy(l => l.OccurredAt);
        if (known is null) return Problems.NotFound($"no position known for asset '{id}'", "id");
        var tenant = Caller.Of(http).TenantId;
        return TypedResults.Ok(await tracks.AssetAsync(tenant, ReadingsProjection.Subject(known.Id), f, t, budget, ct));
    }

    static async Task<Results<Ok<object>, ProblemHttpResult>> ShipmentTrack(string id, string? from, string? to, int? maxPoints, HttpContext http,
        ShipmentAccess access, Tracks tracks, HostSettings settings, CancellationToken ct)
    {
        if (Window(from, to, maxPoints, settings) is { Problem: { } problem }) return problem;
        var (f, t, budget, _) = Window(from, to, maxPoints, settings);
        if (await access.FindAsync(Caller.Of(http), id, ct) is not { } s) return Problems.NotFound($"no shipment {id}", "id");
        return TypedResults.Ok(await tracks.ShipmentAsync(s.OwnerTenantId, s.Record, f, t, budget, ct));
    }

    static (Instant? From, Instant? To, int Budget, ProblemHttpResult? Problem) Window(string? from, string? to, int? maxPoints, HostSettings settings)
    {
        if (!DeviceEndpoints.TryParse(from, out var f)) return (null, null, 0, Problems.BadRequest($"'from' is not an ISO-8601 instant: '{from}'", "from", "e.g. 2026-01-01T00:00:00Z"));
        if (!DeviceEndpoints.TryParse(to, out var t)) return (null, null, 0, Problems.BadRequest($"'to' is not an ISO-8601 instant: '{to}'", "to", "e.g. 2026-01-02T00:00:00Z"));
        if (f is not null && t is not null && t <= f) return (null, null, 0, Problems.BadRequest("'to' must be after 'from'", "to"));
        if (maxPoints is < 2 or > MaxLimit) return (null, null, 0, Problems.BadRequest($"maxPoints {maxPoints} out of range", "maxPoints", $"2..{MaxLimit}"));
        return (f, t, maxPoints ?? settings.Location.TrackPointBudget, null);
    }
}
