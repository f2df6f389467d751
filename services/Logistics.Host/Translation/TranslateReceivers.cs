using Logistics.Host.Infrastructure;
using MassTransit;

namespace Logistics.Host.Translation;

/// <summary>
/// The translate receive endpoints, connected to the running bus by name so that any one of them can be restarted alone.
/// A bus restart does not revive them: MassTransit restarts only the endpoints it does not consider started, and an
/// endpoint that faulted while the broker was coming back counts as started (seen here after a broker SIGKILL: the
/// endpoint stays faulted, the bus restarts, the queue keeps 0 consumers). Removing the endpoint and connecting a fresh
/// one with the same name does.
/// <para>
/// Stage one (<see cref="PartitionRouter"/>) is one quorum queue shared by all hosts as competing consumers. Stage two
/// (<see cref="TranslateConsumer"/>) is one quorum queue per partition with a single active consumer: every host
/// subscribes to every partition, the broker delivers each partition to one of them at a time and fails over to another
/// when that one's channel dies — so two writers never append to the same stream at once, on any number of hosts.
/// Both: an explicit delivery limit (RabbitMQ 3.10 sets none), batches for Marten's batched append, one batch at a time
/// per queue, and in-process retry (MassTransit's delayed redelivery is broken since 8.3.2) long enough to ride out a
/// PostgreSQL restart before a message moves to the _error queue (the re-publisher re-drives it from the raw inbox later).
/// </para>
/// </summary>
public sealed class TranslateReceivers(IReceiveEndpointConnector connector, HostSettings settings, ILogger<TranslateReceivers> log)
{
    readonly Dictionary<string, HostReceiveEndpointHandle> _handles = new(StringComparer.Ordinal);
    readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Connects every translate endpoint not connected yet (the bus must have started).</summary>
    public async Task ConnectMissingAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            foreach (var queue in settings.TranslateQueues)
                if (!_handles.ContainsKey(queue))
                    _handles[queue] = Connect(queue);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes the endpoint of <paramref name="queue"/> from the bus (waiting a bounded time for it to stop) and connects a new one.</summary>
    public async Task RestartAsync(string queue, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_handles.Remove(queue, out var old))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    // Removal from the bus happens first, so a stop that does not finish still frees the name.
                    await old.StopAsync(timeout.Token);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    log.LogWarning("endpoint {Queue} did not stop cleanly ({Reason}); replacing it anyway", queue, ex.GetType().Name);
                }
            }
            _handles[queue] = Connect(queue);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The heavier cure, for when a fresh endpoint on the bus's current connection does not get a consumer either (seen
    /// here: after a broker SIGKILL the broker answers basic.consume with INTERNAL_ERROR while its quorum queues recover,
    /// and RabbitMQ.Client 7.2.2 then throws ObjectDisposedException from BasicConsumeAsync on every retry on that
    /// connection). Removes every translate endpoint, restarts the bus — a new connection — and connects them all again.
    /// </summary>
    public async Task RestartAllWithBusAsync(IBusControl bus, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            foreach (var (queue, handle) in _handles)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(15));
                try { await handle.StopAsync(timeout.Token); }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    log.LogWarning("endpoint {Queue} did not stop cleanly ({Reason}); replacing it anyway", queue, ex.GetType().Name);
                }
            }
            _handles.Clear();
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                stop.CancelAfter(TimeSpan.FromSeconds(30));
                try { await bus.StopAsync(stop.Token); }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    log.LogWarning("bus stop did not complete cleanly ({Reason}); starting it anyway", ex.GetType().Name);
                }
            }
            using (var start = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                start.CancelAfter(TimeSpan.FromSeconds(60));
                await bus.StartAsync(start.Token);
            }
            foreach (var queue in settings.TranslateQueues) _handles[queue] = Connect(queue);
        }
        finally
        {
            _gate.Release();
        }
    }

    HostReceiveEndpointHandle Connect(string queue)
    {
        if (queue == settings.TranslateQueue)
            return connector.ConnectReceiveEndpoint(queue, (context, e) =>
            {
                Common((IRabbitMqReceiveEndpointConfigurator)e);
                e.ConfigureConsumer<PartitionRouter>(context, c => c.Options<BatchOptions>(Batch));
            });
        var partition = Enumerable.Range(0, settings.TranslatePartitions).Single(p => settings.PartitionQueue(p) == queue);
        return connector.ConnectReceiveEndpoint(queue, (context, e) =>
        {
            var rabbit = (IRabbitMqReceiveEndpointConfigurator)e;
            Common(rabbit);
            rabbit.SingleActiveConsumer = true;
            rabbit.Bind(settings.PartitionExchange, b =>
            {
                b.ExchangeType = RabbitMQ.Client.ExchangeType.Direct;
                b.RoutingKey = partition.ToString(System.Globalization.CultureInfo.InvariantCulture);
            });
            e.ConfigureConsumer<TranslateConsumer>(context, c => c.Options<BatchOptions>(Batch));
        });
    }

    void Batch(BatchOptions o) => o.SetMessageLimit(settings.BatchSize).SetTimeLimit(settings.BatchTimeLimit).SetConcurrencyLimit(1);

    void Common(IRabbitMqReceiveEndpointConfigurator e)
    {
        e.PrefetchCount = Math.Max(settings.BatchSize * 2, 16);
        e.ConcurrentMessageLimit = settings.BatchSize * 2;
        e.SetQuorumQueue();
        e.SetQueueArgument("x-delivery-limit", 20);
        // References arrive by send to the endpoint's own exchange (stage one) or by partition (stage two), never by publish.
        e.ConfigureConsumeTopology = false;
        // ~2.5 minutes of retries, at most 5 s apart: a PostgreSQL crash and restart is ridden out in memory, not in
        // _error, and translation resumes within seconds of the database answering again.
        e.UseMessageRetry(r => r.Exponential(32, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300)));
    }
}
