using Logistics.Adapters.Catalog;
using Logistics.Adapters.Sdk;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Logistics.Host.Carriers;

/// <summary>
/// <c>GET /carriers[?mode=ocean|air|road|parcel|rail]</c> (API.md, Carriers): the carriers whose adapter this host runs,
/// from the carrier catalog, in catalog order — <c>code</c>, <c>name</c>, <c>mode</c>, <c>adapter</c>, <c>inbound</c>,
/// <c>docs</c>, plus <c>identifiers</c>, <c>claim</c> (the source of the claim that the adapter serves it) and
/// <c>confirmed</c>. A catalog entry whose adapter has not landed yet is not served. Read-only, no tenant data, so
/// any valid key may read it, whatever its role.
/// </summary>
public static class CarrierEndpoints
{
    /// <summary>One carrier as the API shows it.</summary>
    public sealed record CarrierView(string Code, string Name, string Mode, string Adapter, string Inbound, string Docs,
        IReadOnlyList<string> Identifiers, string Claim, bool Confirmed);

    public static IServiceCollection AddCarriers(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton(_ => CarrierCatalog.Load());
        services.TryAddSingleton(AdapterRegistry.Default);
        return services;
    }

    public static IEndpointRouteBuilder MapCarriers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/carriers", List).WithName("Carriers").WithTags("Carriers").RequireAnyRole()
            .WithSummary("The carriers an adapter serves, optionally of one mode (ocean, air, road, parcel, rail), with the source of each claim.");
        return app;
    }

    static IResult List(string? mode, CarrierCatalog catalog, AdapterRegistry registry)
    {
        if (mode is not null && !CarrierModes.All.Contains(mode))
            return Problems.BadRequest($"unknown mode '{mode}'", "mode", string.Join(", ", CarrierModes.All));
        var served = catalog.Served(registry, mode)
            .Select(e => new CarrierView(e.Code, e.Name, e.Mode, e.Adapter, e.Inbound, e.Docs, e.Identifiers, e.Claim, e.Confirmed));
        return TypedResults.Ok(served.ToList());
    }
}
