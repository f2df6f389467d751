using JasperFx.Events.Projections;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Logistics.Host.Translation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Logistics.Host.Locations;

/// <summary>The locations slice: the current position of an asset, kept inline by <see cref="AssetLocationProjection"/> (per tenant).</summary>
public static class LocationEndpoints
{
    public static IServiceCollection AddLocations(this IServiceCollection services, HostSettings settings)
    {
        services.ConfigureMarten(opts => opts.Projections.Add<AssetLocationProjection>(ProjectionLifecycle.Inline));
        return services;
    }

    public static IEndpointRouteBuilder MapLocations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{id}/location", GetLocation)
            .WithName("GetAssetLocation")
            .RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("The latest position of one of the tenant's tracked assets (device id, devEui, IMEI, or scheme:value).")
            .WithTags("Locations");
        return app;
    }

    static async Task<Results<Ok<AssetLocation>, ProblemHttpResult>> GetLocation(string id, IQuerySession session, CancellationToken ct)
    {
        var keys = StreamRouting.DeviceKeysFor(id);
        var found = await session.LoadManyAsync<AssetLocation>(ct, keys);
        var latest = found.Where(l => l is not null).MaxBy(l => l.OccurredAt);
        return latest is null
            ? Problems.NotFound($"no position known for asset '{id}'", "id", "the asset has sent no position yet, or the id is unknown")
            : TypedResults.Ok(latest);
    }
}
