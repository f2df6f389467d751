using JasperFx.Events.Projections;
using Logistics.Access;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Marten;

namespace Logistics.Host.Shipments;

/// <summary>The shipments slice: its stream events, its projections (record, index, timeline), its queries and routes.</summary>
public static class ShipmentsSlice
{
    public static IServiceCollection AddShipments(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<IPlainTables, ShipmentTables>();
        services.AddSingleton<ShipmentTimeline>();
        services.AddSingleton<ShipmentReadings>();
        services.AddSingleton<ShipmentAssessments>();
        services.AddSingleton<ShipmentSummaries>();
        services.AddSingleton<LegEtas>();
        services.AddSingleton<ShipmentAccess>();
        services.ConfigureMarten(opts =>
        {
            opts.Events.AddEventTypes(ShipmentStreams.EventTypes);
            opts.Projections.Add<ShipmentRecordProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add(new ShipmentIndexProjection(settings.Schema), ProjectionLifecycle.Inline);
            opts.Projections.Add(new TimelineProjection(settings.Schema), ProjectionLifecycle.Inline);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapShipments(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/shipments").WithTags("Shipments");
        g.MapPost("/", ShipmentEndpoints.Register).WithName("RegisterShipment").RequireRoles(Role.Shipper)
            .WithSummary("Register a shipment: reference, refs, product, profile, consignee, legs, optional event-time window from/to.");
        g.MapGet("/", ShipmentEndpoints.List).WithName("ListShipments").RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("The tenant's shipments (and those shared with it), newest first; filter by ref=scheme:value and status.");
        g.MapGet("/{id}", ShipmentEndpoints.Get).WithName("GetShipment").RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("A shipment's summary: latest milestone, location, ETA, excursion state, verdict; reportVersion is null until reports exist.");
        g.MapGet("/{id}/timeline", ShipmentEndpoints.Timeline).WithName("GetShipmentTimeline").RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("Milestones of all carriers, associations, alarms and the shipment's own changes, in event-time order.");
        g.MapGet("/{id}/readings", ShipmentEndpoints.Readings).WithName("GetShipmentReadings").RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("Readings of the shipment's devices inside their windows, in [from, to), optionally of one type.");
        g.MapPost("/{id}/devices", ShipmentEndpoints.AttachDevice).WithName("AttachShipmentDevice").RequireRoles(Role.Shipper)
            .WithSummary("Attach a device for a window of event time (it may start in the past): its readings count for the shipment inside it.");
        g.MapPost("/{id}/devices/{device}/end", ShipmentEndpoints.EndDevice).WithName("EndShipmentDevice").RequireRoles(Role.Shipper)
            .WithSummary("Close a device's open window at 'at' (default now).");
        g.MapPost("/{id}/shares", ShipmentEndpoints.Share).WithName("ShareShipment").RequireRoles(Role.Shipper)
            .WithSummary("Let another tenant (a consignee) read this one shipment: summary, timeline, readings.");
        return app;
    }
}
