using Logistics.Host.Infrastructure;
using Marten;

namespace Logistics.Host.Excursions;

/// <summary>
/// Live excursion detection (docs/gxp-on-shipments.md): the state per shipment, the alarm events on its stream, the
/// notifications on RabbitMQ — all on the async daemon over committed events, never inside the translate transaction.
/// </summary>
public static class ExcursionsSlice
{
    public static IServiceCollection AddExcursions(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<ExcursionMonitor>();
        services.AddSingleton<LiveExcursionSubscription>();
        services.AddSingleton<ExcursionNotificationsSubscription>();
        services.ConfigureMarten((sp, opts) =>
        {
            opts.Events.AddEventTypes(ExcursionIds.EventTypes);
            opts.Schema.For<ShipmentExcursions>();
            opts.Projections.Subscribe(sp.GetRequiredService<LiveExcursionSubscription>());
            opts.Projections.Subscribe(sp.GetRequiredService<ExcursionNotificationsSubscription>());
        });
        return services;
    }
}
