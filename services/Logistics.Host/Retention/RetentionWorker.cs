using Logistics.Host.Infrastructure;

namespace Logistics.Host.Retention;

/// <summary>Runs the purge for every tenant each <see cref="RetentionSettings.PurgeInterval"/> (first run one interval after start).</summary>
public sealed class RetentionWorker(RetentionPurger purger, HostSettings settings, ILogger<RetentionWorker> log) : BackgroundService
{
    public const string Actor = "system:retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Retention.PurgeInterval is not { } interval) return;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                foreach (var tenant in await purger.TenantsAsync(stoppingToken))
                    await purger.PurgeAsync(tenant, Actor, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost by a failed purge: it keeps more than it must until the next run.
                log.LogError(ex, "retention purge failed; retrying next interval");
            }
        }
    }
}
