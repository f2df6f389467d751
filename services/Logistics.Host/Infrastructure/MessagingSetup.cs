using Logistics.Host.Translation;
using Logistics.Host.Webhooks;
using MassTransit;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// MassTransit over RabbitMQ with publisher confirms always on. The host starts even when the broker is down
/// (intake keeps accepting into the raw inbox); MassTransit reconnects and the re-publisher catches up.
/// </summary>
public static class MessagingSetup
{
    public static IServiceCollection AddLogisticsMessaging(this IServiceCollection services, HostSettings settings)
    {
        services.AddMassTransit(x =>
        {
            x.AddConsumer<TranslateConsumer, TranslateConsumerDefinition>();
            x.AddWebhookConsumers();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(settings.RabbitMq), h =>
                {
                    h.Username("guest");
                    h.Password("guest");
                    h.PublisherConfirmation = true;
                    h.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
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
