using Logistics.Host.Infrastructure;

namespace Logistics.Host.Intake;

/// <summary>
/// Sends again what was stored but never confirmed (broker down at intake, process died before the confirm),
/// and what was sent long ago but never translated. Duplicates are harmless: translation skips done messages
/// and event ids are deterministic. Also flushes the "published" marks the intake path queued.
/// </summary>
public sealed class Republisher(RawInbox inbox, IntakePublisher publisher, HostSettings settings, Telemetry.HostMetrics metrics,
    ILogger<Republisher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var flush = FlushPublishedMarksAsync(stoppingToken);
        using var timer = new PeriodicTimer(settings.RepublishInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var due = await inbox.DueForPublishAsync(1000, stoppingToken);
                var sent = 0;
                foreach (var (id, adapterId) in due)
                {
                    if (!await publisher.TrySendAsync(id, adapterId, stoppingToken)) break;
                    sent++;
                }
                metrics.Republished(sent);
                if (due.Count > 0) log.LogInformation("re-published {Sent} of {Due} stored messages", sent, due.Count);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "re-publisher pass failed; retrying next tick");
            }
        }
        await flush;
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
