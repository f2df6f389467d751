using JasperFx.Events.Projections;
using Logistics.Access;
using Logistics.Adapters.Sdk;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Logistics.Host.ShipmentReports;

/// <summary>
/// GxP reports of shipments from their streams (docs/gxp-on-shipments.md): versions, custody legs, signatures, and their
/// lines on the timeline.
/// </summary>
public static class ShipmentReportsSlice
{
    public static IServiceCollection AddShipmentReports(this IServiceCollection services, HostSettings settings)
    {
        services.TryAddSingleton(AdapterRegistry.Default);
        services.AddSingleton<StreamReadings>();
        services.AddSingleton<ShipmentLegs>();
        services.AddSingleton<ReportVersions>();
        services.AddSingleton<SignatureBinding>();
        services.ConfigureMarten(opts =>
        {
            opts.Events.AddEventTypes(ReportEventIds.EventTypes);
            opts.Projections.Add<ShipmentReportLogProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add(new GxpTimelineProjection(settings.Schema), ProjectionLifecycle.Inline);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapShipmentReports(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/shipments").WithTags("Reports");
        g.MapGet("/{id}/report", ReportEndpoints.Get).WithName("GetShipmentReport").RequireRoles(AccessEndpointExtensions.Readers)
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["text/csv", "application/pdf"])
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .WithSummary("The GxP report (json, csv or pdf) of a version, computed from the stored streams; without version the newest, made when the data changed. JSON adds reportVersion, contentSha256, status, signatures.");
        g.MapGet("/{id}/reports", ReportEndpoints.List).WithName("ListShipmentReports").RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("The shipment's report versions, oldest first: content hash, status (draft, reviewed, approved, rejected, superseded), verdict, late data, signatures.");
        g.MapPost("/{id}/reports/{version}/signatures", SignatureEndpoints.Sign).WithName("SignShipmentReport").RequireRoles(Role.Qa)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Sign a report version (reviewed, approved or rejected) with the signer's signing password; bound to that version's content hash. 401 wrong password (audited), 409 superseded, decided or same reviewer and approver, 422 approval of alarm/incomplete without comment.");
        return app;
    }
}
