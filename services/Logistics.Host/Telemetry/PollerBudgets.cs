using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Logistics.Host.Telemetry;

/// <summary>
/// Carrier rate budgets, fed by whatever polls a carrier API: call <see cref="Report"/> after each response with the
/// carrier's own remaining/limit figures (e.g. from its rate-limit headers), and <see cref="Request"/> for each call with
/// its outcome. Exposed as <c>logistics.poller.budget.remaining</c> and <c>logistics.poller.budget.limit</c> (gauges,
/// tagged <c>carrier</c>) and <c>logistics.poller.requests</c> (counter, tagged <c>carrier</c> and <c>outcome</c>).
/// Only the newest report per carrier is kept; nothing is exported for a carrier that never reported.
/// </summary>
public sealed class PollerBudgets
{
    readonly ConcurrentDictionary<string, (long Remaining, long Limit)> _budgets = new(StringComparer.Ordinal);
    readonly Counter<long> _requests;

    public PollerBudgets(IMeterFactory meters)
    {
        var meter = meters.Create(LogisticsTelemetry.MeterName);
        meter.CreateObservableGauge("logistics.poller.budget.remaining",
            () => _budgets.Select(b => new Measurement<long>(b.Value.Remaining, new KeyValuePair<string, object?>("carrier", b.Key))),
            "{request}", "Requests the carrier still allows in its current rate window, as it last reported.");
        meter.CreateObservableGauge("logistics.poller.budget.limit",
            () => _budgets.Select(b => new Measurement<long>(b.Value.Limit, new KeyValuePair<string, object?>("carrier", b.Key))),
            "{request}", "The carrier's request limit per rate window, as it last reported.");
        _requests = meter.CreateCounter<long>("logistics.poller.requests", "{request}",
            "Calls to a carrier API by outcome (ok, throttled, error).");
    }

    public void Report(string carrier, long remaining, long limit) => _budgets[carrier] = (remaining, limit);

    /// <param name="outcome">ok, throttled (the carrier said 429 or equivalent) or error.</param>
    public void Request(string carrier, string outcome) =>
        _requests.Add(1, new KeyValuePair<string, object?>("carrier", carrier), new KeyValuePair<string, object?>("outcome", outcome));
}
