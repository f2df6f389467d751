using Logistics.Host.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Logistics.Host.Health;

/// <summary>What the broker itself says about one queue: whether it exists, its consumers and its ready messages.</summary>
public sealed record QueueView(string Queue, bool Exists, long Consumers, long Messages);

/// <summary>
/// The broker's own view of our queues, over a RabbitMQ.Client connection of its own (not MassTransit's, whose view of
/// its consumers is what we distrust: MassTransit/MassTransit#5692). A passive queue declare reports the consumer count
/// without creating anything. No automatic recovery: a dead connection is dropped and made again on the next look,
/// and every call has a timeout (RabbitMQ.Client 7 can hang after a broker restart: rabbitmq-dotnet-client#1930).
/// </summary>
public sealed class BrokerProbe(HostSettings settings) : IAsyncDisposable
{
    static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);
    readonly SemaphoreSlim _gate = new(1, 1);
    IConnection? _connection;

    public async Task<IReadOnlyList<QueueView>> ObserveAsync(IReadOnlyList<string> queues, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(CallTimeout * (1 + queues.Count));
            try
            {
                var connection = await ConnectAsync(timeout.Token);
                var views = new List<QueueView>(queues.Count);
                IChannel? channel = null;
                try
                {
                    foreach (var queue in queues)
                    {
                        channel ??= await connection.CreateChannelAsync(cancellationToken: timeout.Token);
                        try
                        {
                            var ok = await channel.QueueDeclarePassiveAsync(queue, timeout.Token);
                            views.Add(new QueueView(queue, true, ok.ConsumerCount, ok.MessageCount));
                        }
                        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
                        {
                            // The broker closes the channel on a missing queue; the next queue gets a new one.
                            views.Add(new QueueView(queue, false, 0, 0));
                            await channel.DisposeAsync();
                            channel = null;
                        }
                    }
                }
                finally
                {
                    if (channel is not null) await channel.DisposeAsync();
                }
                return views;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                await DropAsync();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        if (_connection is { IsOpen: true }) return _connection;
        await DropAsync();
        var first = new Uri(settings.RabbitMq);
        var factory = new ConnectionFactory
        {
            UserName = settings.RabbitMqUsername,
            Password = settings.RabbitMqPassword,
            VirtualHost = first.AbsolutePath is "/" or "" ? "/" : Uri.UnescapeDataString(first.AbsolutePath.TrimStart('/')),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = CallTimeout,
            ContinuationTimeout = CallTimeout,
            HandshakeContinuationTimeout = CallTimeout,
        };
        var endpoints = settings.RabbitMqNodes.Select(n => new AmqpTcpEndpoint(n.Host, n.Port)).ToList();
        _connection = await factory.CreateConnectionAsync(endpoints, $"{settings.QueuePrefix}-consumer-supervisor", ct);
        return _connection;
    }

    async Task DropAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is null) return;
        try { await connection.DisposeAsync(); }
        catch (Exception) { /* a dead connection may fail to close; it is gone either way */ }
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _gate.Dispose();
    }
}
