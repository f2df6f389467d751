using Logistics.Host.Infrastructure;
using Marten;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Notifications;

/// <summary>
/// The notifications slice: the outbox and its relay to RabbitMQ, and the milestone / ETA subscription on the async daemon.
/// Other slices queue their notifications through <see cref="NotificationOutbox.Queue"/> in the transaction of their facts.
/// </summary>
public static class NotificationsSlice
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<IPlainTables>(sp => sp.GetRequiredService<NotificationOutbox>());
        services.AddSingleton<IPlainTables, EtaNotifiedTable>();
        services.AddHostedService<OutboxRelay>();
        services.ConfigureMarten((sp, opts) => opts.Events.Subscribe(new ShipmentNotificationsSubscription(sp.GetRequiredService<NpgsqlDataSource>(), settings,
            sp.GetRequiredService<Shipments.ShipmentTimeline>(), sp.GetRequiredService<NotificationOutbox>(), sp.GetRequiredService<IClock>(), sp)));
        return services;
    }
}
