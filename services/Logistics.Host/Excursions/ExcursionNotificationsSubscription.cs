using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Logistics.Contracts.Notifications;
using Logistics.Host.ShipmentReports;
using Marten;
using Marten.Subscriptions;
using MassTransit;

namespace Logistics.Host.Excursions;

/// <summary>
/// Publishes what a shipper may be told about excursions and reports — <see cref="ExcursionStarted"/>, <see cref="AlarmRaised"/>,
/// <see cref="ReportVersionCreated"/> — on RabbitMQ, from the committed shipment-stream events (the event log is the outbox).
/// Each notification's id is its event's id, itself derived from what it states, so a page published again (a crash between
/// the broker's confirm and the progress commit) repeats the same ids and receivers dedupe. Every publish waits for the
/// broker's confirm with a timeout; a failure stops this subscription only (live excursion state goes on).
/// </summary>
public sealed class ExcursionNotificationsSubscription : SubscriptionBase
{
    static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    readonly IServiceProvider _services;

    public ExcursionNotificationsSubscription(IServiceProvider services)
    {
        _services = services;
        Name = "excursion-notifications";
        IncludeType<ExcursionObserved>();
        IncludeType<ExcursionAlarmRaised>();
        IncludeType<ReportVersionMade>();
        Options.BatchSize = 200;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        var bus = _services.GetRequiredService<IBus>();
        foreach (var e in page.Events)
        {
            object? message = e.Data switch
            {
                ExcursionObserved x => new ExcursionStarted
                {
                    NotificationId = e.Id.ToString(), TenantId = e.TenantId, ShipmentId = x.ShipmentId, OccurredAt = x.Start, DeviceId = x.DeviceId,
                    ZoneId = x.ZoneId, Celsius = x.Celsius, LegId = x.LegId, Custodian = x.Custodian,
                },
                ExcursionAlarmRaised a => new AlarmRaised
                {
                    NotificationId = e.Id.ToString(), TenantId = e.TenantId, ShipmentId = a.ShipmentId, OccurredAt = a.TriggeredAt, DeviceId = a.DeviceId,
                    ZoneId = a.ZoneId, AlarmType = a.Type, LegId = a.LegId, Custodian = a.Custodian,
                },
                ReportVersionMade v => new ReportVersionCreated
                {
                    NotificationId = e.Id.ToString(), TenantId = e.TenantId, ShipmentId = v.ShipmentId, OccurredAt = v.MadeAt, Version = v.Version,
                    ContentSha256 = v.ContentSha256, Verdict = v.Verdict,
                },
                _ => null,
            };
            if (message is null) continue;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            await bus.Publish(message, message.GetType(), timeout.Token);
        }
        return NullChangeListener.Instance;
    }
}
