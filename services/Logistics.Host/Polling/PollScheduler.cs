using Logistics.Host.Infrastructure;
using NodaTime;
using Polly.CircuitBreaker;

namespace Logistics.Host.Polling;

/// <summary>
/// One worker per configured carrier polls that carrier's due subscriptions one after another (so a carrier sees one request
/// of ours at a time, and a 429 stops every subscription until its Retry-After has passed). Each poll runs under the
/// subscription's lease from its stored cursor. A failed poll (carrier error, open circuit, database down) leaves the cursor
/// where the last stored response put it and is tried again at the next interval.
/// </summary>
public sealed class PollScheduler(
    HostSettings settings, IEnumerable<ICarrierPoller> pollers, CarrierBudgets budgets, PollCursors cursors, IClock clock,
    ILogger<PollScheduler> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(pollers.Select(p => Task.Run(() => RunAsync(p, stoppingToken), stoppingToken)));

    async Task RunAsync(ICarrierPoller poller, CancellationToken ct)
    {
        var budget = budgets.For(poller.Carrier);
        var due = new Dictionary<(string Tenant, string Id), Instant>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                foreach (var subscription in settings.Polling.Subscriptions.Where(s => s.Carrier == poller.Carrier))
                {
                    var key = (subscription.Tenant, subscription.Id);
                    if (due.TryGetValue(key, out var at) && clock.GetCurrentInstant() < at) continue;
                    await budget.WaitForRetryAfterAsync(ct);
                    await PollOnceAsync(poller, budget, subscription, ct);
                    due[key] = clock.GetCurrentInstant() + Duration.FromTimeSpan(subscription.Interval);
                }
                await Task.Delay(settings.Polling.Tick, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    async Task PollOnceAsync(ICarrierPoller poller, CarrierBudget budget, PollSubscription subscription, CancellationToken ct)
    {
        var leased = false;
        try
        {
            (leased, var cursor) = await cursors.TryLeaseAsync(subscription, ct);
            if (!leased) return;
            await poller.PollAsync(subscription, cursor, ct);
            budget.PollFinished(null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var reason = ex switch
            {
                BrokenCircuitException => "circuit open",
                PollFailedException => ex.Message,
                _ => $"{ex.GetType().Name}: {ex.Message}",
            };
            budget.PollFinished(reason);
            log.LogWarning("poll of {Carrier} {Subscription} (tenant {Tenant}) failed, cursor kept: {Reason}",
                subscription.Carrier, subscription.Id, subscription.Tenant, reason);
        }
        finally
        {
            if (leased)
                try { await cursors.ReleaseAsync(subscription, CancellationToken.None); }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException) { /* the lease expires by itself */ }
        }
    }
}
