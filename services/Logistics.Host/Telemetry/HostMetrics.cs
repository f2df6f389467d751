using System.Diagnostics.Metrics;

namespace Logistics.Host.Telemetry;

/// <summary>
/// The pipeline's instruments on the <see cref="LogisticsTelemetry.MeterName"/> meter. Tags are low-cardinality on
/// purpose: adapter ids and outcomes, never tenant ids, raw message ids or anything from a payload — the scrape is
/// operator data shared by all tenants.
/// </summary>
public sealed class HostMetrics
{
    readonly Counter<long> _accepted;
    readonly Counter<long> _translated;
    readonly Counter<long> _quarantined;
    readonly Counter<long> _appended;
    readonly Counter<long> _duplicates;
    readonly Histogram<double> _lag;
    readonly Counter<long> _republished;
    readonly Counter<long> _webhookAttempts;

    public HostMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(LogisticsTelemetry.MeterName);
        _accepted = meter.CreateCounter<long>("logistics.intake.accepted", "{message}", "Raw messages stored and answered 202, by adapter.");
        _translated = meter.CreateCounter<long>("logistics.translate.translated", "{message}", "Raw messages translated into canonical events, by adapter.");
        _quarantined = meter.CreateCounter<long>("logistics.translate.quarantined", "{message}", "Raw messages the adapter rejected (quarantined with a reason), by adapter.");
        _appended = meter.CreateCounter<long>("logistics.events.appended", "{event}", "Canonical events appended to Marten streams (duplicates not counted).");
        _duplicates = meter.CreateCounter<long>("logistics.events.duplicates_suppressed", "{event}", "Events whose deterministic id was already stored, so not appended again.");
        _lag = meter.CreateHistogram<double>("logistics.translate.lag", "s", "From a raw message's receipt to the commit of its translation or quarantine, by adapter.");
        _republished = meter.CreateCounter<long>("logistics.intake.republished", "{message}", "Stored messages the re-publisher sent again (unconfirmed or untranslated).");
        _webhookAttempts = meter.CreateCounter<long>("logistics.webhooks.deliveries", "{attempt}", "Outbound webhook delivery attempts, by outcome: delivered, retrying, gave_up.");
    }

    public void Accepted(string adapterId) => _accepted.Add(1, new KeyValuePair<string, object?>("adapter", adapterId));

    public void Processed(string adapterId, bool translated, TimeSpan lag)
    {
        var adapter = new KeyValuePair<string, object?>("adapter", adapterId);
        (translated ? _translated : _quarantined).Add(1, adapter);
        _lag.Record(Math.Max(0, lag.TotalSeconds), adapter);
    }

    public void Appended(int events, int duplicates)
    {
        if (events > 0) _appended.Add(events);
        if (duplicates > 0) _duplicates.Add(duplicates);
    }

    public void Republished(int count)
    {
        if (count > 0) _republished.Add(count);
    }

    /// <param name="outcome">delivered, retrying or gave_up.</param>
    public void WebhookAttempt(string outcome) => _webhookAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
