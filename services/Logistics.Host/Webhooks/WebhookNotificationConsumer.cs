using System.Text.Json;
using Logistics.Canonical.Json;
using Logistics.Contracts.Notifications;
using Logistics.Host.Infrastructure;
using Logistics.Host.Notifications;
using MassTransit;
using NodaTime;

namespace Logistics.Host.Webhooks;

/// <summary>
/// Turns a notification from RabbitMQ into one delivery per subscription of ITS tenant that wants the event (never another
/// tenant's: the notification's TenantId is the only tenant queried). Acknowledged after the deliveries are stored; a
/// redelivered message adds none (unique per subscription and notification). The body is fixed here, so every attempt and
/// replay sends the same bytes: <c>{"type", "timestamp", "data"}</c> (the Standard Webhooks payload shape).
/// </summary>
public sealed class WebhookNotificationConsumer<T>(WebhookStore store, IClock clock) : IConsumer<T> where T : class, IShipmentNotification
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var n = context.Message;
        var eventName = NotificationKinds.EventNames[typeof(T)];
        var now = clock.GetCurrentInstant();
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = eventName,
            ["timestamp"] = CanonicalJson.FormatInstant(n.OccurredAt),
            ["data"] = n,
        }, NotificationOutbox.Json);
        await store.EnqueueAsync(n.TenantId, n.NotificationId, eventName, body, now, context.CancellationToken);
    }
}

/// <summary>All six notification consumers on one quorum queue, with an explicit delivery limit and in-process retry.</summary>
public sealed class WebhookNotificationConsumerDefinition<T> : ConsumerDefinition<WebhookNotificationConsumer<T>> where T : class, IShipmentNotification
{
    public WebhookNotificationConsumerDefinition(HostSettings settings) => EndpointName = WebhooksSlice.Queue(settings);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<WebhookNotificationConsumer<T>> consumer,
        IRegistrationContext context)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            rabbit.SetQueueArgument("x-delivery-limit", 20);
        }
        endpoint.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000, 5000));
    }
}
