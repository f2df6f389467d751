using Logistics.Host.Translation;
using Logistics.Host.Webhooks;
using MassTransit;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// MassTransit over RabbitMQ (one node or a cluster) with publisher confirms always on and usage telemetry off. The host
/// starts even when the broker is down (intake keeps accepting into the raw inbox); MassTransit reconnects, the consumer
/// supervisor restarts a translate endpoint when the broker shows our translate queues without a consumer, and the re-publisher catches up.
/// </summary>
public static class MessagingSetup
{
    public static IServiceCollection AddLogisticsMessaging(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReliabilityCounters>();
        services.AddSingleton<BusStarted>();
        services.AddBusObserver(sp => sp.GetRequiredService<BusStarted>());
        services.AddSingleton<TranslateReceivers>();
        services.AddMassTransit(x =>
        {
            // MassTransit reports usage to its vendor by default; this middleware phones nowhere.
            x.DisableUsageTelemetry();
            x.AddConsumer<PartitionRouter>().ExcludeFromConfigureEndpoints();
            x.AddConsumer<TranslateConsumer>().ExcludeFromConfigureEndpoints();
            x.AddWebhookConsumers();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(settings.RabbitMq), h =>
                {
                    h.Username(settings.RabbitMqUsername);
                    h.Password(settings.RabbitMqPassword);
                    h.PublisherConfirmation = true;
                    h.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                    if (!string.IsNullOrWhiteSpace(settings.RabbitMqCluster))
                        h.UseCluster(c =>
                        {
                            foreach (var (host, port) in settings.RabbitMqNodes) c.Node($"{host}:{port}");
                        });
                });
                // Bus messages carry NodaTime instants (contracts/Logistics.Contracts/Notifications), like storage and the API.
                cfg.ConfigureJsonSerializerOptions(json => json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
                cfg.ConfigureEndpoints(context);
            });
        });
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }
}
