using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Logistics.Canonical.Events;
using Logistics.Host.Shipments;
using Marten;
using Marten.Subscriptions;

namespace Logistics.Host.Excursions;

/// <summary>
/// The live excursion processing on Marten's async daemon (hot/cold: one node runs it): readings, device-window changes,
/// custody milestones and retractions, in commit order, a page at a time (<see cref="ExcursionMonitor"/>). A failure is
/// never skipped: the page is retried, then the subscription stops and logs, and resumes from its last committed page.
/// </summary>
public sealed class LiveExcursionSubscription : SubscriptionBase
{
    readonly ExcursionMonitor _monitor;

    public LiveExcursionSubscription(ExcursionMonitor monitor)
    {
        _monitor = monitor;
        Name = "live-excursions";
        IncludeType<MeasurementEvent>();
        IncludeType<DeviceAttached>();
        IncludeType<DeviceWindowEnded>();
        IncludeType<MilestoneEvent>();
        IncludeType<RetractionEvent>();
        Options.BatchSize = 1000;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        await _monitor.ProcessAsync(page.Events, cancellationToken);
        return NullChangeListener.Instance;
    }
}
