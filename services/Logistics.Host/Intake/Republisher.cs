using Logistics.Host.Health;
using Logistics.Host.Infrastructure;

namespace Logistics.Host.Intake;

/// <summary>
/// Sends again what was stored but never confirmed (broker down at intake, process died before the confirm), and what
/// was sent long ago but never translated. Re-sends are bounded (at most <see cref="HostSettings.RepublishBatch"/> a pass,
/// a pass stops at the first unconfirmed send), backed off per message (<see cref="RepublishQueue"/>) and counted
/// (<see cref="ReliabilityCounters"/>). Stuck messages are re-driven only while the broker shows every translate queue
/// with a consumer: without one, sending again would only grow a queue nobody reads (the flood of issue 11: ~105k
/// queued for 45k accepted), and the per-message back-off keeps a slow backlog from being re-sent every pass. Duplicates are harmless anyway:
/// translation skips done messages and event ids are deterministic. Also flushes the "published" marks the intake path queued.
/// </summary>
public sealed class Republisher(
    RawInbox inbox, RepublishQueue queue, IntakePublisher publisher, ConsumerSupervisor supervisor, HostSettings settings,
    ReliabilityCounters counters, Telemetry.HostMetrics metrics, ILogger<Republisher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var flush = FlushPublishedMarksAsync(stoppingToken);
        using var timer = new PeriodicTimer(settings.RepublishInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "re-publisher pass failed; retrying next tick");
            }
        }
        await flush;
    }

    async Task PassAsync(CancellationToken ct)
    {
        // Re-drive only while the broker shows every translate queue consumed: a queue without a consumer is where the
        // issue-11 flood came from (the same messages re-sent every pass into a queue nobody read).
        var consumed = supervisor.Latest is { AllConsumed: true };
        var due = await queue.DueAsync(includeStuck: consumed, settings.RepublishBatch, ct);
        if (due.Count == 0) return;
        var attempted = new List<Guid>(due.Count);
        int republished = 0, redriven = 0;
        foreach (var d in due)
        {
            attempted.Add(d.Id);
            if (!await publisher.TrySendAsync(d.Id, d.AdapterId, ct))
            {
                counters.CountRepublishFailure();
                break;
            }
            if (d.WasPublished) redriven++; else republished++;
        }
        await queue.RecordAttemptsAsync(attempted, ct);
        counters.CountRepublished(republished);
        counters.CountRedriven(redriven);
        metrics.Republished(republished + redriven);
        log.LogInformation("re-sent {Sent} of {Due} due stored messages ({Republished} never confirmed, {Redriven} stuck untranslated)",
            republished + redriven, due.Count, republished, redriven);
    }

    async Task FlushPublishedMarksAsync(CancellationToken ct)
    {
        var batch = new List<Guid>(1024);
        try
        {
            while (await publisher.Confirmed.WaitToReadAsync(ct))
            {
                while (batch.Count < 5000 && publisher.Confirmed.TryRead(out var id)) batch.Add(id);
                try
                {
                    await inbox.MarkPublishedAsync(batch, ct);
                    batch.Clear();
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // Unmarked messages are only re-sent later; nothing is lost by keeping them for the next pass.
                    log.LogWarning(ex, "could not mark {Count} messages published", batch.Count);
                    await Task.Delay(500, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
