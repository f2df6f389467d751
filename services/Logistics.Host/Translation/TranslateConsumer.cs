using Logistics.Adapters.Sdk;
using Logistics.Contracts;
using Logistics.Host.Devices;
using Logistics.Host.Intake;
using Logistics.Host.Telemetry;
using MassTransit;
using NodaTime;

namespace Logistics.Host.Translation;

/// <summary>
/// Translates stored raw messages in batches: load the bodies, run each adapter (through the guard: a bug is a rejection,
/// never a crash), then append all events and outcomes in one transaction. The broker message is acknowledged only after
/// that commit; a failure redelivers the batch, which is safe because done messages are skipped and ids are deterministic.
/// </summary>
public sealed class TranslateConsumer(RawInbox inbox, DeviceProfiles profiles, EventAppender appender, HostMetrics metrics, IClock clock,
    ILogger<TranslateConsumer> log) : IConsumer<Batch<RawMessageReceived>>
{
    public async Task Consume(ConsumeContext<Batch<RawMessageReceived>> context)
    {
        using var activity = BatchTrace.Start(context.Message);
        var ct = context.CancellationToken;
        var ids = context.Message.Select(m => m.Message.RawMessageId).Distinct().ToList();
        var pending = await inbox.LoadPendingAsync(ids, ct);
        if (pending.Count == 0) return;

        var deviceCodecs = await profiles.SnapshotAsync(pending.Select(r => r.TenantId).Distinct().ToList(), ct);
        var outcomes = new List<Outcome>(pending.Count);
        foreach (var raw in pending)
            outcomes.Add(Translate(raw, device => deviceCodecs(raw.TenantId, device)));

        var ledger = await appender.CommitAsync(outcomes, ct);
        var committed = clock.GetCurrentInstant();
        for (var i = 0; i < pending.Count; i++)
        {
            var raw = pending[i];
            metrics.Processed(raw.AdapterId, outcomes[i] is TranslatedOutcome, (committed - raw.ReceivedAt).ToTimeSpan());
            using var scope = LogScopes.RawMessage(log, raw.Id, raw.AdapterId, raw.TenantId);
            // The reason can quote the payload, so it is kept with the quarantined message (GET /quarantine), not logged.
            if (outcomes[i] is TranslatedOutcome t) log.LogDebug("translated into {Events} events", t.Events.Count);
            else log.LogWarning("quarantined: the adapter rejected the message (reason in the quarantine)");
        }
        metrics.Appended(ledger.Appended, ledger.DuplicatesSuppressed);
        activity?.SetTag("logistics.events.appended", ledger.Appended);
        log.LogDebug("batch of {Count}: {Appended} events appended, {Duplicates} duplicates suppressed, {Quarantined} quarantined",
            pending.Count, ledger.Appended, ledger.DuplicatesSuppressed, ledger.Quarantined);
    }

    public static Outcome Translate(RawMessage raw, Func<string, string?> deviceCodecs)
    {
        if (!AdapterRegistry.Default.TryGetAdapter(raw.AdapterId, out var adapter))
            return new QuarantinedOutcome(raw.Id, $"{raw.AdapterId}: no such adapter in this build");
        var context = new TranslationContext(raw.AdapterId, raw.ReceivedAt, raw.Sha256)
        {
            CodecId = raw.Codec,
            Headers = raw.Headers,
            DeviceCodecs = deviceCodecs,
        };
        return Guard.Translate(adapter, raw.Body, context) switch
        {
            Translated t => new TranslatedOutcome(raw.Id, raw.TenantId, t.Events),
            Rejected r => new QuarantinedOutcome(raw.Id, $"{raw.AdapterId}: {r.Rejection.Message}"),
            _ => throw new InvalidOperationException("unreachable"),
        };
    }
}
