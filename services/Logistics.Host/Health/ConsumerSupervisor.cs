using Logistics.Host.Infrastructure;
using Logistics.Host.Translation;
using MassTransit;
using NodaTime;

namespace Logistics.Host.Health;

/// <summary>The supervisor's latest look at the broker: null queues while the broker did not answer.</summary>
public sealed record ConsumerObservation(Instant At, IReadOnlyList<QueueView>? Queues, string? BrokerError)
{
    public IEnumerable<string> QueuesWithoutConsumer => Queues?.Where(q => !q.Exists || q.Consumers == 0).Select(q => q.Queue) ?? [];

    public bool AllConsumed => Queues is not null && !QueuesWithoutConsumer.Any();

    /// <summary>Ready messages over all translate queues (a backlog: a re-drive now would only add duplicates to it).</summary>
    public long Backlog => Queues?.Sum(q => q.Messages) ?? 0;
}

/// <summary>
/// Does not trust the client library's reconnect (MassTransit/MassTransit#5692: after a broker restart the consumers
/// sometimes never come back while the bus keeps running). Every few seconds it asks the broker, over its own
/// connection, whether each of our translate queues has a consumer; a queue without one for
/// <see cref="HostSettings.ConsumerMissingGrace"/> while the broker answers gets its receive endpoint restarted
/// (<see cref="TranslateReceivers"/>); one still without a consumer after the back-off gets the bus restarted with all
/// translate endpoints, again after a doubling back-off while it stays without one.
/// With several hosts a queue counts as consumed when any host consumes it: that is what keeps translation going
/// (a standby of the single active consumer takes over at once), and the broker's view cannot tell hosts apart.
/// </summary>
public sealed class ConsumerSupervisor(
    BrokerProbe probe, TranslateReceivers receivers, BusStarted busStarted, IBusControl bus, HostSettings settings, IClock clock,
    ReliabilityCounters counters, ILogger<ConsumerSupervisor> log) : BackgroundService
{
    sealed class Missing(Instant since, Instant notBefore, TimeSpan backoff)
    {
        public Instant Since { get; } = since;
        public Instant NotBefore { get; set; } = notBefore;
        public TimeSpan Backoff { get; set; } = backoff;
        public int Restarts { get; set; }
    }

    readonly Dictionary<string, Missing> _missing = new(StringComparer.Ordinal);
    ConsumerObservation? _latest;

    /// <summary>Null until the first look.</summary>
    public ConsumerObservation? Latest => Volatile.Read(ref _latest);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await busStarted.Task.WaitAsync(stoppingToken);
        await receivers.ConnectMissingAsync(stoppingToken);
        using var timer = new PeriodicTimer(settings.ConsumerCheckInterval);
        do
        {
            var observation = await ObserveAsync(stoppingToken);
            Volatile.Write(ref _latest, observation);
            if (observation.Queues is not null) await ActAsync(observation, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    async Task<ConsumerObservation> ObserveAsync(CancellationToken ct)
    {
        try
        {
            var queues = await probe.ObserveAsync(settings.TranslateQueues, ct);
            return new ConsumerObservation(clock.GetCurrentInstant(), queues, null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Broker unreachable: nothing to consume from, so nothing to restart; the grace starts once it answers.
            _missing.Clear();
            return new ConsumerObservation(clock.GetCurrentInstant(), null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    async Task ActAsync(ConsumerObservation observation, CancellationToken ct)
    {
        var now = observation.At;
        var without = observation.QueuesWithoutConsumer.ToHashSet(StringComparer.Ordinal);
        foreach (var consumed in _missing.Keys.Where(q => !without.Contains(q)).ToList()) _missing.Remove(consumed);
        foreach (var queue in without)
            if (!_missing.ContainsKey(queue))
                _missing[queue] = new Missing(now, now + Duration.FromTimeSpan(settings.ConsumerMissingGrace), settings.EndpointRestartBackoff);
        var due = _missing.Where(kv => now >= kv.Value.NotBefore).ToList();
        if (due.Count == 0) return;

        // First an endpoint restart on the current connection; a queue still without a consumer after one gets the bus
        // restarted (a new connection) with every translate endpoint.
        var withBus = due.Any(kv => kv.Value.Restarts > 0);
        log.LogWarning("translate queues without a consumer while the broker answers ({Queues}, for up to {Seconds:0} s): {Action}",
            string.Join(", ", due.Select(kv => kv.Key)), due.Max(kv => (now - kv.Value.Since).TotalSeconds),
            withBus ? "restarting the bus and all translate endpoints" : "restarting their endpoints");
        try
        {
            if (withBus)
            {
                counters.CountBusRestart();
                await receivers.RestartAllWithBusAsync(bus, ct);
            }
            else
                foreach (var (queue, _) in due)
                {
                    counters.CountEndpointRestart();
                    await receivers.RestartAsync(queue, ct);
                }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogError(ex, "restart failed; the supervisor tries again after the back-off");
        }
        var after = clock.GetCurrentInstant();
        foreach (var (_, m) in due)
        {
            m.Restarts++;
            m.NotBefore = after + Duration.FromTimeSpan(m.Backoff);
            m.Backoff = TimeSpan.FromTicks(Math.Min(m.Backoff.Ticks * 2, TimeSpan.FromMinutes(2).Ticks));
        }
    }
}
